/*
 * Derived per-learner summaries for the mentor dashboard (issue 4).
 *
 * Design: the dashboard of a cohort (1,000 learners x 38 modules) must answer in well under
 * 150 ms, so it must not fold statements on read. Each learner has one `learner_summaries` row:
 * last sync (max `stored` of their own statements), last activity (max own `timestamp`), the
 * oldest logged-hours entry still waiting for review, the course fingerprint and summary format
 * the row was computed with, and, as JSON:
 * - `modules`: ModuleRow[] for every catalogue module they have touched (status, percent, best
 *   score, time, lessons done, attempts, failed attempts, assignment status and since when);
 *   untouched modules are absent and read as not started;
 * - `hours`: approved and pending hours per category, measured online time included (LearnerHours);
 * - `totals`: modules completed, time, percent per pathway; `attention`: the reasons for
 *   attention that come from modules (a quiz failed twice, an assignment waiting);
 * - `cells` / `touched_cells`: the learner's grid cells (every module / touched ones), exactly as
 *   the dashboard sends them, so a read joins 1,000 texts instead of parsing, building and
 *   serialising 38,000 cells (that was two thirds of the response time); `version`, new at
 *   every write, lets a server process keep cells it has read (CellsCache) until the row changes.
 * One row per learner (not per learner x module) because reading 1,000 rows is a few ms, while
 * 13,000 scattered per-module rows took 50-80 ms on SQLite (migration 0003).
 * Rows are recomputed for the learners a batch concerns, INSIDE the transaction that inserts
 * the batch (Writer.afterStore in store/statements.ts), by the same pure folds the client uses
 * (shared/learning/fold.ts, shared/mentoring/*): the learner's live statements plus the
 * reviews of them are loaded and folded, and the learner's row replaced. The rows are always
 * consistent with the committed statements, in one code path on SQLite and PostgreSQL; the
 * dashboard is then two indexed reads. The cost moves to ingest: one refold of the learner
 * per batch (a learner's own statements, typically a few hundred to a few thousand).
 * The rows are only a cache of the statements: when the course catalogue changes (a module
 * gains a lesson) or what a row holds changes (SUMMARY_FORMAT), `rebuildStaleSummaries` at
 * start recomputes every learner whose row was made otherwise, and dropping the rows loses nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { lockStatements, type Dialect } from './database';
import type { Course } from '../course';
import type { Statement } from '../../shared/xapi/types';
import { agentKey } from '../../shared/xapi/canonical';
import { verbName } from '../../shared/xapi/verbs';
import { foldLearning, type LearningState } from '../../shared/learning/fold';
import { assignmentStates } from '../../shared/mentoring/assignments';
import { hoursEntries, learnerHours } from '../../shared/mentoring/hours';
import {
  dashboardCell,
  hoursWaitingSince,
  lastActivityAt,
  learnerTotals,
  moduleAttention,
  moduleRows,
  notStartedCell,
  type LearnerTotals,
  type ModuleRow,
} from '../../shared/mentoring/dashboard';
import type { AssignmentState, AttentionItem, DashboardCell, HoursEntry, LearnerHours } from '../../shared/mentoring/contract';
import { VISIBILITY_KINDS } from './statement-index';

export type SummaryDeps = { xapiBase: string; course: Course };

/**
 * Bumped whenever what a summary row holds changes (2: `hours`, migration 0005; 3: `cells`, 0006; 4: `version`, 0007), so that rows
 * written by an older server are recomputed at start like rows of another course catalogue.
 */
const SUMMARY_FORMAT = 4;

/** What `course_fingerprint` holds: the course catalogue and the summary format the row was computed with. */
export const summaryFingerprint = (course: Course): string => `${course.fingerprint}.${SUMMARY_FORMAT}`;

export const learnerAgentKey = (xapiBase: string, userId: string): string =>
  agentKey({ objectType: 'Agent', account: { homePage: xapiBase, name: userId } }) ?? '';

type StoredStatement = Statement & { stored?: string };

/** The live statements a learner sees: theirs, and others' that name them or target theirs (reviews). In `stored` order. */
export async function learnerStatements(db: Kysely<Database>, key: string): Promise<StoredStatement[]> {
  const rows = await db
    .selectFrom('statements as s')
    .select(['s.seq', 's.statement'])
    .where('s.voided', '=', 0)
    .where('s.seq', 'in', (eb) =>
      eb.selectFrom('statement_index as i').select('i.seq').where('i.kind', 'in', VISIBILITY_KINDS).where('i.value', '=', key),
    )
    .execute();
  // Sorted here rather than in SQL: PostgreSQL sorted the wide rows, spilling to disk past a few thousand statements.
  rows.sort((a, b) => a.seq - b.seq);
  return rows.map((row) => JSON.parse(row.statement) as StoredStatement);
}

