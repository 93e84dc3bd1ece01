/*
 * Keeps xAPI statements: the full JSON as stored (with `stored`, `authority`, `version` set by
 * the server) plus columns and index rows to find them. Statements are immutable.
 * On conflict: a statement whose id is already stored is accepted again without any change when
 * it is the same statement (xAPI comparison rules, via its fingerprint) and rejected with
 * ConflictError when it differs. A batch is one transaction: when any statement is rejected,
 * nothing of the batch is stored.
 * Ordering: inserts are serialised (lockStatements), `seq` is assigned here and `stored` is
 * strictly increasing from batch to batch, so both follow commit order and a reader that has
 * seen `stored = T` will never later find a new statement with `stored <= T`.
 * Voiding: a voiding statement voids its target when the voider is the target's actor or a
 * writer who may void that actor's statements (Writer.mayVoid); this is applied whichever
 * arrives first (for a voiding stored before its target: when its writer may void anyone's).
 * Reviews: a `reviewed` statement is stored only when its writer may review the actor of the
 * statement it targets (Writer.mayReview), which must be stored already or come in the batch.
 * Attachment content sent with the batch is stored in the same transaction (store/attachments.ts),
 * and so are the activity definitions and agent names the batch gives (store/gathered.ts).
 */
import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Database, StatementsTable } from './schema';
import { lockStatements, waitForStatementWriters, type Store } from './database';
import { ConflictError } from './errors';
import { dedupe, indexRows, VISIBILITY_KINDS, type IndexKind, type IndexRow } from './statement-index';
import type { JsonObject } from '../../shared/xapi/validate';
import { VOIDED_VERB } from '../../shared/xapi/validate';
import { VERBS } from '../../shared/xapi/verbs';
import { agentKey } from '../../shared/xapi/canonical';
import { fingerprint } from './fingerprint';
import { NO_ATTACHMENTS, saveAttachments, type StatementAttachments } from './attachments';
import { gather, type GatherItem } from './gathered';

/** A statement the store refuses; `code` names why, for clients that must not parse the message. */
export class StatementRejected extends Error {
  readonly code: string | undefined;

  constructor(
    readonly status: 400 | 403,
    problem: string | { message: string; code: string },
  ) {
    super(typeof problem === 'string' ? problem : problem.message);
    this.code = typeof problem === 'string' ? undefined : problem.code;
  }
}

/** Whose statements a writer may act on: anyone's, no one's, or those of these agents (agent keys). */
export type AgentScope = 'anyone' | 'nobody' | ReadonlySet<string>;

export const inScope = (scope: AgentScope, key: string | null | undefined): boolean =>
  scope === 'anyone' || (scope !== 'nobody' && key !== null && key !== undefined && scope.has(key));

export type Writer = {
  /** The Agent stored as `authority`. */
  authority: JsonObject;
  /** Whose statements it may void besides its own (coordinators, unlimited xAPI clients: anyone's; stored as `privileged`). */
  mayVoid: AgentScope;
  /** Whose work it may review (`reviewed` statements), by the actor of the statement reviewed. */
  mayReview: AgentScope;
  /**
   * Runs inside the insert transaction with what the batch changed (StoredBatch): how the
   * derived summaries (store/summaries.ts) stay in step with the statements.
   */
  afterStore?: (trx: Transaction<Database>, batch: StoredBatch) => Promise<void>;
};

/** What one stored batch changed, for Writer.afterStore. */
export type StoredBatch = {
  /** The agents the new statements concern (actor, context agents, group members, and through a StatementRef the target's agents). */
  agentKeys: string[];
  /** The new statements that are live (not voided on arrival), as stored. */
  statements: JsonObject[];
  /** The seqs of earlier statements this batch voided. */
  voidedSeqs: number[];
};

/** A statement that passed validation and has an id. */
export type IncomingStatement = JsonObject & { id: string };

