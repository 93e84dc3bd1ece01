/*
 * Mentor views on both databases: the assignment loop (submit, return with a comment,
 * resubmit, accept), hours approval, the dashboard's cells and attention list from the derived
 * table, difficult questions, survey reports, events, and the rule that mentors never read
 * learners' survey answers or drafts, not even through /xapi/statements.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, startTestServer, XAPI_BASE, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { twoCohorts, type Person } from './helpers/cohorts';
import { addLearner, createCohort } from '../../src/server/store/cohorts';
import { insertUser } from '../../src/server/store/users';
import { CellsCache, rebuildStaleSummaries } from '../../src/server/store/summaries';
import { buildStatement, type StatementEnv } from '../../src/shared/xapi/build';
import type { Agent, Statement } from '../../src/shared/xapi/types';
import type { CohortDashboard, DifficultQuestion, LearnerReport, SurveyReport } from '../../src/shared/mentoring/contract';

const MODULE = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en' };
const LESSON = { ...MODULE, lessonId: 'recognising-scam-messages' };
const DAY = 86_400_000;

describe.each(DATABASES)('mentoring on %s', (kind) => {
  let server: TestServer;
  const s = {} as Record<Person, Session>;
  let cohortA = '';
  let cohortB = '';
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const env = (who: Session, timestamp: string): StatementEnv => ({
    base: XAPI_BASE,
    actor: who.agent as Agent,
    id: randomUUID(),
    timestamp,
  });
  const push = async (who: Session, statements: Statement[]) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { cookie: who.cookie, ...APP_HEADERS, ...XAPI_HEADERS },
      payload: statements,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const get = (who: Session | undefined, url: string) =>
    server.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie, ...APP_HEADERS, ...XAPI_HEADERS } : {} });
  const dashboard = async (who: Session = s.ivo) => {
    const response = await get(who, `/api/cohorts/${cohortA}/dashboard?inactiveDays=14`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CohortDashboard>();
  };
  const report = async (who: Session, learner: Session = s.anna) => {
    const response = await get(who, `/api/learners/${learner.userId}/report`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LearnerReport>();
  };
  const cell = (d: CohortDashboard, learner: Session) =>
    d.cells.find((c) => c.learnerId === learner.userId && c.moduleId === MODULE.moduleId);
  const reasons = (d: CohortDashboard, learner: Session) =>
    d.attention
      .filter((a) => a.learnerId === learner.userId)
      .map((a) => a.reason)
      .sort();

  let submission: Statement;
  let hours: Statement;
  let survey: Statement;
  let draft: Statement;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    const cohorts = await twoCohorts(server);
    Object.assign(s, cohorts.people);
    ({ cohortA, cohortB } = cohorts);

    // Anna studies, fails the quiz twice, submits the assignment, logs hours and answers the survey.
    const attempt = (at: string, right: boolean) => {
      const id = randomUUID();
      return [
        buildStatement.answered(env(s.anna, at), MODULE, id, 'parcel-fee-sms', right ? 'b' : 'a', right),
        buildStatement.answered(env(s.anna, at), MODULE, id, 'bank-security-call', 'a', false),
        buildStatement.quizResult(env(s.anna, at), MODULE, id, right ? 1 : 0, 8, 70, 90_000),
      ];
    };
    submission = buildStatement.assignmentSubmission(env(s.anna, ago(3)), MODULE, 'I helped three patrons.');
    hours = buildStatement.loggedHours(env(s.anna, ago(2)), {
      category: 'face-to-face',
      hours: 4,
      date: ago(2).slice(0, 10),
      description: 'Seminar',
    });
    survey = buildStatement.surveyResponse(
      env(s.anna, ago(1)),
      { moduleId: MODULE.moduleId },
      { relevant: 5, useful: 4, willUse: 4, overall: 5 },
      'Про шахраїв — дуже корисно',
    );
    draft = buildStatement.assignmentDraft(env(s.anna, ago(4)), MODULE, 'private draft');
    await push(s.anna, [
      buildStatement.readingProgress(env(s.anna, ago(5)), LESSON, 100, 600_000),
      buildStatement.completedLesson(env(s.anna, ago(5)), LESSON),
      ...attempt(ago(5), false),
      ...attempt(ago(4), false),
      draft,
      submission,
      hours,
      survey,
    ]);
    // Carl, in the other cohort, answers the same quiz right.
    const carlAttempt = randomUUID();
    await push(s.carl, [
      buildStatement.answered(env(s.carl, ago(2)), MODULE, carlAttempt, 'parcel-fee-sms', 'b', true),
      buildStatement.quizResult(env(s.carl, ago(2)), MODULE, carlAttempt, 8, 8, 70, 60_000),
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows the cohort grid with status, scores, time and who needs attention', async () => {
    const d = await dashboard();
    expect(d.cohort).toEqual({ id: cohortA, name: 'A' });
    expect(d.learners.map((l) => l.login).sort()).toEqual(['anna', 'ben']);
    expect(d.modules).toEqual(server.ctx.course.catalog.modules.map((m) => m.id));
    expect(d.cells).toHaveLength(2 * d.modules.length);
    expect(cell(d, s.anna)).toMatchObject({ status: 'in-progress', bestScore: 0, lessonsCompleted: 1, assignment: 'submitted' });
    expect(cell(d, s.anna)?.secondsSpent).toBe(600 + 180);
    expect(cell(d, s.ben)).toMatchObject({ status: 'not-started', bestScore: null, secondsSpent: 0, assignment: 'none' });
    const anna = d.learners.find((l) => l.login === 'anna');
    expect(anna?.lastSyncAt).not.toBeNull();
    // The survey answer (a day ago) is not learning activity; the logged hours (two days ago) are.
    expect(anna?.lastActivityAt).toBe(hours.timestamp);
    expect(Object.keys(anna?.pathways ?? {}).sort()).toEqual(server.ctx.course.catalog.curricula.map((c) => c.id).sort());
    // Hours: the seminar waits for the mentor; the app measured 780 s of study (0.22 h online).
    expect(anna?.hours).toEqual({ approved: { online: 0.22 }, pending: { 'face-to-face': 4 } });
    expect(d.learners.find((l) => l.login === 'ben')?.hours).toEqual({ approved: {}, pending: {} });
    expect(reasons(d, s.anna)).toEqual(['assignment-waiting', 'hours-waiting', 'quiz-failed-twice']);
    expect(reasons(d, s.ben)).toEqual(['inactive']);
    // A shorter inactivity window flags Anna too.
    const strict = await get(s.ivo, `/api/cohorts/${cohortA}/dashboard?inactiveDays=1`);
    expect(strict.json<CohortDashboard>().attention.some((a) => a.learnerId === s.anna.userId && a.reason === 'inactive')).toBe(true);
    expect((await get(s.ivo, `/api/cohorts/${cohortA}/dashboard?inactiveDays=zero`)).statusCode).toBe(400);
  });

  it('runs the assignment loop: return with a comment, resubmit, accept', async () => {
    await push(s.ivo, [
      buildStatement.review(
        env(s.ivo, ago(0.5)),
        { statementId: submission.id, moduleId: MODULE.moduleId },
        s.anna.agent as Agent,
        false,
        'Add what you learned.',
      ),
    ]);
    expect(cell(await dashboard(), s.anna)?.assignment).toBe('returned');
    const mine = await report(s.anna);
    expect(mine.assignments[0]).toMatchObject({ moduleId: MODULE.moduleId, status: 'returned' });
    expect(mine.assignments[0]?.reviews[0]).toMatchObject({ accepted: false, comment: 'Add what you learned.', mentorName: 'ivo name' });

    const second = buildStatement.assignmentSubmission(env(s.anna, ago(0.4)), MODULE, 'Now with what I learned.');
    await push(s.anna, [second]);
    const waiting = await dashboard();
    expect(cell(waiting, s.anna)?.assignment).toBe('submitted');
    expect(reasons(waiting, s.anna)).toContain('assignment-waiting');

    await push(s.ivo, [
      buildStatement.review(
        env(s.ivo, ago(0.3)),
        { statementId: second.id, moduleId: MODULE.moduleId },
        s.anna.agent as Agent,
        true,
        'Well done.',
      ),
    ]);
    const done = await dashboard();
    expect(cell(done, s.anna)?.assignment).toBe('accepted');
    expect(reasons(done, s.anna)).not.toContain('assignment-waiting');
    expect((await report(s.anna)).assignments[0]?.status).toBe('accepted');
  });

  it('approves hours and reports them against the requirement, with measured online time', async () => {
    await push(s.ivo, [buildStatement.review(env(s.ivo, ago(0.2)), { statementId: hours.id }, s.anna.agent as Agent, true, '')]);
    const approved = await dashboard();
    expect(reasons(approved, s.anna)).not.toContain('hours-waiting');
    expect(approved.learners.find((l) => l.login === 'anna')?.hours).toEqual({
      approved: { 'face-to-face': 4, online: 0.22 },
      pending: {},
    });
    const r = await report(s.ivo);
    expect(r.hours).toHaveLength(1);
    expect(r.hours[0]?.review?.accepted).toBe(true);
    // Against a pathway named in the address (by default: the one she has come furthest in).
    const pathway = await get(s.ivo, `/api/learners/${s.anna.userId}/report?curriculum=community-engagement-communication-officer`);
    expect(pathway.json<LearnerReport>().hoursSummary.categories['face-to-face']).toEqual({ approved: 4, pending: 0, required: 20 });
    expect(r.hoursSummary.onlineMeasured).toBe(0.22);
    expect(r.hoursSummary.categories.online.approved).toBe(0.22);
    expect(r.attempts).toHaveLength(2);
    expect(r.modules.find((m) => m.moduleId === MODULE.moduleId)).toMatchObject({ status: 'in-progress', bestScore: 0 });
    // The report's learner carries the same hours as the dashboard.
    expect(r.learner.hours).toEqual({ approved: { 'face-to-face': 4, online: 0.22 }, pending: {} });
  });

  it('moves a learner’s hours from pending to approved on the dashboard; questioned hours count in neither', async () => {
    const hoursOf = async (learner: Session) => (await dashboard()).learners.find((l) => l.id === learner.userId)?.hours;
    const entry = (category: 'project' | 'work-based', amount: number, days: number) =>
      buildStatement.loggedHours(env(s.ben, ago(days)), { category, hours: amount, date: ago(days).slice(0, 10), description: category });
    const project = entry('project', 2.5, 3);
    const work = entry('work-based', 3, 2);
    const moreWork = entry('work-based', 1.25, 1);
    await push(s.ben, [project, work, moreWork]);
    expect(await hoursOf(s.ben)).toEqual({ approved: {}, pending: { project: 2.5, 'work-based': 4.25 } });
    expect(reasons(await dashboard(), s.ben)).toContain('hours-waiting');

    await push(s.ivo, [
      buildStatement.review(env(s.ivo, ago(0.5)), { statementId: project.id }, s.ben.agent as Agent, false, 'Which project?'),
      buildStatement.review(env(s.ivo, ago(0.5)), { statementId: work.id }, s.ben.agent as Agent, true, ''),
    ]);
    expect(await hoursOf(s.ben)).toEqual({ approved: { 'work-based': 3 }, pending: { 'work-based': 1.25 } });
    await push(s.ivo, [buildStatement.review(env(s.ivo, ago(0.4)), { statementId: moreWork.id }, s.ben.agent as Agent, true, '')]);
    const after = await dashboard();
    expect(after.learners.find((l) => l.id === s.ben.userId)?.hours).toEqual({ approved: { 'work-based': 4.25 }, pending: {} });
    expect(reasons(after, s.ben)).not.toContain('hours-waiting');
    expect((await report(s.ivo, s.ben)).learner.hours).toEqual({ approved: { 'work-based': 4.25 }, pending: {} });
  });

  it('lists only touched cells with cells=touched, the same as in the full grid', async () => {
    const full = await dashboard();
    const response = await get(s.ivo, `/api/cohorts/${cohortA}/dashboard?inactiveDays=14&cells=touched`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const touched = response.json<CohortDashboard>();
    expect(touched.cells).toEqual([cell(full, s.anna)]);
    expect(full.cells.filter((c) => c.status !== 'not-started' || c.assignment !== 'none')).toEqual(touched.cells);
    expect({ ...touched, cells: [], generatedAt: '' }).toEqual({ ...full, cells: [], generatedAt: '' });
    expect((await get(s.ivo, `/api/cohorts/${cohortA}/dashboard?cells=some`)).statusCode).toBe(400);
  });

  it('keeps survey answers and drafts out of mentors’ sight, in reports and through xAPI', async () => {
    const ivoReport = await report(s.ivo);
    const ids = ivoReport.timeline.map((t) => t.id);
    expect(ids).not.toContain(survey.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).toContain(submission.id);
    expect((await report(s.anna)).timeline.map((t) => t.id)).toContain(survey.id);

    for (const target of [survey, draft]) {
      expect((await get(s.ivo, `/xapi/statements?statementId=${target.id}`)).statusCode).toBe(404);
      expect((await get(s.anna, `/xapi/statements?statementId=${target.id}`)).statusCode).toBe(200);
      // A coordinator reads survey answers, but a draft is private to the learner (shared/xapi/privacy.ts).
      expect((await get(s.dace, `/xapi/statements?statementId=${target.id}`)).statusCode).toBe(target === draft ? 404 : 200);
    }
    const query = `/xapi/statements?agent=${encodeURIComponent(JSON.stringify(s.anna.agent))}&limit=0`;
    const seenByIvo = (await get(s.ivo, query)).json<{ statements: Statement[] }>().statements.map((x) => x.id);
    expect(seenByIvo).toContain(submission.id);
    expect(seenByIvo).not.toContain(survey.id);
    expect(seenByIvo).not.toContain(draft.id);
    const byVerb = await get(s.ivo, `/xapi/statements?verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/responded')}`);
    expect(byVerb.json<{ statements: Statement[] }>().statements).toEqual([]);
    const seenByAnna = (await get(s.anna, query)).json<{ statements: Statement[] }>().statements.map((x) => x.id);
    expect(seenByAnna).toContain(survey.id);
  });

  it('reports surveys to coordinators only, without names', async () => {
    const response = await get(s.dace, '/api/reports/surveys');
    expect(response.statusCode).toBe(200);
    const reports = response.json<SurveyReport[]>();
    expect(reports).toEqual([
      {
        about: { moduleId: MODULE.moduleId },
        responses: 1,
        items: { relevant: [0, 0, 0, 0, 1], useful: [0, 0, 0, 1, 0], willUse: [0, 0, 0, 1, 0], overall: [0, 0, 0, 0, 1] },
        comments: ['Про шахраїв — дуже корисно'],
      },
    ]);
    expect(response.body).not.toContain('anna');
  });

  it('lists difficult questions from first attempts of the cohort only', async () => {
    const response = await get(s.ivo, `/api/cohorts/${cohortA}/difficult-questions?module=${MODULE.moduleId}`);
    expect(response.statusCode).toBe(200);
    const questions = response.json<DifficultQuestion[]>();
    expect(questions.map((q) => q.questionId)).toEqual(
      server.ctx.course.questionIds
        .get(MODULE.moduleId)
        ?.slice()
        .sort((a, b) => {
          const rank = (id: string) => (id === 'bank-security-call' ? 0 : id === 'parcel-fee-sms' ? 1 : 2);
          return rank(a) - rank(b) || (a < b ? -1 : 1);
        }),
    );
    expect(questions[0]).toMatchObject({
      questionId: 'bank-security-call',
      learners: 1,
      firstTimeRight: 0,
      share: 0,
      commonWrongAnswer: 'a',
    });
    // Carl (cohort B) got parcel-fee-sms right, but he is not in this cohort.
    expect(questions[1]).toMatchObject({ questionId: 'parcel-fee-sms', learners: 1, firstTimeRight: 0 });
    expect((await get(s.ivo, `/api/cohorts/${cohortA}/difficult-questions`)).statusCode).toBe(400);
    expect((await get(s.ivo, `/api/cohorts/${cohortA}/difficult-questions?module=nope`)).statusCode).toBe(404);
  });

  it('creates events for coordinators and lists them per cohort', async () => {
    const post = (who: Session, payload: unknown) =>
      server.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { cookie: who.cookie, ...APP_HEADERS },
        payload: payload as object,
      });
    const a = await post(s.dace, { title: 'Seminar in Riga', date: '2026-05-10', cohortId: cohortA });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ title: 'Seminar in Riga', date: '2026-05-10', cohortId: cohortA });
    expect((await post(s.dace, { title: 'Kick-off', date: '2026-04-01', cohortId: null })).statusCode).toBe(201);
    expect((await post(s.dace, { title: 'Sofia day', date: '2026-05-11', cohortId: cohortB })).statusCode).toBe(201);
    expect((await post(s.dace, { title: 'Bad', date: '2026-02-30', cohortId: null })).statusCode).toBe(400);
    expect((await post(s.dace, { title: '', date: '2026-02-03' })).statusCode).toBe(400);
    expect((await post(s.dace, { title: 'X', date: '2026-02-03', cohortId: 'nope' })).statusCode).toBe(404);
    expect((await post(s.ivo, { title: 'Mine', date: '2026-02-03', cohortId: cohortA })).statusCode).toBe(403);
    expect((await post(s.anna, { title: 'Mine', date: '2026-02-03', cohortId: cohortA })).statusCode).toBe(403);
    const titles = async (who: Session) => (await get(who, '/api/events')).json<{ title: string }[]>().map((e) => e.title);
    expect(await titles(s.anna)).toEqual(['Kick-off', 'Seminar in Riga']);
    expect(await titles(s.ivo)).toEqual(['Kick-off', 'Seminar in Riga']);
    expect(await titles(s.carl)).toEqual(['Kick-off', 'Sofia day']);
    expect(await titles(s.dace)).toEqual(['Kick-off', 'Seminar in Riga', 'Sofia day']);
  });

  it('reads a learner’s cells again only when their row has a new version, within the cache’s size bound', async () => {
    const db = server.ctx.store.db;
    const versions = async () =>
      new Map((await db.selectFrom('learner_summaries').select(['learner_id', 'version']).execute()).map((r) => [r.learner_id, r.version]));
    const stored = async (learnerId: string) =>
      (await db.selectFrom('learner_summaries').select('cells').where('learner_id', '=', learnerId).executeTakeFirstOrThrow()).cells;
    const cache = new CellsCache();
    const first = await cache.cellsOf(db, await versions(), false);
    const again = await cache.cellsOf(db, await versions(), false);
    expect(again.get(s.anna.userId)).toBe(first.get(s.anna.userId));
    expect(`[${again.get(s.anna.userId)?.toString() ?? ''}]`).toBe(await stored(s.anna.userId));
    await push(s.anna, [buildStatement.completedLesson(env(s.anna, ago(0.05)), { ...MODULE, lessonId: 'passwords-and-two-factor' })]);
    const after = await cache.cellsOf(db, await versions(), false);
    expect(after.get(s.anna.userId)).not.toBe(first.get(s.anna.userId));
    expect(`[${after.get(s.anna.userId)?.toString() ?? ''}]`).toBe(await stored(s.anna.userId));
    expect(after.get(s.ben.userId)).toBe(first.get(s.ben.userId));
    // A cache too small for anything still answers right, reading every time.
    const tiny = new CellsCache(1);
    const once = await tiny.cellsOf(db, await versions(), true);
    const twice = await tiny.cellsOf(db, await versions(), true);
    expect(twice.get(s.anna.userId)).not.toBe(once.get(s.anna.userId));
    expect(twice.get(s.anna.userId)?.equals(once.get(s.anna.userId) ?? Buffer.alloc(0))).toBe(true);
  });

  it('recomputes at start the rows an older server wrote (before hours and cells were kept)', async () => {
    const before = await dashboard();
    const touchedBefore = (await get(s.ivo, `/api/cohorts/${cohortA}/dashboard?inactiveDays=14&cells=touched`)).json<CohortDashboard>();
    const db = server.ctx.store.db;
    // What migrations 0005 and 0006 leave in a row an older server wrote: its catalogue fingerprint and the columns' defaults.
    await db
      .updateTable('learner_summaries')
      .set({
        course_fingerprint: server.ctx.course.fingerprint,
        hours: '{"approved":{},"pending":{}}',
        totals: '{"modulesCompleted":0,"secondsSpent":0,"pathways":{}}',
        attention: '[]',
        cells: '[]',
        touched_cells: '[]',
      })
      .execute();
    const rows = await db.selectFrom('learner_summaries').select('learner_id').execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const deps = { xapiBase: XAPI_BASE, course: server.ctx.course };
    expect(await rebuildStaleSummaries(db, server.ctx.store.dialect, deps)).toBe(rows.length);
    expect(await rebuildStaleSummaries(db, server.ctx.store.dialect, deps)).toBe(0);
    expect({ ...(await dashboard()), generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
    const touchedAfter = (await get(s.ivo, `/api/cohorts/${cohortA}/dashboard?inactiveDays=14&cells=touched`)).json<CohortDashboard>();
    expect({ ...touchedAfter, generatedAt: '' }).toEqual({ ...touchedBefore, generatedAt: '' });
  });

  it('keeps the derived table equal to a rebuild from statements, voiding included', async () => {
    await push(s.anna, [buildStatement.voided(env(s.anna, ago(0.1)), hours.id)]);
    const before = await dashboard();
    expect(before.learners.find((l) => l.login === 'anna')).toBeDefined();
    const db = server.ctx.store.db;
    await db.deleteFrom('learner_summaries').execute();
    expect(await rebuildStaleSummaries(db, server.ctx.store.dialect, { xapiBase: XAPI_BASE, course: server.ctx.course })).toBe(3);
    const after = await dashboard();
    expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
    expect((await report(s.anna)).hours).toEqual([]);
  });

  it('answers an empty cohort, and a cohort whose only learner has a non-Latin name and no statements yet', async () => {
    const db = server.ctx.store.db;
    const empty = (await createCohort(db, 'Пусто "E"')).id;
    const read = async (id: string, query = '') => {
      const response = await get(s.dace, `/api/cohorts/${id}/dashboard${query}`);
      expect(response.statusCode).toBe(200);
      expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
      return response.json<CohortDashboard>();
    };
    for (const query of ['', '?cells=touched']) {
      expect(await read(empty, query)).toMatchObject({ cohort: { name: 'Пусто "E"' }, learners: [], cells: [], attention: [] });
    }
    const olena = await insertUser(db, {
      login: 'olena',
      name: 'Олена “Ї” \\ Ševčenko',
      role: 'learner',
      password: 'correct horse battery',
    });
    await addLearner(db, empty, olena.id);
    const full = await read(empty);
    expect(full.learners).toEqual([
      expect.objectContaining({ name: 'Олена “Ї” \\ Ševčenko', hours: { approved: {}, pending: {} }, modulesCompleted: 0 }),
    ]);
    expect(full.cells).toHaveLength(full.modules.length);
    expect(full.cells.every((c) => c.learnerId === olena.id && c.status === 'not-started')).toBe(true);
    expect(full.attention).toEqual([{ learnerId: olena.id, reason: 'inactive' }]);
    expect((await read(empty, '?cells=touched')).cells).toEqual([]);
  });
});
