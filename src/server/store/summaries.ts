/*
 * Derived per-learner summaries for the mentor views.
 *
 * The dashboard of a cohort (1,000 learners x 38 modules) must answer in well under 150 ms, so
 * it must not fold statements on read. Each learner has one `learner_summaries` row (written by
 * store/summary-rows.ts): last sync (max `stored` of their own statements), last activity (max
 * own `timestamp`), the oldest logged-hours entry still waiting for review, the course
 * fingerprint and summary format the row was computed with, and, as JSON, the touched module
 * rows, hours per category, totals, the module reasons for attention and the grid cells ready to
 * send; `version`, new at every write, lets a server process keep cells it has read (CellsCache).
 *
 * Storing a batch must not cost more for a learner with a long history, and it runs inside the
 * transaction that stores the batch, under the statement lock every writer waits for. So a
 * row is not refolded from the learner's statements: each learner also has mergeable ledgers
 * (shared/mentoring/ledger.ts, kept by store/ledgers.ts), one per touched module and one for the
 * learner. `summaryHook` takes what the batch changed for whom (`planChanges`), loads the ledgers
 * of the modules it touched, applies the changes, and rebuilds the row from the module rows
 * already in it plus the touched modules' new rows: the work follows the batch and the touched
 * modules, not the history; all the batch's learners are read and written in a few statements,
 * and a request carries at most MAX_STATEMENTS_PER_REQUEST (routes/xapi.ts). Voiding the
 * statement that was a module's (or the learner's) latest activity asks the statements for the
 * next latest, by index.
 * Whether a review counts (who may review the learner, store/reviewers.ts) is decided when a
 * row is computed from the ledgers, which keep every review.
 * The rows and ledgers are only a cache of the statements: when the course catalogue changes
 * (a module gains a lesson) or what they hold changes (SUMMARY_FORMAT), `rebuildStale` (at
 * start, and after an import changes the course: server/course.ts) rebuilds every learner
 * whose row was made otherwise from their statements, and dropping them loses nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { lockStatements, type Dialect } from './database';
import type { Course } from '../course';
import type { Statement } from '../../shared/xapi/types';
import { agentKey } from '../../shared/xapi/canonical';
import { VERBS } from '../../shared/xapi/verbs';
import {
  addKept,
  addToModule,
  ledgerAssignments,
  ledgerHours,
  ledgerLearning,
  ledgerOnlineSeconds,
  removeFromModule,
  removeKept,
  syncSeconds,
} from '../../shared/mentoring/ledger';
import { moduleRow, type LearnerTotals, type ModuleRow } from '../../shared/mentoring/dashboard';
import type { AttentionItem, LearnerHours } from '../../shared/mentoring/contract';
import { VISIBILITY_KINDS } from './statement-index';
import type { StoredBatch } from './statements';
import {
  dropLedgers,
  latestModuleActivity,
  latestOwn,
  loadLedgersOf,
  planChanges,
  saveLedgersOf,
  type Change,
  type Ledgers,
} from './ledgers';
import { reviewersOf } from './reviewers';
import { isEmptyRow, summaryValues, writeSummaries, type SummaryCatalog, type SummaryValues } from './summary-rows';

export type SummaryDeps = { xapiBase: string; course: Course };

/**
 * Bumped whenever what a summary row holds changes (2: `hours`, migration 0005; 3: `cells`, 0006; 4: `version`, 0007;
 * 5: the ledgers, 0010; 6: each lesson's completions with their module version in the ledgers, no migration), so that rows
 * written by an older server are recomputed at start like rows of another course catalogue.
 */
const SUMMARY_FORMAT = 6;

/** What `course_fingerprint` holds: the course catalogue and the summary format the row was computed with. */
export const summaryFingerprint = (course: Course): string => `${course.fingerprint}.${SUMMARY_FORMAT}`;

export const summaryCatalog = (course: Course): SummaryCatalog => ({
  moduleIds: course.catalog.modules.map((m) => m.id),
  curricula: course.catalog.curricula,
  fingerprint: summaryFingerprint(course),
});

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

/** The module ledgers a learner's changes touch. */
function modulesOf(changes: readonly Change[]): string[] {
  const ids = new Set<string>();
  for (const change of changes) {
    const effect = change.kind === 'own' ? change.effect : change.target;
    if (effect?.kind === 'module') ids.add(effect.moduleId);
  }
  return [...ids];
}

/** Applies the changes to the ledgers; returns the modules whose latest activity was voided. */
function applyChanges(ledgers: Ledgers, changes: readonly Change[]): Set<string> {
  const stale = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'review') {
      const ledger = change.target.kind === 'module' ? ledgers.modules.get(change.target.moduleId) : ledgers.learner;
      if (!ledger) continue;
      if (change.removed) removeKept(ledger, change.review.id);
      else addKept(ledger, change.review);
      continue;
    }
    const effect = change.effect;
    if (effect?.kind === 'hours') {
      if (change.removed) removeKept(ledgers.learner, change.statement.id);
      else addKept(ledgers.learner, change.statement);
    } else if (effect?.kind === 'module') {
      const ledger = ledgers.modules.get(effect.moduleId);
      if (!ledger) continue;
      if (!change.removed) addToModule(ledger, change.statement, effect);
      else if (removeFromModule(ledger, change.statement, effect)) stale.add(effect.moduleId);
    }
  }
  return stale;
}

