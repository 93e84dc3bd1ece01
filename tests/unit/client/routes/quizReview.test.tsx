import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contentFile, json, moduleContent, renderRoute, signInMentorForEachTest } from './render';
import { anna, failedAttempt, learnerReport } from './learnerReport';
import type { Catalog, QuizQuestion } from '../../../../src/shared/content/compiled';
import type { LearnerReport } from '../../../../src/shared/mentoring/contract';

const catalog = contentFile<Catalog>('content/catalog.json');
const quizModule = catalog.modules.find((m) => m.quiz)!;
const questions = moduleContent(quizModule.id).quiz!.questions;
const choices = questions.filter(
  (q): q is Extract<QuizQuestion, { type: 'single' | 'multiple' }> => q.type === 'single' || q.type === 'multiple',
);
const [first, second] = [choices[0]!, choices[1]!];

signInMentorForEachTest();

/** One finished attempt that saw `second` before `first`, each with its options reversed. */
const report = (): LearnerReport =>
  learnerReport({
    learner: anna,
    attempts: [
      failedAttempt({
        moduleId: quizModule.id,
        answers: [first, second].map((q) => ({ questionId: q.id, response: q.options.at(-1)!.id, success: false })),
        questionIds: [second.id, first.id],
        optionOrder: Object.fromEntries([first, second].map((q) => [q.id, q.options.map((o) => o.id).reverse()])),
      }),
    ],
  });

describe("a mentor's review of a quiz attempt", () => {
  it('lists the questions and their options in the order the learner saw them, with the choice marked', async () => {
    const user = userEvent.setup();
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(report()) : undefined));
    const attempts = await screen.findByRole('region', { name: 'Quiz attempts' }, { timeout: 5000 });
    await user.click(await within(attempts).findByText((text) => text.startsWith(`${quizModule.title.en}, `), { selector: 'summary' }));
    // Until the quiz's questions have loaded, a row names its question by id.
    await within(attempts).findByRole('rowheader', { name: first.text });
    const rows = within(attempts).getAllByRole('rowheader');
    expect(rows.map((row) => row.textContent)).toEqual([second.text, first.text]);

    for (const question of [second, first]) {
      const row = within(attempts).getByRole('rowheader', { name: question.text }).closest('tr')!;
      const answer = within(row).getAllByRole('cell')[0]!;
      expect(within(answer).getByText('Options in the order shown:')).toBeInTheDocument();
      const shown = within(answer)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
      const chosen = question.options.at(-1)!.text;
      expect(shown).toEqual([...question.options].reverse().map((o) => (o.text === chosen ? `${o.text} (chosen)` : o.text)));
    }
  });

  it('says right or wrong in words beside an icon, with no symbol characters for screen readers to read', async () => {
    const user = userEvent.setup();
    const mixed = report();
    mixed.attempts[0]!.answers[1] = { questionId: second.id, response: second.options.at(-1)!.id, success: true };
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(mixed) : undefined));
    const attempts = await screen.findByRole('region', { name: 'Quiz attempts' }, { timeout: 5000 });
    await user.click(await within(attempts).findByText((text) => text.startsWith(`${quizModule.title.en}, `), { selector: 'summary' }));
    for (const [question, verdict] of [
      [second, 'Right'],
      [first, 'Wrong'],
    ] as const) {
      const row = (await within(attempts).findByRole('rowheader', { name: question.text })).closest('tr')!;
      const result = within(row).getAllByRole('cell')[1]!;
      expect(result.textContent).toMatch(new RegExp(`^${verdict}`));
      expect(result.textContent).not.toMatch(/[✓✗✔✘]/);
      const icon = result.querySelector('svg');
      expect(icon, `an icon beside "${verdict}"`).not.toBeNull();
      expect(icon).toHaveAttribute('aria-hidden', 'true');
    }
  });
});
