import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuizQuestion } from '../../../../src/shared/content/compiled';
import { db } from '../../../../src/client/db/schema';
import { QUIZ_OPTION_ORDER_EXTENSION, QUIZ_QUESTIONS_EXTENSION, VERBS } from '../../../../src/shared/xapi/verbs';
import { moduleContent, renderRoute, resetLearner } from './render';

const MODULE = 'online-safety';
type User = ReturnType<typeof userEvent.setup>;

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

afterEach(async () => {
  await i18next.changeLanguage('en');
});

/** The question on screen (the attempt shuffles them), found by its text in the group's legend. */
async function shownQuestion(): Promise<{ question: QuizQuestion; group: HTMLElement }> {
  const group = await screen.findByRole('group');
  const legend = group.querySelector('legend')?.textContent ?? '';
  const question = moduleContent(MODULE).quiz!.questions.find((q) => q.text === legend);
  if (!question) throw new Error(`"${legend}" is not a question of ${MODULE}`);
  return { question, group };
}

const optionText = (question: QuizQuestion, id: string) =>
  question.type === 'truefalse' ? String(id) : question.options.find((o) => o.id === id)!.text;

/** The option texts in the order shown. */
const shownOptions = (group: HTMLElement) =>
  [...group.querySelectorAll('.quiz-choice__text, .quiz-order__text')].map((element) => element.textContent ?? '');

/** The controls that give an answer: radios, checkboxes, or the move buttons of steps to order. */
const answerControls = (group: HTMLElement) => [
  ...within(group).queryAllByRole('radio'),
  ...within(group).queryAllByRole('checkbox'),
  ...within(group).queryAllByRole('button'),
];

async function answerRight(user: User, { question, group }: { question: QuizQuestion; group: HTMLElement }) {
  if (question.type === 'truefalse') {
    await user.click(within(group).getByRole('radio', { name: i18next.t(question.answer ? 'quiz.true' : 'quiz.false') }));
  } else if (question.type === 'single' || question.type === 'multiple') {
    const answers = question.type === 'single' ? [question.answer] : question.answer;
    for (const id of answers)
      await user.click(within(group).getByRole(question.type === 'single' ? 'radio' : 'checkbox', { name: optionText(question, id) }));
  } else {
    // Put the steps in the right order with the move buttons, as a keyboard user would.
    for (const [target, option] of question.options.entries()) {
      let index = shownOptions(group).indexOf(option.text);
      while (index > target) {
        await user.click(within(group).getByRole('button', { name: i18next.t('quiz.moveUp', { item: option.text }) }));
        index -= 1;
      }
    }
  }
}

/**
 * Answers right and goes on until a question of that kind is shown (the draw puts it anywhere).
 * Each next question is waited for by its number, with the focus on its heading: the one before
 * stays on screen until "Next question" has stored the step.
 */
async function answerUntil(user: User, kind: QuizQuestion['type']) {
  let shown = await shownQuestion();
  for (let step = 2; shown.question.type !== kind; step++) {
    await answerRight(user, shown);
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await user.click(await screen.findByRole('button', { name: 'Next question' }));
    const heading = await screen.findByRole('heading', { level: 2, name: new RegExp(`^Question ${step} of`) });
    await waitFor(() => expect(heading).toHaveFocus());
    shown = await shownQuestion();
  }
  return shown;
}

async function startedStatement() {
  await waitFor(async () => expect(await db().statements.count()).toBeGreaterThan(0));
  const rows = await db().statements.toArray();
  return rows.map((row) => row.statement).find((s) => s.verb.id === VERBS.attempted)!;
}

