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
    expect(screen.getByText(/You have not opened a lesson yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse the catalogue' })).toHaveAttribute('href', '/catalog');
  });

  it('completes a lesson and keeps a note, then continues from the home page', async () => {
    const user = userEvent.setup();
    const content = moduleContent(MODULE);
    const lesson = content.lessons[0]!;
    const view = await renderRoute(`/modules/${MODULE}/lessons/${lesson.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: lesson.title })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark lesson as complete' }));
    expect(await screen.findByText(/You completed this lesson on/)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /Your notes on this lesson/ }), 'Ask the patron to call the bank back.');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Saved on this device')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Bookmark/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Bookmarked/ })).toHaveAttribute('aria-pressed', 'true'));
    view.unmount();

    await renderRoute('/');
    const continueSection = (await screen.findByRole('heading', { name: 'Continue where you left off' })).closest('section')!;
    await within(continueSection).findByText(lesson.title);
    expect(within(continueSection).getByRole('link', { name: 'Continue reading' })).toHaveAttribute(
      'href',
      `/modules/${MODULE}/lessons/${lesson.id}`,
    );
  });

  it('takes the quiz, sees the explanation after each answer, and passes', async () => {
    const user = userEvent.setup();
    const quiz = moduleContent(MODULE).quiz!;
    await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    for (const question of quiz.questions) {
      const group = await screen.findByRole('group', {
        name: new RegExp(question.text.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      });
      if (question.type === 'truefalse') {
        await user.click(within(group).getByRole('radio', { name: question.answer ? 'True' : 'False' }));
      } else if (question.type === 'single' || question.type === 'multiple') {
        const answers = question.type === 'single' ? [question.answer] : question.answer;
        for (const id of answers) {
          const text = question.options.find((o) => o.id === id)!.text;
          await user.click(within(group).getByRole(question.type === 'single' ? 'radio' : 'checkbox', { name: text }));
        }
      } else {
        // Put the steps in the right order with the move buttons, as a keyboard user would.
        for (const [target, option] of question.options.entries()) {
          const items = () =>
            within(group)
              .getAllByRole('listitem')
              .map((li) => li.textContent ?? '');
          let index = items().findIndex((text) => text.startsWith(option.text));
          while (index > target) {
            await user.click(within(group).getByRole('button', { name: `Move “${option.text}” up` }));
            index -= 1;
          }
        }
      }
      await user.click(screen.getByRole('button', { name: 'Check answer' }));
      const feedback = await screen.findByText('Correct.');
      expect(feedback.closest('[role="status"]')).toHaveTextContent(question.explanation);
      await user.click(screen.getByRole('button', { name: /Next question|See my result/ }));
    }
    expect(await screen.findByRole('heading', { name: 'You passed' })).toBeInTheDocument();
    expect(
      screen.getByText(`You answered ${quiz.questions.length} of ${quiz.questions.length} questions correctly (100%).`),
    ).toBeInTheDocument();
    expect(await screen.findByRole('table')).toHaveTextContent('Passed');
  });

  it('fails a quiz below the pass mark and can try again', async () => {
    const user = userEvent.setup();
    const quiz = moduleContent(MODULE).quiz!;
    await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    for (const question of quiz.questions) {
      const group = await screen.findByRole('group');
      if (question.type === 'truefalse') await user.click(within(group).getByRole('radio', { name: question.answer ? 'False' : 'True' }));
      else if (question.type === 'single')
        await user.click(
          within(group)
            .getAllByRole('radio')
            .find(
              (r) => (r as HTMLInputElement).labels?.[0]?.textContent !== question.options.find((o) => o.id === question.answer)!.text,
            )!,
        );
      else if (question.type === 'multiple') await user.click(within(group).getAllByRole('checkbox')[0]!);
      await user.click(screen.getByRole('button', { name: 'Check answer' }));
      await user.click(await screen.findByRole('button', { name: /Next question|See my result/ }));
    }
    expect(await screen.findByRole('heading', { name: 'Not passed yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(`Question 1 of ${quiz.questions.length}`)).toBeInTheDocument();
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
