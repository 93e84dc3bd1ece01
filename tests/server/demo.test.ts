/* `npm run demo` on both databases: a mentor signs in and finds 30 learners and who needs attention; a second run adds nothing. */
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, cookieFrom, startTestServer, XAPI_BASE, type TestServer } from './helpers/server';
import { DEMO_LOGINS, seedDemo, type DemoResult } from '../../src/server/demo-seed';
import type { CohortDashboard, LearnerReport, SurveyReport } from '../../src/shared/mentoring/contract';

describe.each(DATABASES)('demo seeder on %s', (kind) => {
  let server: TestServer;
  let result: DemoResult;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    result = await seedDemo(server.ctx.store, XAPI_BASE, server.ctx.course);
  });
  afterAll(async () => {
    await server?.close();
  });

  const signIn = async (login: string, password: string) => {
    const response = await server.app.inject({ method: 'POST', url: '/api/login', headers: APP_HEADERS, payload: { login, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: cookieFrom(response), ...APP_HEADERS };
  };

  it('gives the demo mentor a cohort of 30 learners with every kind of attention item', async () => {
    expect(result.seeded).toBe(true);
    const headers = await signIn(DEMO_LOGINS.mentor.login, DEMO_LOGINS.mentor.password);
    const dashboard = await server.app.inject({ method: 'GET', url: `/api/cohorts/${result.cohortId}/dashboard`, headers });
    expect(dashboard.statusCode).toBe(200);
    const d = dashboard.json<CohortDashboard>();
    expect(d.learners).toHaveLength(30);
    expect(new Set(d.attention.map((a) => a.reason))).toEqual(
      new Set(['inactive', 'quiz-failed-twice', 'assignment-waiting', 'hours-waiting']),
    );
    const statuses = new Set(d.cells.map((c) => c.status));
    expect(statuses).toEqual(new Set(['not-started', 'in-progress', 'completed']));
    expect(new Set(d.cells.map((c) => c.assignment))).toEqual(new Set(['none', 'submitted', 'returned', 'accepted']));

    const someone = d.learners.find((l) => l.modulesCompleted > 0);
    const report = await server.app.inject({ method: 'GET', url: `/api/learners/${someone?.id}/report`, headers });
    expect(report.statusCode).toBe(200);
    expect(report.json<LearnerReport>().timeline.length).toBeGreaterThan(0);
  });

  it('gives the coordinator module and event survey results with comments', async () => {
    const headers = await signIn(DEMO_LOGINS.coordinator.login, DEMO_LOGINS.coordinator.password);
    const reports = (await server.app.inject({ method: 'GET', url: '/api/reports/surveys', headers })).json<SurveyReport[]>();
    expect(reports.some((r) => 'moduleId' in r.about && r.responses > 0)).toBe(true);
    expect(reports.some((r) => 'eventId' in r.about && r.responses > 0)).toBe(true);
    expect(reports.flatMap((r) => r.comments).length).toBeGreaterThan(0);
  });

  it('refuses to seed twice', async () => {
    expect((await seedDemo(server.ctx.store, XAPI_BASE, server.ctx.course)).seeded).toBe(false);
    const count = await server.ctx.store.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(32);
  });
});
