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
 * privileged writer (coordinator, xAPI client); this is applied whichever arrives first.
 * Attachment content sent with the batch is stored in the same transaction (store/attachments.ts).
 */
import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Database, StatementsTable } from './schema';
import { lockStatements, type Store } from './database';
import { ConflictError } from './errors';
import { dedupe, indexRows, VISIBILITY_KINDS, type IndexKind, type IndexRow } from './statement-index';
import type { JsonObject } from '../../shared/xapi/validate';
import { VOIDED_VERB } from '../../shared/xapi/validate';
import { agentKey } from '../../shared/xapi/canonical';
import { fingerprint } from './fingerprint';
import { NO_ATTACHMENTS, saveAttachments, type StatementAttachments } from './attachments';

export class StatementRejected extends Error {
  constructor(
    readonly status: 400 | 403,
    message: string,
  ) {
    super(message);
  }
}

export type Writer = {
  /** The Agent stored as `authority`. */
  authority: JsonObject;
  /** Coordinators and xAPI clients may void anyone's statements. */
  privileged: boolean;
  /**
   * Runs inside the insert transaction with the agents the new statements concern (actor,
   * context agents, group members, and through a StatementRef the target's agents): how the
   * derived summaries (store/summaries.ts) stay in step with the statements.
   */
  afterStore?: (trx: Transaction<Database>, agentKeys: string[]) => Promise<void>;
};

/** A statement that passed validation and has an id. */
export type IncomingStatement = JsonObject & { id: string };

/**
 * What a principal may read: everything, or statements naming these agents; `private` hides
 * statements with these verbs unless `selfKey` made them (mentors never read learners' survey
 * answers or drafts).
 */
export type Access = { all: true } | { all: false; agentKeys: string[]; private?: { verbs: string[]; selfKey: string } };

const asObject = (value: unknown): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;

function statementRefTarget(statement: JsonObject): string | undefined {
  const target = asObject(statement.object);
  return target?.objectType === 'StatementRef' && typeof target.id === 'string' ? target.id.toLowerCase() : undefined;
}

const isVoiding = (statement: JsonObject): boolean => asObject(statement.verb)?.id === VOIDED_VERB;

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
      seq += 1;
      return { seq, id, incoming, full, actorKey: agentKey(incoming.actor) ?? null, rows: indexRows(full), voided: false };
    });
    const plannedById = new Map(planned.map((p) => [p.id, p]));

    // Statements referenced by the new ones, and existing statements that reference the new ones.
    const targetIds = [...new Set(planned.map((p) => statementRefTarget(p.full)).filter((id): id is string => id !== undefined))];
    const targets = targetIds.length
      ? await trx.selectFrom('statements').select(['seq', 'id', 'actor_key', 'verb_id', 'voided']).where('id', 'in', targetIds).execute()
      : [];
    const targetById = new Map(targets.map((row) => [row.id, { ...row, seq: Number(row.seq) }]));
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
      if (!writer.privileged && targetActor !== p.actorKey) {
        throw new StatementRejected(403, `Statement ${p.incoming.id} voids ${targetId}, which was made by someone else.`);
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
            privileged: writer.privileged ? 1 : 0,
            fingerprint: fingerprints[ids.indexOf(p.id)] ?? '',
            statement: JSON.stringify(p.full),
          })),
        )
        .execute();
    }
    const allRows = planned.flatMap((p) => p.rows.map((row) => ({ seq: p.seq, kind: row.kind, value: row.value })));
    // Existing statements that target the new ones now also meet their filters.
    let frontier = referrers.map((r) => ({ seq: Number(r.seq), id: r.id, rows: inherited.get(r.object_statement_ref ?? '') ?? [] }));
    for (let depth = 0; depth < 8 && frontier.length > 0; depth += 1) {
      for (const f of frontier) for (const row of f.rows) allRows.push({ seq: f.seq, kind: row.kind, value: row.value });
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
    await saveAttachments(trx, attachments, new Set(planned.map((p) => p.id)));
    if (writer.afterStore) {
      const agents = new Set<string>();
      for (const p of planned) for (const row of p.rows) if (VISIBILITY_KINDS.includes(row.kind)) agents.add(row.value);
      await writer.afterStore(trx, [...agents]);
    }
  });
  return statements.map((statement) => statement.id);
}

function normaliseContextActivities(context: JsonObject): JsonObject {
  const lists = asObject(context.contextActivities) ?? {};
  return {
    ...context,
    contextActivities: Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, Array.isArray(list) ? list : [list]])),
  };
}

type StatementsEb = ExpressionBuilder<Database & { s: StatementsTable }, 's'>;

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
  if (!access.all && access.private) {
    const hidden = access.private;
    query = query.where((eb) => eb.or([eb('s.verb_id', 'not in', hidden.verbs), eb('s.actor_key', '=', hidden.selfKey)]));
  }
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
  if (!access.all && access.private) {
    const hidden = access.private;
    query = query.where((eb) => eb.or([eb('s.verb_id', 'not in', hidden.verbs), eb('s.actor_key', '=', hidden.selfKey)]));
  }
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

/** The `stored` time up to which every statement is visible (X-Experience-API-Consistent-Through). */
export async function consistentThrough(store: Store): Promise<string> {
  const row = await store.db
    .selectFrom('statements')
    .select(sql<string | null>`max(stored)`.as('stored'))
    .executeTakeFirst();
  return row?.stored ?? new Date(0).toISOString();
}
