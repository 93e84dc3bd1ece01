/*
 * What is private to the learner (notes, bookmarks, reading positions, drafts) is read by
 * that learner only: no mentor, coordinator or xAPI client (unlimited or limited to the
 * cohort) gets it by id, by query, as the voiding of one, or in the learner report's
 * timeline; study time still reaches the report. SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, makeUser, startTestServer, XAPI_BASE, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { addLearner, addMentor, createCohort } from '../../src/server/store/cohorts';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { buildStatement } from '../../src/shared/xapi/build';
import { LEARNER_PRIVATE_VERBS } from '../../src/shared/xapi/privacy';
import type { Agent, Statement } from '../../src/shared/xapi/types';
import type { LearnerReport } from '../../src/shared/mentoring/contract';

const MODULE = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en' };
const LESSON = { ...MODULE, lessonId: 'recognising-scam-messages' };
type Reader = 'anna' | 'ivo' | 'dace' | 'analytics' | 'branch';
const OTHERS: Reader[] = ['ivo', 'dace', 'analytics', 'branch'];

describe.each(DATABASES)('learner-private statements on %s', (kind) => {
  let server: TestServer;
  const s = {} as Record<'anna' | 'ivo' | 'dace', Session>;
  const secret = 'My private note about the scam lesson';
  let privates: Statement[] = [];
  let removedBookmark: Statement;
  let bookmarkVoiding: Statement;
  let opened: Statement;

  const headersOf = (who: Reader): Record<string, string> => {
    if (who === 'analytics') return { authorization: basic('analytics', 'analytics secret') };
    if (who === 'branch') return { authorization: basic('branch', 'branch secret 1') };
    return { cookie: s[who].cookie, ...APP_HEADERS };
  };
  const get = (who: Reader, url: string) => server.app.inject({ method: 'GET', url, headers: { ...XAPI_HEADERS, ...headersOf(who) } });
  const idsOf = async (who: Reader, query: string) => {
    const response = await get(who, `/xapi/statements?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ statements: Statement[] }>().statements.map((x) => x.id);
  };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    const db = server.ctx.store.db;
    for (const [login, role] of [
      ['anna', 'learner'],
      ['ivo', 'mentor'],
      ['dace', 'coordinator'],
    ] as const) {
      s[login] = await makeUser(server, login, role);
    }
    const cohort = (await createCohort(db, 'A')).id;
    await addLearner(db, cohort, s.anna.userId);
    await addMentor(db, cohort, s.ivo.userId);
    await createXapiClient(db, { key: 'analytics', secret: 'analytics secret', cohortId: null });
    await createXapiClient(db, { key: 'branch', secret: 'branch secret 1', cohortId: cohort });
    const env = (minute: number) => ({
      base: XAPI_BASE,
      actor: s.anna.agent as Agent,
      id: randomUUID(),
      timestamp: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    });
    opened = buildStatement.openedLesson(env(0), LESSON);
    privates = [
      buildStatement.note(env(1), LESSON, secret),
      buildStatement.bookmark(env(2), LESSON),
      buildStatement.readingProgress(env(3), LESSON, 60, 300_000),
      buildStatement.assignmentDraft(env(4), MODULE, 'half an essay'),
    ];
    removedBookmark = buildStatement.bookmark(env(5), LESSON);
    bookmarkVoiding = buildStatement.voided(env(6), removedBookmark.id);
    const response = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...XAPI_HEADERS, cookie: s.anna.cookie, ...APP_HEADERS },
      payload: [opened, ...privates, removedBookmark, bookmarkVoiding],
    });
    expect(response.statusCode, response.body).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('covers notes, bookmarks, reading positions and drafts', () => {
    expect(new Set(privates.map((p) => p.verb.id))).toEqual(new Set(LEARNER_PRIVATE_VERBS));
  });

  it('lets the learner read them all', async () => {
    for (const p of privates) expect((await get('anna', `/xapi/statements?statementId=${p.id}`)).statusCode).toBe(200);
    expect(await idsOf('anna', 'ascending=true')).toEqual([opened.id, ...privates.map((p) => p.id), bookmarkVoiding.id]);
  });

  it.each(OTHERS)('never gives them to %s by id, by query or as a voiding', async (who) => {
    for (const p of privates) expect((await get(who, `/xapi/statements?statementId=${p.id}`)).statusCode, p.verb.id).toBe(404);
    expect((await get(who, `/xapi/statements?voidedStatementId=${removedBookmark.id}`)).statusCode).toBe(404);
    const agent = encodeURIComponent(JSON.stringify(s.anna.agent));
    expect(await idsOf(who, `agent=${agent}&ascending=true`)).toEqual([opened.id]);
    for (const verb of LEARNER_PRIVATE_VERBS) expect(await idsOf(who, `verb=${encodeURIComponent(verb)}`)).toEqual([]);
    const everything = await get(who, '/xapi/statements?limit=0');
    expect(everything.body).not.toContain(secret);
  });

  it.each(['ivo', 'dace'] as const)("leaves them out of the learner report's timeline for %s, with the study time kept", async (who) => {
    const response = await get(who, `/api/learners/${s.anna.userId}/report`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<LearnerReport>();
    expect(report.timeline.map((t) => t.id)).toEqual([opened.id]);
    expect(response.body).not.toContain(secret);
    expect(report.modules.find((m) => m.moduleId === MODULE.moduleId)?.secondsSpent).toBe(300);
  });
});
