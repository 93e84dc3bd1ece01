/*
 * Browser half of the dashboard benchmark (issue 4): how long a mentor waits for the cohort grid
 * of 1,000 learners x 38 modules, in real Chromium (/usr/bin/chromium, playwright-core) against
 * the built app (dist/) served by the real server, signed in as a real mentor through the
 * sign-in page, with the service worker in control as on a mentor's own computer.
 *
 * The one thing the benchmark answers itself is GET /api/cohorts/<id>/dashboard: a generated
 * dashboard (dashboard-fixture.ts; the server's time for it is measured by dashboard.ts), so
 * seeding 1,000 learners is not needed and the figures are the browser's alone. The React app,
 * routing, the mentor check, the grid and everything else on the page are the app's own.
 *
 * Times are read inside the page with performance.now(): every animation frame checks whether
 * the grid shows the rows expected (names in order, worked out here with the grid's own
 * queryLearners); the first frame that does is followed by a posted message, which runs once
 * that frame is painted. Opening the page counts from navigation start; an interaction counts
 * from its input event's timestamp. Each step runs several times after a warm-up, without and
 * with CDP CPU throttling (4x: an old office PC or a phone). Figures only, never pass/fail.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Catalog, CatalogCurriculum } from '../../src/shared/content/compiled';
import { defaultHoursPathway } from '../../src/shared/mentoring/cohortHours';
import type { CohortDashboard } from '../../src/shared/mentoring/contract';
import { initialQuery, learnersWhoCompleted, queryLearners, type GridQuery } from '../../src/client/features/mentor/dashboardTable';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { addMentor, createCohort } from '../../src/server/store/cohorts';
import { insertUser } from '../../src/server/store/users';
// The e2e page objects and helpers, so the benchmark finds the page as the e2e tests do. They
// import vitest's hooks through browser.ts; outside vitest that import is harmless as long as
// useBrowser() is not called.
import { waitForServiceWorker } from '../e2e/browser';
import { MentorDashboardPage } from '../e2e/pages/MentorDashboardPage';
import { SignInPage } from '../e2e/pages/SignInPage';
import { en } from '../e2e/strings';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { benchModuleIds, cohortDashboardFixture } from './dashboard-fixture';

export { CHROMIUM_PATH };

export type StepName = 'open' | 'requested' | 'responseToGrid' | 'sortModules' | 'sortName' | 'search' | 'progress' | 'nextPage';

export type ThrottleFigures = { label: string; rate: number; samples: Record<StepName, number[]> };

export type GridRenderFigures = {
  learners: number;
  modules: number;
  /** Modules of the built catalogue; the grid shows the others' ids as their titles. */
  catalogueModules: number;
  jsonBytes: number;
  jsonGzipBytes: number;
  attentionItems: number;
  searchLetter: string;
  /** The grid as rendered: body rows x cells per row (row header included), and every element of the page. */
  dom: { rows: number; cellsPerRow: number; pageElements: number };
  profiles: ThrottleFigures[];
  seconds: number;
};

/** What the grid shows after a query: how many body rows, and the learners' names in order. */
type ExpectedRows = { rows: number; names: string[] };

const MENTOR = { login: 'bench-grid-mentor', name: 'Grid Bench Mentor', password: 'grid bench mentor passphrase' };
const TIMEOUT_MS = 30_000;

/**
 * In-page helpers, given as source text: tsx compiles functions with esbuild's keepNames, whose
 * `__name` helper does not exist in the page, so functions cannot be passed to page.evaluate.
 */
