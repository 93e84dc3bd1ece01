/*
 * The core promise: after one online visit, a learner can study a whole module with no
 * connection, and everything they did is still there after reloading, still offline.
 */
import { describe, expect, it } from 'vitest';
import { expectAttribute, expectValue, expectVisible, useBrowser, waitForServiceWorker } from './browser';
import { builtModuleIds, firstLesson, readLessons, readModule, readQuiz } from './repo';
import { en } from './strings';
import { AppShell } from './pages/AppShell';
import { HomePage } from './pages/HomePage';
import { CatalogPage } from './pages/CatalogPage';
import { ModulePage } from './pages/ModulePage';
import { LessonPage } from './pages/LessonPage';
import { QuizPage } from './pages/QuizPage';
import { MyLearningPage } from './pages/MyLearningPage';
import { SettingsPage } from './pages/SettingsPage';

const MODULE_ID = 'online-safety';

describe('offline study', () => {
  const browser = useBrowser();

  it('studies a module, takes its quiz and keeps everything, all offline', async () => {
    const { context, page } = await browser.open();
    const moduleTitle = readModule(MODULE_ID).title.en;
    const lesson = firstLesson(MODULE_ID, 'en');
    const quiz = readQuiz(MODULE_ID);
    const note = `Offline note ${Date.now()}: check the sender, never the link.`;

    const shell = new AppShell(page, en);
    await page.goto('/');
    await waitForServiceWorker(page);
    // The app shell is precached; the app itself stores the course in the learner's language.
    await shell.waitUntilShown();
    await shell.navigateTo('settings');
    const moduleCount = builtModuleIds().length;
    await expectVisible(new SettingsPage(page, en).offlineContentStored(moduleCount), 'the course stored for offline study');
    await context.setOffline(true);
    await page.reload();
    await shell.waitUntilShown();
    await expectVisible(shell.offlineBanner, 'the offline indicator');

    // Catalogue -> module -> first lesson, all served by the service worker.
    await shell.navigateTo('catalog');
    const catalog = new CatalogPage(page, en);
    await catalog.openModule(moduleTitle);
    const modulePage = new ModulePage(page, en);
    await expectVisible(modulePage.availableOffline, '"Available offline on this device"');
    await modulePage.openLesson(lesson.title);

    const lessonPage = new LessonPage(page, en);
    await lessonPage.markComplete();
    await lessonPage.writeNote(note);
    await lessonPage.bookmark();

    // The quiz, answered right from quiz.yaml.
    await lessonPage.breadcrumb.getByRole('link', { name: moduleTitle, exact: true }).click();
    await modulePage.waitUntilShown();
    await modulePage.openQuiz();
    const quizPage = new QuizPage(page, en);
    await quizPage.start();
    for (let index = 0; index < quiz.questions.length; index++) {
      await expectVisible(quizPage.progress(index + 1, quiz.questions.length), `question ${index + 1} of ${quiz.questions.length}`);
      // Each attempt shuffles the questions: answer the one on screen.
      const question = await quizPage.shownQuestion(quiz.questions);
      await quizPage.answerCorrectly(question);
      const feedback = await quizPage.check();
      expect(await feedback.innerText(), `feedback on "${question.id}"`).toMatch(new RegExp(`^${en.t('quiz.correct')}`));
      await quizPage.continue(index === quiz.questions.length - 1);
    }
    await expectVisible(quizPage.passedHeading, '"You passed"');
    const total = quiz.questions.length;
    expect(await quizPage.resultScore.innerText()).toContain(
      en.t('quiz.score', { count: total, raw: total, max: total, percent: '100%' }).replace(/\s*\(100%\)\.$/, ''),
    );

    // The result is shown at once; the attempt is listed under it once it is stored on the device.
    await expectVisible(quizPage.attemptRows.first(), 'the attempt under "Your attempts"');

    // Reload, still offline: everything is still there.
    await page.reload();
    await shell.waitUntilShown();
    await expectVisible(shell.offlineBanner, 'the offline indicator after reloading');

    await lessonPage.open(MODULE_ID, lesson.id);
    await expectVisible(lessonPage.completedStatus, 'the lesson shown as completed');
    await expect(lessonPage.markCompleteButton.count()).resolves.toBe(0);
    await expectValue(lessonPage.notesBox, note, 'the note field');
    await expectAttribute(lessonPage.bookmarkButton, 'aria-pressed', 'true', 'the bookmark button');

    await shell.navigateTo('learning');
    const learning = new MyLearningPage(page, en);
    await expectVisible(learning.attemptRows.first(), 'a quiz attempt in My learning');
    expect(await learning.attemptRows.count()).toBe(1);
    const attempt = (await learning.attemptRows.first().innerText()).replace(/\s+/g, ' ');
    expect(attempt).toContain(moduleTitle);
    expect(attempt).toContain(`${total}/${total}`);
    expect(attempt).toContain(en.t('quiz.passed'));
    await expectVisible(learning.notes.getByText(note, { exact: true }), 'the note in My learning');
    await expectVisible(learning.notes.getByRole('link', { name: lesson.title, exact: true }), 'the noted lesson in My learning');
    await expectVisible(learning.bookmarks.getByRole('link', { name: lesson.title, exact: true }), 'the bookmark in My learning');

    await shell.navigateTo('home');
    const home = new HomePage(page, en);
    await expectVisible(home.continueSection, '"Continue where you left off"');
    // The first lesson is done, so Continue leads on to the second, stored with the module.
    const next = readLessons(MODULE_ID, 'en')[1]!;
    await expectVisible(home.continueSection.getByText(next.title, { exact: true }), 'the next lesson to continue with');
    await home.continueLink.click();
    await expectVisible(page.getByRole('heading', { level: 1, name: next.title, exact: true }), 'the next lesson, opened from home');
  });
});