/**
 * What a principal may read: everything, or statements naming these agents; `hidden` leaves
 * out statements with these verbs, or that target such a statement by StatementRef (e.g. the
 * voiding of a note), unless `selfKey` made them (what is private to the learner, and for
 * mentors survey answers: server/auth/access.ts).
 */
export type Access = ({ all: true } | { all: false; agentKeys: string[] }) & { hidden?: { verbs: readonly string[]; selfKey: string } };

const asObject = (value: unknown): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;

function statementRefTarget(statement: JsonObject): string | undefined {
  const target = asObject(statement.object);
  return target?.objectType === 'StatementRef' && typeof target.id === 'string' ? target.id.toLowerCase() : undefined;
}

const isVoiding = (statement: JsonObject): boolean => asObject(statement.verb)?.id === VOIDED_VERB;

const isReview = (statement: JsonObject): boolean => asObject(statement.verb)?.id === VERBS.reviewed;

const INSERT_CHUNK = 200;
const INDEX_CHUNK = 1000;

type Planned = {
  seq: number;
  id: string;
  incoming: IncomingStatement;
  full: JsonObject;
  actorKey: string | null;
  rows: IndexRow[];
  voided: boolean;
};

function nextStored(last: string | undefined): string {
  const now = Date.now();
  const after = last ? Date.parse(last) + 1 : 0;
  return new Date(Math.max(now, after)).toISOString();
}

type TargetRow = { seq: number; id: string; actor_key: string | null; verb_id: string; voided: number };

/** Refuses a review whose writer may not review the actor of the statement it targets (in the batch or stored). */
function checkReviews(
  planned: readonly Planned[],
  targets: { inBatch: Map<string, Planned>; inStore: Map<string, TargetRow> },
  writer: Writer,
): void {
  if (writer.mayReview === 'anyone') return;
  for (const p of planned) {
    const targetId = statementRefTarget(p.full);
    if (!isReview(p.full) || targetId === undefined) continue;
    if (writer.mayReview === 'nobody')
      throw new StatementRejected(403, {
        code: 'review-not-allowed',
        message: `Statement ${p.incoming.id} is a review: only a mentor of the learner's cohort, a coordinator or an xAPI client given the right may review.`,
      });
    const inBatch = targets.inBatch.get(targetId);
    const inStore = targets.inStore.get(targetId);
    if (!inBatch && !inStore)
      throw new StatementRejected(403, {
        code: 'review-target-unknown',
        message: `Statement ${p.incoming.id} reviews ${targetId}, which is not stored here: send the review after it.`,
      });
    if (!inScope(writer.mayReview, inBatch ? inBatch.actorKey : inStore?.actor_key))
      throw new StatementRejected(403, {
        code: 'review-not-allowed',
        message: `Statement ${p.incoming.id} reviews ${targetId}, the work of someone you may not review.`,
      });
  }
}

async function rowsOf(trx: Transaction<Database>, seqs: number[]): Promise<Map<number, IndexRow[]>> {
  const bySeq = new Map<number, IndexRow[]>();
  if (seqs.length === 0) return bySeq;
  const rows = await trx.selectFrom('statement_index').select(['seq', 'kind', 'value']).where('seq', 'in', seqs).execute();
  for (const row of rows) {
    const list = bySeq.get(Number(row.seq)) ?? [];
    list.push({ kind: row.kind as IndexKind, value: row.value });
    bySeq.set(Number(row.seq), list);
  }
  return bySeq;
}

/**
 * Stores a batch, with the attachment content that came with it. Returns the ids in order.
 * Throws ConflictError (409) or StatementRejected (400/403); in both cases the transaction is
 * rolled back and nothing is stored.
 */
