/*
 * Small helpers the mentoring folds share: the set semantics every fold starts from (one
 * statement per id, voided statements and voiding statements left out) and the "latest by
 * (timestamp, id)" order that makes every "latest" unique.
 */
import type { Statement } from '../xapi/types';
import { voidedIds } from '../learning/fold';
import { verbName } from '../xapi/verbs';

/** The live statements of a set: each id once, without voided statements and without the voiding ones. */
export function liveStatements(input: Iterable<Statement>): Statement[] {
  const unique = new Map<string, Statement>();
  for (const s of input) unique.set(s.id.toLowerCase(), s);
  const voided = new Set([...voidedIds(unique.values())].map((id) => id.toLowerCase()));
  const live: Statement[] = [];
  for (const [id, s] of unique) {
    if (voided.has(id) || verbName(s.verb.id) === 'voided') continue;
    live.push(s);
  }
  return live;
}

type Stamped = { timestamp?: string; id: string };

const stampOf = (s: Stamped): string => `${s.timestamp ?? ''}\u0000${s.id.toLowerCase()}`;

/** Ascending by (timestamp, id). */
export function byStamp(a: Stamped, b: Stamped): number {
  const ka = stampOf(a);
  const kb = stampOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The object id of a statement that targets another by StatementRef, lower-cased. */
export function refTarget(s: Statement): string | undefined {
  return s.object.objectType === 'StatementRef' ? s.object.id.toLowerCase() : undefined;
}
