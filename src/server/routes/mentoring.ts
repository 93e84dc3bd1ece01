/*
 * Mentor and coordinator views (issue 4), read-only over statements and the derived
 * summaries (store/summaries.ts), plus face-to-face events. Shapes: shared/mentoring/contract.ts.
 *   GET  /api/cohorts/:id/dashboard?inactiveDays=14[&cells=touched]  mentor of the cohort, coordinator
 *   GET  /api/cohorts/:id/difficult-questions?module=ID  mentor of the cohort, coordinator
 *   GET  /api/learners/:id/report[?curriculum=ID]        the learner, a mentor of their cohort, coordinator
 *   GET  /api/reports/surveys                            coordinator (anonymous aggregates)
 *   GET  /api/events                                     everyone signed in: coordinators all, others their cohorts' and course-wide ones
 *   POST /api/events {title, date, cohortId|null}        coordinator
 * Everything learners and mentors do (submissions, reviews, hours, survey answers) is still an
 * xAPI statement sent to /xapi/statements; nothing here writes learning data.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { HttpError, requirePrincipal } from './accounts';
import type { User } from '../store/users';
import { findUserById } from '../store/users';
import { cohortIdsOfLearner, cohortIdsOfMentor, findCohort, learnersOf, type Cohort } from '../store/cohorts';
import { CellsCache, cohortSummaries, learnerAgentKey } from '../store/summaries';
import { cellsJson } from '../store/summary-rows';
import { learnerTimeline, learnerView } from '../store/learner-view';
import { createEvent, listEvents } from '../store/events';
import { reviewersOf } from '../store/reviewers';
import { attentionItems, learnerTotals, sortAttention, type AttentionInput } from '../../shared/mentoring/dashboard';
import { hoursSummary, learnerHours } from '../../shared/mentoring/hours';
import { surveyReports } from '../../shared/mentoring/surveys';
import { difficultQuestions } from '../../shared/mentoring/difficult';
import type { AttentionItem, CohortDashboard, DashboardLearner, LearnerReport, MyReviewers } from '../../shared/mentoring/contract';
import { activityId } from '../../shared/xapi/activities';
import { VERBS } from '../../shared/xapi/verbs';
import { MENTOR_HIDDEN_VERBS } from '../../shared/xapi/privacy';
import type { Statement } from '../../shared/xapi/types';

/** The most recent statements a learner report lists. */
export const TIMELINE_LIMIT = 1000;