function pageProbe(caption: string, cohortPath: string, load: ExpectedRows): string {
  return `(() => {
  const caption = ${JSON.stringify(caption)};
  const grid = () => {
    for (const table of document.querySelectorAll('table'))
      if (table.caption && table.caption.textContent.trim() === caption) return table;
    return null;
  };
  const describe = () => {
    const table = grid();
    if (!table) return 'no grid';
    const body = table.tBodies[0];
    const names = body ? [...body.rows].slice(0, 3).map((row) => (row.querySelector('th') || {}).textContent) : [];
    return (body ? body.rows.length : 0) + ' rows, first ' + JSON.stringify(names);
  };
  const shows = (expected) => {
    const table = grid();
    const body = table && table.tBodies[0];
    if (!body || body.rows.length !== expected.rows) return false;
    for (let i = 0; i < expected.names.length; i += 1) {
      const header = body.rows[i].querySelector('th');
      if (!header || header.textContent.trim() !== expected.names[i]) return false;
    }
    return true;
  };
  // Resolves with the time the first frame showing the expected rows was painted.
  const painted = (expected, ready, what) =>
    new Promise((resolve, reject) => {
      const deadline = performance.now() + ${TIMEOUT_MS};
      const frame = () => {
        if (ready() && shows(expected)) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        } else if (performance.now() > deadline) reject(new Error('The grid did not show ' + what + ': ' + describe()));
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  const bench = {
    load: null,
    interaction: null,
    arm(trigger, expected, what) {
      let start = null;
      addEventListener(trigger, (event) => { start = event.timeStamp; }, { capture: true, once: true });
      bench.interaction = painted(expected, () => start !== null, what).then((paintedAt) => paintedAt - start);
    },
    elements() {
      const table = grid();
      const row = table && table.tBodies[0] && table.tBodies[0].rows[0];
      return { rows: table ? table.tBodies[0].rows.length : 0, cellsPerRow: row ? row.cells.length : 0, pageElements: document.getElementsByTagName('*').length };
    },
  };
  if (location.pathname === ${JSON.stringify(cohortPath)})
    bench.load = painted(${JSON.stringify(load)}, () => true, 'the first page after opening').then((paintedAt) => {
      const response = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/dashboard'));
      return { paintedAt, requestedAt: response ? response.startTime : null, responseEnd: response ? response.responseEnd : null };
    });
  window.__gridBench = bench;
})();`;
}

/**
 * Waits until the page's main thread has run no long task (> 50 ms) for 300 ms, so one step's
 * leftovers (the dashboard's copy written to IndexedDB after it shows, effects, garbage
 * collection) do not land in the next. (requestIdleCallback is no help: headless Chromium
 * often grants no idle period at all to a page that is doing nothing.)
 */
const SETTLE = `new Promise((resolve) => {
  let lastBusy = performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const task of list.getEntries()) lastBusy = Math.max(lastBusy, task.startTime + task.duration);
  });
  observer.observe({ type: 'longtask' });
  const check = () => {
    if (performance.now() - lastBusy < 300) setTimeout(check, 50);
    else {
      observer.disconnect();
      resolve(null);
    }
  };
  setTimeout(check, 50);
})`;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * The learners the grid's "completed" filter keeps: every module of the pathway the page reports
 * on, which without `?pathway=` is the one the cohort has come furthest in (useHoursPathway).
 */
function completedLearners(dashboard: CohortDashboard, curricula: readonly CatalogCurriculum[]): ReadonlySet<string> {
  return learnersWhoCompleted(dashboard.cells, defaultHoursPathway(curricula, dashboard.learners)?.modules ?? dashboard.modules);
}

/** The grid's state after `query`, as the grid component computes it (`completed`: completedLearners). */
function expectedRows(dashboard: CohortDashboard, completed: ReadonlySet<string>, query: GridQuery): ExpectedRows {
  const result = queryLearners(dashboard.learners, dashboard.attention, completed, query, new Intl.Collator('en'));
  return { rows: result.rows.length, names: result.rows.map((learner) => learner.name) };
}

const same = (a: ExpectedRows, b: ExpectedRows) => a.rows === b.rows && a.names.join('\n') === b.names.join('\n');

/** A letter a mentor might type first: one that keeps between 5 % and 40 % of the cohort and changes the first page. */
function searchLetter(dashboard: CohortDashboard, completed: ReadonlySet<string>): string {
  const initial = expectedRows(dashboard, completed, initialQuery);
  for (const letter of 'kmvpbdgtlrsoaeiun') {
    const result = queryLearners(
      dashboard.learners,
      dashboard.attention,
      completed,
      { ...initialQuery, search: letter },
      new Intl.Collator('en'),
    );
    const share = result.total / dashboard.learners.length;
    if (share >= 0.05 && share <= 0.4 && !same(initial, expectedRows(dashboard, completed, { ...initialQuery, search: letter })))
      return letter;
  }
  throw new Error('No search letter narrows this cohort to 5-40 %');
}

/** The cohort page's controls, found as a mentor finds them: by role and label. */
class CohortGridPage extends MentorDashboardPage {
  sortButton(columnKey: string): Locator {
    return this.grid.getByRole('button', { name: this.t(columnKey), exact: true });
  }

  get searchBox(): Locator {
    return this.main.getByRole('searchbox', { name: this.t('mentor.searchLearner'), exact: true });
  }

  get progressFilter(): Locator {
    return this.main.getByRole('combobox', { name: this.t('mentor.progressFilter'), exact: true });
  }

