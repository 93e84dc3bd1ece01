/*
 * Accessibility: an axe-core scan with zero violations on every route and every state of
 * the quiz, in the light and the dark theme, and a keyboard-only walk from the home page to
 * a checked quiz answer.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAttribute, expectVisible, useBrowser } from './browser';
import { AxeReport } from './axe';
import { expectFocused, focusedElement, hasVisibleFocus, tabTo } from './keyboard';
import { firstLesson, readModule, readQuiz } from './repo';
import { en } from './strings';
import { AppShell } from './pages/AppShell';
import { HomePage } from './pages/HomePage';
import { CatalogPage } from './pages/CatalogPage';
import { ModulePage } from './pages/ModulePage';
import { LessonPage } from './pages/LessonPage';
import { QuizPage } from './pages/QuizPage';
import { MyLearningPage } from './pages/MyLearningPage';
import { SettingsPage } from './pages/SettingsPage';

const MODULE_ID = 'online-public-services';
/** A word that occurs in the English content, so the search shows results. */
const SEARCH_WORD = 'password';

/** The pages a new learner sees before studying, and the two "not found" pages. */
async function scanPagesBeforeStudying(page: Page, report: AxeReport): Promise<void> {
  const home = new HomePage(page, en);
  await home.open();
  await report.scan(page, '/');

  const catalog = new CatalogPage(page, en);
  await catalog.open();
  await expectVisible(catalog.moduleLink(readModule(MODULE_ID).title.en), 'the module in the catalogue');
  await report.scan(page, '/catalog');

  await catalog.open(SEARCH_WORD);
  const results = await catalog.waitForResults(SEARCH_WORD);
  expect(await results.getByRole('link').count(), `search results for "${SEARCH_WORD}"`).toBeGreaterThan(0);
  await report.scan(page, `/catalog?q=${SEARCH_WORD}`);

  const modulePage = new ModulePage(page, en);
  await modulePage.open(MODULE_ID);
  await report.scan(page, `/modules/${MODULE_ID}`);

  const settings = new SettingsPage(page, en);
  await settings.open();
  await report.scan(page, '/settings');

  const notFound = new AppShell(page, en);
  await notFound.visit('/no/such/page');
  expect(await notFound.heading.innerText()).toBe(en.t('notFound.title'));
  await report.scan(page, '/no/such/page');

  await notFound.visit(`/modules/${MODULE_ID}/lessons/no-such-lesson`);
  await report.scan(page, `/modules/${MODULE_ID}/lessons/no-such-lesson`);
}

/** A lesson before and after it is completed, every state of the quiz, then the pages that show the activity. */
async function scanStudying(page: Page, report: AxeReport): Promise<void> {
  const lesson = firstLesson(MODULE_ID, 'en');
  const lessonPage = new LessonPage(page, en);
  await lessonPage.open(MODULE_ID, lesson.id);
  await report.scan(page, `/modules/${MODULE_ID}/lessons/${lesson.id} (new)`);
  await lessonPage.markComplete();
  await lessonPage.writeNote('Ask for the patron’s own e-mail address before starting.');
  await lessonPage.bookmark();
  await report.scan(page, `/modules/${MODULE_ID}/lessons/${lesson.id} (completed, note, bookmark)`);

  const quiz = new QuizPage(page, en);
  await quiz.open(MODULE_ID);
  await report.scan(page, `/modules/${MODULE_ID}/quiz (intro)`);
  await quiz.start();
  await report.scan(page, `/modules/${MODULE_ID}/quiz (question)`);
  const questions = readQuiz(MODULE_ID).questions;
  for (let index = 0; index < questions.length; index++) {
    // Each attempt shuffles the questions: answer the one on screen.
    const question = await quiz.shownQuestion(questions);
    await quiz.answerCorrectly(question);
    await quiz.check();
    if (index === 0) await report.scan(page, `/modules/${MODULE_ID}/quiz (feedback)`);
    else if (question.type !== 'single') await report.scan(page, `/modules/${MODULE_ID}/quiz (${question.type} question, feedback)`);
    await quiz.continue(index === questions.length - 1);
  }
  await expectVisible(quiz.passedHeading, 'the quiz result');
  await expectVisible(quiz.attemptRows.first(), 'the stored attempt under the result');
  await report.scan(page, `/modules/${MODULE_ID}/quiz (result)`);

  const learning = new MyLearningPage(page, en);
  await learning.open();
  await expectVisible(learning.attemptRows.first(), 'the quiz history table');
  await report.scan(page, '/learning (with activity)');

  const home = new HomePage(page, en);
  await home.open();
  await expectVisible(home.continueLink, 'the lesson to continue');
  await report.scan(page, '/ (with activity)');
}

/** The light theme's page colour (--color-page), as the browser reports it. */
const LIGHT_PAGE = 'rgb(245, 247, 250)';

/** What the page's background is painted with, to tell the themes apart. */
async function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

