/*
 * The cohort dashboard on the screens mentors use: a 1280 x 800 PC shows at least 8 module
 * columns and 12 learners of the grid without scrolling the page, its name column staying in
 * view when the grid scrolls sideways; a 360 x 740 phone shows learner cards (name, modules
 * completed, what needs attention) instead of the table, sorted by the mentor's choice, and
 * nothing wider than the screen. A real cohort of 12 learners on the real server, seen by its
 * mentor.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eventually, expectText, expectVisible, useBrowser } from './browser';
import { ServerApi, uniqueLogin, type Account } from './api';
import { AxeReport } from './axe';
import { builtModuleIds, firstLesson, readModule, type SourceModule } from './repo';
import { en } from './strings';
import { cohortWithMentor, signedInDevice, type Cohort } from './mentoring-helpers';
import { MentorDashboardPage } from './pages/MentorDashboardPage';
import { demoLearnerName } from '../../src/server/demo-seed';
import { buildStatement, type LessonRef } from '../../src/shared/xapi/build';

const PC = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const LEARNERS = 12;

/** The grid's first module column: the catalogue's first module. */
const FIRST_MODULE = builtModuleIds()[0]!;

/** Modules whose cells are the widest a cell gets for the third learner: a best score of 100% and an assignment. */
const FULL_MODULES = builtModuleIds().slice(0, 10);

/**
 * A cohort of 12 learners with the demo's names, and its mentor. The second learner has
 * completed a lesson of the first module today (sent from their device, as the server
 * receives it); the third has passed the quiz and handed in the assignment of the first ten
 * modules, so their cells are as wide as cells get; the others have never studied.
 */
async function cohortOf12(api: ServerApi): Promise<{ cohort: Cohort; learners: Account[] }> {
  const cohort = await cohortWithMentor(api, 'cohort-layout');
  const invite = await api.createInvite(cohort.cohortId, LEARNERS);
  const learners = await Promise.all(
    Array.from({ length: LEARNERS }, (_, i) => {
      const login = uniqueLogin(`cohort-layout-${i}`);
      return api.signUp(invite, { name: demoLearnerName(i), login, password: `pass phrase for ${login}` });
    }),
  );
  const studying = learners[1]!;
  const module = readModule(FIRST_MODULE) as SourceModule & { version: number };
  const lesson: LessonRef = {
    moduleId: FIRST_MODULE,
    moduleVersion: module.version,
    locale: 'en',
    lessonId: firstLesson(FIRST_MODULE, 'en').id,
  };
  const env = {
    base: studying.agent.account?.homePage ?? '',
    actor: studying.agent,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
  };
  await api.recordAs(studying, [buildStatement.completedLesson(env, lesson)]);
  const busy = learners[2]!;
  const at = () => ({ ...env, actor: busy.agent, id: randomUUID(), timestamp: new Date().toISOString() });
  await api.recordAs(
    busy,
    FULL_MODULES.flatMap((moduleId) => {
      const ref = { moduleId, moduleVersion: (readModule(moduleId) as SourceModule & { version: number }).version, locale: 'en' };
      return [
        buildStatement.quizResult(at(), ref, randomUUID(), 8, 8, 70, 600_000),
        buildStatement.assignmentSubmission(at(), ref, 'My plan for the library, handed in for review.'),
      ];
    }),
  );
  return { cohort, learners };
}

/** Whether the element's box lies wholly inside the window (the page itself not scrolled). */
async function insideWindow(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  });
}

async function countInsideWindow(locators: Locator[]): Promise<number> {
  let count = 0;
  for (const locator of locators) if (await insideWindow(locator)) count += 1;
  return count;
}