const NOT_ACTIVITY = new Set<string>([VERBS.voided, VERBS.reviewed, VERBS.responded]);

/** Last sync and last activity after the changes: from the row before them, or read again when an own statement was voided. */
async function latestTimes(
  db: Kysely<Database>,
  key: string,
  before: { last_sync_at: string | null; last_activity_at: string | null } | undefined,
  changes: readonly Change[],
): Promise<{ lastSyncAt: string | null; lastActivityAt: string | null }> {
  const own = changes.filter((c): c is Extract<Change, { kind: 'own' }> => c.kind === 'own');
  if (own.some((c) => c.removed)) return latestOwn(db, key);
  let lastSyncAt = before?.last_sync_at ?? null;
  let lastActivityAt = before?.last_activity_at ?? null;
  for (const { statement } of own) {
    const stored = (statement as StoredStatement).stored;
    if (stored !== undefined && (lastSyncAt === null || stored > lastSyncAt)) lastSyncAt = stored;
    if (!NOT_ACTIVITY.has(statement.verb.id) && (lastActivityAt === null || statement.timestamp > lastActivityAt))
      lastActivityAt = statement.timestamp;
  }
  return { lastSyncAt, lastActivityAt };
}

type Before = { modules: string; last_sync_at: string | null; last_activity_at: string | null };

/** The rows of these learners as they are before a batch. */
async function rowsBefore(db: Kysely<Database>, learnerIds: readonly string[]): Promise<Map<string, Before>> {
  const found = new Map<string, Before>();
  for (let i = 0; i < learnerIds.length; i += 500) {
    const rows = await db
      .selectFrom('learner_summaries')
      .select(['learner_id', 'modules', 'last_sync_at', 'last_activity_at'])
      .where('learner_id', 'in', learnerIds.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.learner_id, row);
  }
  return found;
}

const NO_REVIEWERS: ReadonlySet<string> = new Set();

/** Who may review the learner, read only when a review is among what the row is computed from (it changes nothing otherwise). */
async function reviewersFor(db: Kysely<Database>, xapiBase: string, learnerId: string, ledgers: Ledgers, moduleIds: readonly string[]) {
  const kept = [ledgers.learner.kept, ...moduleIds.map((id) => ledgers.modules.get(id)?.kept ?? [])];
  return kept.some((list) => list.some((s) => s.object.objectType === 'StatementRef'))
    ? reviewersOf(db, xapiBase, learnerId)
    : NO_REVIEWERS;
}

/**
 * Brings these learners' ledgers and summary rows up to date with their changes (call inside
 * the insert transaction), reading and writing all of them in a few statements. A learner
 * without changes only gets a row when they have none yet.
 */
async function updateLearners(db: Kysely<Database>, deps: SummaryDeps, changesOf: ReadonlyMap<string, readonly Change[]>): Promise<void> {
  const before = await rowsBefore(db, [...changesOf.keys()]);
  const todo = [...changesOf.keys()].filter((id) => (changesOf.get(id)?.length ?? 0) > 0 || !before.has(id));
  if (todo.length === 0) return;

  // Ledgers: each learner's and their touched modules', changed, with voided latest times read again.
  const modulesBy = new Map(todo.map((id) => [id, modulesOf(changesOf.get(id) ?? [])]));
  const ledgersBy = await loadLedgersOf(db, modulesBy);
  for (const learnerId of todo) {
    const ledgers = ledgersBy.get(learnerId);
    if (!ledgers) continue;
    for (const moduleId of applyChanges(ledgers, changesOf.get(learnerId) ?? [])) {
      const ledger = ledgers.modules.get(moduleId);
      if (ledger) ledger.activity.lastActivityAt = await latestModuleActivity(db, learnerAgentKey(deps.xapiBase, learnerId), moduleId);
    }
    for (const ledger of ledgers.modules.values()) syncSeconds(ledgers.learner, ledger);
  }
  await saveLedgersOf(
    db,
    todo.flatMap((learnerId) => {
      const ledgers = ledgersBy.get(learnerId);
      return ledgers ? [{ learnerId, ledgers, moduleIds: modulesBy.get(learnerId) ?? [] }] : [];
    }),
  );

  // Rows: the untouched modules' rows as they were, the touched ones from their ledgers.
  const values: SummaryValues[] = [];
  for (const learnerId of todo) {
    const ledgers = ledgersBy.get(learnerId);
    if (!ledgers) continue;
    const moduleIds = modulesBy.get(learnerId) ?? [];
    const reviewers = await reviewersFor(db, deps.xapiBase, learnerId, ledgers, moduleIds);
    const rows = new Map((JSON.parse(before.get(learnerId)?.modules ?? '[]') as ModuleRow[]).map((row) => [row.moduleId, row]));
    for (const module of deps.course.catalog.modules) {
      const ledger = ledgers.modules.get(module.id);
      if (!ledger) continue;
      const row = moduleRow(module, ledgerLearning([ledger]), ledgerAssignments([ledger], reviewers));
      if (isEmptyRow(row)) rows.delete(module.id);
      else rows.set(module.id, row);
    }
    const times = await latestTimes(db, learnerAgentKey(deps.xapiBase, learnerId), before.get(learnerId), changesOf.get(learnerId) ?? []);
    values.push(
      summaryValues(summaryCatalog(deps.course), {
        learnerId,
        rows: deps.course.catalog.modules.flatMap((m) => rows.get(m.id) ?? []),
        hours: ledgerHours(ledgers.learner, reviewers),
        onlineSeconds: ledgerOnlineSeconds(ledgers.learner),
        ...times,
      }),
    );
  }
  await writeSummaries(db, values);
}