  pagerButton(key: 'mentor.nextPage' | 'mentor.previousPage'): Locator {
    return this.main
      .getByRole('navigation', { name: this.t('mentor.pagination'), exact: true })
      .getByRole('button', { name: this.t(key), exact: true });
  }

  /**
   * The controls as element handles, found once: React keeps these elements while the rows
   * change, and a role query over a page of ~8,000 elements before every action would make
   * the benchmark several times slower (it runs outside the measured time, but throttled too).
   */
  async controls() {
    const handle = async (locator: Locator, what: string) => {
      const found = await locator.elementHandle({ timeout: TIMEOUT_MS });
      if (!found) throw new Error(`No ${what} on the cohort page`);
      return found;
    };
    return {
      sortByModules: await handle(this.sortButton('mentor.colModulesCompleted'), 'sort button for modules completed'),
      sortByName: await handle(this.sortButton('mentor.colLearner'), 'sort button for learner names'),
      search: await handle(this.searchBox, 'search box'),
      progress: await handle(this.progressFilter, 'progress filter'),
      next: await handle(this.pagerButton('mentor.nextPage'), 'next page button'),
      previous: await handle(this.pagerButton('mentor.previousPage'), 'previous page button'),
    };
  }
}

type Controls = Awaited<ReturnType<CohortGridPage['controls']>>;

type Interaction = {
  step: Exclude<StepName, 'open' | 'requested' | 'responseToGrid'>;
  /** The input event the time counts from. */
  trigger: 'click' | 'keydown' | 'input';
  query: GridQuery;
  act: (controls: Controls) => Promise<unknown>;
  /** Back to the first page sorted by name (itself a measured step when `undoStep` is given). */
  undo: (controls: Controls) => Promise<unknown>;
  undoTrigger: Interaction['trigger'];
  undoStep?: Interaction['step'];
};

function interactions(letter: string): Interaction[] {
  return [
    {
      step: 'sortModules',
      trigger: 'click',
      query: { ...initialQuery, sort: 'modulesCompleted', descending: true },
      act: (c) => c.sortByModules.click(),
      undo: (c) => c.sortByName.click(),
      undoTrigger: 'click',
      undoStep: 'sortName',
    },
    {
      step: 'search',
      trigger: 'keydown',
      query: { ...initialQuery, search: letter },
      act: (c) => c.search.press(letter),
      undo: (c) => c.search.fill(''),
      undoTrigger: 'input',
    },
    {
      step: 'progress',
      trigger: 'input',
      query: { ...initialQuery, progress: 'in-progress' },
      act: (c) => c.progress.selectOption({ label: en.t('status.inProgress') }),
      undo: (c) => c.progress.selectOption({ label: en.t('mentor.progressAll') }),
      undoTrigger: 'input',
    },
    {
      step: 'nextPage',
      trigger: 'click',
      query: { ...initialQuery, page: 1 },
      act: (c) => c.next.click(),
      undo: (c) => c.previous.click(),
      undoTrigger: 'click',
    },
  ];
}

async function measureInteraction(
  page: Page,
  trigger: string,
  expected: ExpectedRows,
  what: string,
  act: () => Promise<unknown>,
): Promise<number> {
  await page.evaluate(`window.__gridBench.arm(${JSON.stringify(trigger)}, ${JSON.stringify(expected)}, ${JSON.stringify(what)})`);
  await act();
  const ms = (await page.evaluate('window.__gridBench.interaction')) as number;
  if (!(ms >= 0)) throw new Error(`${what}: no sensible time measured (${ms})`);
  await page.evaluate(SETTLE);
  return ms;
}

export type Profile = { label: string; rate: number; loads: number; runs: number };

