/* `npm run demo` on both databases: a mentor signs in and finds 30 learners and who needs attention; a second run adds nothing. */
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, cookieFrom, startTestServer, XAPI_BASE, type TestServer } from './helpers/server';
import { DEMO_LOGINS, seedDemo, type DemoResult } from '../../src/server/demo-seed';
import { plausibleResponse } from '../../src/server/fixtures';
import { seededRandom } from '../../src/shared/random';
import { loadCourse } from '../../src/server/course';
import { isCorrect } from '../../src/shared/learning/quiz';
import type { CohortDashboard, DifficultQuestion, LearnerReport, SurveyReport } from '../../src/shared/mentoring/contract';

describe('demo quiz answers', () => {
  it('are right when meant to be right and a real mistake otherwise, for every question of the course', () => {
    const random = seededRandom(7);
    const quizzes = [...(loadCourse().quizzes?.values() ?? [])].flat();
    expect(quizzes.length).toBeGreaterThan(50);
    for (const question of quizzes)
      for (let i = 0; i < 5; i += 1) {
        expect(isCorrect(question, plausibleResponse(question, true, random)), question.id).toBe(true);
        expect(isCorrect(question, plausibleResponse(question, false, random)), question.id).toBe(false);
      }
  });
});

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
    // Thirty different people, each named in one language (no Bulgarian first name with a Latvian surname).
    expect(new Set(d.learners.map((l) => l.name)).size).toBe(30);
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

    // The most common wrong answers are answers a learner could give to that question, never the right one.
    const moduleId = d.modules[0] ?? '';
    const questions = server.ctx.course.quizzes?.get(moduleId) ?? [];
    const difficult = await server.app.inject({
      method: 'GET',
      url: `/api/cohorts/${result.cohortId}/difficult-questions?module=${moduleId}`,
      headers,
    });
    const wrong = difficult.json<DifficultQuestion[]>().filter((q) => q.commonWrongAnswer !== null);
    expect(wrong.length).toBeGreaterThan(0);
    for (const q of wrong) {
      const question = questions.find((item) => item.id === q.questionId);
      const words = question?.type === 'truefalse' ? ['true', 'false'] : (question?.options.map((o) => o.id) ?? []);
      for (const part of String(q.commonWrongAnswer).split('[,]')) expect(words).toContain(part);
    }
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
