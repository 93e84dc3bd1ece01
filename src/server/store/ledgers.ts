/*
 * Keeps each learner's summary ledgers (shared/mentoring/ledger.ts) in `learner_ledgers`: one
 * row per learner and part, `learner` (logged hours, their reviews, seconds per module) and
 * `module:<id>` (lesson and activity tallies, quiz statements, submissions and their reviews).
 * `planChanges` turns a stored batch into what it changes for which learner: their own new
 * statements, their own statements the batch voided, and reviews of their submissions and
 * logged hours that arrived or were voided (a review may arrive before what it reviews: it is
 * picked up when its target arrives). Everything here runs inside the insert transaction, so
 * the ledgers always match the committed statements; they are only a cache of them, rebuilt
 * from the statements at start when the summary format or course changes.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './schema';
import type { Statement } from '../../shared/xapi/types';
import { VERBS } from '../../shared/xapi/verbs';
import { agentKey } from '../../shared/xapi/canonical';
import {
  effectOf,
  emptyLearnerLedger,
  emptyModuleLedger,
  lastModuleActivity,
  type Effect,
  type LearnerLedger,
  type ModuleLedger,
} from '../../shared/mentoring/ledger';

export type Ledgers = { learner: LearnerLedger; modules: Map<string, ModuleLedger> };

const LEARNER_PART = 'learner';
const modulePart = (moduleId: string): string => `module:${moduleId}`;

/** Learners per query: well under the bound parameters SQLite and PostgreSQL take. */
const CHUNK = 500;

function readRows(rows: readonly { part: string; state: string }[], moduleIds: readonly string[] | undefined): Ledgers {
  const ledgers: Ledgers = { learner: emptyLearnerLedger(), modules: new Map() };
  for (const row of rows) {
    if (row.part === LEARNER_PART) ledgers.learner = JSON.parse(row.state) as LearnerLedger;
    else {
      const module = JSON.parse(row.state) as ModuleLedger;
      if (!moduleIds || moduleIds.includes(module.moduleId)) ledgers.modules.set(module.moduleId, module);
    }
  }
  for (const moduleId of moduleIds ?? []) if (!ledgers.modules.has(moduleId)) ledgers.modules.set(moduleId, emptyModuleLedger(moduleId));
  return ledgers;
}

/** A learner's ledgers, every part. */
export async function loadLedgers(db: Kysely<Database>, learnerId: string): Promise<Ledgers> {
  return readRows(
    await db.selectFrom('learner_ledgers').select(['part', 'state']).where('learner_id', '=', learnerId).execute(),
    undefined,
  );
}

/** Many learners' ledgers at once: each learner's part and the module parts asked for them (empty ones where there are none yet). */
export async function loadLedgersOf(db: Kysely<Database>, wanted: ReadonlyMap<string, readonly string[]>): Promise<Map<string, Ledgers>> {
  const ids = [...wanted.keys()];
  const rowsOf = new Map<string, { part: string; state: string }[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const parts = new Set([LEARNER_PART, ...chunk.flatMap((id) => (wanted.get(id) ?? []).map(modulePart))]);
    const rows = await db
      .selectFrom('learner_ledgers')
      .select(['learner_id', 'part', 'state'])
      .where('learner_id', 'in', chunk)
      .where('part', 'in', [...parts])
      .execute();
    for (const row of rows) rowsOf.set(row.learner_id, [...(rowsOf.get(row.learner_id) ?? []), row]);
  }
  return new Map(ids.map((id) => [id, readRows(rowsOf.get(id) ?? [], wanted.get(id) ?? [])]));
}

