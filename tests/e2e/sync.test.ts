/*
 * Accounts and sync, end to end in Chromium against the real server: nothing a learner does
 * offline is ever lost or sent twice, the same learner on two devices ends up with the union
 * of both, a server killed in the middle of a push loses nothing and stores nothing twice,
 * and the next person on a shared library PC sees nothing of the previous one.
 *
 * What the server holds is read back over /xapi with the coordinator's credentials; what the
 * device holds is read from its IndexedDB (device.ts), not from the app.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually, expectText, expectVisible, useBrowser, WAIT_MS, waitForServiceWorker } from './browser';
import { newPerson, ServerApi, type Account, type Credentials } from './api';
import {
  accountDatabase,
  addStoredStatements,
  countByState,
  databaseNames,
  deviceAccount,
  requireDeviceAccount,
  storedStatements,
  syncMeta,
  type DeviceAccount,
  type StoredRow,
} from './device';
import { ServerProcess } from './server-process';
import { readLessons, readModule, readQuiz, type SourceLesson, type SourceModule } from './repo';
import { en, escapeRegExp } from './strings';
import { buildStatement, type LessonRef } from '../../src/shared/xapi/build';
import type { Statement } from '../../src/shared/xapi/types';
import { AppShell } from './pages/AppShell';
import { HomePage } from './pages/HomePage';
import { CatalogPage } from './pages/CatalogPage';
import { ModulePage } from './pages/ModulePage';
import { LessonPage } from './pages/LessonPage';
import { QuizPage } from './pages/QuizPage';
import { MyLearningPage } from './pages/MyLearningPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { AccountPage } from './pages/AccountPage';

const MODULE_ID = 'online-safety';
const moduleTitle = readModule(MODULE_ID).title.en;
const lessons = readLessons(MODULE_ID, 'en');
const [LESSON_1, LESSON_2] = lessons as [SourceLesson, SourceLesson, ...SourceLesson[]];

/**
 * Waits for the service worker and for the module these tests study to be stored, so the
 * device can study it with no connection. Storing the whole course (38 modules and their
 * illustrations, on two devices at once) is tested in offline.test.ts; waiting for all of
 * it here made these sync scenarios depend on download speed. The module page's own
 * "Make available offline" stores this one module at once if the background run has not
 * reached it yet.
 */
async function readyForOffline(page: Page): Promise<void> {
  await new ModulePage(page, en).storeForOffline(MODULE_ID);
}

/** Signs in with the app's own form; the layout (sync bar included) follows the new person without a page load. */
async function signInWithForm(page: Page, person: Credentials & { name: string }): Promise<void> {
  const form = new SignInPage(page, en);
  await form.open();
  await form.signIn(person);
}

/** Home -> catalogue -> module -> lesson, with the app's own links (no page loads). */
async function openLessonInApp(page: Page, lesson: SourceLesson): Promise<LessonPage> {
  const shell = new AppShell(page, en);
  await shell.navigateTo('catalog');
  await new CatalogPage(page, en).openModule(moduleTitle);
  await new ModulePage(page, en).openLesson(lesson.title);
  return new LessonPage(page, en);
}

async function studyLesson(page: Page, lesson: SourceLesson, note: string): Promise<void> {
  const lessonPage = await openLessonInApp(page, lesson);
  await lessonPage.markComplete();
  await lessonPage.writeNote(note);
}

/** From a lesson page: its module, the quiz, every question answered right. */
async function takeQuiz(page: Page): Promise<void> {
  const lessonPage = new LessonPage(page, en);
  await lessonPage.breadcrumb.getByRole('link', { name: moduleTitle, exact: true }).click();
  const modulePage = new ModulePage(page, en);
  await modulePage.waitUntilShown();
  await modulePage.openQuiz();
  const quiz = new QuizPage(page, en);
  await quiz.start();
  const questions = readQuiz(MODULE_ID).questions;
  for (let index = 0; index < questions.length; index++) {
    // Each attempt shuffles the questions: answer the one on screen.
    await quiz.answerCorrectly(await quiz.shownQuestion(questions));
    await quiz.check();
    await quiz.continue(index === questions.length - 1);
  }
  await expectVisible(quiz.passedHeading, '"You passed"');
  await expectVisible(quiz.attemptRows.first(), 'the attempt stored on the device');
}