export async function storeStatements(
  store: Store,
  statements: IncomingStatement[],
  writer: Writer,
  attachments: StatementAttachments = NO_ATTACHMENTS,
): Promise<string[]> {
  const ids = statements.map((statement) => statement.id.toLowerCase());
  if (new Set(ids).size !== ids.length) throw new StatementRejected(400, 'The batch contains two or more statements with the same id.');
  if (statements.length === 0) return [];
  const fingerprints = statements.map(fingerprint);

  await store.db.transaction().execute(async (trx) => {
    await lockStatements(trx, store.dialect);

    const existing = await trx.selectFrom('statements').select(['id', 'fingerprint']).where('id', 'in', ids).execute();
    const existingById = new Map(existing.map((row) => [row.id, row.fingerprint]));
    const fresh: { incoming: IncomingStatement; id: string }[] = [];
    statements.forEach((incoming, index) => {
      const id = ids[index] ?? '';
      const stored = existingById.get(id);
      if (stored === undefined) fresh.push({ incoming, id });
      else if (stored !== fingerprints[index])
        throw new ConflictError(`A different statement with the id ${incoming.id} is already stored.`);
    });
    if (fresh.length === 0) return;

    const last = await trx.selectFrom('statements').select(['seq', 'stored']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const stored = nextStored(last?.stored);
    let seq = Number(last?.seq ?? 0);
    const planned: Planned[] = fresh.map(({ incoming, id }) => {
      const full: JsonObject = {
        ...incoming,
        timestamp: incoming.timestamp ?? stored,
        stored,
        authority: writer.authority,
        version: incoming.version ?? '1.0.3',
      };
      const context = asObject(full.context);
      if (context?.contextActivities) full.context = normaliseContextActivities(context);
      const sub = asObject(full.object);
      const subContext = sub?.objectType === 'SubStatement' ? asObject(sub.context) : undefined;
      if (subContext?.contextActivities) full.object = { ...sub, context: normaliseContextActivities(subContext) };
      seq += 1;
      return { seq, id, incoming, full, actorKey: agentKey(incoming.actor) ?? null, rows: indexRows(full), voided: false };
    });
    const plannedById = new Map(planned.map((p) => [p.id, p]));

    // Statements referenced by the new ones, and existing statements that reference the new ones.
    const targetIds = [...new Set(planned.map((p) => statementRefTarget(p.full)).filter((id): id is string => id !== undefined))];
    const targets = targetIds.length
      ? await trx.selectFrom('statements').select(['seq', 'id', 'actor_key', 'verb_id', 'voided']).where('id', 'in', targetIds).execute()
      : [];
    const targetById = new Map<string, TargetRow>(targets.map((row) => [row.id, { ...row, seq: Number(row.seq) }]));
    checkReviews(planned, { inBatch: plannedById, inStore: targetById }, writer);
    const referrers = await trx
      .selectFrom('statements')
      .select(['seq', 'id', 'actor_key', 'verb_id', 'privileged', 'object_statement_ref'])
      .where('object_statement_ref', 'in', [...plannedById.keys()])
      .execute();

    // Voiding: check what each new voiding statement targets.
    const toVoid: number[] = [];
    for (const p of planned) {
      const targetId = statementRefTarget(p.full);
      if (!isVoiding(p.full) || targetId === undefined) continue;
      const inBatch = plannedById.get(targetId);
      const inStore = targetById.get(targetId);
      const targetVerb = inBatch ? asObject(inBatch.full.verb)?.id : inStore?.verb_id;
      const targetActor = inBatch ? inBatch.actorKey : inStore?.actor_key;
      if (targetVerb === undefined) continue; // Unknown yet: applied when the target arrives.
      if (targetVerb === VOIDED_VERB)
        throw new StatementRejected(400, `Statement ${p.incoming.id} voids ${targetId}, which is itself a voiding statement.`);
      if (targetActor !== p.actorKey && !inScope(writer.mayVoid, targetActor)) {
        throw new StatementRejected(403, {
          code: 'void-not-allowed',
          message: `Statement ${p.incoming.id} voids ${targetId}, which was made by someone else.`,
        });
      }
      if (inBatch) inBatch.voided = true;
      else if (inStore && !inStore.voided) toVoid.push(inStore.seq);
    }
    // Voiding statements that arrived before their targets.
    for (const referrer of referrers) {
      if (referrer.verb_id !== VOIDED_VERB) continue;
      const target = plannedById.get(referrer.object_statement_ref ?? '');
      if (!target || isVoiding(target.full)) continue;
      if (referrer.privileged || referrer.actor_key === target.actorKey) target.voided = true;
    }

    // Inheritance of index rows through StatementRef, in both directions.
    const storedTargetRows = await rowsOf(
      trx,
      targets.map((t) => Number(t.seq)),
    );
    const inherited = new Map<string, IndexRow[]>(planned.map((p) => [p.id, p.rows]));
    for (let depth = 0; depth < 8; depth += 1) {
      let changed = false;
      for (const p of planned) {
        const targetId = statementRefTarget(p.full);
        if (!targetId) continue;
        const fromBatch = inherited.get(targetId);
        const inStore = targetById.get(targetId);
        const fromStore = inStore ? storedTargetRows.get(inStore.seq) : undefined;
        const own = inherited.get(p.id) ?? [];
        const merged = dedupe([...own, ...(fromBatch ?? []), ...(fromStore ?? [])]);
        inherited.set(p.id, merged);
        if (merged.length !== own.length) changed = true;
      }
      if (!changed) break;
    }
    for (const p of planned) p.rows = inherited.get(p.id) ?? p.rows;

    for (let i = 0; i < planned.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('statements')
        .values(
          planned.slice(i, i + INSERT_CHUNK).map((p) => ({
            seq: p.seq,
            id: p.id,
            actor_key: p.actorKey,
            verb_id: String(asObject(p.full.verb)?.id),
            object_activity_id:
              (asObject(p.full.object)?.objectType ?? 'Activity') === 'Activity' ? String(asObject(p.full.object)?.id) : null,
            object_statement_ref: statementRefTarget(p.full) ?? null,
            registration:
              typeof asObject(p.full.context)?.registration === 'string'
                ? String(asObject(p.full.context)?.registration).toLowerCase()
                : null,
            timestamp: String(p.full.timestamp),
            stored,
            voided: p.voided ? 1 : 0,
            privileged: writer.mayVoid === 'anyone' ? 1 : 0,
            fingerprint: fingerprints[ids.indexOf(p.id)] ?? '',
            statement: JSON.stringify(p.full),
          })),
        )
        .execute();
    }
    const allRows = planned.flatMap((p) => p.rows.map((row) => ({ seq: p.seq, kind: row.kind, value: row.value })));
    // Existing statements that target the new ones now also meet their filters.
    let frontier = referrers.map((r) => ({ seq: Number(r.seq), id: r.id, rows: inherited.get(r.object_statement_ref ?? '') ?? [] }));
    const reached = new Map<number, IndexRow[]>();
    for (let depth = 0; depth < 8 && frontier.length > 0; depth += 1) {
      for (const f of frontier) {
        for (const row of f.rows) allRows.push({ seq: f.seq, kind: row.kind, value: row.value });
        reached.set(f.seq, [...(reached.get(f.seq) ?? []), ...f.rows]);
      }
      const rowsById = new Map(frontier.map((f) => [f.id, f.rows]));
      const next = await trx
        .selectFrom('statements')
        .select(['seq', 'id', 'object_statement_ref'])
        .where('object_statement_ref', 'in', [...rowsById.keys()])
        .execute();
      frontier = next.map((n) => ({ seq: Number(n.seq), id: n.id, rows: rowsById.get(n.object_statement_ref ?? '') ?? [] }));
    }
    for (let i = 0; i < allRows.length; i += INDEX_CHUNK) {
      await trx
        .insertInto('statement_index')
        .values(allRows.slice(i, i + INDEX_CHUNK))
        .onConflict((conflict) => conflict.columns(['seq', 'kind', 'value']).doNothing())
        .execute();
    }
    if (toVoid.length > 0) await trx.updateTable('statements').set({ voided: 1 }).where('seq', 'in', toVoid).execute();
    const targetVerb = (p: Planned): string | null | undefined => {
      const targetId = statementRefTarget(p.full);
      if (targetId === undefined) return undefined;
      const inBatch = plannedById.get(targetId);
      return inBatch ? String(asObject(inBatch.full.verb)?.id) : (targetById.get(targetId)?.verb_id ?? null);
    };
    await gather(trx, [
      ...planned.map((p) => ({ seq: p.seq, statement: p.full, audiences: visibilityKeys(p.rows), targetVerb: targetVerb(p) })),
      ...(await reachedReferrers(trx, reached)),
    ]);
    await saveAttachments(trx, attachments, new Set(planned.map((p) => p.id)));
    if (writer.afterStore) {
      const agents = new Set<string>();
      for (const p of planned) for (const row of p.rows) if (VISIBILITY_KINDS.includes(row.kind)) agents.add(row.value);
      await writer.afterStore(trx, {
        agentKeys: [...agents],
        statements: planned.filter((p) => !p.voided).map((p) => p.full),
        voidedSeqs: toVoid,
      });
    }
  });
  return statements.map((statement) => statement.id);
}

const visibilityKeys = (rows: IndexRow[]): string[] => rows.filter((row) => VISIBILITY_KINDS.includes(row.kind)).map((row) => row.value);

/**
 * Stored statements that target new ones by StatementRef are now visible to the agents of
 * their targets too (the rows they inherited): what they gave is gathered for those agents.
 */
async function reachedReferrers(trx: Transaction<Database>, reached: Map<number, IndexRow[]>): Promise<GatherItem[]> {
  const audiences = new Map([...reached].map(([seq, rows]) => [seq, visibilityKeys(rows)]));
  const seqs = [...audiences].filter(([, keys]) => keys.length > 0).map(([seq]) => seq);
  if (seqs.length === 0) return [];
  const rows = await trx.selectFrom('statements').select(['seq', 'statement', 'object_statement_ref']).where('seq', 'in', seqs).execute();
  const refs = rows.map((row) => row.object_statement_ref ?? '');
  const targets = await trx.selectFrom('statements').select(['id', 'verb_id']).where('id', 'in', refs).execute();
  const verbs = new Map(targets.map((target) => [target.id, target.verb_id]));
  return rows.map((row) => ({
    seq: Number(row.seq),
    statement: JSON.parse(row.statement) as JsonObject,
    audiences: audiences.get(Number(row.seq)) ?? [],
    targetVerb: verbs.get(row.object_statement_ref ?? '') ?? null,
  }));
}

function normaliseContextActivities(context: JsonObject): JsonObject {
  const lists = asObject(context.contextActivities) ?? {};
  return {
    ...context,
    contextActivities: Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, Array.isArray(list) ? list : [list]])),
  };
}

