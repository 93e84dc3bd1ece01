import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { moduleContent, renderRoute, resetLearner } from './render';

const MODULE = 'online-safety';

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

describe('a learner studying', () => {
  it('starts with an empty home page that points to the catalogue', async () => {
    await renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Biblio Study' })).toBeInTheDocument();
    expect(await screen.findByText(/You have not opened a lesson yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse the catalogue' })).toHaveAttribute('href', '/catalog');
  });

  it('completes a lesson and keeps a note, then continues from the home page', async () => {
    const user = userEvent.setup();
    const content = moduleContent(MODULE);
    const lesson = content.lessons[0]!;
    const view = await renderRoute(`/modules/${MODULE}/lessons/${lesson.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: lesson.title })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark lesson as complete' }));
    expect(await screen.findByText('Well done! You completed this lesson.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /Your notes on this lesson/ }), 'Ask the patron to call the bank back.');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Saved on this device')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Bookmark/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Bookmarked/ })).toHaveAttribute('aria-pressed', 'true'));
    view.unmount();

    await renderRoute('/');
    const continueSection = (await screen.findByRole('heading', { name: 'Continue where you left off' })).closest('section')!;
    // The lesson is finished, so Continue leads on to the next one.
    const next = content.lessons[1]!;
    await within(continueSection).findByText(next.title);
    expect(within(continueSection).getByRole('link', { name: 'Continue reading' })).toHaveAttribute(
      'href',
      `/modules/${MODULE}/lessons/${next.id}`,
    );
  });

  it('finds a lesson by searching its text, offline-capable and accent-insensitive', async () => {
    const user = userEvent.setup();
    await renderRoute('/catalog');
    await user.type(await screen.findByRole('searchbox', { name: 'Search modules and lessons' }), 'PHISHING');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('heading', { name: /Results for/ });
    const section = results.closest('section')!;
    await waitFor(() => expect(within(section).getAllByRole('link').length).toBeGreaterThan(0));
    expect(within(section).getByRole('status')).toHaveTextContent(/\d+ results?/);
  });

  it('filters the catalogue by pathway and competence area', async () => {
    const user = userEvent.setup();
    await renderRoute('/catalog');
    const count = await screen.findByText(/^\d+ modules?$/);
    const all = Number(count.textContent?.split(' ')[0]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Competence area' }), 'digcomp-4');
    await waitFor(() => expect(Number(screen.getByText(/^\d+ modules?$/).textContent?.split(' ')[0])).toBeLessThan(all));
    expect(screen.getByRole('link', { name: moduleContent(MODULE).title })).toBeInTheDocument();
  });

  it('shows a clear message for a module that does not exist', async () => {
    await renderRoute('/modules/no-such-module');
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find this module or lesson');
  });
});