async function pageScroll(page: Page): Promise<{ x: number; y: number; scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { x: scrollX, y: scrollY, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

/** axe on the page as it is, in the light and the dark theme (AxeReport emulates the other colour scheme). */
async function scanLightAndDark(page: Page, where: string): Promise<void> {
  const report = new AxeReport();
  await report.scan(page, where);
  expect(report.scannedDark, 'the dark colours checked too').toEqual([where]);
  expect(report.summary(), 'axe violations').toBe('');
}

describe('the cohort dashboard on a PC and on a phone', () => {
  // The mentor never goes offline here: the device does not store the course (browser.ts).
  const browser = useBrowser({ storesCourse: false });
  const api = new ServerApi(inject('baseURL'));
  // One cohort for both screens: 13 sign-ups (each a password hash) are the slow part of the setup.
  let arranged: ReturnType<typeof cohortOf12> | undefined;
  const sharedCohort = () => (arranged ??= cohortOf12(api));

  it('shows at least 8 modules and 12 learners at 1280 x 800, the names sticky', { timeout: 120_000 }, async () => {
    const { cohort, learners } = await sharedCohort();
    const { page } = await signedInDevice(() => browser.open({ viewport: PC, locale: 'en-GB' }), cohort.mentor);
    const dashboard = new MentorDashboardPage(page, en);
    await dashboard.open(cohort.cohortId, cohort.cohortName);
    const rowHeaders = dashboard.grid.getByRole('rowheader');
    await eventually(
      () => rowHeaders.count(),
      (n) => n === LEARNERS,
      `${LEARNERS} learners in the grid`,
    );

    const moduleTitles = builtModuleIds().map((id) => readModule(id).title.en);
    expect(moduleTitles.length, 'modules in the built catalogue').toBeGreaterThanOrEqual(8);
    const moduleHeaders = moduleTitles.map((title) => dashboard.grid.getByRole('columnheader', { name: title, exact: true }));
    expect(await countInsideWindow(moduleHeaders), 'module columns inside the window').toBeGreaterThanOrEqual(8);
    expect(await countInsideWindow(await rowHeaders.all()), 'learners inside the window').toBe(LEARNERS);
    // The widest cells keep their icons inside them, clear of the next cell's.
    const crowded = await dashboard.learnerRow(learners[2]!.name).evaluate((row) =>
      [...row.querySelectorAll('td')].flatMap((cell, index) => {
        const icons = [...cell.querySelectorAll('svg')].map((icon) => icon.getBoundingClientRect());
        if (icons.length < 2) return [];
        const box = cell.getBoundingClientRect();
        const room = Math.min(icons[0]!.left - box.left, box.right - icons[icons.length - 1]!.right);
        return room < 4 ? [`cell ${index + 1}: ${Math.round(room)} px`] : [];
      }),
    );
    expect(crowded, 'cells whose icons touch or cross their edge').toEqual([]);
    expect(
      await dashboard
        .learnerRow(learners[2]!.name)
        .getByRole('cell')
        .filter({ hasText: en.t('mentor.cellAssignmentWaiting') })
        .count(),
      'cells with a score and an assignment',
    ).toBe(FULL_MODULES.length);
    const scroll = await pageScroll(page);
    expect({ x: scroll.x, y: scroll.y }, 'the page itself not scrolled').toEqual({ x: 0, y: 0 });

    // The page uses the width: the grid's scroller reaches the right edge of the window, less the page's margin.
    const region = dashboard.gridRegion;
    const regionBox = await region.boundingBox();
    expect((regionBox?.x ?? 0) + (regionBox?.width ?? 0), 'the right edge of the grid').toBeGreaterThan(PC.width - 40);

    // Scrolled sideways to the last column, the learners' names stay in view.
    const first = dashboard.grid.getByRole('rowheader', { name: learners[0]!.name, exact: true }).first();
    const before = await first.boundingBox();
    expect(await region.getAttribute('tabindex'), 'the scroller takes keyboard focus').toBe('0');
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: 'instant' }));
    expect(await region.evaluate((el) => el.scrollLeft), 'the grid scrolled sideways').toBeGreaterThan(0);
    const lastModule = moduleHeaders[moduleHeaders.length - 1]!;
    await eventually(() => insideWindow(lastModule), Boolean, 'the last module column in view after scrolling');
    const after = await first.boundingBox();
    expect(after?.x, 'the name column, after scrolling sideways').toBe(before?.x);
    expect(await insideWindow(first), 'the first name, in view after scrolling sideways').toBe(true);

    // A cell is an icon hidden from screen readers, and words for them.
    const headers = await dashboard.columnHeaders();
    const column = headers.indexOf(readModule(FIRST_MODULE).title.en);
    const cell = dashboard
      .learnerRow(learners[1]!.name)
      .getByRole('cell')
      .nth(column - 1);
    await expectText(cell, en.t('status.inProgress'), 'the cell of a module in progress');
    expect(await cell.locator('svg').getAttribute('aria-hidden'), 'the status icon, hidden from screen readers').toBe('true');

    await scanLightAndDark(page, '/mentor/cohorts/<id> at 1280 px');
  });

  it('shows learner cards at 360 px, sortable, no table, nothing wider than the screen', { timeout: 120_000 }, async () => {
    const { cohort, learners } = await sharedCohort();
    const { page } = await signedInDevice(() => browser.open({ viewport: PHONE, locale: 'en-GB' }), cohort.mentor);
    const dashboard = new MentorDashboardPage(page, en);
    await dashboard.open(cohort.cohortId, cohort.cohortName);
    await expectVisible(dashboard.learnerCards, 'the learner cards');
    await eventually(
      () =>
        dashboard.learnerCards
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading') })
          .count(),
      (n) => n === LEARNERS,
      `${LEARNERS} cards`,
    );
    expect(await dashboard.grid.count(), 'no learners x modules table on a phone').toBe(0);

    // A card: the name links to the learner page; modules completed; what needs attention.
    const learner = learners[0]!;
    const card = dashboard.learnerCard(learner.name).first();
    await expectVisible(card.getByRole('link', { name: learner.name, exact: true }), 'the link to the learner page');
    expect(await card.getByRole('link', { name: learner.name, exact: true }).getAttribute('href')).toBe(
      `/mentor/learners/${learner.userId}`,
    );
    const total = builtModuleIds().length;
    await expectText(
      card.getByText(en.t('mentor.colModulesCompleted'), { exact: true }).locator('..'),
      `${en.t('mentor.colModulesCompleted')} ${en.t('mentor.modulesOf', { done: 0, total })}`,
      'the modules completed',
    );
    await expectVisible(card.getByRole('progressbar', { name: en.t('mentor.colModulesCompleted') }), 'the progress bar');
    await expectVisible(card.getByText(en.t('mentor.cardAttention'), { exact: true }), 'the needs-attention heading');
    await expectText(card.getByRole('listitem'), en.t('mentor.itemInactiveNever'), 'the reason: never active');

    // Sorting by the mentor's choice, as the table's headers do.
    const names = learners.map((l) => l.name);
    const collator = new Intl.Collator('en-GB');
    await eventually(
      () => dashboard.cardNames(),
      (shown) => shown.join() === [...names].sort(collator.compare).join(),
      'A to Z',
    );
    await dashboard.sortBy.selectOption({ label: en.t('mentor.sortNameDesc') });
    await eventually(
      () => dashboard.cardNames(),
      (shown) => shown.join() === [...names].sort(collator.compare).reverse().join(),
      'Z to A',
    );

    const scroll = await pageScroll(page);
    expect(scroll.scrollWidth, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(scroll.clientWidth);

    // A learner active today needs nothing: no attention block on the card.
    const active = dashboard.learnerCard(learners[1]!.name).first();
    await expectVisible(active.getByRole('progressbar'), 'the card of the learner who studied');
    expect(await active.getByText(en.t('mentor.cardAttention'), { exact: true }).count(), 'no attention for an active learner').toBe(0);

    await scanLightAndDark(page, '/mentor/cohorts/<id> at 360 px');
  });
});