type StatementsEb = ExpressionBuilder<Database & { s: StatementsTable }, 's'>;

/**
 * The statement `s` is not hidden: its verb is not one of `hidden.verbs`, nor the verb of the
 * statement it targets by StatementRef (the voiding of a note), unless `hidden.selfKey` made it.
 * Columns rather than index rows: most statements have no StatementRef, so the target is
 * looked up (by id) only for the few that do.
 */
function notHidden(eb: StatementsEb, hidden: NonNullable<Access['hidden']>) {
  const verbs = [...hidden.verbs];
  return eb.or([
    eb('s.actor_key', '=', hidden.selfKey),
    eb.and([
      eb('s.verb_id', 'not in', verbs),
      eb.or([
        eb('s.object_statement_ref', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('statements as t')
              .select('t.seq')
              .whereRef('t.id', '=', 's.object_statement_ref')
              .where('t.verb_id', 'in', verbs),
          ),
        ),
      ]),
    ]),
  ]);
}

/** The statement `s` has an index row of one of these kinds with this value. */
function indexed(eb: StatementsEb, kinds: IndexKind[], values: string[]) {
  return eb.exists(
    eb
      .selectFrom('statement_index as i')
      .select('i.seq')
      .whereRef('i.seq', '=', 's.seq')
      .where('i.kind', 'in', kinds)
      .where('i.value', 'in', values.length ? values : ['']),
  );
}

