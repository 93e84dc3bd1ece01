/*
 * The summaries are kept incrementally (ledgers, store/summaries.ts): this holds them to a full
 * refold of the learner's statements with the shared folds, on both databases. Random scripts
 * of a learner's study (lesson visits, progress, completions, notes, bookmarks, quiz answers and
 * results, submissions, drafts, logged hours, surveys, a module no longer in the catalogue), a
 * mentor's reviews, voidings by each author of their own statements, resent duplicates, sent in
 * random order and batches (reviews and voidings before what they target), over few timestamps
 * (ties). After every script the summary row and what the learner report reads from the
 * ledgers equal the refold.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, startTestServer, XAPI_BASE, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { addLearner, addMentor, createCohort } from '../../src/server/store/cohorts';
import { createSession } from '../../src/server/store/users';
import { MAX_STATEMENTS_PER_REQUEST } from '../../src/server/routes/xapi';
import { learnerAgentKey, learnerStatements, summaryCatalog } from '../../src/server/store/summaries';
import { isEmptyRow, summaryValues } from '../../src/server/store/summary-rows';
import { learnerView } from '../../src/server/store/learner-view';
import { reviewersOf } from '../../src/server/store/reviewers';
import { buildStatement, type StatementEnv } from '../../src/shared/xapi/build';
import type { Agent, Statement } from '../../src/shared/xapi/types';
import { agentKey } from '../../src/shared/xapi/canonical';
import { verbName } from '../../src/shared/xapi/verbs';
import { foldLearning } from '../../src/shared/learning/fold';
import { assignmentStates } from '../../src/shared/mentoring/assignments';
import { hoursEntries } from '../../src/shared/mentoring/hours';
import { lastActivityAt, moduleRows, type ModuleRow } from '../../src/shared/mentoring/dashboard';
import type { CompletedLesson, LearnerReport } from '../../src/shared/mentoring/contract';

/** Few times, one of them twice, so that ties by time happen often and so do distinct latest times. */
const TIMES = [
  '2026-01-05T10:00:00.000Z',
  '2026-01-05T10:00:00.000Z',
  '2026-01-06T08:30:00.000Z',
  '2026-01-07T12:00:00.000Z',
  '2026-01-08T07:45:00.000Z',
  '2026-01-09T09:15:00.500Z',
  '2026-01-11T16:20:00.000Z',
];
const ATTEMPTS = ['7d1f0a52-52f4-4c43-9f39-1a3c2b4d5e01', '7d1f0a52-52f4-4c43-9f39-1a3c2b4d5e02', '7d1f0a52-52f4-4c43-9f39-1a3c2b4d5e03'];
const CATEGORIES = ['face-to-face', 'project', 'online'];
/** A module the catalogue no longer has: it counts in measured time, not in the grid. */
const RETIRED = { moduleId: 'retired-module', lessons: ['old-lesson'], questions: ['old-q'] };

type Op =
  | {
      kind: 'lesson';
      verb: 'opened' | 'progress' | 'completed' | 'note' | 'bookmark';
      module: number;
      lesson: number;
      time: number;
      ms: number;
    }
  | { kind: 'answer'; module: number; attempt: number; question: number; right: boolean; time: number }
  | { kind: 'result'; module: number; attempt: number; raw: number; time: number; ms: number }
  | { kind: 'submit' | 'draft' | 'survey'; module: number; time: number; text: string }
  | { kind: 'log'; category: number; quarters: number; time: number }
  | { kind: 'review'; target: number; accepted: boolean; time: number }
  | { kind: 'void'; target: number; time: number };

const arbTime = fc.nat({ max: TIMES.length - 1 });
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('lesson' as const),
      verb: fc.constantFrom('opened' as const, 'progress' as const, 'completed' as const, 'note' as const, 'bookmark' as const),
      module: fc.nat(2),
      lesson: fc.nat(2),
      time: arbTime,
      ms: fc.nat(90_000),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      module: fc.nat(2),
      attempt: fc.nat(2),
      question: fc.nat(2),
      right: fc.boolean(),
      time: arbTime,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('result' as const),
      module: fc.nat(2),
      attempt: fc.nat(2),
      raw: fc.nat(3),
      time: arbTime,
      ms: fc.nat(90_000),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('submit' as const, 'draft' as const, 'survey' as const),
      module: fc.nat(2),
      time: arbTime,
      text: fc.string({ maxLength: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      category: fc.nat(CATEGORIES.length - 1),
      quarters: fc.integer({ min: 1, max: 30 }),
      time: arbTime,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('review' as const), target: fc.nat(), accepted: fc.boolean(), time: arbTime }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('void' as const), target: fc.nat(), time: arbTime }) },
);