/** Writes each learner's part and the named module parts (a module left with nothing in it is deleted), in a few statements. */
export async function saveLedgersOf(
  db: Kysely<Database>,
  saved: readonly { learnerId: string; ledgers: Ledgers; moduleIds: readonly string[] }[],
): Promise<void> {
  const rows: { learner_id: string; part: string; state: string }[] = [];
  for (const { learnerId, ledgers, moduleIds } of saved) {
    rows.push({ learner_id: learnerId, part: LEARNER_PART, state: JSON.stringify(ledgers.learner) });
    for (const moduleId of moduleIds) {
      const module = ledgers.modules.get(moduleId);
      if (!module) continue;
      if (Object.keys(module.lessons).length === 0 && module.activity.count === 0 && module.kept.length === 0)
        await db.deleteFrom('learner_ledgers').where('learner_id', '=', learnerId).where('part', '=', modulePart(moduleId)).execute();
      else rows.push({ learner_id: learnerId, part: modulePart(moduleId), state: JSON.stringify(module) });
    }
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('learner_ledgers')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((conflict) => conflict.columns(['learner_id', 'part']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })))
      .execute();
  }
}

export async function dropLedgers(db: Kysely<Database>, learnerId: string): Promise<void> {
  await db.deleteFrom('learner_ledgers').where('learner_id', '=', learnerId).execute();
}

/** The module parts of these learners for one module (for cohort-wide reads such as difficult questions). */
export async function moduleLedgersOf(db: Kysely<Database>, learnerIds: readonly string[], moduleId: string): Promise<ModuleLedger[]> {
  const found: ModuleLedger[] = [];
  for (let i = 0; i < learnerIds.length; i += 500) {
    const rows = await db
      .selectFrom('learner_ledgers')
      .select('state')
      .where('learner_id', 'in', learnerIds.slice(i, i + 500))
      .where('part', '=', modulePart(moduleId))
      .execute();
    for (const row of rows) found.push(JSON.parse(row.state) as ModuleLedger);
  }
  return found;
}

/**
 * One thing a batch changed for a learner: their own statement stored (or voided), or a review
 * of their submission or logged hours stored (or voided), with the statement it reviews.
 */
export type Change =
  | { kind: 'own'; statement: Statement; effect: Effect | undefined; removed: boolean }
  | { kind: 'review'; review: Statement; target: Effect; removed: boolean };

/** Turns `agentKey` into the learner id it names, or undefined for other agents. */
export type LearnerOfKey = (key: string) => string | undefined;

const isReviewable = (effect: Effect | undefined): boolean => effect?.kind === 'hours' || (effect?.kind === 'module' && effect.reviewable);

type Target = { learnerId: string; effect: Effect };

/** The live statements with these ids that reviews count for (submissions, logged hours), with their learner. */
async function reviewTargets(db: Kysely<Database>, ids: readonly string[], learnerOf: LearnerOfKey): Promise<Map<string, Target>> {
  const targets = new Map<string, Target>();
  if (ids.length === 0) return targets;
  const rows = await db
    .selectFrom('statements')
    .select(['id', 'actor_key', 'statement'])
    .where('id', 'in', ids)
    .where('voided', '=', 0)
    .execute();
  for (const row of rows) {
    const learnerId = row.actor_key === null ? undefined : learnerOf(row.actor_key);
    const effect = effectOf(JSON.parse(row.statement) as Statement);
    if (learnerId !== undefined && effect && isReviewable(effect)) targets.set(row.id, { learnerId, effect });
  }
  return targets;
}

/** Earlier live reviews of these statements (reviews may arrive first). */
async function reviewsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Statement[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('statements')
    .select('statement')
    .where('object_statement_ref', 'in', ids)
    .where('verb_id', '=', VERBS.reviewed)
    .where('voided', '=', 0)
    .execute();
  return rows.map((row) => JSON.parse(row.statement) as Statement);
}

function push(changes: Map<string, Change[]>, learnerId: string, change: Change): void {
  const list = changes.get(learnerId) ?? [];
  list.push(change);
  changes.set(learnerId, list);
}

/**
 * What a stored batch changes, per learner: `fresh` are its live new statements, `voided` the
 * earlier statements it voided. The work is bounded by the batch: a few indexed reads of the
 * statements it names or that name it, never a learner's history.
 */