/** Rebuilds one learner's ledgers and row from all their statements (at start, when the row is stale). */
export async function rebuildLearner(db: Kysely<Database>, deps: SummaryDeps, learnerId: string): Promise<void> {
  const key = learnerAgentKey(deps.xapiBase, learnerId);
  const statements = await learnerStatements(db, key);
  await dropLedgers(db, learnerId);
  await db.deleteFrom('learner_summaries').where('learner_id', '=', learnerId).execute();
  const own = statements.filter((s) => agentKey(s.actor) === key);
  const changes = await planChanges(db, { fresh: own, voided: [] }, (k) => (k === key ? learnerId : undefined));
  await updateLearners(db, deps, new Map([[learnerId, changes.get(learnerId) ?? []]]));
}

/** The learners (role learner) among these xAPI agent keys. */
export async function learnersAmong(db: Kysely<Database>, xapiBase: string, agentKeys: readonly string[]): Promise<string[]> {
  const prefix = learnerAgentKey(xapiBase, '');
  const ids = [...new Set(agentKeys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)))];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('role', '=', 'learner').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** Earlier statements by seq (those a batch voided). */
async function statementsBySeq(db: Kysely<Database>, seqs: readonly number[]): Promise<StoredStatement[]> {
  if (seqs.length === 0) return [];
  const rows = await db
    .selectFrom('statements')
    .select('statement')
    .where('seq', 'in', [...new Set(seqs)])
    .execute();
  return rows.map((row) => JSON.parse(row.statement) as StoredStatement);
}

/** The Writer.afterStore hook that keeps the ledgers and summaries in step with every stored batch. */
export function summaryHook(deps: SummaryDeps) {
  const prefix = learnerAgentKey(deps.xapiBase, '');
  const learnerOf = (key: string): string | undefined => (key.startsWith(prefix) ? key.slice(prefix.length) : undefined);
  return async (trx: Kysely<Database>, batch: StoredBatch): Promise<void> => {
    // Phases: what the batch changed for whom, then every concerned learner in a few statements.
    const voided = await statementsBySeq(trx, batch.voidedSeqs);
    const changes = await planChanges(trx, { fresh: batch.statements as unknown as Statement[], voided }, learnerOf);
    const concerned = [...batch.agentKeys, ...[...changes.keys()].map((id) => learnerAgentKey(deps.xapiBase, id))];
    const learners = await learnersAmong(trx, deps.xapiBase, concerned);
    await updateLearners(trx, deps, new Map(learners.map((id) => [id, changes.get(id) ?? []])));
  };
}

/** At start: rebuild learners whose rows are missing or were made with another course catalogue or summary format. Returns how many. */
export async function rebuildStaleSummaries(db: Kysely<Database>, dialect: Dialect, deps: SummaryDeps): Promise<number> {
  return rebuildStale({ db, dialect, deps });
}

/**
 * Rebuilds the learners whose rows are missing or were made with another course catalogue or
 * summary format, one transaction each, until `signal` is aborted (the server is stopping).
 * Several server processes that see the same import may run it at once: a learner another
 * one rebuilt meanwhile is skipped. Returns how many rows were stale when it began.
 */
export async function rebuildStale({
  db,
  dialect,
  deps,
  signal,
}: {
  db: Kysely<Database>;
  dialect: Dialect;
  deps: SummaryDeps;
  signal?: AbortSignal;
}): Promise<number> {
  const fingerprint = summaryFingerprint(deps.course);
  const stale = await db
    .selectFrom('users as u')
    .leftJoin('learner_summaries as l', 'l.learner_id', 'u.id')
    .select('u.id')
    .where('u.role', '=', 'learner')
    .where((eb) => eb.or([eb('l.learner_id', 'is', null), eb('l.course_fingerprint', '!=', fingerprint)]))
    .execute();
  for (const { id } of stale) {
    if (signal?.aborted) break;
    await db.transaction().execute(async (trx) => {
      await lockStatements(trx, dialect);
      const row = await trx.selectFrom('learner_summaries').select('course_fingerprint').where('learner_id', '=', id).executeTakeFirst();
      if (row?.course_fingerprint === fingerprint) return;
      await rebuildLearner(trx, deps, id);
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
