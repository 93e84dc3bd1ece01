/*
 * A module imported on a running server reaches a learner's device (issue 12), end to end in
 * Chromium: a coordinator uploads a new module package on the Modules page; a learner already
 * signed in on another browser sees it in the catalogue after a sync, stores it and studies a
 * lesson with no connection; the coordinator imports version 2; back online, the learner's
 * device gets the new version's text and the lesson completed offline is still done. And the
 * pathway editor on the same page, on a 360 px phone with the seeded course: no axe violation in
 * the light or the dark colours, a module moved and the pathway saved by keyboard alone.
 *
 * The server runs in this file's process (its own SQLite database, seeded from modules/ as
 * `npm start` seeds an empty one), so the import changes no other test's course; `dist/` is
 * the build the other e2e tests use, untouched by the imports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { seedModules } from '../../src/server/modules/service';
import { modulePackage } from '../server/helpers/module-package';
import type { BrowserContext } from 'playwright-core';
import type { CurriculumSource } from '../../src/shared/content/schema';
import { eventually, expectText, expectValue, expectVisible, useBrowser, waitForServiceWorker } from './browser';
import { AxeReport } from './axe';
import { expectFocused, tabTo } from './keyboard';
import { horizontalOverflow } from './overflow';
import { COORDINATOR, newPerson, ServerApi } from './api';
import { distDir, readLessons, readModule, repoRoot, type SourceLesson } from './repo';
import { en, escapeRegExp } from './strings';
import { AppShell } from './pages/AppShell';
import { CatalogPage } from './pages/CatalogPage';
import { LessonPage } from './pages/LessonPage';
import { ModulePage } from './pages/ModulePage';
import { ModulesAdminPage } from './pages/ModulesAdminPage';
import { SignInPage } from './pages/SignInPage';

const SOURCE = 'online-safety';
const MODULE_ID = 'branch-online-safety';
const TITLE = 'Online safety at the branch';
const [LESSON] = readLessons(SOURCE, 'en') as [SourceLesson, ...SourceLesson[]];
const LESSON_FILE = `en/${LESSON.file}`;
/** The longest an import may take on a loaded machine (the server test's take about 5 s on an idle one). */
const IMPORT_MS = 90_000;
/** Two imports, a sync, storing a module twice: each step waits for what the learner would see, on a machine that may be busy. */
const TEST_MS = 600_000;
/** Signing in, two axe scans in two colour schemes each, and a keyboard walk through a long pathway. */
const EDIT_MS = 180_000;
const NEW_SENTENCE = 'Version 2 adds this sentence about the branch’s own rules.';

/** The smallest phone width the app is laid out for. */
const PHONE = { width: 360, height: 740 };

const zip = (version: number) => ({
  name: `${MODULE_ID}-v${version}.zip`,
  mimeType: 'application/zip',
  buffer: modulePackage({
    from: SOURCE,
    id: MODULE_ID,
    version,
    title: TITLE,
    ...(version > 1 ? { addToLesson: { file: LESSON_FILE, sentence: NEW_SENTENCE } } : {}),
  }),
});

/** The pathways as the server keeps them now, read with the signed-in coordinator's session. */
async function storedPathways(context: BrowserContext): Promise<CurriculumSource[]> {
  const response = await context.request.get('/api/curricula');
  expect(response.status(), 'GET /api/curricula').toBe(200);
  return ((await response.json()) as { curricula: CurriculumSource[] }).curricula;
}