export async function planChanges(
  db: Kysely<Database>,
  batch: { fresh: readonly Statement[]; voided: readonly Statement[] },
  learnerOf: LearnerOfKey,
): Promise<Map<string, Change[]>> {
  const changes = new Map<string, Change[]>();
  const freshTargets = new Map<string, Target>();
  const reviews: { review: Statement; removed: boolean }[] = [];

  // Own statements, and the fresh ones a review may count for.
  for (const [statements, removed] of [
    [batch.fresh, false],
    [batch.voided, true],
  ] as const) {
    for (const statement of statements) {
      const effect = effectOf(statement);
      const key = agentKey(statement.actor);
      const learnerId = key === undefined ? undefined : learnerOf(key);
      if (learnerId !== undefined) push(changes, learnerId, { kind: 'own', statement, effect, removed });
      if (effect?.kind === 'review') reviews.push({ review: statement, removed });
      if (!removed && learnerId !== undefined && effect && isReviewable(effect))
        freshTargets.set(statement.id.toLowerCase(), { learnerId, effect });
    }
  }

  // Reviews stored before the statement they review.
  const freshIds = new Set(batch.fresh.map((s) => s.id.toLowerCase()));
  for (const review of await reviewsOf(db, [...freshTargets.keys()]))
    if (!freshIds.has(review.id.toLowerCase())) reviews.push({ review, removed: false });

  // Each review goes to the learner whose submission or logged hours it reviews.
  const refOf = (s: Statement): string => (s.object.objectType === 'StatementRef' ? s.object.id.toLowerCase() : '');
  const storedTargets = await reviewTargets(
    db,
    [...new Set(reviews.map((r) => refOf(r.review)).filter((id) => id !== '' && !freshTargets.has(id)))],
    learnerOf,
  );
  for (const { review, removed } of reviews) {
    const target = freshTargets.get(refOf(review)) ?? storedTargets.get(refOf(review));
    if (target) push(changes, target.learnerId, { kind: 'review', review, target: target.effect, removed });
  }
  return changes;
}

/** The learner's latest live statement time for this module's activity, or null (after the latest one was voided). */
export async function latestModuleActivity(db: Kysely<Database>, key: string, moduleId: string): Promise<string | null> {
  const escaped = encodeURIComponent(moduleId).replace(/[!%_]/g, (c) => `!${c}`);
  const verbs = [VERBS.experienced, VERBS.progressed, VERBS.completed, VERBS.passed, VERBS.failed];
  // Newest first along (actor_key, timestamp), seq breaking ties so pages never overlap; the first candidate that counts for the module (by the ledger's own rule) is the answer.
  for (let offset = 0; ; offset += 100) {
    const rows = await db
      .selectFrom('statements')
      .select('statement')
      .where('actor_key', '=', key)
      .where('voided', '=', 0)
      .where('verb_id', 'in', verbs)
      .where(sql<boolean>`object_activity_id like ${`%/module/${escaped}/%`} escape '!'`)
      .orderBy('timestamp', 'desc')
      .orderBy('seq', 'desc')
      .limit(100)
      .offset(offset)
      .execute();
    const latest = lastModuleActivity(
      moduleId,
      rows.map((row) => JSON.parse(row.statement) as Statement),
    );
    if (latest !== null || rows.length < 100) return latest;
  }
}

/** The learner's latest own learning event (LearnerFold.lastActivityAt) and last sync, read from the statements. */
export async function latestOwn(db: Kysely<Database>, key: string): Promise<{ lastActivityAt: string | null; lastSyncAt: string | null }> {
  const activity = await db
    .selectFrom('statements')
    .select('timestamp')
    .where('actor_key', '=', key)
    .where('voided', '=', 0)
    .where('verb_id', 'not in', [VERBS.voided, VERBS.reviewed, VERBS.responded])
    .orderBy('timestamp', 'desc')
    .limit(1)
    .executeTakeFirst();
  const sync = await db
    .selectFrom('statements')
    .select('stored')
    .where('actor_key', '=', key)
    .where('voided', '=', 0)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { lastActivityAt: activity?.timestamp ?? null, lastSyncAt: sync?.stored ?? null };
}