describe('a learner taking a quiz', () => {
  it('takes the quiz with focus on each new question, sees the explanation after each answer, and passes', async () => {
    const user = userEvent.setup();
    const quiz = moduleContent(MODULE).quiz!;
    await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    for (let step = 1; step <= quiz.questions.length; step++) {
      const heading = await screen.findByRole('heading', { level: 2, name: `Question ${step} of ${quiz.questions.length}` });
      await waitFor(() => expect(heading).toHaveFocus());
      const shown = await shownQuestion();
      await answerRight(user, shown);
      await user.click(screen.getByRole('button', { name: 'Check answer' }));
      const feedback = await screen.findByText('Correct.');
      expect(feedback.closest('[role="status"]')).toHaveTextContent(shown.question.explanation);
      expect(feedback.closest('[role="status"]')).not.toHaveTextContent('The right answer');
      await user.click(screen.getByRole('button', { name: /Next question|See my result/ }));
    }
    const result = await screen.findByRole('heading', { name: 'You passed' });
    await waitFor(() => expect(result).toHaveFocus());
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
    for (let step = 1; step <= quiz.questions.length; step++) {
      await screen.findByText(`Question ${step} of ${quiz.questions.length}`);
      const { question, group } = await shownQuestion();
      if (question.type === 'truefalse') await user.click(within(group).getByRole('radio', { name: question.answer ? 'False' : 'True' }));
      else if (question.type === 'single')
        await user.click(within(group).getByRole('radio', { name: question.options.find((o) => o.id !== question.answer)!.text }));
      else if (question.type === 'multiple')
        await user.click(within(group).getByRole('checkbox', { name: optionText(question, question.answer[0]!) }));
      await user.click(screen.getByRole('button', { name: 'Check answer' }));
      await user.click(await screen.findByRole('button', { name: /Next question|See my result/ }));
    }
    expect(await screen.findByRole('heading', { name: 'Not passed yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(`Question 1 of ${quiz.questions.length}`)).toBeInTheDocument();
  });

  it('marks a wrong choice and the right one with words, and says which answer was right', async () => {
    const user = userEvent.setup();
    await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    // Answer right until a single-choice question comes, then answer it wrong.
    const { question, group } = await answerUntil(user, 'single');
    if (question.type !== 'single') throw new Error('unreachable');
    const right = optionText(question, question.answer);
    const wrong = question.options.find((o) => o.id !== question.answer)!.text;
    await user.click(within(group).getByRole('radio', { name: wrong }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));

    const feedback = (await screen.findByText('Not quite.')).closest('[role="status"]') as HTMLElement;
    expect(feedback).toHaveFocus();
    expect(feedback).toHaveTextContent(`The right answer: ${right}`);
    const label = (text: string) => within(group).getByText(text, { selector: '.quiz-choice__text' }).closest('label')!;
    expect(label(wrong)).toHaveTextContent('Your answer: wrong');
    expect(label(wrong)).toHaveClass('quiz-choice--chosen-wrong');
    expect(label(right)).toHaveTextContent('The right answer');
    expect(label(right)).toHaveClass('quiz-choice--missed');
    // Icons stand beside the words and are hidden from assistive technology.
    for (const icon of group.querySelectorAll('svg')) expect(icon).toHaveAttribute('aria-hidden', 'true');
  });

  it('gives a question with several answers one instruction', async () => {
    const user = userEvent.setup();
    await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    const shown = await answerUntil(user, 'multiple');
    expect(shown.group).toHaveAccessibleDescription('Choose all that apply.');
    expect(shown.group.textContent?.match(/all that apply/gi)).toHaveLength(1);
  });

  it('records the order it showed, and shows the same order when the attempt is continued', async () => {
    const user = userEvent.setup();
    const view = await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    const first = await shownQuestion();
    const firstOrder = shownOptions(first.group);
    const started = await startedStatement();
    const questionIds = started.context?.extensions?.[QUIZ_QUESTIONS_EXTENSION] as string[];
    const optionOrder = started.context?.extensions?.[QUIZ_OPTION_ORDER_EXTENSION] as Record<string, string[]>;
    expect(questionIds[0]).toBe(first.question.id);
    if (first.question.type !== 'truefalse')
      expect(firstOrder).toEqual(optionOrder[first.question.id]!.map((id) => optionText(first.question, id)));
    // Every choice and ordering question has its order on record, with each of its options once.
    for (const question of moduleContent(MODULE).quiz!.questions) {
      if (question.type === 'truefalse') expect(optionOrder[question.id]).toBeUndefined();
      else expect([...optionOrder[question.id]!].sort()).toEqual(question.options.map((o) => o.id).sort());
    }

    await answerRight(user, first);
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await waitFor(async () => expect(await db().statements.count()).toBe(2));
    view.unmount();

    await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Continue that attempt' }));
    // The checked answer first, as it was left; the next question one step on.
    await user.click(await screen.findByRole('button', { name: 'Next question' }));
    const heading = await screen.findByRole('heading', { level: 2, name: /^Question 2 of/ });
    await waitFor(() => expect(heading).toHaveFocus());
    const second = await shownQuestion();
    expect(second.question.id).toBe(questionIds[1]);
    if (second.question.type !== 'truefalse')
      expect(shownOptions(second.group)).toEqual(optionOrder[second.question.id]!.map((id) => optionText(second.question, id)));
  });

  it('shows a checked answer with its feedback again after a reload, and the next question once moved on', async () => {
    const user = userEvent.setup();
    const total = moduleContent(MODULE).quiz!.questions.length;
    const first = await (async () => {
      const view = await renderRoute(`/modules/${MODULE}/quiz`);
      await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
      const shown = await shownQuestion();
      await answerRight(user, shown);
      await user.click(screen.getByRole('button', { name: 'Check answer' }));
      await screen.findByText('Correct.');
      await waitFor(async () => expect(await db().statements.count()).toBe(2));
      view.unmount();
      return shown.question;
    })();

    // Reloaded before "Next question": the same question, checked, with its verdict and explanation.
    let view = await renderRoute(`/modules/${MODULE}/quiz`);
    expect(await screen.findByText(`An attempt you started is not finished (answered: 1 of ${total}).`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue that attempt' }));
    const heading = await screen.findByRole('heading', { level: 2, name: `Question 1 of ${total}` });
    await waitFor(() => expect(heading).toHaveFocus());
    expect((await shownQuestion()).question.id).toBe(first.id);
    const feedback = screen.getByText('Correct.').closest('[role="status"]');
    expect(feedback).toHaveTextContent(first.explanation);
    // Whatever kind the drawn question is, the answer can no longer change: checked steps show
    // their marks instead of move buttons, and choices stay shown but closed.
    const checkedControls = answerControls(screen.getByRole('group'));
    if (first.type === 'order') expect(checkedControls).toHaveLength(0);
    else {
      expect(checkedControls.length).toBeGreaterThan(0);
      for (const control of checkedControls) expect(control).toBeDisabled();
    }
    expect(screen.queryByRole('button', { name: 'Check answer' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    await screen.findByRole('heading', { level: 2, name: `Question 2 of ${total}` });
    await waitFor(async () => expect(await db().meta.get(`quiz-step:${MODULE}`)).toBeDefined());
    view.unmount();

    // Reloaded after "Next question": the second question, open, and no feedback.
    view = await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Continue that attempt' }));
    expect(await screen.findByRole('heading', { level: 2, name: `Question 2 of ${total}` })).toBeInTheDocument();
    expect(screen.queryByText('Correct.')).toBeNull();
    const second = await shownQuestion();
    expect(second.question.id).not.toBe(first.id);
    const submit = screen.getByRole('button', { name: 'Check answer' });
    if (second.question.type === 'order') {
      // Steps as shown are already an answer, so Check is offered; at least one move is open.
      expect(submit).toBeEnabled();
      expect(answerControls(second.group).some((control) => !(control as HTMLButtonElement).disabled)).toBe(true);
    } else {
      // Nothing chosen yet, so there is nothing to check.
      for (const control of answerControls(second.group)) {
        expect(control).toBeEnabled();
        expect(control).not.toBeChecked();
      }
      expect(submit).toBeDisabled();
    }
    view.unmount();
  });

  it('keeps focus on a moved step and says its new place, also at the top and the bottom', async () => {
    const user = userEvent.setup();
    await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    const { group } = await answerUntil(user, 'order');
    const total = shownOptions(group).length;
    const second = shownOptions(group)[1]!;
    const live = document.querySelector('[aria-live="polite"]')!;

    // Up to the top: "up" is disabled there, so focus goes to its "down" button.
    await user.click(within(group).getByRole('button', { name: `Move “${second}” up` }));
    expect(shownOptions(group)[0]).toBe(second);
    await waitFor(() => expect(within(group).getByRole('button', { name: `Move “${second}” down` })).toHaveFocus());
    await waitFor(() => expect(live).toHaveTextContent(`Moved to position 1 of ${total}.`));

    // Down one: focus stays on "down".
    await user.keyboard('{Enter}');
    expect(shownOptions(group)[1]).toBe(second);
    await waitFor(() => expect(within(group).getByRole('button', { name: `Move “${second}” down` })).toHaveFocus());
    await waitFor(() => expect(live).toHaveTextContent(`Moved to position 2 of ${total}.`));

    // To the bottom: focus moves to "up".
    for (let place = 2; place < total; place++) await user.keyboard('{Enter}');
    expect(shownOptions(group)[total - 1]).toBe(second);
    await waitFor(() => expect(within(group).getByRole('button', { name: `Move “${second}” up` })).toHaveFocus());
    await waitFor(() => expect(live).toHaveTextContent(`Moved to position ${total} of ${total}.`));
  });

  it('marks the English title, questions, options and explanations in the Italian UI with lang="en", and its own words not', async () => {
    const user = userEvent.setup();
    await renderRoute(`/modules/${MODULE}/quiz`);
    await i18next.changeLanguage('it');
    const title = moduleContent(MODULE).title;
    const heading = await screen.findByRole('heading', { level: 1, name: `Quiz: ${title}` });
    expect(within(heading).getByText(title)).toHaveAttribute('lang', 'en');
    expect(heading).not.toHaveAttribute('lang');
    expect(within(screen.getByRole('navigation', { name: 'Ti trovi qui' })).getByRole('link', { name: title })).toHaveAttribute(
      'lang',
      'en',
    );
    await user.click(await screen.findByRole('button', { name: 'Inizia il quiz' }));
    const { question, group } = await shownQuestion();
    expect(group.querySelector('legend')).toHaveAttribute('lang', 'en');
    if (question.type === 'truefalse') {
      expect(within(group).getByText('Vero')).not.toHaveAttribute('lang');
    } else {
      for (const element of group.querySelectorAll('.quiz-choice__text, .quiz-order__text')) expect(element).toHaveAttribute('lang', 'en');
    }
    await answerRight(user, { question, group });
    await user.click(screen.getByRole('button', { name: 'Verifica la risposta' }));
    const feedback = (await screen.findByText('Risposta corretta.')).closest('[role="status"]') as HTMLElement;
    expect(within(feedback).getByText(question.explanation)).toHaveAttribute('lang', 'en');
  });
});
