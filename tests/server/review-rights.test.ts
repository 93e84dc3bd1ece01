/*
 * Who may review, and what cohort-limited clients may write (SQLite and PostgreSQL):
 * - a learner's review of their own logged hours or submission is refused (403, with a
 *   message), and so is a mentor's of another cohort and an xAPI client's without the right
 *   (even as the learner's mentor); the mentor of the cohort, a coordinator and a client given
 *   the right (`mayReview`) may; a client limited to a cohort only within it;
 * - a review stored before these rules by someone without the right counts nowhere: not on
 *   the dashboard, not in the learner's report; the learner's device gets who may review them;
 * - a client limited to a cohort writes and voids only as and of that cohort's people.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, startTestServer, XAPI_BASE, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { twoCohorts, type Person } from './helpers/cohorts';
import { statement, voiding, type Json } from './helpers/statements';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { storeStatements, type IncomingStatement } from '../../src/server/store/statements';
import { summaryHook } from '../../src/server/store/summaries';
import { buildStatement } from '../../src/shared/xapi/build';
import { agentKey } from '../../src/shared/xapi/canonical';
import type { Agent, Statement } from '../../src/shared/xapi/types';
import type { CohortDashboard, LearnerReport, MyReviewers } from '../../src/shared/mentoring/contract';

const MODULE = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en' };
const CLIENTS = {
  plain: ['analytics', 'analytics secret'],
  reviewer: ['assessor', 'assessor secret'],
  branchA: ['branch-a', 'branch a secret!'],
  branchAReviewer: ['branch-a-assessor', 'branch a assessor'],
} as const;
type Client = keyof typeof CLIENTS;
const clientAgent = (client: Client): Agent => ({
  objectType: 'Agent',
  account: { homePage: `${XAPI_BASE}/clients`, name: CLIENTS[client][0] },
});

describe.each(DATABASES)('review rights and cohort clients on %s', (kind) => {
  let server: TestServer;
  const s = {} as Record<Person, Session>;
  let cohortA = '';

  const headersOf = (who: Session | Client): Record<string, string> =>
    typeof who === 'string' ? { authorization: basic(CLIENTS[who][0], CLIENTS[who][1]) } : { cookie: who.cookie, ...APP_HEADERS };
  const post = (who: Session | Client, body: unknown) =>
    server.app.inject({ method: 'POST', url: '/xapi/statements', headers: { ...XAPI_HEADERS, ...headersOf(who) }, payload: body as Json });
  const get = (who: Session | Client, url: string) =>
    server.app.inject({ method: 'GET', url, headers: { ...XAPI_HEADERS, ...headersOf(who) } });
  const env = (actor: Agent, day = 1) => ({
    base: XAPI_BASE,
    actor,
    id: randomUUID(),
    timestamp: `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  });
  const logHours = async (learner: Session): Promise<Statement> => {
    const logged = buildStatement.loggedHours(env(learner.agent as Agent), {
      category: 'work-based',
      hours: 165,
      date: '2026-03-01',
      description: 'Desk',
    });
    expect((await post(learner, logged)).statusCode).toBe(200);
    return logged;
  };
  const submit = async (learner: Session): Promise<Statement> => {
    const submitted = buildStatement.assignmentSubmission(env(learner.agent as Agent), MODULE, 'My essay');
    expect((await post(learner, submitted)).statusCode).toBe(200);
    return submitted;
  };
  const approval = (actor: Agent, target: Statement, learner: Session) =>
    buildStatement.review(env(actor, 2), { statementId: target.id }, learner.agent as Agent, true, 'Approved');
  const annaOnDashboard = async () => {
    const response = await get(s.ivo, `/api/cohorts/${cohortA}/dashboard`);
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json<CohortDashboard>();
    return {
      learner: dashboard.learners.find((l) => l.id === s.anna.userId),
      cell: dashboard.cells.find((c) => c.learnerId === s.anna.userId && c.moduleId === MODULE.moduleId),
    };
  };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    const db = server.ctx.store.db;
    const cohorts = await twoCohorts(server);
    Object.assign(s, cohorts.people);
    cohortA = cohorts.cohortA;
    await createXapiClient(db, { key: CLIENTS.plain[0], secret: CLIENTS.plain[1], cohortId: null });
    await createXapiClient(db, { key: CLIENTS.reviewer[0], secret: CLIENTS.reviewer[1], cohortId: null, mayReview: true });
    await createXapiClient(db, { key: CLIENTS.branchA[0], secret: CLIENTS.branchA[1], cohortId: cohortA });
    await createXapiClient(db, { key: CLIENTS.branchAReviewer[0], secret: CLIENTS.branchAReviewer[1], cohortId: cohortA, mayReview: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a learner approving their own hours or accepting their own assignment, and the dashboard counts neither', async () => {
    const logged = await logHours(s.anna);
    const submitted = await submit(s.anna);
    for (const target of [logged, submitted]) {
      const response = await post(s.anna, approval(s.anna.agent as Agent, target, s.anna));
      expect(response.statusCode).toBe(403);
      expect(response.json<{ error: string; message: string }>()).toMatchObject({
        error: 'review-not-allowed',
        message: expect.stringMatching(/only a mentor of the learner's cohort, a coordinator or an xAPI client given the right may review/),
      });
    }
    const { learner, cell } = await annaOnDashboard();
    expect(learner?.hours.approved['work-based']).toBeUndefined();
    expect(cell?.assignment).toBe('submitted');
  });

  it.each([
    ['a mentor of another cohort', () => s.mara, () => s.mara.agent as Agent],
    ['an xAPI client without the right, even as the mentor', (): Client => 'plain', () => s.ivo.agent as Agent],
    ['a cohort client without the right', (): Client => 'branchA', () => s.ivo.agent as Agent],
    ["a cohort client with the right, for another cohort's learner", (): Client => 'branchAReviewer', () => clientAgent('branchAReviewer')],
  ] as const)('refuses a review by %s', async (_who, writer, actor) => {
    const learner = writer() === 'branchAReviewer' ? s.carl : s.anna;
    const logged = await logHours(learner);
    const response = await post(writer(), approval(actor(), logged, learner));
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json<{ error: string }>().error).toBe('review-not-allowed');
  });

  it.each([
    ['the mentor of the cohort', () => s.ivo, () => s.ivo.agent as Agent],
    ['a coordinator', () => s.dace, () => s.dace.agent as Agent],
    ['an xAPI client given the right', (): Client => 'reviewer', () => clientAgent('reviewer')],
    ["a cohort client given the right, for its cohort's learner", (): Client => 'branchAReviewer', () => s.ivo.agent as Agent],
  ] as const)('stores and counts a review by %s', async (_who, writer, actor) => {
    const before = (await annaOnDashboard()).learner?.hours.approved['work-based'] ?? 0;
    const logged = await logHours(s.anna);
    const response = await post(writer(), approval(actor(), logged, s.anna));
    expect(response.statusCode, response.body).toBe(200);
    expect((await annaOnDashboard()).learner?.hours.approved['work-based']).toBe(before + 165);
  });

  it('refuses a review of a statement the server does not hold', async () => {
    const missing = buildStatement.loggedHours(env(s.anna.agent as Agent), {
      category: 'project',
      hours: 1,
      date: '2026-03-01',
      description: 'x',
    });
    const response = await post(s.ivo, approval(s.ivo.agent as Agent, missing, s.anna));
    expect(response.statusCode).toBe(403);
    expect(response.json<{ error: string }>().error).toBe('review-target-unknown');
  });

  it('does not count reviews stored before the rules by someone without the right', async () => {
    const carlsStart = (await get(s.dace, `/api/learners/${s.carl.userId}/report`)).json<LearnerReport>();
    const logged = await logHours(s.carl);
    const submitted = await submit(s.carl);
    // As an older server stored them: the learner's own approval, and one by a client writing as the mentor.
    const store = (authority: Agent, statements: Statement[]) =>
      storeStatements(server.ctx.store, statements as unknown as IncomingStatement[], {
        authority: authority as Json,
        mayVoid: 'nobody',
        mayReview: 'anyone',
        afterStore: summaryHook({ xapiBase: XAPI_BASE, course: server.ctx.course }),
      });
    await store(s.carl.agent as Agent, [approval(s.carl.agent as Agent, logged, s.carl)]);
    await store(clientAgent('plain'), [approval(s.mara.agent as Agent, submitted, s.carl)]);
    const report = (await get(s.mara, `/api/learners/${s.carl.userId}/report`)).json<LearnerReport>();
    expect(report.hours.find((h) => h.statementId === logged.id)?.review).toBeNull();
    expect(report.hoursSummary.categories['work-based'].approved).toBe(carlsStart.hoursSummary.categories['work-based'].approved);
    expect(report.assignments.find((a) => a.moduleId === MODULE.moduleId)?.status).toBe('submitted');
    const row = (
      await get(
        s.mara,
        `/api/cohorts/${(await get(s.mara, '/api/cohorts')).json<{ cohorts: { id: string }[] }>().cohorts[0]?.id}/dashboard`,
      )
    ).json<CohortDashboard>();
    expect(row.learners.find((l) => l.id === s.carl.userId)?.hours.approved['work-based']).toBeUndefined();
  });

  it("tells a learner's device who may review them: their mentors, the coordinators and clients given the right for them", async () => {
    const response = await get(s.anna, '/api/me/reviewers');
    expect(response.statusCode).toBe(200);
    const keys = (agents: Agent[]) => agents.map((a) => agentKey(a) ?? '').sort();
    expect(response.json<MyReviewers>().reviewers).toEqual(
      keys([s.ivo.agent as Agent, s.dace.agent as Agent, clientAgent('reviewer'), clientAgent('branchAReviewer')]),
    );
    expect(response.json<MyReviewers>().reviewers).not.toContain(agentKey(s.mara.agent));
  });

  describe('a client limited to a cohort', () => {
    it("writes as its cohort's learners and mentors and as itself, never as anyone else", async () => {
      for (const actor of [s.anna.agent, s.ivo.agent, clientAgent('branchA')])
        expect((await post('branchA', statement(actor as Json))).statusCode).toBe(200);
      for (const actor of [s.carl.agent, s.mara.agent, s.dace.agent, { mbox: 'mailto:someone@example.org' }]) {
        const response = await post('branchA', statement(actor as Json));
        expect(response.statusCode).toBe(403);
        expect(response.json<{ error: string; message: string }>()).toMatchObject({
          error: 'actor-not-allowed',
          message: expect.stringMatching(/only as the learners and mentors of its cohort/),
        });
      }
    });

    it("voids its cohort's statements, never another cohort's", async () => {
      const annas = statement(s.anna.agent as Json);
      const carls = statement(s.carl.agent as Json);
      expect((await post(s.anna, annas)).statusCode).toBe(200);
      expect((await post(s.carl, carls)).statusCode).toBe(200);
      const refused = await post('branchA', voiding(clientAgent('branchA') as Json, String(carls.id)));
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ error: string }>().error).toBe('void-not-allowed');
      expect((await get(s.dace, `/xapi/statements?statementId=${carls.id}`)).statusCode).toBe(200);
      expect((await post('branchA', voiding(clientAgent('branchA') as Json, String(annas.id)))).statusCode).toBe(200);
      expect((await get(s.dace, `/xapi/statements?statementId=${annas.id}`)).statusCode).toBe(404);
    });
  });
});
