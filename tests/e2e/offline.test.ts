/*
 * The core promise: after one online visit, a learner can study a whole module with no
 * connection, and everything they did is still there after reloading, still offline. A lesson's
 * recording the learner stored plays and seeks offline too: the service worker answers the
 * byte range a player asks for from the stored file. That test runs its own server (seeded
 * with modules/ plus a recording, in this file's process), since the shared one has none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { seedModules } from '../../src/server/modules/service';
import { CONTENT_CACHE } from '../../src/client/content/offline';
import { expectAttribute, expectValue, expectVisible, useBrowser, waitForServiceWorker, WAIT_MS } from './browser';
import { builtModuleIds, distDir, firstLesson, readLessons, readModule, readQuiz, repoRoot } from './repo';
import { silentMp3, writeCourseWithRecording } from './recording';
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

/** What the page gets for a byte range of `url` (through the service worker, as a player's request). */
async function fetchRange(page: Page, { url, range }: { url: string; range: string }) {
  return page.evaluate(
    async ({ url, range }) => {
      const response = await fetch(url, { headers: { Range: range } });
      return {
        status: response.status,
        contentRange: response.headers.get('Content-Range'),
        bytes: [...new Uint8Array(await response.arrayBuffer())],
      };
    },
    { url, range },
  );
}

/** The copy of `url` in the content cache: its status and length, or null when none is stored. */
async function storedCopy(page: Page, url: string) {
  return page.evaluate(
    async ({ url, cacheName }) => {
      const response = await (await caches.open(cacheName)).match(url);
      return response ? { status: response.status, bytes: (await response.arrayBuffer()).byteLength } : null;
    },
    { url, cacheName: CONTENT_CACHE },
  );
}

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

  describe('a lesson recording stored on the device', () => {
    /** Two minutes of silence (about 470 KB), to seek far into. */
    const RECORDING = silentMp3({ title: 'Biblio Study: a scam text message read aloud', seconds: 120 });
    const SEEK_TO = 100;
    let app: FastifyInstance | undefined;
    let folder = '';
    let baseURL = '';

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'biblio-e2e-recording-'));
      const course = join(folder, 'modules');
      writeCourseWithRecording({ root: course, moduleId: MODULE_ID, recording: RECORDING });
      const { DATABASE_URL: _ignored, ...env } = process.env;
      const server = await openServer(loadConfig({ ...env, DATA_DIR: join(folder, 'data'), DIST_DIR: distDir }, repoRoot));
      app = server.app;
      await seedModules(server.context.store, course);
      baseURL = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    afterAll(async () => {
      await app?.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('answers a byte range of it offline, and leaves one not stored to the server', async () => {
      const { context, page } = await browser.open({ baseURL });
      const lesson = firstLesson(MODULE_ID, 'en');
      const shell = new AppShell(page, en);
      const modulePage = new ModulePage(page, en);
      const lessonPage = new LessonPage(page, en);
      await page.goto('/');
      await waitForServiceWorker(page);
      await modulePage.storeForOffline(MODULE_ID);
      await modulePage.openLesson(lesson.title);
      const url = await lessonPage.recording.getAttribute('src');
      if (!url) throw new Error('The lesson plays no recording');

      // Online and not stored: the server answers the range, and the worker keeps no copy,
      // neither of that part nor of the whole file fetched without a range.
      const part = { status: 206, contentRange: `bytes 10-19/${RECORDING.length}`, bytes: [...RECORDING.subarray(10, 20)] };
      expect(await fetchRange(page, { url, range: 'bytes=10-19' })).toEqual(part);
      expect(await page.evaluate(async (url) => (await fetch(url)).status, url)).toBe(200);
      await modulePage.open(MODULE_ID);
      expect(await storedCopy(page, url), 'a copy the worker stored unasked').toBeNull();

      // The learner stores the recordings: the whole file, as the server sent it.
      await modulePage.storeRecordings();
      expect(await storedCopy(page, url)).toEqual({ status: 200, bytes: RECORDING.length });

      await context.setOffline(true);
      await page.reload();
      await shell.waitUntilShown();
      expect(await fetchRange(page, { url, range: 'bytes=10-19' })).toEqual(part);

      // The lesson's player seeks far into the recording, offline.
      await modulePage.openLesson(lesson.title);
      const player = await lessonPage.recording.elementHandle();
      await page.waitForFunction((media) => (media as HTMLMediaElement).readyState >= 1, player, { timeout: WAIT_MS });
      await lessonPage.recording.evaluate((media: HTMLMediaElement, to) => {
        media.addEventListener('seeked', () => media.setAttribute('data-seeked', String(media.currentTime)), { once: true });
        media.currentTime = to;
      }, SEEK_TO);
      await expectAttribute(lessonPage.recording, 'data-seeked', String(SEEK_TO), 'the player sought offline');
    });
  });
});