/** One statement by id: a voided one only when `voided` is true, a live one only when it is false. */
export async function getStatement(store: Store, id: string, voided: boolean, access: Access): Promise<JsonObject | undefined> {
  let query = store.db
    .selectFrom('statements as s')
    .select('s.statement')
    .where('s.id', '=', id.toLowerCase())
    .where('s.voided', '=', voided ? 1 : 0);
  if (!access.all) query = query.where((eb) => indexed(eb, VISIBILITY_KINDS, access.agentKeys));
  const { hidden } = access;
  if (hidden) query = query.where((eb) => notHidden(eb, hidden));
  const row = await query.executeTakeFirst();
  return row ? (JSON.parse(row.statement) as JsonObject) : undefined;
}

export type StatementFilter = {
  agent?: { key: string; kinds: IndexKind[] };
  verb?: string;
  activity?: { id: string; kinds: IndexKind[] };
  registration?: string;
  since?: string;
  until?: string;
  ascending: boolean;
  /** Continue after this seq (in the query's direction). */
  after?: number;
  limit: number;
};

/** A page of statements (live ones only), in the query's order. */
export type StatementPage = {
  statements: JsonObject[];
  /** The seq of each statement, to continue after any of them. */
  seqs: number[];
  /** The seq to continue from when there are more. */
  next: number | undefined;
};