describe('accessibility', () => {
  const browser = useBrowser();

  // Every scan checks the light and the dark colours when the theme follows the device (axe.ts
  // emulates the other prefers-color-scheme); the other walks check dark chosen in Settings.
  // The routes are walked in two parts, each in a browser of its own, so that no one test
  // carries every scan.
  // Nothing here is studied offline. The walk before studying scans Settings, which shows the
  // course being stored, so its device stores it as every device does; the others do not (browser.ts).
  const walks = [
    { part: 'before studying', walk: scanPagesBeforeStudying, scans: 7, storesCourse: true },
    { part: 'while studying', walk: scanStudying, scans: 9, storesCourse: false },
  ];
  const themes = [
    { theme: 'following the device', chooseDark: false },
    { theme: 'dark chosen in Settings', chooseDark: true },
  ];
  it.each(themes.flatMap((theme) => walks.map((walk) => ({ ...theme, ...walk }))))(
    'has no axe violations on any route $part, $theme',
    async ({ theme, chooseDark, walk, scans, storesCourse }) => {
      const { page } = await browser.open({ colorScheme: 'light', storesCourse });
      const report = new AxeReport(chooseDark ? 'dark in Settings' : '');
      const settings = new SettingsPage(page, en);
      await settings.open();
      expect(await pageBackground(page), 'the light page background').toBe(LIGHT_PAGE);
      if (chooseDark) {
        await settings.theme(en.t('settings.themeDark')).check();
        await expectAttribute(page.locator('html'), 'data-theme', 'dark', `${theme}: <html data-theme>`);
      } else {
        await page.emulateMedia({ colorScheme: 'dark' });
      }
      const dark = await pageBackground(page);
      expect(dark, `${theme}: the page background is dark`).not.toBe(LIGHT_PAGE);
      await page.emulateMedia({ colorScheme: null });

      await walk(page, report);

      expect(report.scanned.length).toBeGreaterThanOrEqual(scans);
      expect(report.scannedDark, 'every page checked in the dark colours').toEqual(report.scanned);
      expect(report.findings, `axe violations:\n${report.summary()}`).toEqual([]);
    },
  );

  it('works with the keyboard alone, from the home page to a checked quiz answer', async () => {
    const { page } = await browser.open({ storesCourse: false });
    const shell = new AppShell(page, en);
    const moduleTitle = readModule(MODULE_ID).title.en;
    const lesson = firstLesson(MODULE_ID, 'en');
    await new HomePage(page, en).open();

    // The first Tab reaches the skip link, which is visible when focused and skips the header.
    await page.keyboard.press('Tab');
    await expectFocused(shell.skipLink, 'the skip link');
    expect(await shell.skipLink.innerText()).toBe('Skip to main content');
    expect(hasVisibleFocus(await focusedElement(page)), 'the skip link shows focus').toBe(true);
    const box = await shell.skipLink.boundingBox();
    expect(box !== null && box.y >= 0 && box.height > 0, `the focused skip link is on screen (box ${JSON.stringify(box)})`).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false),
      'after the skip link, Tab goes into the main content',
    ).toBe(true);

    // Back up to the navigation and open the catalogue.
    await tabTo(page, shell.navLink('catalog'), 'the Catalogue link', { backwards: true });
    await page.keyboard.press('Enter');
    const catalog = new CatalogPage(page, en);
    await expectVisible(page.getByRole('heading', { level: 1, name: en.t('catalog.title'), exact: true }), 'the catalogue page');
    await catalog.waitUntilShown();
    await expectFocused(catalog.heading, 'the catalogue heading (focus moves to the new page)');

    await tabTo(page, catalog.moduleLink(moduleTitle), `the link to "${moduleTitle}"`);
    await page.keyboard.press('Enter');
    const modulePage = new ModulePage(page, en);
    await expectVisible(page.getByRole('heading', { level: 1, name: moduleTitle, exact: true }), 'the module page');

    await tabTo(page, modulePage.lessonLink(lesson.title), `the link to lesson "${lesson.title}"`);
    await page.keyboard.press('Enter');
    const lessonPage = new LessonPage(page, en);
    await expectVisible(page.getByRole('heading', { level: 1, name: lesson.title, exact: true }), 'the lesson page');

    await tabTo(page, lessonPage.markCompleteButton, '"Mark lesson as complete"');
    await page.keyboard.press('Space');
    await expectVisible(lessonPage.celebration, 'the celebration of the completed lesson');

    await tabTo(page, lessonPage.breadcrumb.getByRole('link', { name: moduleTitle, exact: true }), 'the module link in the breadcrumb', {
      backwards: true,
    });
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { level: 1, name: moduleTitle, exact: true }), 'the module page again');
    await expectVisible(modulePage.lessonsSection.getByText(en.t('status.completed')), 'the lesson listed as completed');

    await tabTo(page, modulePage.quizLink, 'the link to the quiz');
    await page.keyboard.press('Enter');
    const quiz = new QuizPage(page, en);
    await tabTo(page, quiz.startButton, 'the button that starts the quiz');
    await page.keyboard.press('Enter');
    const questions = readQuiz(MODULE_ID).questions;
    await expectFocused(quiz.questionHeading(1, questions.length), 'the first question (focus moves to its heading)');

    // One Tab into the question, then arrow keys, Space or the move buttons to the right answer.
    await quiz.answerByKeyboard(await quiz.shownQuestion(questions));

    await tabTo(page, quiz.checkButton, '"Check answer"');
    await page.keyboard.press('Enter');
    await expectVisible(quiz.feedback, 'the feedback');
    expect(await quiz.feedback.innerText()).toMatch(new RegExp(`^${en.t('quiz.correct')}`));
    await expectFocused(quiz.feedback, 'the feedback (focus moves to it)');
  });
});
