/*
 * The quiz in a real browser: a whole quiz by keyboard with focus and announcements, a new
 * order of questions and options per attempt, an attempt in progress kept over a reload (a
 * checked answer with its feedback too), and the mentor's review showing the order the
 * learner saw.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { eventually, expectVisible, useBrowser } from './browser';
import { expectFocused, tabTo } from './keyboard';
import { ServerApi } from './api';
import { cohortWithMentor, learnerOf, signedInDevice, syncUntilAllSent } from './mentoring-helpers';
import { readModule, readQuiz } from './repo';
import { en } from './strings';
import { QuizPage } from './pages/QuizPage';
import { MentorLearnerPage } from './pages/MentorLearnerPage';

const MODULE_ID = 'online-safety';

/** What one attempt showed: each question's id with its options (or steps) in the order shown. */
type Seen = { id: string; options: string[] }[];

/** A whole attempt answered right, from the quiz page; what each question showed, in order. */
async function takeAttempt(quizPage: QuizPage): Promise<Seen> {
  const quiz = readQuiz(MODULE_ID);
  const total = quiz.questions.length;
  await quizPage.open(MODULE_ID);
  await quizPage.start();
  const seen: Seen = [];
  for (let step = 1; step <= total; step++) {
    await expectVisible(quizPage.questionHeading(step, total), `question ${step} of ${total}`);
    const question = await quizPage.shownQuestion(quiz.questions);
    seen.push({ id: question.id, options: await quizPage.optionsShown() });
    await quizPage.answerCorrectly(question);
    await quizPage.check();
    await quizPage.continue(step === total);
  }
  await expectVisible(quizPage.passedHeading, '"You passed"');
  return seen;
}