async function runProfile(
  context: BrowserContext,
  profile: Profile,
  options: { cohortPath: string; dashboard: CohortDashboard; completed: ReadonlySet<string>; letter: string },
): Promise<{ figures: ThrottleFigures; dom: GridRenderFigures['dom'] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  const samples: Record<StepName, number[]> = {
    open: [],
    requested: [],
    responseToGrid: [],
    sortModules: [],
    sortName: [],
    search: [],
    progress: [],
    nextPage: [],
  };
  const cohortPage = new CohortGridPage(page, en);
  try {
    // Opening the page: a warm-up, then `loads` measured. Each from a blank page, as when a
    // mentor opens the app on the cohort: reloading the cohort page itself would also time the
    // old page's teardown (its thousands of grid cells), which happens within the new load.
    for (let i = 0; i <= profile.loads; i += 1) {
      await page.goto('about:blank');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.rate });
      await page.goto(options.cohortPath);
      const load = (await page.evaluate('window.__gridBench.load')) as {
        paintedAt: number;
        requestedAt: number | null;
        responseEnd: number | null;
      };
      if (load.requestedAt === null || load.responseEnd === null)
        throw new Error('The page has no resource timing for the dashboard request');
      await page.evaluate(SETTLE);
      if (i === 0) {
        // It is the generated cohort, shown to a mentor (not a loading or "mentors only" page).
        await cohortPage.main
          .getByRole('heading', { level: 1, name: options.dashboard.cohort.name, exact: true })
          .waitFor({ timeout: TIMEOUT_MS });
        continue;
      }
      samples.open.push(load.paintedAt);
      samples.requested.push(load.requestedAt);
      samples.responseToGrid.push(load.paintedAt - load.responseEnd);
    }
    const dom = (await page.evaluate('window.__gridBench.elements()')) as GridRenderFigures['dom'];
    const controls = await cohortPage.controls();
    const initial = expectedRows(options.dashboard, options.completed, initialQuery);
    // Each interaction from the first page sorted by name, and back: a warm-up round, then `runs`.
    for (let i = 0; i <= profile.runs; i += 1) {
      for (const step of interactions(options.letter)) {
        const expected = expectedRows(options.dashboard, options.completed, step.query);
        if (same(expected, initial)) throw new Error(`${step.step} would not change the grid`);
        const ms = await measureInteraction(page, step.trigger, expected, step.step, () => step.act(controls));
        const back = await measureInteraction(page, step.undoTrigger, initial, `${step.step} undone`, () => step.undo(controls));
        if (i === 0) continue;
        samples[step.step].push(ms);
        if (step.undoStep) samples[step.undoStep].push(back);
      }
    }
    if (errors.length > 0) throw new Error(`The app threw uncaught errors:\n${errors.join('\n')}`);
    return { figures: { label: profile.label, rate: profile.rate, samples }, dom };
  } finally {
    await page.close();
  }
}

type GridSession = {
  context: BrowserContext;
  catalogueModules: number;
  dashboard: CohortDashboard;
  /** The learners the grid counts as completed (completedLearners). */
  completed: ReadonlySet<string>;
  json: string;
  cohortPath: string;
  /** How many times the dashboard request was answered with the generated cohort. */
  answered: () => number;
  close: () => Promise<void>;
};

/**
 * The real server on the built app with a mentor of an empty cohort, Chromium signed in as
 * that mentor (through the sign-in page, service worker in control), and the cohort's
 * dashboard request answered with a generated cohort of `learners` x `modules`.
 */
