/*
 * Course text in another language than the UI (English content in an Italian UI) carries its
 * own lang attribute, so a screen reader reads it with the right voice.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveNote } from '../../../../src/client/db/actions';
import { moduleContent, renderRoute, resetLearner } from './render';

const MODULE = 'online-safety';

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

afterEach(async () => {
  await i18next.changeLanguage('en');
});

async function inItalian(path: string) {
  await renderRoute(path);
  await i18next.changeLanguage('it');
}

describe('English course text in the Italian UI', () => {
  it('is marked on the module page: title, breadcrumb and outcomes', async () => {
    const content = moduleContent(MODULE);
    await inItalian(`/modules/${MODULE}`);
    const heading = await screen.findByRole('heading', { level: 1, name: content.title }, { timeout: 5000 });
    expect(heading).toHaveAttribute('lang', 'en');
    const trail = screen.getByRole('navigation', { name: 'Ti trovi qui' });
    expect(within(trail).getByText(content.title)).toHaveAttribute('lang', 'en');
    expect(screen.getByText(content.outcomes[0]!).closest('ul')).toHaveAttribute('lang', 'en');
  });

  it('is marked in a lesson’s breadcrumb and its previous/next links', async () => {
    const content = moduleContent(MODULE);
    const [first, second] = content.lessons;
    await inItalian(`/modules/${MODULE}/lessons/${first!.id}`);
    await screen.findByRole('heading', { level: 1, name: first!.title }, { timeout: 5000 });
    const trail = screen.getByRole('navigation', { name: 'Ti trovi qui' });
    expect(within(trail).getByRole('link', { name: content.title })).toHaveAttribute('lang', 'en');
    expect(within(trail).getByText(first!.title)).toHaveAttribute('lang', 'en');
    expect(screen.getByText(second!.title, { selector: 'a[rel="next"] span' })).toHaveAttribute('lang', 'en');
  });

  it('is marked in a catalogue search hit and the module title inside “Lesson in …”', async () => {
    const user = userEvent.setup();
    await inItalian('/catalog');
    await user.type(await screen.findByRole('searchbox', { name: 'Cerca moduli e lezioni' }, { timeout: 5000 }), 'PHISHING');
    await user.click(screen.getByRole('button', { name: 'Cerca' }));
    const results = (await screen.findByRole('heading', { level: 2, name: /PHISHING/ }, { timeout: 5000 })).closest('section')!;
    await waitFor(() => expect(within(results).getAllByRole('heading', { level: 3 }).length).toBeGreaterThan(0));
    for (const title of within(results).getAllByRole('heading', { level: 3 })) expect(title).toHaveAttribute('lang', 'en');
    const inModule = within(results).getAllByText(
      (_, node) => node?.tagName === 'P' && /^Lezione del modulo /.test(node.textContent ?? ''),
    );
    expect(inModule[0]!.querySelector('span')).toHaveAttribute('lang', 'en');
  });

  it('is marked in My learning', async () => {
    const content = moduleContent(MODULE);
    const lesson = content.lessons[0]!;
    await saveNote({ moduleId: MODULE, moduleVersion: content.version, locale: lesson.locale, lessonId: lesson.id }, 'A note.');
    await inItalian('/learning');
    const title = await screen.findByText(lesson.title, { selector: 'span' }, { timeout: 5000 });
    expect(title).toHaveAttribute('lang', 'en');
  });
});