export async function queryStatements(store: Store, filter: StatementFilter, access: Access): Promise<StatementPage> {
  const db = store.db;
  let query = db.selectFrom('statements as s').select(['s.seq', 's.statement']).where('s.voided', '=', 0);
  const { agent, activity, verb, registration } = filter;
  if (agent) query = query.where((eb) => indexed(eb, agent.kinds, [agent.key]));
  if (activity) query = query.where((eb) => indexed(eb, activity.kinds, [activity.id]));
  if (verb) query = query.where((eb) => indexed(eb, ['verb'], [verb]));
  if (registration) query = query.where((eb) => indexed(eb, ['registration'], [registration.toLowerCase()]));
  if (filter.since) query = query.where('s.stored', '>', filter.since);
  if (filter.until) query = query.where('s.stored', '<=', filter.until);
  if (filter.after !== undefined) query = query.where('s.seq', filter.ascending ? '>' : '<', filter.after);
  if (!access.all) query = query.where((eb) => indexed(eb, VISIBILITY_KINDS, access.agentKeys));
  const { hidden } = access;
  if (hidden) query = query.where((eb) => notHidden(eb, hidden));
  const rows = await query
    .orderBy('s.seq', filter.ascending ? 'asc' : 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  return {
    statements: page.map((row) => JSON.parse(row.statement) as JsonObject),
    seqs: page.map((row) => Number(row.seq)),
    next: rows.length > filter.limit ? Number(page[page.length - 1]?.seq) : undefined,
  };
}

/**
 * X-Experience-API-Consistent-Through: a time T such that every statement with `stored <= T`
 * is visible to a query that starts after this call. Inserts hold the statement lock from
 * choosing `stored` until commit (see `lockStatements`), so once no insert is in flight every
 * committed statement is readable and T is the time of the read; a writer that starts later
 * picks a later `stored` (from the same clock, or one above the newest stored). T is never
 * below the newest stored time, which may run ahead of the clock when batches come faster
 * than one per millisecond.
 */
export async function consistentThrough(store: Store): Promise<string> {
  return store.db.transaction().execute(async (trx) => {
    await waitForStatementWriters(trx, store.dialect);
    const row = await trx
      .selectFrom('statements')
      .select(sql<string | null>`max(stored)`.as('stored'))
      .executeTakeFirst();
    const now = new Date().toISOString();
    const newest = row?.stored ?? undefined;
    return newest !== undefined && newest > now ? newest : now;
  });
}