describe('a module imported on a running server', () => {
  const browser = useBrowser();
  let app: FastifyInstance | undefined;
  let dataDir = '';
  let baseURL = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'biblio-e2e-modules-'));
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const server = await openServer(
      loadConfig({ ...env, LOGIN_MAX_PER_ADDRESS: '100000', DATA_DIR: dataDir, DIST_DIR: distDir }, repoRoot),
    );
    app = server.app;
    await seedModules(server.context.store);
    baseURL = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'reaches a signed-in learner after a sync, offline too, and its update keeps the learner’s progress',
    async () => {
      const api = new ServerApi(baseURL);
      const { invite } = await api.cohortWithInvite('modules');
      const person = newPerson('modules');
      await api.signUp(invite, person);
      await api.coordinator();

      // The learner is signed in before the import, with the course the server had then.
      const learner = await browser.open({ baseURL });
      const shell = new AppShell(learner.page, en);
      await learner.page.goto('/');
      await waitForServiceWorker(learner.page);
      const signIn = new SignInPage(learner.page, en);
      await signIn.open();
      await signIn.signIn(person);
      await shell.syncBar.expectAllSent();
      const catalog = new CatalogPage(learner.page, en);
      await shell.navigateTo('catalog');
      await expectVisible(catalog.modulesSection, 'the catalogue');
      expect(await catalog.moduleLink(TITLE).count()).toBe(0);

      // The coordinator uploads the new module through the Modules page.
      const coordinator = await browser.open({ baseURL });
      const coordinatorSignIn = new SignInPage(coordinator.page, en);
      await coordinatorSignIn.open();
      await coordinatorSignIn.signIn(COORDINATOR);
      const modules = new ModulesAdminPage(coordinator.page, en);
      await modules.open();
      await modules.importFile(zip(1));
      // An import checks and compiles the whole course: under load it takes a while.
      await modules.moduleCard(TITLE).waitFor({ state: 'visible', timeout: IMPORT_MS });

      // A sync brings the new catalogue: the catalogue page shows the module without a reload.
      await eventually(
        async () => {
          if (await catalog.moduleLink(TITLE).isVisible()) return true;
          await shell.syncBar.syncNowIfIdle();
          return false;
        },
        (shown) => shown,
        `"${TITLE}" in the learner's catalogue after a sync`,
        60_000,
      );
      await catalog.openModule(TITLE);
      const modulePage = new ModulePage(learner.page, en);
      await modulePage.storeForOffline(MODULE_ID);

      // Offline, after a reload: the app, the catalogue and the module come from the device.
      await learner.context.setOffline(true);
      await learner.page.reload();
      await shell.waitUntilShown();
      await expectVisible(modulePage.lessonLink(LESSON.title), `the lesson "${LESSON.title}" offline`);
      await modulePage.openLesson(LESSON.title);
      const lesson = new LessonPage(learner.page, en);
      await lesson.markComplete();
      await eventually(
        () => shell.syncBar.waitingCount(),
        (count) => count !== null && count > 0,
        'the completion waiting on the device to be sent',
      );

      // Meanwhile the coordinator imports version 2.
      await modules.importFile(zip(2));
      await coordinator.page
        .getByText(en.t('modulesAdmin.updated', { title: TITLE, version: 2 }), { exact: true })
        .waitFor({ state: 'visible', timeout: IMPORT_MS });

      // Online again: the sync sends the completion and brings the new version.
      await learner.context.setOffline(false);
      await shell.syncBar.syncNowIfIdle();
      await shell.syncBar.expectAllSent(60_000);
      await eventually(
        async () => {
          await modulePage.open(MODULE_ID);
          await modulePage.waitUntilShown();
          await modulePage.openLesson(LESSON.title);
          return (await lesson.article.textContent()) ?? '';
        },
        (text) => text.includes(NEW_SENTENCE),
        'the lesson in its version 2 text',
        60_000,
      );
      await modulePage.open(MODULE_ID);
      await expectText(
        modulePage.lessonItem(LESSON.title),
        new RegExp(escapeRegExp(en.t('status.completed'))),
        'the lesson completed offline, still done',
      );

      // Version 2 is stored for offline study in place of version 1.
      await modulePage.storeForOffline(MODULE_ID);
      await learner.context.setOffline(true);
      await learner.page.reload();
      await shell.waitUntilShown();
      await modulePage.openLesson(LESSON.title);
      await expectText(lesson.article, new RegExp(escapeRegExp(NEW_SENTENCE)), 'the version 2 text, offline');
    },
    TEST_MS,
  );

  it(
    'edits a pathway by keyboard on a 360 px phone, with no axe violation in the light or dark colours',
    async () => {
      await new ServerApi(baseURL).coordinator();
      const { page, context } = await browser.open({ baseURL, viewport: PHONE });
      const signIn = new SignInPage(page, en);
      await signIn.open();
      await signIn.signIn(COORDINATOR);
      const modules = new ModulesAdminPage(page, en);
      await modules.open();
      await expectVisible(modules.pathwaySelect, 'the choice of pathway');
      const axe = new AxeReport();
      await axe.scan(page, '/admin/modules (pathways)');

      // A pathway whose first two modules may swap: the second does not need the first (a save checks prerequisites).
      const before = await storedPathways(context);
      const titleOf = (moduleId: string) => readModule(moduleId).title.en;
      const target = before.findIndex(
        ({ modules: [first, second] }) => first && second && !(readModule(second).prerequisites ?? []).includes(first),
      );
      const pathway = before[target];
      const [first, second, ...rest] = pathway?.modules ?? [];
      if (!pathway || !first || !second) {
        throw new Error('the seeded course needs a pathway whose first two modules may swap');
      }
      // The pathway is chosen in the native select, whose keys are the browser's own (they differ
      // between platforms and headless modes, so the test does not press them); the rest is by keyboard.
      await modules.pathwaySelect.focus();
      await modules.pathwaySelect.selectOption(pathway.id);
      await expectValue(modules.pathwaySelect, pathway.id, `the pathway "${pathway.id}" chosen`);
      await expectText(
        modules.pathwayModules.first(),
        new RegExp(`^${escapeRegExp(titleOf(first))}`),
        `the first module of "${pathway.id}"`,
      );
      await expectFocused(modules.pathwaySelect, 'the choice of pathway');

      await tabTo(page, modules.pathwayButton('moveDown', titleOf(first)), `"Move down" of "${titleOf(first)}"`);
      await page.keyboard.press('Enter');
      await expectText(modules.pathwayModules.nth(0), new RegExp(`^${escapeRegExp(titleOf(second))}`), 'the second module, now first');
      await expectText(modules.pathwayModules.nth(1), new RegExp(`^${escapeRegExp(titleOf(first))}`), 'the moved module, now second');
      // The focus follows the moved module, so pressing Enter again moves it further.
      await expectFocused(modules.pathwayButton('moveDown', titleOf(first)), `"Move down" of the moved module`);
      await expectVisible(modules.pathwayUnsaved, 'the notice of unsaved changes');
      await axe.scan(page, '/admin/modules (pathway changed, not saved)');
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, `the page scrolls sideways on a 360 px phone: ${overflow.widest}`).toBeLessThanOrEqual(PHONE.width);
      // A module's three buttons are icons on one row on a phone, not three rows of words each.
      const tops = await Promise.all(
        (['moveUp', 'moveDown', 'removeFromPathway'] as const).map(
          async (kind) => (await modules.pathwayButton(kind, titleOf(second)).boundingBox())?.y,
        ),
      );
      expect(new Set(tops).size, `the buttons of "${titleOf(second)}" on one row (their tops: ${tops.join(', ')})`).toBe(1);

      await tabTo(page, modules.pathwaySave, 'the save button', { max: 200 });
      await page.keyboard.press('Enter');
      // A save checks the whole course with the new pathways, as an import does: on a loaded machine it takes a while.
      const saved = en.t('modulesAdmin.pathwaySaved', { title: pathway.title.en });
      await eventually(
        () => modules.pathwaysSection.innerText(),
        (text) => text.includes(saved),
        'the pathway saved (the last text seen is the pathway editor)',
        IMPORT_MS,
      );
      await modules.pathwayUnsaved.waitFor({ state: 'detached' });
      const after = await storedPathways(context);
      expect(after.find((c) => c.id === pathway.id)?.modules).toEqual([second, first, ...rest]);
      expect(axe.findings, `axe violations:\n${axe.summary()}`).toEqual([]);
    },
    EDIT_MS,
  );
});