async function openGridSession(options: { distDir: string; learners: number; modules: number }): Promise<GridSession> {
  const catalog = JSON.parse(readFileSync(join(options.distDir, 'content', 'catalog.json'), 'utf8')) as Catalog;
  const dataDir = mkdtempSync(join(tmpdir(), 'biblio-bench-grid-'));
  const server = await openServer(loadConfig({ DATA_DIR: dataDir, DIST_DIR: options.distDir }));
  const browser = await chromium
    .launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
    .catch(async (error: unknown) => {
      await server.app.close();
      throw error;
    });
  const close = async () => {
    await browser.close();
    await server.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { db } = server.context.store;
    const mentor = await insertUser(db, { ...MENTOR, role: 'mentor' });
    const cohort = await createCohort(db, `Cohort of ${options.learners.toLocaleString('en')} (grid benchmark)`);
    await addMentor(db, cohort.id, mentor.id);
    const dashboard = cohortDashboardFixture({
      cohort: { id: cohort.id, name: cohort.name },
      learners: options.learners,
      moduleIds: benchModuleIds(
        catalog.modules.map((m) => m.id),
        options.modules,
      ),
      curricula: catalog.curricula,
      now: new Date(),
    });
    const completed = completedLearners(dashboard, catalog.curricula);
    const json = JSON.stringify(dashboard);
    const baseURL = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const cohortPath = `/mentor/cohorts/${encodeURIComponent(cohort.id)}`;

    const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1366, height: 768 } });
    let answered = 0;
    await context.route(
      (url) => url.pathname === `/api/cohorts/${cohort.id}/dashboard`,
      async (route) => {
        answered += 1;
        await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: json });
      },
    );
    await context.addInitScript({
      content: pageProbe(en.t('mentor.gridCaption'), cohortPath, expectedRows(dashboard, completed, initialQuery)),
    });
    // Sign in as a mentor would, then let the service worker take over.
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    const signIn = new SignInPage(page, en);
    await signIn.open();
    await signIn.signIn(MENTOR);
    await page.close();
    return { context, catalogueModules: catalog.modules.length, dashboard, completed, json, cohortPath, answered: () => answered, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Fewer runs where the CPU is slowed down, so the whole benchmark stays near two minutes. */
const PROFILES: Profile[] = [
  { label: 'no throttling', rate: 1, loads: 5, runs: 7 },
  { label: 'CPU 4x slower', rate: 4, loads: 3, runs: 3 },
];

/** `profiles` replaces the two default columns (e.g. one short unthrottled run while trying a change). */
export async function benchGridRender(
  options: { distDir?: string; learners?: number; modules?: number; profiles?: Profile[] } = {},
): Promise<GridRenderFigures> {
  const started = performance.now();
  const session = await openGridSession({
    distDir: resolve(options.distDir ?? 'dist'),
    learners: options.learners ?? 1000,
    modules: options.modules ?? 38,
  });
  try {
    const { dashboard, completed, cohortPath } = session;
    const letter = searchLetter(dashboard, completed);
    const profiles: ThrottleFigures[] = [];
    let dom: GridRenderFigures['dom'] | undefined;
    const throttles = options.profiles ?? PROFILES;
    for (const profile of throttles) {
      const result = await runProfile(session.context, profile, { cohortPath, dashboard, completed, letter });
      profiles.push(result.figures);
      dom ??= result.dom;
    }
    const loads = throttles.reduce((sum, p) => sum + p.loads + 1, 0);
    if (session.answered() < loads)
      throw new Error(`The dashboard request was answered ${session.answered()} times for ${loads} page loads`);
    return {
      learners: dashboard.learners.length,
      modules: dashboard.modules.length,
      catalogueModules: session.catalogueModules,
      jsonBytes: Buffer.byteLength(session.json),
      jsonGzipBytes: gzipSync(session.json).length,
      attentionItems: dashboard.attention.length,
      searchLetter: letter,
      dom: dom!,
      profiles,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await session.close();
  }
}

const STEP_LABELS = (letter: string): Record<StepName, string> => ({
  open: 'open the cohort page -> grid painted',
  requested: '  of which: app start -> dashboard asked',
  responseToGrid: '           dashboard received -> grid',
  sortModules: 'sort by modules completed',
  sortName: 'sort back by learner name',
  search: `search: type "${letter}" (one key)`,
  progress: 'filter progress: in progress',
  nextPage: 'next page',
});

export function printGridRender(f: GridRenderFigures): void {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `\nCohort grid in Chromium (built app, ${f.learners.toLocaleString('en')} learners x ${f.modules} modules; dashboard JSON ${mb(f.jsonBytes)}, ${mb(f.jsonGzipBytes)} gzip; ${f.attentionItems.toLocaleString('en')} needs-attention items)`,
  );
  if (f.catalogueModules < f.modules)
    console.log(
      `  (the built catalogue has ${f.catalogueModules} modules: the other ${f.modules - f.catalogueModules} columns show module ids as titles)`,
    );
  console.log(
    `  Rendered: ${f.dom.rows} rows x ${f.dom.cellsPerRow} cells = ${(f.dom.rows * f.dom.cellsPerRow).toLocaleString('en')} grid cells; ${f.dom.pageElements.toLocaleString('en')} elements in the page`,
  );
  const width = 42;
  const column = 22;
  console.log(`  ${''.padEnd(width)}${f.profiles.map((p) => p.label.padStart(column)).join('')}`);
  console.log(`  ${''.padEnd(width)}${f.profiles.map(() => 'median       max'.padStart(column)).join('')}`);
  const labels = STEP_LABELS(f.searchLetter);
  for (const step of Object.keys(labels) as StepName[]) {
    const columns = f.profiles.map((p) => {
      const sorted = [...p.samples[step]].sort((a, b) => a - b);
      return `${percentile(sorted, 50).toFixed(0).padStart(6)} ms ${(sorted[sorted.length - 1] ?? NaN).toFixed(0).padStart(6)} ms`;
    });
    console.log(`  ${labels[step].padEnd(width)}${columns.map((c) => c.padStart(column)).join('')}`);
  }
  const counts = f.profiles.map((p) => `${p.label}: ${p.samples.open.length} loads, ${p.samples.sortModules.length} of each interaction`);
  console.log(
    `  (${counts.join('; ')}; each after a warm-up. Interactions: from the input event to the next painted frame. ${f.seconds.toFixed(0)} s)`,
  );
}

// `npx tsx tests/bench/grid-render.ts [distDir]` runs it alone.
if (process.argv[1]?.endsWith('grid-render.ts')) {
  benchGridRender({ distDir: process.argv[2] }).then(printGridRender, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