export type LearnerFold = {
  own: StoredStatement[];
  learning: LearningState;
  assignments: AssignmentState[];
  hours: HoursEntry[];
  /** Online study measured by the app: the learner's time in every module, in seconds. */
  onlineSeconds: number;
  rows: ModuleRow[];
  lastActivityAt: string | null;
  lastSyncAt: string | null;
};

/** Folds what a learner sees into everything the mentor views show of them. */
export function foldLearner(course: Course, key: string, statements: readonly StoredStatement[]): LearnerFold {
  const own = statements.filter((s) => agentKey(s.actor) === key);
  const reviews = statements.filter((s) => verbName(s.verb.id) === 'reviewed');
  const learning = foldLearning(own);
  const withReviews = [...own, ...reviews];
  const assignments = assignmentStates(withReviews);
  let lastSyncAt: string | null = null;
  for (const s of own) if (s.stored && (lastSyncAt === null || s.stored > lastSyncAt)) lastSyncAt = s.stored;
  return {
    own,
    learning,
    assignments,
    hours: hoursEntries(withReviews),
    onlineSeconds: learning.modules.reduce((sum, m) => sum + m.secondsSpent, 0),
    rows: moduleRows(course.catalog.modules, learning, assignments),
    lastActivityAt: lastActivityAt(own),
    lastSyncAt,
  };
}

const isEmpty = (row: ModuleRow): boolean =>
  row.status === 'not-started' && row.assignment === 'none' && row.secondsSpent === 0 && row.attempts === 0;

/**
 * A learner's dashboard cells as JSON text, in catalogue order: every module (untouched ones
 * not started), or with `touchedOnly` only the modules in `touched`. Stored in the summary row
 * and joined as text by the dashboard route; also what a learner without a row gets.
 */
export function cellsJson(
  learnerId: string,
  moduleIds: readonly string[],
  touched: ReadonlyMap<string, ModuleRow>,
  touchedOnly: boolean,
): string {
  const cells: DashboardCell[] = [];
  for (const moduleId of moduleIds) {
    const row = touched.get(moduleId);
    if (row) cells.push(dashboardCell(learnerId, row));
    else if (!touchedOnly) cells.push(notStartedCell(learnerId, moduleId));
  }
  return JSON.stringify(cells);
}

/** Recomputes the derived rows of these learners from their statements (call inside the insert transaction). */
export async function refreshLearners(db: Kysely<Database>, deps: SummaryDeps, learnerIds: readonly string[]): Promise<void> {
  const now = new Date().toISOString();
  for (const learnerId of learnerIds) {
    const fold = foldLearner(
      deps.course,
      learnerAgentKey(deps.xapiBase, learnerId),
      await learnerStatements(db, learnerAgentKey(deps.xapiBase, learnerId)),
    );
    const touched = fold.rows.filter((row) => !isEmpty(row));
    const byModule = new Map(touched.map((row) => [row.moduleId, row]));
    const moduleIds = deps.course.catalog.modules.map((m) => m.id);
    await db.deleteFrom('learner_summaries').where('learner_id', '=', learnerId).execute();
    await db
      .insertInto('learner_summaries')
      .values({
        learner_id: learnerId,
        last_sync_at: fold.lastSyncAt,
        last_activity_at: fold.lastActivityAt,
        hours_waiting_since: hoursWaitingSince(fold.hours),
        modules: JSON.stringify(touched),
        hours: JSON.stringify(learnerHours(fold.hours, fold.onlineSeconds)),
        totals: JSON.stringify(learnerTotals(touched, deps.course.catalog.curricula)),
        attention: JSON.stringify(moduleAttention(learnerId, touched)),
        cells: cellsJson(learnerId, moduleIds, byModule, false),
        touched_cells: cellsJson(learnerId, moduleIds, byModule, true),
        course_fingerprint: summaryFingerprint(deps.course),
        updated_at: now,
        version: randomUUID(),
      })
      .execute();
  }
}

/** The learners (role learner) among these xAPI agent keys. */
export async function learnersAmong(db: Kysely<Database>, xapiBase: string, agentKeys: readonly string[]): Promise<string[]> {
  const prefix = learnerAgentKey(xapiBase, '');
  const ids = [...new Set(agentKeys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)))];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('role', '=', 'learner').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** The Writer.afterStore hook that keeps the summaries in step with every stored batch. */
