/*
 * Keeps what the Activities and Agents resources answer (xAPI-Communication.md 2.5, 2.8): each
 * Activity's canonical definition and each Agent's names, merged when statements are stored, in
 * the same transaction (store/statements.ts), so that an answer reads a few rows however many
 * statements name the activity. Existing statements were gathered by migration 0013.
 *
 * Who sees what: an answer is built from the statements the reader may see (auth/access.ts),
 * and one merged row per activity could not tell readers apart. So a statement's leaves
 * (shared/xapi/gathered.ts) are merged into one row per audience that may see it: each agent
 * the statement is visible to (its VISIBILITY_KINDS index rows: actor, object agent, authority,
 * instructor, team, group members, and through a StatementRef those of its target), and '*'
 * for readers who see every statement. A statement some readers must not see by its verb
 * (MENTOR_HIDDEN_VERBS, which holds LEARNER_PRIVATE_VERBS), or by the verb of the statement it
 * targets, goes to rows of that verb and its maker, so a reader leaves out what `Access.hidden`
 * leaves out unless it made it, as queryStatements does. A reader merges the rows of its
 * audiences; as leaves keep their statement's order, that equals merging the statements it may
 * see, oldest first. If the hidden verbs change, this table must be rebuilt.
 * A StatementRef whose target is not stored yet cannot be classed: it goes to '?' rows, which
 * only readers that hide nothing (or its maker) read. That is more cautious than the statement
 * query, which decides when asked.
 * Voided statements keep what they gave: Data 2.3.2 lets an LRS roll back definition changes a
 * voided statement introduced (MAY), and not doing so keeps voiding from rewriting rows.
 * Keys are SHA-256 hashes, so an IRI of any length a statement may carry fits an index key.
 * Writers hold the statement lock (lockStatements), so rows are read and rewritten without races.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import type { Access } from './statements';
import type { JsonObject } from '../../shared/xapi/validate';
import { agentKey } from '../../shared/xapi/canonical';
import { definitionLeaves, mergeLeaves, nameLeaves, type Leaves } from '../../shared/xapi/gathered';
import { MENTOR_HIDDEN_VERBS } from '../../shared/xapi/privacy';

type Db = Kysely<Database> | Transaction<Database>;

export type GatheredKind = 'activity' | 'agent';

const EVERYONE = '*';
const UNKNOWN_TARGET = '?';

export const hashKey = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A stored statement to gather: its seq, the agents it is visible to, and the verb of the statement it targets. */
export type GatherItem = {
  seq: number;
  statement: JsonObject;
  audiences: Iterable<string>;
  /** For a StatementRef: the target's verb, or null when the target is not stored. Undefined otherwise. */
  targetVerb?: string | null;
};

/** The hidden verb a statement is classed under ('' when none, '?' for an unknown target). */
function verbClassOf(item: GatherItem): string {
  const verb = asVerb(item.statement);
  if (verb !== undefined && MENTOR_HIDDEN_VERBS.includes(verb)) return verb;
  if (item.targetVerb === null) return UNKNOWN_TARGET;
  if (item.targetVerb !== undefined && MENTOR_HIDDEN_VERBS.includes(item.targetVerb)) return item.targetVerb;
  return '';
}

function asVerb(statement: JsonObject): string | undefined {
  const verb = statement.verb;
  if (typeof verb !== 'object' || verb === null || Array.isArray(verb)) return undefined;
  const id = (verb as JsonObject).id;
  return typeof id === 'string' ? id : undefined;
}

type Row = Database['xapi_gathered'];
const rowKey = (row: Omit<Row, 'leaves'>): string => [row.kind, row.subject, row.audience, row.verb_class, row.maker].join(' ');

const CHUNK = 200;

/** Merges the statements' leaves into their rows: one read and one upsert a chunk of rows. */
export async function gather(db: Db, items: GatherItem[]): Promise<void> {
  const rows = new Map<string, { row: Omit<Row, 'leaves'>; leaves: Leaves }>();
  // A batch names the same few agents and activities again and again: each is hashed once.
  const hashes = new Map<string, string>();
  const hash = (value: string): string => {
    const known = hashes.get(value);
    if (known !== undefined) return known;
    const hashed = hashKey(value);
    hashes.set(value, hashed);
    return hashed;
  };
  for (const item of items) {
    const subjects: [GatheredKind, Map<string, Leaves>][] = [
      ['activity', definitionLeaves(item.statement, item.seq)],
      ['agent', nameLeaves(item.statement, item.seq)],
    ];
    // Most statements the app sends carry no definition and no name: nothing to class or hash.
    if (subjects.every(([, bySubject]) => bySubject.size === 0)) continue;
    const verbClass = verbClassOf(item);
    const maker = verbClass === '' ? '' : hash(agentKey(item.statement.actor) ?? '');
    const audiences = [EVERYONE, ...[...new Set(item.audiences)].map(hash)];
    for (const [kind, bySubject] of subjects) {
      for (const [subject, leaves] of bySubject) {
        const hashed = hash(subject);
        for (const audience of audiences) {
          const row = { kind, subject: hashed, audience, verb_class: verbClass, maker };
          const key = rowKey(row);
          const entry = rows.get(key) ?? { row, leaves: {} };
          mergeLeaves(entry.leaves, leaves);
          rows.set(key, entry);
        }
      }
    }
  }
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += CHUNK) {
    const chunk = all.slice(i, i + CHUNK);
    const distinct = (pick: (row: Omit<Row, 'leaves'>) => string) => [...new Set(chunk.map((entry) => pick(entry.row)))];
    const stored = await db
      .selectFrom('xapi_gathered')
      .selectAll()
      .where(
        'subject',
        'in',
        distinct((row) => row.subject),
      )
      .where(
        'audience',
        'in',
        distinct((row) => row.audience),
      )
      .where(
        'verb_class',
        'in',
        distinct((row) => row.verb_class),
      )
      .where(
        'maker',
        'in',
        distinct((row) => row.maker),
      )
      .execute();
    const before = new Map(stored.map((row) => [rowKey(row), JSON.parse(row.leaves) as Leaves]));
    await db
      .insertInto('xapi_gathered')
      .values(chunk.map(({ row, leaves }) => ({ ...row, leaves: JSON.stringify(mergeLeaves(before.get(rowKey(row)) ?? {}, leaves)) })))
      .onConflict((conflict) =>
        conflict
          .columns(['kind', 'subject', 'audience', 'verb_class', 'maker'])
          .doUpdateSet((eb) => ({ leaves: eb.ref('excluded.leaves') })),
      )
      .execute();
  }
}

/** The leaves of a subject that this reader may see, merged from the rows of its audiences. */
export async function gatheredLeaves(db: Db, subject: { kind: GatheredKind; key: string }, access: Access): Promise<Leaves> {
  let query = db
    .selectFrom('xapi_gathered')
    .select('leaves')
    .where('kind', '=', subject.kind)
    .where('subject', '=', hashKey(subject.key))
    .where('audience', 'in', access.all ? [EVERYONE] : access.agentKeys.length ? access.agentKeys.map(hashKey) : ['']);
  const { hidden } = access;
  if (hidden) {
    const verbs = hidden.verbs.length ? [...hidden.verbs] : [''];
    query = query.where((eb) =>
      eb.or([
        eb('verb_class', '=', ''),
        eb.and([eb('verb_class', '<>', UNKNOWN_TARGET), eb('verb_class', 'not in', verbs)]),
        eb('maker', '=', hashKey(hidden.selfKey)),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.reduce<Leaves>((merged, row) => mergeLeaves(merged, JSON.parse(row.leaves) as Leaves), {});
}