const inactiveDaysParam = z.coerce.number().int().min(1).max(3650).default(14);
const eventBody = z.object({
  title: z.string().trim().min(1, 'A title is 1 to 200 characters.').max(200, 'A title is 1 to 200 characters.'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD.')
    .refine(
      (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      'Not a real date.',
    ),
  cohortId: z.string().min(1).max(100).nullable().default(null),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || what;
  throw new HttpError(400, `${field}: ${issue?.message ?? 'not valid'}`);
}

async function signedInUser(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<User> {
  const principal = await requirePrincipal(ctx, request, reply);
  if (principal.kind !== 'user') throw new HttpError(403, 'xAPI client credentials cannot use the accounts API.');
  return principal.user;
}

/** The cohort when this user may follow it: 404 when there is none, 403 when it is not theirs. */
async function followedCohort(ctx: AppContext, user: User, cohortId: string): Promise<Cohort> {
  if (user.role === 'learner') throw new HttpError(403, 'Only a mentor or coordinator may do this.');
  const cohort = await findCohort(ctx.store.db, cohortId);
  if (!cohort) throw new HttpError(404, 'There is no such cohort.');
  if (user.role === 'mentor' && !(await cohortIdsOfMentor(ctx.store.db, user.id)).includes(cohort.id)) {
    throw new HttpError(403, 'You do not mentor this cohort.');
  }
  return cohort;
}

/** The learner when this user may read their report: 403 for others' learners, 404 when there is no such learner. */
async function readableLearner(ctx: AppContext, user: User, learnerId: string): Promise<User> {
  const { db } = ctx.store;
  if (user.role === 'learner' && user.id !== learnerId) throw new HttpError(403, 'You may only read your own report.');
  const learner = await findUserById(db, learnerId);
  if (!learner || learner.role !== 'learner') throw new HttpError(404, 'There is no such learner.');
  if (user.role === 'mentor') {
    const mine = new Set(await cohortIdsOfMentor(db, user.id));
    if (!(await cohortIdsOfLearner(db, learner.id)).some((id) => mine.has(id)))
      throw new HttpError(403, 'This learner is not in a cohort you mentor.');
  }
  return learner;
}

/**
 * The CohortDashboard JSON, in the contract's key order, with each learner's stored cells (UTF-8
 * JSON without brackets, kept by CellsCache) spliced in: the 38,000 cells of 1,000 x 38 are
 * never parsed, built or serialised on read, nor read again while their rows are unchanged.
 */
function dashboardJson(
  head: Omit<CohortDashboard, 'cells' | 'attention'>,
  cellLists: readonly Buffer[],
  attention: AttentionItem[],
): Buffer {
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"cells":[`)];
  const comma = Buffer.from(',');
  for (const list of cellLists) {
    if (list.length === 0) continue;
    if (parts.length > 1) parts.push(comma);
    parts.push(list);
  }
  parts.push(Buffer.from(`],"attention":${JSON.stringify(attention)}}`));
  return Buffer.concat(parts);
}

export function registerMentoringRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;
  const cellsCache = new CellsCache();

  app.get<{ Params: { id: string }; Querystring: { inactiveDays?: string; cells?: string } }>(
    '/api/cohorts/:id/dashboard',
    async (request, reply) => {
      const user = await signedInUser(ctx, request, reply);
      const cohort = await followedCohort(ctx, user, request.params.id);
      const inactiveDays = parse(inactiveDaysParam, request.query.inactiveDays, 'inactiveDays');
      // The course now: a module imported by any server process is a column at once.
      const course = await ctx.currentCourse();
      const moduleIds = course.catalog.modules.map((m) => m.id);
      const noTotals = learnerTotals([], course.catalog.curricula);
      const cellsParam = request.query.cells ?? 'all';
      if (cellsParam !== 'all' && cellsParam !== 'touched') throw new HttpError(400, 'cells: all or touched.');
      // `cells=touched` leaves out not-started cells (no time, no score, no assignment): a third of the size for a large cohort.
      const touchedOnly = cellsParam === 'touched';
      // One snapshot (repeatable read on PostgreSQL; a read transaction on SQLite): the cells match the rows' versions.
      const { people, summaries, cellsOf } = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const people = await learnersOf(trx, [cohort.id]);
          const summaries = await cohortSummaries(trx, cohort.id);
          const versions = new Map(summaries.map((s) => [s.learner_id, s.version]));
          return { people, summaries, cellsOf: await cellsCache.cellsOf(trx, versions, touchedOnly) };
        });
      const summaryOf = new Map(summaries.map((s) => [s.learner_id, s]));
      const learners: DashboardLearner[] = [];
      const cellLists: Buffer[] = [];
      const attentionInput: AttentionInput[] = [];
      const moduleItems: AttentionItem[] = [];
      for (const person of people) {
        // A learner who has not synced since joining has no summary row yet: nothing started.
        const summary = summaryOf.get(person.userId);
        learners.push({
          id: person.userId,
          name: person.name,
          login: person.login,
          lastSyncAt: summary?.last_sync_at ?? null,
          lastActivityAt: summary?.last_activity_at ?? null,
          ...(summary?.totals ?? noTotals),
          hours: summary?.hours ?? { approved: {}, pending: {} },
        });
        cellLists.push(cellsOf.get(person.userId) ?? Buffer.from(cellsJson(person.userId, moduleIds, new Map(), touchedOnly).slice(1, -1)));
        // Inactivity depends on now: computed here; the module reasons were computed when the statements arrived.
        attentionInput.push({
          learnerId: person.userId,
          lastActivityAt: summary?.last_activity_at ?? null,
          modules: [],
          hoursWaitingSince: summary?.hours_waiting_since ?? null,
        });
        if (summary) moduleItems.push(...summary.attention);
      }
      const now = new Date();
      const head: Omit<CohortDashboard, 'cells' | 'attention'> = {
        cohort: { id: cohort.id, name: cohort.name },
        generatedAt: now.toISOString(),
        inactiveDays,
        modules: moduleIds,
        learners,
      };
      const attention = sortAttention([...attentionItems(attentionInput, now, inactiveDays), ...moduleItems]);
      return reply.type('application/json; charset=utf-8').send(dashboardJson(head, cellLists, attention));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { curriculum?: string } }>('/api/learners/:id/report', async (request, reply) => {
    const user = await signedInUser(ctx, request, reply);
    const learner = await readableLearner(ctx, user, request.params.id);
    const key = learnerAgentKey(ctx.config.xapiBase, learner.id);
    // Read from the summary row and ledgers kept at ingest: the learner's history is not folded here.
    const course = await ctx.currentCourse();
    const view = await learnerView(db, { xapiBase: ctx.config.xapiBase, course }, learner.id);
    const totals = view.totals;
    const curricula = course.catalog.curricula;
    let curriculum = curricula.find((c) => c.id === request.query.curriculum);
    if (request.query.curriculum !== undefined && !curriculum) throw new HttpError(404, 'There is no such curriculum.');
    // By default: the pathway the learner has come furthest in (the first one on a tie).
    curriculum ??= curricula.reduce<(typeof curricula)[number] | undefined>(
      (best, c) => (!best || (totals.pathways[c.id] ?? 0) > (totals.pathways[best.id] ?? 0) ? c : best),
      undefined,
    );
    const self = user.id === learner.id;
    // What is private to the learner, and survey answers (anonymous): only the learner sees them in their timeline.
    const hidden = new Set<string>(self ? [] : MENTOR_HIDDEN_VERBS);
    const timeline: Statement[] = await learnerTimeline(db, key, [...hidden], TIMELINE_LIMIT);
    const body: LearnerReport = {
      learner: {
        id: learner.id,
        name: learner.name,
        login: learner.login,
        lastSyncAt: view.lastSyncAt,
        lastActivityAt: view.lastActivityAt,
        ...totals,
        hours: learnerHours(view.hours, view.onlineSeconds),
      },
      timeline,
      modules: course.catalog.modules.map((module) => {
        const row = view.rows.get(module.id);
        return {
          moduleId: module.id,
          status: row?.status ?? 'not-started',
          percent: row?.percent ?? 0,
          bestScore: row?.bestScore ?? null,
          secondsSpent: row?.secondsSpent ?? 0,
        };
      }),
      lessons: view.lessons,
      attempts: view.attempts,
      assignments: view.assignments,
      hours: view.hours,
      hoursSummary: hoursSummary(view.hours, view.onlineSeconds, curriculum?.hours ?? {}),
    };
    return body;
  });

  app.get('/api/me/reviewers', async (request, reply) => {
    const user = await signedInUser(ctx, request, reply);
    const body: MyReviewers = { reviewers: [...(await reviewersOf(db, ctx.config.xapiBase, user.id))].sort() };
    return body;
  });

  app.get<{ Params: { id: string }; Querystring: { module?: string } }>('/api/cohorts/:id/difficult-questions', async (request, reply) => {
    const user = await signedInUser(ctx, request, reply);
    const cohort = await followedCohort(ctx, user, request.params.id);
    const moduleId = request.query.module;
    if (moduleId === undefined || moduleId === '') throw new HttpError(400, 'module: give the module id (?module=...).');
    const questionIds = (await ctx.currentCourse()).questionIds.get(moduleId);
    if (!questionIds) throw new HttpError(404, 'There is no such module.');
    const keys = (await learnersOf(db, [cohort.id])).map((p) => learnerAgentKey(ctx.config.xapiBase, p.userId));
    if (keys.length === 0) return difficultQuestions([], moduleId, questionIds);
    const quiz = activityId(ctx.config.xapiBase, { kind: 'quiz', moduleId });
    const rows = await db
      .selectFrom('statements as s')
      .select('s.statement')
      .where('s.voided', '=', 0)
      .where('s.actor_key', 'in', keys)
      .where('s.seq', 'in', (eb) =>
        eb
          .selectFrom('statement_index as i')
          .select('i.seq')
          .where('i.kind', 'in', ['activity', 'related_activity'])
          .where('i.value', '=', quiz),
      )
      .execute();
    const statements = rows.map((row) => JSON.parse(row.statement) as Statement);
    return difficultQuestions(statements, moduleId, questionIds);
  });

  app.get('/api/reports/surveys', async (request, reply) => {
    const user = await signedInUser(ctx, request, reply);
    if (user.role !== 'coordinator') throw new HttpError(403, 'Only a coordinator may read survey reports.');
    const rows = await db
      .selectFrom('statements as s')
      .select('s.statement')
      .where('s.voided', '=', 0)
      .where('s.seq', 'in', (eb) =>
        eb.selectFrom('statement_index as i').select('i.seq').where('i.kind', '=', 'verb').where('i.value', '=', VERBS.responded),
      )
      .execute();
    return surveyReports(rows.map((row) => JSON.parse(row.statement) as Statement));
  });

  app.get('/api/events', async (request, reply) => {
    const user = await signedInUser(ctx, request, reply);
    if (user.role === 'coordinator') return listEvents(db);
    const cohorts = user.role === 'mentor' ? await cohortIdsOfMentor(db, user.id) : await cohortIdsOfLearner(db, user.id);
    return listEvents(db, cohorts);
  });

  app.post('/api/events', async (request, reply) => {
    const user = await signedInUser(ctx, request, reply);
    if (user.role !== 'coordinator') throw new HttpError(403, 'Only a coordinator may create events.');
    const body = parse(eventBody, request.body ?? {}, 'body');
    if (body.cohortId !== null && !(await findCohort(db, body.cohortId))) throw new HttpError(404, 'There is no such cohort.');
    return reply.code(201).send(await createEvent(db, body));
  });
}