describe('the quiz', () => {
  // Every quiz here is taken online: no device stores the course (browser.ts).
  const browser = useBrowser({ storesCourse: false });
  const quiz = readQuiz(MODULE_ID);
  const total = quiz.questions.length;

  it('can be taken by keyboard alone, with focus on each new question and every move announced', async () => {
    const { page } = await browser.open();
    const quizPage = new QuizPage(page, en);
    await quizPage.open(MODULE_ID);
    await tabTo(page, quizPage.startButton, 'the button that starts the quiz');
    await page.keyboard.press('Enter');

    for (let step = 1; step <= total; step++) {
      await expectFocused(quizPage.questionHeading(step, total), `the heading "Question ${step} of ${total}"`);
      const question = await quizPage.shownQuestion(quiz.questions);
      await quizPage.answerByKeyboard(question);
      await tabTo(page, quizPage.checkButton, '"Check answer"', { max: 20 });
      await page.keyboard.press('Enter');
      await expectFocused(quizPage.feedback, `the feedback on "${question.id}"`);
      expect(await quizPage.feedback.innerText(), `feedback on "${question.id}"`).toMatch(new RegExp(`^${en.t('quiz.correct')}`));
      // The button that checked the answer now goes on, one Tab after the feedback.
      const next = step === total ? quizPage.seeResultButton : quizPage.nextButton;
      await page.keyboard.press('Tab');
      await expectFocused(next, step === total ? '"See my result"' : '"Next question"');
      await page.keyboard.press('Enter');
    }
    await expectFocused(quizPage.passedHeading, 'the result heading');
  });

  it('shows each attempt its own order of questions and options, and the same order again after a reload', async () => {
    const { page } = await browser.open();
    const quizPage = new QuizPage(page, en);

    const first = await takeAttempt(quizPage);
    const second = await takeAttempt(quizPage);
    expect(new Set(first.map((q) => q.id))).toEqual(new Set(quiz.questions.map((q) => q.id)));
    expect(
      second.map((q) => q.id),
      'the order of questions',
    ).not.toEqual(first.map((q) => q.id));
    const optionsOf = (seen: Seen) => Object.fromEntries(seen.map((q) => [q.id, q.options.join('\n')]));
    expect(optionsOf(second), 'the order of options').not.toEqual(optionsOf(first));

    // A third attempt, left after two answers and picked up again after a reload.
    await quizPage.open(MODULE_ID);
    await quizPage.start();
    const before: Seen = [];
    for (let step = 1; step <= 3; step++) {
      await expectVisible(quizPage.questionHeading(step, total), `question ${step} of ${total}`);
      const question = await quizPage.shownQuestion(quiz.questions);
      before.push({ id: question.id, options: await quizPage.optionsShown() });
      if (step === 3) break;
      await quizPage.answerCorrectly(question);
      await quizPage.check();
      await quizPage.continue(false);
    }
    await page.reload();
    await expectVisible(page.getByText(en.t('quiz.resumeNotice', { answered: 2, total }), { exact: true }), 'the unfinished attempt');
    await page.getByRole('button', { name: en.t('quiz.resume'), exact: true }).click();
    await expectFocused(quizPage.questionHeading(3, total), 'the third question, where the learner left off');
    const question = await quizPage.shownQuestion(quiz.questions);
    expect({ id: question.id, options: await quizPage.optionsShown() }, 'the third question as first shown').toEqual(before[2]);
    // The rest of the attempt goes on in the order it began with; an answer checked and then
    // reloaded shows again with its feedback, before "Next question".
    await quizPage.answerCorrectly(question);
    const feedback = await (await quizPage.check()).innerText();
    await page.reload();
    await page.getByRole('button', { name: en.t('quiz.resume'), exact: true }).click();
    await expectFocused(quizPage.questionHeading(3, total), 'the third question, checked');
    await expectVisible(quizPage.feedback, 'the feedback on the third answer, after a reload');
    expect(await quizPage.feedback.innerText(), 'the same feedback').toBe(feedback);
    await quizPage.continue(false);
    await expectVisible(quizPage.questionHeading(4, total), `question 4 of ${total}`);
  });

  it("shows the mentor the attempt's questions and options in the order the learner saw them", async () => {
    const api = new ServerApi(inject('baseURL'));
    const cohort = await cohortWithMentor(api, 'quiz-review');
    const learner = await learnerOf(api, cohort, 'quiz-review');
    const learnerSession = await signedInDevice(browser.open, learner);
    const seen = await takeAttempt(new QuizPage(learnerSession.page, en));
    await syncUntilAllSent(learnerSession.page, 'the attempt to be sent');

    const mentorSession = await signedInDevice(browser.open, cohort.mentor);
    const learnerPage = new MentorLearnerPage(mentorSession.page, en);
    await learnerPage.open(learner.userId, learner.name);
    const attempts = mentorSession.page.getByRole('region', { name: en.t('mentor.attemptsTitle'), exact: true });
    await attempts
      .locator('summary')
      .filter({ hasText: readModule(MODULE_ID).title.en })
      .click();
    const questionRows = attempts.getByRole('rowheader');
    const texts = await eventually(
      () => questionRows.allInnerTexts(),
      (shown) => shown.length === total,
      'every answer of the attempt',
    );
    const byId = new Map(quiz.questions.map((q) => [q.id, q]));
    expect(
      texts.map((text) => text.trim()),
      'the questions in the order seen',
    ).toEqual(seen.map((q) => byId.get(q.id)!.text.en.trim()));
    for (const question of seen) {
      const source = byId.get(question.id)!;
      if (source.type !== 'single' && source.type !== 'multiple') continue;
      const row = attempts
        .getByRole('row')
        .filter({ has: mentorSession.page.getByRole('rowheader', { name: source.text.en, exact: true }) });
      const shown = (await row.locator('.answer-shown li').allInnerTexts()).map((text) => text.replace(en.t('quiz.chosenMark'), '').trim());
      expect(shown, `the options of "${question.id}" in the order seen`).toEqual(question.options);
    }
  });

  it('has no axe violations on questions and their feedback, right or wrong, light and dark', async () => {
    const { page } = await browser.open({ colorScheme: 'light' });
    const quizPage = new QuizPage(page, en);
    await quizPage.open(MODULE_ID);
    await quizPage.start();
    const findings: string[] = [];
    const scan = async (where: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations)
          findings.push(`[${where}, ${colorScheme}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      await page.emulateMedia({ colorScheme: null });
    };
    for (let step = 1; step <= total; step++) {
      await expectVisible(quizPage.questionHeading(step, total), `question ${step} of ${total}`);
      const question = await quizPage.shownQuestion(quiz.questions);
      // Every other question answered wrong (the last option or "False"), so both kinds of marks are scanned.
      if (step % 2 === 0) await quizPage.answerCorrectly(question);
      else if (question.type === 'truefalse') await quizPage.question.getByRole('radio').last().check();
      else if (question.type !== 'order') await quizPage.question.locator('input').last().check();
      if (step <= 2) await scan(`${question.type} question`);
      await quizPage.checkButton.click();
      await expectVisible(quizPage.feedback, 'the feedback');
      await scan(`${question.type} question, checked`);
      await quizPage.continue(step === total);
    }
    await expectVisible(quizPage.main.getByRole('heading', { level: 2, name: /./ }), 'the result');
    await scan('result');
    expect(findings, findings.join('\n')).toEqual([]);
  });
});
