/*
 * Two server processes on one database (SQLite file, PostgreSQL schema): a module imported
 * through one shows at once in that one, and in the other's catalogue, cohort grid and learner
 * reports once the other's course check is due (at most a second: src/server/modules/
 * course-check.ts), and counts a learner's statements on it; new pathways saved through one
 * rebuild the learners' totals that the other shows, without a restart of either
 * (src/server/course.ts). Each process's clock stands still until the test moves it on, so
 * "at once" and "after the check" are told apart without sleeping.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { openServer, type Server } from '../../src/server/server';
import { seedModules } from '../../src/server/modules/service';
import type { Catalog } from '../../src/shared/content/compiled';
import type { CurriculumSource } from '../../src/shared/content/schema';
import type { CohortDashboard, LearnerReport } from '../../src/shared/mentoring/contract';
import { buildStatement } from '../../src/shared/xapi/build';
import type { Agent } from '../../src/shared/xapi/types';
import { heldClock } from './helpers/clock';
import { beforeAllOrFail, createTestDatabase, DATABASES } from './helpers/databases';
import { twoCohorts, type TwoCohorts } from './helpers/cohorts';
import { modulePackage } from './helpers/module-package';
import { APP_HEADERS, XAPI_BASE, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';

const NEW_MODULE = 'branch-online-safety';
const LESSONS = ['recognising-scam-messages', 'passwords-and-two-factor', 'common-scams-and-what-to-do'];

describe.each(DATABASES)('an import seen by every server process on %s', (kind) => {
  let first: TestServer;
  let second: Server;
  const firstClock = heldClock();
  const secondClock = heldClock();
  let people: TwoCohorts['people'];
  let cohortA = '';

  beforeAllOrFail(async () => {
    const database = await createTestDatabase(kind);
    const opened = await openServer(loadConfig({ XAPI_BASE, ...database.env }), { serveApp: false, courseCheck: { now: firstClock.now } });
    first = {
      app: opened.app,
      ctx: opened.context,
      database,
      close: async () => {
        await opened.app.close();
        await database.drop();
      },
    };
    await seedModules(first.ctx.store);
    ({ people, cohortA } = await twoCohorts(first));
    second = await openServer(loadConfig({ XAPI_BASE, ...database.env }), { serveApp: false, courseCheck: { now: secondClock.now } });
  });
  afterAll(async () => {
    await second?.app.close();
    await first?.close();
  });

  const on = (server: { app: TestServer['app'] }, who: Session) => ({
    get: (url: string) => server.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, ...APP_HEADERS, ...XAPI_HEADERS } }),
    send: (request: { method: 'POST' | 'PUT'; url: string; payload: unknown; contentType?: string }) =>
      server.app.inject({
        method: request.method,
        url: request.url,
        headers: {
          cookie: who.cookie,
          ...APP_HEADERS,
          ...XAPI_HEADERS,
          ...(request.contentType ? { 'content-type': request.contentType } : {}),
        },
        payload: request.payload as string,
      }),
  });
  const json = async <T>(answer: Promise<{ statusCode: number; body: string; json: <U>() => U }>): Promise<T> => {
    const response = await answer;
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const annasReport = () => json<LearnerReport>(on(second, people.ivo).get(`/api/learners/${people.anna.userId}/report`));

  const gridOf = (server: { app: TestServer['app'] }) =>
    json<CohortDashboard>(on(server, people.ivo).get(`/api/cohorts/${cohortA}/dashboard`));
  const catalogOf = async (server: { app: TestServer['app'] }) =>
    (await server.app.inject({ method: 'GET', url: '/content/catalog.json' })).json<Catalog>().modules.map((m) => m.id);

  it('shows a module imported through one process there at once, and in the other one’s catalogue, grid and reports', async () => {
    // Both processes have read the course and put its content together before the import.
    for (const server of [first, second]) {
      expect((await gridOf(server)).modules).not.toContain(NEW_MODULE);
      expect(await catalogOf(server)).not.toContain(NEW_MODULE);
    }

    const imported = await on(first, people.dace).send({
      method: 'POST',
      url: '/api/modules',
      payload: modulePackage({ from: 'online-safety', id: NEW_MODULE, version: 1, title: 'Online safety at the branch' }),
      contentType: 'application/zip',
    });
    expect(imported.statusCode, imported.body).toBe(201);
    // The process that imported it serves it from the next request on, though its clock stands still.
    expect(await catalogOf(first)).toContain(NEW_MODULE);
    const firstGrid = await gridOf(first);
    expect(firstGrid.modules).toContain(NEW_MODULE);
    // The other one trusts the course it read until its course check is due.
    expect(await catalogOf(second)).not.toContain(NEW_MODULE);
    expect((await gridOf(second)).modules).not.toContain(NEW_MODULE);
    secondClock.passCourseCheck();

    const catalog = (await second.app.inject({ method: 'GET', url: '/content/catalog.json' })).json<Catalog>();
    expect(catalog.modules.find((m) => m.id === NEW_MODULE)?.title.en).toBe('Online safety at the branch');

    // Anna studies the new module through the second process: her statements count against it there.
    const anna = people.anna;
    const env = () => ({ base: XAPI_BASE, actor: anna.agent as Agent, id: randomUUID(), timestamp: new Date().toISOString() });
    const lessons = LESSONS.map((lessonId) => ({ moduleId: NEW_MODULE, moduleVersion: 1, locale: 'en', lessonId }));
    const pushed = await on(second, anna).send({
      method: 'POST',
      url: '/xapi/statements',
      payload: lessons.flatMap((lesson) => [
        buildStatement.readingProgress(env(), lesson, 100, 300_000),
        buildStatement.completedLesson(env(), lesson),
      ]),
    });
    expect(pushed.statusCode, pushed.body).toBe(200);

    const grid = await gridOf(second);
    expect(grid.modules).toContain(NEW_MODULE);
    const cell = grid.cells.find((c) => c.learnerId === anna.userId && c.moduleId === NEW_MODULE);
    expect(cell?.status).not.toBe('not-started');
    const report = await annasReport();
    expect(report.modules.find((m) => m.moduleId === NEW_MODULE)?.percent).toBeGreaterThan(0);
    expect(firstGrid.modules).toEqual(grid.modules);
  });

  it('rebuilds the totals the other process shows when pathways change', async () => {
    const { curricula } = await json<{ curricula: CurriculumSource[] }>(on(first, people.dace).get('/api/curricula'));
    const pathway = curricula[0]!;
    expect((await annasReport()).learner.pathways[pathway.id]).toBe(0);
    const saved = await on(first, people.dace).send({
      method: 'PUT',
      url: '/api/curricula',
      payload: { curricula: curricula.map((c) => (c.id === pathway.id ? { ...c, modules: [...c.modules, NEW_MODULE] } : c)) },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    secondClock.passCourseCheck();
    // The summaries are rebuilt in the background once a process sees the new course.
    await expect.poll(async () => (await annasReport()).learner.pathways[pathway.id], { timeout: 20_000 }).toBeGreaterThan(0);
  });
});