export function summaryHook(deps: SummaryDeps) {
  return async (trx: Kysely<Database>, agentKeys: string[]): Promise<void> => {
    await refreshLearners(trx, deps, await learnersAmong(trx, deps.xapiBase, agentKeys));
  };
}

/** At start: recompute learners whose rows are missing or were made with another course catalogue or summary format. Returns how many. */
export async function rebuildStaleSummaries(db: Kysely<Database>, dialect: Dialect, deps: SummaryDeps): Promise<number> {
  const stale = await db
    .selectFrom('users as u')
    .leftJoin('learner_summaries as l', 'l.learner_id', 'u.id')
    .select('u.id')
    .where('u.role', '=', 'learner')
    .where((eb) => eb.or([eb('l.learner_id', 'is', null), eb('l.course_fingerprint', '!=', summaryFingerprint(deps.course))]))
    .execute();
  for (const { id } of stale) {
    await db.transaction().execute(async (trx) => {
      await lockStatements(trx, dialect);
      await refreshLearners(trx, deps, [id]);
    });
  }
  return stale.length;
}

/**
 * The dashboard's part of each of a cohort's learners: last sync and activity, when hours began
 * waiting, (parsed) totals, hours and module attention items, and the row's version; the cells
 * are read apart (`CellsCache.cellsOf`), only for rows not read before.
 */
export async function cohortSummaries(db: Kysely<Database>, cohortId: string) {
  const rows = await db
    .selectFrom('cohort_members as m')
    .innerJoin('learner_summaries as l', 'l.learner_id', 'm.user_id')
    .select([
      'l.learner_id',
      'l.last_sync_at',
      'l.last_activity_at',
      'l.hours_waiting_since',
      'l.totals',
      'l.hours',
      'l.attention',
      'l.version',
    ])
    .where('m.cohort_id', '=', cohortId)
    .execute();
  return rows.map((row) => ({
    ...row,
    totals: JSON.parse(row.totals) as LearnerTotals,
    hours: JSON.parse(row.hours) as LearnerHours,
    attention: JSON.parse(row.attention) as AttentionItem[],
  }));
}

/**
 * The learners' dashboard cells (the JSON array of `cells` or `touched_cells`) as UTF-8 bytes
 * without the brackets, kept per learner and variant with the version of the row they were read
 * from, and read again only when the row has a new version: a dashboard asked for again reads a
 * thousand small rows instead of 7 MB of cells. Bounded by size, least recently used first out.
 * One per server process; the version comes from the database, so several processes stay right.
 */
export class CellsCache {
  readonly #entries = new Map<string, { version: string; bytes: Buffer }>();
  #size = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  /** The cells of these learners' rows (learner id -> version), reading the ones not kept yet; learners without a row are left out. */
  async cellsOf(db: Kysely<Database>, rows: ReadonlyMap<string, string>, touchedOnly: boolean): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const [learnerId, version] of rows) {
      const kept = this.#take(`${learnerId}\u0000${touchedOnly ? 'touched' : 'all'}`, version);
      if (kept) found.set(learnerId, kept);
      else missing.push(learnerId);
    }
    for (let i = 0; i < missing.length; i += 500) {
      const read = await db
        .selectFrom('learner_summaries')
        .select(['learner_id', 'version', touchedOnly ? 'touched_cells as cells' : 'cells as cells'])
        .where('learner_id', 'in', missing.slice(i, i + 500))
        .execute();
      for (const row of read) {
        const bytes = Buffer.from(row.cells.slice(1, -1));
        found.set(row.learner_id, bytes);
        // Only what the caller asked for is kept (a row rewritten in between is read again next time); '' = an unversioned row.
        if (row.version !== '' && row.version === rows.get(row.learner_id))
          this.#keep(`${row.learner_id}\u0000${touchedOnly ? 'touched' : 'all'}`, row.version, bytes);
      }
    }
    return found;
  }

  #take(key: string, version: string): Buffer | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.bytes;
  }

  #keep(key: string, version: string, bytes: Buffer): void {
    const old = this.#entries.get(key);
    if (old) this.#size -= old.bytes.length;
    this.#entries.delete(key);
    this.#entries.set(key, { version, bytes });
    this.#size += bytes.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#size <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#size -= entry.bytes.length;
    }
  }
}
