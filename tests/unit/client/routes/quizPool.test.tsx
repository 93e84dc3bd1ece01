import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/client/db/schema';
import { QUIZ_QUESTIONS_EXTENSION, VERBS } from '../../../../src/shared/xapi/verbs';
import { moduleContent, renderRoute, replaceContentFile, resetLearner } from './render';

const MODULE = 'online-safety';
let restore: () => void = () => undefined;

beforeEach(async () => {
  await resetLearner();
  vi.restoreAllMocks();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  const content = moduleContent(MODULE);
  restore = replaceContentFile(`content/modules/${MODULE}/en.json`, { ...content, quiz: { ...content.quiz!, draw: 3 } });
});

afterEach(() => restore());

describe('a quiz with a question pool', () => {
  it('does not begin an attempt whose draw could not be saved, and says so', async () => {
    const user = userEvent.setup();
    await renderRoute(`/modules/${MODULE}/quiz`);
    const start = await screen.findByRole('button', { name: 'Start the quiz' });
    // Every write fails until the storage is back, whichever write comes first.
    const storageDown = vi
      .spyOn(db().statements, 'bulkAdd')
      .mockRejectedValue(Object.assign(new Error('The disk said no.'), { name: 'UnknownError' }));
    await user.click(start);
    expect(await screen.findByRole('alert')).toHaveTextContent('This could not be saved.');
    expect(screen.queryByText('Question 1 of 3')).toBeNull();
    storageDown.mockRestore();
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
    expect(await screen.findByText('Question 1 of 3')).toBeInTheDocument();
  });

  it('continues an unfinished attempt with the same questions after the page is left', async () => {
    const user = userEvent.setup();
    const pool = moduleContent(MODULE).quiz!.questions;
    const shownText = () => screen.getByRole('group').textContent ?? '';
    const view = await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    await screen.findByText('Question 1 of 3');
    const first = pool.find((q) => shownText().includes(q.text))!;
    if (first.type === 'truefalse') await user.click(screen.getByRole('radio', { name: 'True' }));
    else if (first.type !== 'order') await user.click(screen.getAllByRole(first.type === 'single' ? 'radio' : 'checkbox')[0]!);
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await waitFor(async () => expect(await db().statements.count()).toBe(2));
    const started = (await db().statements.toArray()).find((row) => row.statement.verb.id === VERBS.attempted)!;
    const drawn = started.statement.context?.extensions?.[QUIZ_QUESTIONS_EXTENSION] as string[];
    view.unmount();

    await renderRoute(`/modules/${MODULE}/quiz`);
    expect(await screen.findByText('An attempt you started is not finished (answered: 1 of 3).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue that attempt' }));
    expect(await screen.findByText('Question 1 of 3')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Next question' }));
    expect(await screen.findByText('Question 2 of 3')).toBeInTheDocument();
    expect(shownText()).toContain(pool.find((q) => q.id === drawn[1])!.text);
  });

  it('shows the drawn questions only, scores over them and records which ones were drawn', async () => {
    const user = userEvent.setup();
    const pool = moduleContent(MODULE).quiz!.questions;
    await renderRoute(`/modules/${MODULE}/quiz`);
    expect(
      await screen.findByText(`Questions per attempt: 3 of ${pool.length}, drawn at random, so a retake asks partly different ones.`),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));

    const shown: string[] = [];
    for (let step = 1; step <= 3; step++) {
      expect(await screen.findByText(`Question ${step} of 3`)).toBeInTheDocument();
      const group = screen.getByRole('group');
      const question = pool.find((q) => group.textContent?.includes(q.text));
      if (!question) throw new Error('the question shown is not in the pool');
      shown.push(question.id);
      if (question.type === 'truefalse') await user.click(within(group).getByRole('radio', { name: question.answer ? 'True' : 'False' }));
      else if (question.type !== 'order')
        await user.click(within(group).getAllByRole(question.type === 'single' ? 'radio' : 'checkbox')[0]!);
      await user.click(screen.getByRole('button', { name: 'Check answer' }));
      await user.click(await screen.findByRole('button', { name: /Next question|See my result/ }));
    }
    expect(await screen.findByText(/You answered \d of 3 questions correctly/)).toBeInTheDocument();

    const statements = (await db().statements.toArray()).map((row) => row.statement);
    const started = statements.filter((s) => s.verb.id === VERBS.attempted);
    expect(started).toHaveLength(1);
    expect(started[0]!.context?.extensions?.[QUIZ_QUESTIONS_EXTENSION]).toEqual(shown);
    const attempts = await db().attempts.toArray();
    expect(attempts.map((a) => [a.max, a.questionIds, a.answers.map((x) => x.questionId).sort()])).toEqual([[3, shown, [...shown].sort()]]);
  });
});