async function deviceRows(page: Page, account: { id: string }): Promise<StoredRow[]> {
  return storedStatements(page, accountDatabase(account.id));
}

/** "Sync now" (whenever it can be clicked) until the device's database has nothing waiting. */
async function syncUntilNothingWaits(page: Page, account: { id: string }, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const bar = new AppShell(page, en).syncBar;
  await eventually(
    async () => {
      await bar.syncNowIfIdle();
      return countByState(await deviceRows(page, account));
    },
    (counts) => counts.waiting === 0,
    what,
    timeoutMs,
  );
}

const sortedIds = (items: { id: string }[]) => items.map((item) => item.id).sort();

function duplicates(ids: string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/**
 * The server holds exactly these statements for the learner: the same ids, each once, each
 * with the device's actor, verb, object and timestamp. Read as the learner, who alone sees
 * their private statements (notes).
 */
async function expectServerHoldsExactly({
  api,
  learner,
  actor,
  rows,
}: {
  api: ServerApi;
  learner: Credentials;
  actor: DeviceAccount['actor'];
  rows: StoredRow[];
}): Promise<Statement[]> {
  const held = await api.statementsOf(actor, learner);
  expect(duplicates(held.map((s) => s.id)), 'statements the server holds twice').toEqual([]);
  expect(sortedIds(held), 'the ids of the statements on the server and on the device').toEqual(sortedIds(rows));
  const byId = new Map(rows.map((row) => [row.id, row.statement]));
  for (const statement of held) {
    const mine = byId.get(statement.id);
    expect(
      { actor: statement.actor.account, verb: statement.verb.id, object: statement.object.id, at: Date.parse(statement.timestamp) },
      `statement ${statement.id} as stored on the server`,
    ).toEqual({ actor: mine?.actor.account, verb: mine?.verb.id, object: mine?.object.id, at: Date.parse(mine?.timestamp ?? '') });
  }
  return held;
}

/** What My learning shows of the module: its "lessons done" cell, and the notes listed. */
async function learningShown(page: Page): Promise<{ lessonsDone: string; notes: string[] }> {
  const learning = new MyLearningPage(page, en);
  const row = learning.modulesSection.getByRole('row').filter({ has: page.getByRole('link', { name: moduleTitle, exact: true }) });
  const lessonsDone = (await row.count()) === 1 ? (await row.getByRole('cell').nth(1).innerText({ timeout: 1000 })).trim() : '';
  // Each note is a card: the lesson's title as heading, then the note's text.
  const notes: string[] = [];
  for (const card of await learning.notes.getByRole('listitem').all()) {
    notes.push((await card.getByRole('paragraph').first().innerText({ timeout: 1000 })).trim());
  }
  return { lessonsDone, notes: notes.sort() };
}

// Each device may wait up to 120 s for its module to be stored (readyForOffline), and storing
// retries by itself after a stalled cache call or download; a test may need that time twice.
describe('accounts and sync', { timeout: 400_000 }, () => {
  const browser = useBrowser();
  const api = new ServerApi(inject('baseURL'));

  it('signs up with an invite code, studies offline, and the server then holds exactly what the device made', async () => {
    const { invite } = await api.cohortWithInvite('offline-then-online');
    const person = newPerson('offline');
    const { context, page } = await browser.open();
    const shell = new AppShell(page, en);

    await page.goto('/');
    await waitForServiceWorker(page);
    const signUp = new SignUpPage(page, en);
    await signUp.open();
    await signUp.signUp(invite, person);
    const account = await requireDeviceAccount(page);
    expect({ login: account.login, name: account.name, role: account.role }).toEqual({
      login: person.login,
      name: person.name,
      role: 'learner',
    });
    await readyForOffline(page);
    await shell.syncBar.expectAllSent();

    await context.setOffline(true);
    await expectVisible(shell.offlineBanner, 'the offline indicator');
    const note = `Offline note ${randomUUID()}`;
    await studyLesson(page, LESSON_1, note);
    await takeQuiz(page);
    await shell.navigateTo('learning');

    const made = await deviceRows(page, account);
    expect(countByState(made), 'everything made offline waits').toEqual({ waiting: made.length, synced: 0, refused: 0 });
    const verbs = new Set(made.map((row) => row.statement.verb.id.split('/').pop()));
    for (const verb of ['experienced', 'completed', 'noted', 'answered', 'passed']) expect(verbs, `a "${verb}" statement`).toContain(verb);
    expect(made.filter((row) => row.statement.verb.id.endsWith('/answered'))).toHaveLength(readQuiz(MODULE_ID).questions.length);
    await shell.syncBar.expectWaiting(made.length);
    expect(await api.statementsOf(account.actor, person), 'the server before the device reconnects').toEqual([]);

    await context.setOffline(false);
    await shell.syncBar.expectAllSent(30_000);
    const after = await deviceRows(page, account);
    expect(countByState(after), 'every statement confirmed by the server').toEqual({ waiting: 0, synced: made.length, refused: 0 });
    expect(sortedIds(after), 'the device made nothing more').toEqual(sortedIds(made));
    await expectServerHoldsExactly({ api, learner: person, actor: account.actor, rows: after });
  });

  it('shows the union of what the same learner studied offline on two devices', async () => {
    const { invite } = await api.cohortWithInvite('two-devices');
    const person = newPerson('two-devices');
    const learner = await api.signUp(invite, person);
    const devices: { context: BrowserContext; page: Page; note: string; lesson: SourceLesson }[] = [];
    for (const [lesson, label] of [
      [LESSON_1, 'phone'],
      [LESSON_2, 'library PC'],
    ] as const) {
      const { context, page } = await browser.open();
      await page.goto('/');
      await waitForServiceWorker(page);
      const signIn = new SignInPage(page, en);
      await signIn.open();
      await signIn.signIn(learner);
      await readyForOffline(page);
      await signIn.syncBar.expectAllSent();
      devices.push({ context, page, lesson, note: `Written on the ${label}: ${randomUUID()}` });
    }

    for (const { context } of devices) await context.setOffline(true);
    for (const { page, lesson, note } of devices) {
      await studyLesson(page, lesson, note);
      const shell = new AppShell(page, en);
      await shell.navigateTo('learning');
      // Each device knows only what it did itself while offline.
      await eventually(
        () => learningShown(page),
        (shown) => shown.notes.join() === note && shown.lessonsDone === en.t('learning.lessonsDone', { done: 1, count: lessons.length }),
        `My learning on one device to show only its own lesson and note before reconnecting`,
      );
    }

    for (const { context, page } of devices) {
      await context.setOffline(false);
      await new AppShell(page, en).syncBar.expectAllSent(30_000);
    }

    const bothNotes = devices.map((d) => d.note).sort();
    const union = { lessonsDone: en.t('learning.lessonsDone', { done: 2, count: lessons.length }), notes: bothNotes };
    for (const { page } of devices) {
      // The device that sent first learns of the other's work at its next sync: "Sync now".
      await eventually(
        async () => {
          await new AppShell(page, en).syncBar.syncNowIfIdle();
          return learningShown(page);
        },
        (shown) => JSON.stringify(shown) === JSON.stringify(union),
        'My learning to show both completed lessons and both notes',
        30_000,
      );
    }

    // The same statements on both devices and on the server, each once.
    const rows = await Promise.all(devices.map(({ page }) => deviceRows(page, { id: learner.userId })));
    const [phone = [], pc = []] = rows;
    expect(sortedIds(phone), 'the statements on both devices').toEqual(sortedIds(pc));
    for (const device of rows) expect(countByState(device)).toEqual({ waiting: 0, synced: device.length, refused: 0 });
    await expectServerHoldsExactly({ api, learner, actor: learner.agent, rows: phone });

    // And it shows everywhere the learner looks: both lessons under "Recently completed" on each home page.
    for (const { page } of devices) {
      const home = new HomePage(page, en);
      await home.navigateTo('home');
      const recent = page.getByRole('region', { name: en.t('home.recentTitle'), exact: true });
      for (const lesson of [LESSON_1, LESSON_2])
        await expectVisible(recent.getByRole('link', { name: lesson.title, exact: true }), lesson.title);
    }
  });

  it('on a shared PC, shows the next learner nothing of the one who signed out with "remove my data", online or offline', async () => {
    const { invite } = await api.cohortWithInvite('shared-pc');
    const first = await api.signUp(invite, newPerson('shared-a'));
    const second = await api.signUp(invite, newPerson('shared-b'));
    const { context, page } = await browser.open();
    const shell = new AppShell(page, en);
    await page.goto('/');
    await waitForServiceWorker(page);

    await signInWithForm(page, first);
    const note = `A's private note ${randomUUID()}`;
    await studyLesson(page, LESSON_1, note);
    await new LessonPage(page, en).bookmark();
    await shell.navigateTo('home');
    const accountA = await requireDeviceAccount(page);
    await syncUntilNothingWaits(page, accountA, "A's records all sent before signing out");
    await shell.syncBar.expectAllSent();

    const accountPage = new AccountPage(page, en);
    await accountPage.openFromNavigation(first.name);
    expect(await accountPage.removeDataCheckbox.isChecked(), '"remove my data" is checked by default').toBe(true);
    await accountPage.signOut();
    expect(await deviceAccount(page), 'the device forgot A').toBeNull();
    await eventually(
      () => databaseNames(page),
      (names) => !names.includes(accountDatabase(first.userId)),
      `A's database ${accountDatabase(first.userId)} to be deleted`,
    );

    const expectNothingOfA = async (when: string, signedIn?: { id: string }) => {
      const home = new HomePage(page, en);
      await home.navigateTo('home');
      await expectVisible(home.continueSection.getByText(en.t('home.nothingYet'), { exact: true }), `"${en.t('home.nothingYet')}" ${when}`);
      await expectVisible(page.getByText(en.t('home.recentNone'), { exact: true }), `no recently completed lesson ${when}`);
      const learning = new MyLearningPage(page, en);
      await learning.navigateTo('learning');
      for (const [section, empty] of [
        [learning.quizHistory, 'learning.noAttempts'],
        [learning.bookmarks, 'learning.noBookmarks'],
        [learning.notes, 'learning.noNotes'],
      ] as const) {
        await expectText(section.getByRole('paragraph'), en.t(empty), `${empty} ${when}`);
      }
      const started = [en.t('status.inProgress'), en.t('status.completed')].map(escapeRegExp).join('|');
      expect(
        await learning.modulesSection.getByText(new RegExp(`^(${started})$`)).count(),
        `modules in progress or completed ${when}`,
      ).toBe(0);
      expect(await page.getByText(note).count(), `A's note anywhere ${when}`).toBe(0);
      expect(await databaseNames(page), `the databases ${when}`).not.toContain(accountDatabase(first.userId));
      if (signedIn) expect(await deviceRows(page, signedIn), `the statements on the device ${when}`).toEqual([]);
    };
    // Whoever sits down next, before signing in...
    await expectNothingOfA('to the next person, before signing in');

    // ...and learner B, once signed in.
    await signInWithForm(page, second);
    await shell.syncBar.expectAllSent();
    const accountB = await requireDeviceAccount(page);
    expect(accountB.id).toBe(second.userId);

    await expectNothingOfA('to B, online', accountB);

    await context.setOffline(true);
    await page.reload();
    await shell.waitUntilShown();
    await expectVisible(shell.offlineBanner, 'the offline indicator');
    await expectVisible(shell.accountLink(second.name), 'B still signed in after reloading offline');
    await expectNothingOfA('to B, offline, after reloading', accountB);
  });

  it('warns before signing out while records wait, and keeps them when asked to', async () => {
    const { invite } = await api.cohortWithInvite('sign-out-warning');
    const learner = await api.signUp(invite, newPerson('warning'));
    const { context, page } = await browser.open();
    const shell = new AppShell(page, en);
    await page.goto('/');
    await waitForServiceWorker(page);
    await signInWithForm(page, learner);
    const lessonPage = await openLessonInApp(page, LESSON_1);

    await context.setOffline(true);
    await lessonPage.markComplete();
    await lessonPage.writeNote(`Kept on this device ${randomUUID()}`);
    const accountPage = new AccountPage(page, en);
    await accountPage.openFromNavigation(learner.name);
    const account = await requireDeviceAccount(page);
    const waiting = countByState(await deviceRows(page, account)).waiting;
    expect(waiting, 'records waiting').toBeGreaterThanOrEqual(2);
    await shell.syncBar.expectWaiting(waiting);

    await accountPage.signOutButton.click();
    await expectText(
      accountPage.waitingWarning,
      new RegExp(`^${escapeRegExp(en.t('account.waitingWillBeLost', { count: waiting }))}`),
      'the warning',
    );
    await expectVisible(accountPage.signOutAnywayButton, '"Sign out anyway"');
    await expectVisible(shell.accountLink(learner.name), 'still signed in after the warning');

    await accountPage.removeDataCheckbox.uncheck();
    await expectText(
      accountPage.waitingWarning,
      new RegExp(`^${escapeRegExp(en.t('account.waitingStayHere', { count: waiting }))}`),
      'the warning',
    );
    await accountPage.signOutAnywayButton.click();
    await accountPage.waitForGuestHome();
    expect(await databaseNames(page), 'the kept database').toContain(accountDatabase(account.id));
    expect(countByState(await deviceRows(page, account)).waiting, 'records still waiting in the kept database').toBe(waiting);

    // Back online, the same learner signs in again: the kept records are sent.
    await context.setOffline(false);
    await signInWithForm(page, learner);
    await shell.syncBar.expectAllSent(30_000);
    const rows = await deviceRows(page, account);
    expect(countByState(rows).waiting).toBe(0);
    await expectServerHoldsExactly({ api, learner, actor: account.actor, rows });
  });

  it('keeps records waiting when the session has ended, asks to sign in again, then sends them', async () => {
    const { invite } = await api.cohortWithInvite('expired-session');
    const learner = await api.signUp(invite, newPerson('expired'));
    const { context, page } = await browser.open();
    const shell = new AppShell(page, en);
    await page.goto('/');
    await waitForServiceWorker(page);
    await signInWithForm(page, learner);
    await shell.syncBar.expectAllSent();
    const lessonPage = await openLessonInApp(page, LESSON_2);

    await context.setOffline(true);
    await lessonPage.markComplete();
    await lessonPage.writeNote(`Written while the session ran out ${randomUUID()}`);
    await shell.navigateTo('learning');
    const account = await requireDeviceAccount(page);
    const waiting = (await deviceRows(page, account)).filter((row) => row.synced === 0);
    expect(waiting.length).toBeGreaterThanOrEqual(2);

    await context.clearCookies();
    await context.setOffline(false);
    await eventually(
      async () => {
        await shell.syncBar.syncNowIfIdle();
        return shell.syncBar.text();
      },
      (text) => text.includes(en.t('sync.errors.sessionExpired')),
      'the sync bar to say the session has ended',
    );
    await shell.syncBar.expectSessionEnded();
    await shell.syncBar.expectWaiting(waiting.length);
    expect(countByState(await deviceRows(page, account)).waiting, 'nothing lost, nothing marked sent').toBe(waiting.length);
    const held = new Set((await api.statementsOf(account.actor, learner)).map((s) => s.id));
    expect(
      waiting.filter((row) => held.has(row.id)),
      'waiting statements the server has',
    ).toEqual([]);

    await shell.syncBar.signInAgainLink.click();
    const signIn = new SignInPage(page, en);
    await expectVisible(signIn.main.getByRole('heading', { level: 1, name: en.t('account.signInTitle'), exact: true }), 'the sign-in page');
    await signIn.waitUntilShown();
    await signIn.signIn(learner);
    await shell.syncBar.expectAllSent(30_000);
    const rows = await deviceRows(page, account);
    expect(countByState(rows)).toEqual({ waiting: 0, synced: rows.length, refused: 0 });
    await expectServerHoldsExactly({ api, learner, actor: account.actor, rows });
  });

  it('ends a sync round when its person signs out: nothing of A reaches B, who signs in while A’s pull is on its way', async () => {
    const { invite } = await api.cohortWithInvite('switch-mid-pull');
    const first = await api.signUp(invite, newPerson('mid-pull-a'));
    const second = await api.signUp(invite, newPerson('mid-pull-b'));
    // A studied on another device: the server holds A's completion and private note, which this device pulls.
    const module = readModule(MODULE_ID) as SourceModule & { version: number };
    const ref: LessonRef = { moduleId: MODULE_ID, moduleVersion: module.version, locale: 'en', lessonId: LESSON_1.id };
    const env = () => ({
      base: first.agent.account?.homePage ?? '',
      actor: first.agent,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
    });
    const note = `A's private note ${randomUUID()}`;
    await api.recordAs(first, [buildStatement.completedLesson(env(), ref), buildStatement.note(env(), ref, note)]);

    // No service worker: it would answer the requests before the slow network below sees them;
    // this test is about sync, not offline study.
    const { page } = await browser.open({ serviceWorkers: 'block' });
    const shell = new AppShell(page, en);
    // A slow network for A's first pull: the server answers at once (A is still signed in), but
    // the answer reaches the page only after B has signed in.
    let holdNextPull = false;
    let pullHeld!: () => void;
    const pullStarted = new Promise<void>((resolve) => (pullHeld = resolve));
    let releasePull!: () => void;
    const pullReleased = new Promise<void>((resolve) => (releasePull = resolve));
    await page.route(/\/xapi\/statements\?/, async (route) => {
      if (holdNextPull && route.request().method() === 'GET') {
        holdNextPull = false;
        const answer = await route.fetch();
        pullHeld();
        await pullReleased;
        // The app may have given up on the request meanwhile (that is the point).
        await route.fulfill({ response: answer }).catch(() => undefined);
        return;
      }
      await route.continue();
    });
    await page.goto('/');
    await shell.waitUntilShown();

    holdNextPull = true;
    await shell.navigateTo('signIn');
    await new SignInPage(page, en).signIn(first);
    await pullStarted;
    const accountPage = new AccountPage(page, en);
    await accountPage.openFromNavigation(first.name);
    // Keep A's data on the device: the round must not write into A's database after sign-out either way,
    // and B's database is where a leak would show.
    await accountPage.removeDataCheckbox.uncheck();
    await accountPage.signOut();
    // In the app, with no page load between the two people (a load would end A's round by itself).
    await shell.navigateTo('signIn');
    await new SignInPage(page, en).signIn(second);
    const accountB = await requireDeviceAccount(page);
    expect(accountB.id).toBe(second.userId);

    // A's answer arrives now (if the app still waits for it).
    releasePull();
    await eventually(
      () => syncMeta(page, accountDatabase(second.userId)).catch(() => undefined),
      (meta) => meta?.lastSuccessAt !== undefined,
      "B's first sync round to finish",
    );
    await shell.syncBar.expectAllSent();
    const inB = await deviceRows(page, accountB);
    expect(
      inB.filter((row) => row.statement.actor.account?.name !== second.agent.account?.name),
      "statements in B's database that are not B's",
    ).toEqual([]);
    expect(
      (await syncMeta(page, accountDatabase(second.userId)))?.pullCursor,
      "B's pull cursor (B has nothing on the server)",
    ).toBeUndefined();
    await new MyLearningPage(page, en).navigateTo('learning');
    expect(await page.getByText(note).count(), "A's note on B's screen").toBe(0);
  });
});

/** Statements as the app stores them, built with the app's own builders: a long offline stretch. */
function offlineStretch(actor: DeviceAccount['actor'], count: number): StoredRow[] {
  const base = actor.account?.homePage ?? '';
  const module = readModule(MODULE_ID) as SourceModule & { version: number };
  const questions = readQuiz(MODULE_ID).questions;
  const start = Date.now() - count * 1000 - 60_000;
  const attemptId = randomUUID();
  return Array.from({ length: count }, (_, index) => {
    const env = { base, actor, id: randomUUID(), timestamp: new Date(start + index * 1000).toISOString() };
    const lesson = lessons[index % lessons.length] ?? LESSON_1;
    const ref: LessonRef = { moduleId: MODULE_ID, moduleVersion: module.version, locale: 'en', lessonId: lesson.id };
    const question = questions[index % questions.length];
    let statement: Statement;
    switch (index % 4) {
      case 0:
        statement = buildStatement.openedLesson(env, ref);
        break;
      case 1:
        statement = buildStatement.readingProgress(env, ref, index % 101, 5000);
        break;
      case 2:
        statement = buildStatement.note(env, ref, `Note ${index} written offline`);
        break;
      default:
        statement = buildStatement.answered(env, ref, attemptId, question?.id ?? 'q1', 'a', index % 2 === 0);
    }
    return { id: statement.id, moduleId: MODULE_ID, timestamp: statement.timestamp, synced: 0, statement };
  });
}

describe('a server killed in the middle of a push', () => {
  const browser = useBrowser();
  const STATEMENTS = 320;
  let server: ServerProcess | undefined;
  let api: ServerApi;

  beforeAll(async () => {
    server = await ServerProcess.start();
    api = new ServerApi(server.baseURL);
  });

  afterAll(async () => {
    await server?.dispose();
  });

  const running = (): ServerProcess => {
    if (!server) throw new Error('The server process did not start');
    return server;
  };

  /** A learner signed in on a new device, with STATEMENTS statements waiting from a long time offline. */
  async function deviceWithLongOutbox(
    prefix: string,
  ): Promise<{ context: BrowserContext; page: Page; learner: Account; account: DeviceAccount; rows: StoredRow[] }> {
    const { invite } = await api.cohortWithInvite(prefix);
    const learner: Account = await api.signUp(invite, newPerson(prefix));
    const { context, page } = await browser.open({ baseURL: running().baseURL });
    const shell = new AppShell(page, en);
    await page.goto('/');
    await waitForServiceWorker(page);
    await signInWithForm(page, learner);
    await shell.syncBar.expectAllSent();
    const account = await requireDeviceAccount(page);

    await context.setOffline(true);
    const rows = offlineStretch(account.actor, STATEMENTS);
    await addStoredStatements(page, accountDatabase(account.id), rows);
    await page.reload();
    await shell.waitUntilShown();
    await shell.syncBar.expectWaiting(STATEMENTS);
    return { context, page, learner, account, rows };
  }

  /** Starts the server again (same port, same database), then "Sync now" until nothing waits; checks that every statement arrived once. */
  async function restartAndFinish({
    page,
    learner,
    account,
    rows,
  }: {
    page: Page;
    learner: Account;
    account: DeviceAccount;
    rows: StoredRow[];
  }): Promise<void> {
    await running().waitForExit();
    await running().launch();
    await syncUntilNothingWaits(page, account, 'nothing waiting on the device after the server came back', 90_000);
    await new AppShell(page, en).syncBar.expectAllSent(30_000);
    const after = await deviceRows(page, account);
    expect(countByState(after)).toEqual({ waiting: 0, synced: rows.length, refused: 0 });
    expect(sortedIds(after), 'the device holds the statements it made, no more').toEqual(sortedIds(rows));
    const held = await expectServerHoldsExactly({ api, learner, actor: account.actor, rows: after });
    expect(held).toHaveLength(STATEMENTS);
  }

  it('is killed as soon as the first batch is on its way; after a restart every statement arrives exactly once', async () => {
    const { context, page, learner, account, rows } = await deviceWithLongOutbox('killed-at-once');
    const posts: string[] = [];
    context.on('request', (request) => {
      if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/xapi/statements') return;
      posts.push(request.url());
      if (posts.length === 1) running().kill();
    });

    await context.setOffline(false);
    await eventually(
      async () => posts.length,
      (count) => count >= 1,
      'the device to start pushing (POST /xapi/statements)',
    );
    await running().waitForExit();
    expect(running().running).toBe(false);
    await restartAndFinish({ page, learner, account, rows });
  });

  it('is killed after storing a batch but before the device hears back; the batch is sent again and stored once', async () => {
    const { context, page, learner, account, rows } = await deviceWithLongOutbox('killed-after-store');
    let firstAnswer: { status: number; ids: string[] } | undefined;
    await context.route('**/xapi/statements', async (route) => {
      if (route.request().method() !== 'POST' || firstAnswer) return route.fallback();
      const response = await route.fetch();
      firstAnswer = { status: response.status(), ids: (await response.json()) as string[] };
      running().kill();
      await route.abort('connectionreset');
    });

    await context.setOffline(false);
    const answer = await eventually(
      async () => firstAnswer,
      (seen) => seen !== undefined,
      'the first batch to reach the server',
    );
    await running().waitForExit();
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    expect(answer?.status, 'the server stored the first batch').toBe(200);
    expect(answer?.ids).toHaveLength(100);
    const mine = new Set(rows.map((row) => row.id));
    expect(answer?.ids.filter((id) => !mine.has(id))).toEqual([]);
    // The device never heard that answer: all its statements still wait.
    expect(countByState(await deviceRows(page, account)).waiting).toBe(STATEMENTS);
    await restartAndFinish({ page, learner, account, rows });
  });
});