/** A script: what happens, the order it reaches the server in, where batches end, and what is sent twice. */
const arbScript = fc.array(arbOp, { minLength: 1, maxLength: 30 }).chain((ops) =>
  fc.record({
    ops: fc.constant(ops),
    order: fc.shuffledSubarray(
      ops.map((_, i) => i),
      { minLength: ops.length, maxLength: ops.length },
    ),
    cuts: fc.array(fc.boolean(), { minLength: ops.length, maxLength: ops.length }),
    resend: fc.subarray(ops.map((_, i) => i)),
  }),
);

type Made = { author: 'learner' | 'mentor'; statement: Statement };

describe.each(DATABASES)('incremental summaries on %s', (kind) => {
  let server: TestServer;
  let mentor: Session;
  let cohortId = '';
  let runs = 0;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    mentor = await quickUser('mentor');
    cohortId = (await createCohort(server.ctx.store.db, 'Ledgers')).id;
    await addMentor(server.ctx.store.db, cohortId, mentor.userId);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The script's statements, made for this learner and the mentor (fresh ids, so runs never collide). */
  function make(ops: readonly Op[], learner: Agent): Made[] {
    const catalog = server.ctx.course.catalog.modules.slice(0, 2).map((m) => ({
      moduleId: m.id,
      lessons: m.lessons.map((l) => l.id),
      questions: server.ctx.course.questionIds.get(m.id) ?? ['q1'],
    }));
    const modules = [...catalog, RETIRED];
    const made: (Made | undefined)[] = [];
    const env = (actor: Agent, time: number): StatementEnv => ({
      base: XAPI_BASE,
      actor,
      id: randomUUID(),
      timestamp: TIMES[time] ?? TIMES[0]!,
    });
    const ref = (m: number) => ({ moduleId: modules[m % modules.length]!.moduleId, moduleVersion: 1, locale: 'en' });
    const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
    for (const op of ops) {
      const mine = (statement: Statement): Made => ({ author: 'learner', statement });
      switch (op.kind) {
        case 'lesson': {
          const module = modules[op.module % modules.length]!;
          // Two module versions, so that the version of a lesson's first completion is checked too.
          const lesson = { ...ref(op.module), moduleVersion: 1 + (op.ms % 2), lessonId: pick(module.lessons, op.lesson) };
          const e = env(learner, op.time);
          const build = {
            opened: () => buildStatement.openedLesson(e, lesson),
            progress: () => buildStatement.readingProgress(e, lesson, op.ms % 101, op.ms),
            completed: () => buildStatement.completedLesson(e, lesson),
            note: () => buildStatement.note(e, lesson, `note ${op.ms}`),
            bookmark: () => buildStatement.bookmark(e, lesson),
          }[op.verb];
          made.push(mine(build()));
          break;
        }
        case 'answer': {
          const module = modules[op.module % modules.length]!;
          const question = pick(module.questions, op.question);
          made.push(
            mine(
              buildStatement.answered(
                env(learner, op.time),
                ref(op.module),
                pick(ATTEMPTS, op.attempt),
                question,
                op.right ? 'a' : 'b',
                op.right,
              ),
            ),
          );
          break;
        }
        case 'result':
          made.push(
            mine(buildStatement.quizResult(env(learner, op.time), ref(op.module), pick(ATTEMPTS, op.attempt), op.raw, 3, 70, op.ms)),
          );
          break;
        case 'submit':
          made.push(mine(buildStatement.assignmentSubmission(env(learner, op.time), ref(op.module), op.text)));
          break;
        case 'draft':
          made.push(mine(buildStatement.assignmentDraft(env(learner, op.time), ref(op.module), op.text)));
          break;
        case 'survey':
          made.push(
            mine(
              buildStatement.surveyResponse(
                env(learner, op.time),
                { moduleId: ref(op.module).moduleId },
                { relevant: 4, useful: 3, willUse: 5, overall: 4 },
                op.text,
              ),
            ),
          );
          break;
        case 'log':
          made.push(
            mine(
              buildStatement.loggedHours(env(learner, op.time), {
                category: pick(CATEGORIES, op.category),
                hours: op.quarters / 4,
                date: TIMES[op.time]!.slice(0, 10),
                description: 'd',
              }),
            ),
          );
          break;
        case 'review': {
          // The mentor reviews one of the learner's statements (mostly submissions and logged hours).
          const targets = made.filter((m): m is Made => m?.author === 'learner' && verbName(m.statement.verb.id) !== 'voided');
          const target = targets.length ? pick(targets, op.target) : undefined;
          made.push(
            target && {
              author: 'mentor',
              statement: buildStatement.review(
                env(mentor.agent as Agent, op.time),
                { statementId: target.statement.id },
                learner,
                op.accepted,
                'r',
              ),
            },
          );
          break;
        }
        case 'void': {
          // Each author voids only their own statements, never a voiding statement.
          const targets = made.filter((m): m is Made => m !== undefined && verbName(m.statement.verb.id) !== 'voided');
          const target = targets.length ? pick(targets, op.target) : undefined;
          const actor = target?.author === 'mentor' ? (mentor.agent as Agent) : learner;
          made.push(target && { author: target.author, statement: buildStatement.voided(env(actor, op.time), target.statement.id) });
          break;
        }
      }
    }
    // A review or voiding with nothing to target becomes a plain lesson visit, so the script keeps its length.
    return made.map((m) => m ?? filler(env(learner, 0)));
  }
  const filler = (e: StatementEnv): Made => ({
    author: 'learner',
    statement: buildStatement.openedLesson(e, { moduleId: RETIRED.moduleId, lessonId: 'old-lesson', moduleVersion: 1, locale: 'en' }),
  });

  async function push(who: Session, statements: Statement[]): Promise<void> {
    const response = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { cookie: who.cookie, ...APP_HEADERS, ...XAPI_HEADERS },
      payload: statements,
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  /** The row and report parts a full refold of the learner's statements gives (what the server did before ledgers). */
  async function refold(learnerId: string) {
    const db = server.ctx.store.db;
    const key = learnerAgentKey(XAPI_BASE, learnerId);
    const statements = await learnerStatements(db, key);
    const reviewers = await reviewersOf(db, XAPI_BASE, learnerId);
    const own = statements.filter((s) => agentKey(s.actor) === key);
    const withReviews = [...own, ...statements.filter((s) => verbName(s.verb.id) === 'reviewed')];
    const learning = foldLearning(own);
    const assignments = assignmentStates(withReviews, reviewers);
    const hours = hoursEntries(withReviews, reviewers);
    const onlineSeconds = learning.modules.reduce((sum, m) => sum + m.secondsSpent, 0);
    let lastSyncAt: string | null = null;
    for (const s of own) if (s.stored && (lastSyncAt === null || s.stored > lastSyncAt)) lastSyncAt = s.stored;
    const rows = moduleRows(server.ctx.course.catalog.modules, learning, assignments).filter((row) => !isEmptyRow(row));
    const values = summaryValues(summaryCatalog(server.ctx.course), {
      learnerId,
      rows,
      hours,
      onlineSeconds,
      lastSyncAt,
      lastActivityAt: lastActivityAt(own),
    });
    const lessons = learning.lessons
      .filter((lesson) => lesson.completed)
      .map(({ moduleId, lessonId, completedVersion }) => ({
        moduleId,
        lessonId,
        ...(completedVersion === undefined ? {} : { completedVersion }),
      }));
    return { values, attempts: learning.attempts, lessons, assignments, hours, onlineSeconds };
  }

  /** A user with a session, without the password hashing of a sign-in (hundreds of runs). */
  async function quickUser(role: 'learner' | 'mentor' = 'learner'): Promise<Session> {
    runs += 1;
    const id = randomUUID();
    await server.ctx.store.db
      .insertInto('users')
      .values({
        id,
        login: `ledger-${role}-${runs}`,
        name: `${role} ${runs}`,
        role,
        password_hash: 'none',
        created_at: new Date().toISOString(),
      })
      .execute();
    const session = await createSession(server.ctx.store.db, id, 1);
    return {
      cookie: `biblio_session=${session.token}`,
      userId: id,
      agent: { objectType: 'Agent', account: { homePage: XAPI_BASE, name: id } },
    };
  }

  /** The sequence with each review moved to just after the statement it reviews, when that comes later. */
  function afterTargets(sequence: readonly Made[]): Made[] {
    const placed = new Set<string>();
    const waiting = new Map<string, Made[]>();
    const out: Made[] = [];
    const place = (item: Made) => {
      out.push(item);
      placed.add(item.statement.id);
      for (const review of waiting.get(item.statement.id) ?? []) place(review);
      waiting.delete(item.statement.id);
    };
    for (const item of sequence) {
      const target =
        verbName(item.statement.verb.id) === 'reviewed' && item.statement.object.objectType === 'StatementRef'
          ? item.statement.object.id
          : undefined;
      if (target !== undefined && !placed.has(target)) waiting.set(target, [...(waiting.get(target) ?? []), item]);
      else place(item);
    }
    return out;
  }

  const parsed = (row: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([column]) => column !== 'version' && column !== 'updated_at')
        .map(([column, value]) => [column, typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value]),
    );

  it('finds the next latest activity when the latest statement of a module, or of the learner, is voided', async () => {
    const db = server.ctx.store.db;
    const learner = await quickUser();
    const made = make(
      [
        { kind: 'lesson', verb: 'opened', module: 0, lesson: 0, time: 2, ms: 0 },
        { kind: 'lesson', verb: 'progress', module: 0, lesson: 1, time: 6, ms: 30_000 },
        { kind: 'void', target: 1, time: 6 },
      ],
      learner.agent as Agent,
    );
    await push(learner, [made[0]!.statement, made[1]!.statement]);
    await push(learner, [made[2]!.statement]);
    const row = await db.selectFrom('learner_summaries').selectAll().where('learner_id', '=', learner.userId).executeTakeFirstOrThrow();
    expect(JSON.parse(row.modules)).toEqual([expect.objectContaining({ lastActivityAt: TIMES[2], secondsSpent: 0 })]);
    expect(row.last_activity_at).toBe(TIMES[2]);
    expect(parsed(row)).toEqual(parsed((await refold(learner.userId)).values));
  });

  it("updates a summary without reading the learner's earlier statements", async () => {
    const db = server.ctx.store.db;
    const learner = await quickUser();
    const made = make(
      [
        { kind: 'lesson', verb: 'completed', module: 0, lesson: 0, time: 2, ms: 0 },
        { kind: 'lesson', verb: 'progress', module: 1, lesson: 0, time: 3, ms: 60_000 },
        { kind: 'lesson', verb: 'opened', module: 0, lesson: 1, time: 4, ms: 0 },
      ],
      learner.agent as Agent,
    );
    await push(learner, [made[0]!.statement, made[1]!.statement]);
    const before = await db
      .selectFrom('learner_summaries')
      .select('modules')
      .where('learner_id', '=', learner.userId)
      .executeTakeFirstOrThrow();
    // The earlier statements disappear behind the store's back: a push that refolded the history would lose them.
    const earlier = (
      await db.selectFrom('statements').select('seq').where('actor_key', '=', learnerAgentKey(XAPI_BASE, learner.userId)).execute()
    ).map((r) => r.seq);
    await db.deleteFrom('statement_index').where('seq', 'in', earlier).execute();
    await db.deleteFrom('statements').where('seq', 'in', earlier).execute();
    await push(learner, [made[2]!.statement]);
    const after = await db
      .selectFrom('learner_summaries')
      .select('modules')
      .where('learner_id', '=', learner.userId)
      .executeTakeFirstOrThrow();
    const rows = JSON.parse(after.modules) as ModuleRow[];
    expect(rows.map((r) => [r.lessonsCompleted, r.secondsSpent])).toEqual(
      (JSON.parse(before.modules) as ModuleRow[]).map((r) => [r.lessonsCompleted, r.secondsSpent]),
    );
    // Nor does the learner report fold the history when it is read: it shows what the row keeps.
    const report = await server.app.inject({
      method: 'GET',
      url: `/api/learners/${learner.userId}/report`,
      headers: { cookie: learner.cookie },
    });
    expect(report.statusCode, report.body).toBe(200);
    const started = report.json<LearnerReport>().modules.filter((m) => m.status !== 'not-started');
    const byModule = (a: { moduleId: string }, b: { moduleId: string }) => a.moduleId.localeCompare(b.moduleId);
    expect(started.sort(byModule).map((m) => [m.moduleId, m.percent, m.secondsSpent])).toEqual(
      [...rows].sort(byModule).map((r) => [r.moduleId, r.percent, r.secondsSpent]),
    );
    expect(started.map((m) => m.secondsSpent)).toContain(60);
  });

  it('caps the statements one request may carry, storing nothing of a request above the cap', async () => {
    const learner = await quickUser();
    const batch = (count: number) =>
      Array.from({ length: count }, () =>
        buildStatement.openedLesson(
          { base: XAPI_BASE, actor: learner.agent as Agent, id: randomUUID(), timestamp: TIMES[0]! },
          { moduleId: RETIRED.moduleId, lessonId: 'old-lesson', moduleVersion: 1, locale: 'en' },
        ),
      );
    const post = (statements: Statement[]) =>
      server.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: { cookie: learner.cookie, ...APP_HEADERS, ...XAPI_HEADERS },
        payload: statements,
      });
    const over = await post(batch(MAX_STATEMENTS_PER_REQUEST + 1));
    expect(over.statusCode).toBe(413);
    expect(over.json<{ error: string }>().error).toBe('too-many-statements');
    const db = server.ctx.store.db;
    const stored = () =>
      db.selectFrom('statements').select('id').where('actor_key', '=', learnerAgentKey(XAPI_BASE, learner.userId)).execute();
    expect(await stored()).toEqual([]);
    expect((await post(batch(MAX_STATEMENTS_PER_REQUEST))).statusCode).toBe(200);
    expect(await stored()).toHaveLength(MAX_STATEMENTS_PER_REQUEST);
  });

  it('keeps each summary and report equal to a full refold, whatever the order, batches, duplicates and voidings', async () => {
    const db = server.ctx.store.db;
    await fc.assert(
      fc.asyncProperty(arbScript, async ({ ops, order, cuts, resend }) => {
        const learner = await quickUser();
        await addLearner(db, cohortId, learner.userId);
        const made = make(ops, learner.agent as Agent);

        // Batches: in the shuffled order (a review only once what it reviews is stored: the server refuses it before),
        // cut at random and wherever the author changes; resent statements go again at the end.
        const sequence = afterTargets([...order, ...resend].map((i) => made[i]!));
        let batch: Made[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          await push(
            batch[0]!.author === 'mentor' ? mentor : learner,
            batch.map((m) => m.statement),
          );
          batch = [];
        };
        for (const [i, item] of sequence.entries()) {
          if (
            batch.length &&
            (batch[0]!.author !== item.author || batch.some((m) => m.statement.id === item.statement.id) || cuts[i % cuts.length])
          )
            await flush();
          batch.push(item);
        }
        await flush();

        const expected = await refold(learner.userId);
        const row = await db.selectFrom('learner_summaries').selectAll().where('learner_id', '=', learner.userId).executeTakeFirstOrThrow();
        expect(parsed(row)).toEqual(parsed(expected.values));
        const view = await learnerView(db, { xapiBase: XAPI_BASE, course: server.ctx.course }, learner.userId);
        const byLesson = (a: CompletedLesson, b: CompletedLesson) =>
          `${a.moduleId}/${a.lessonId}`.localeCompare(`${b.moduleId}/${b.lessonId}`);
        expect({
          attempts: view.attempts,
          lessons: [...view.lessons].sort(byLesson),
          assignments: view.assignments,
          hours: view.hours,
          onlineSeconds: view.onlineSeconds,
        }).toEqual({
          attempts: expected.attempts,
          lessons: [...expected.lessons].sort(byLesson),
          assignments: expected.assignments,
          hours: expected.hours,
          onlineSeconds: expected.onlineSeconds,
        });
      }),
      { numRuns: 100 },
    );
  }, 240_000);
});
