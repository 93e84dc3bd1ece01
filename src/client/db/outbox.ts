/*
 * The sync engine's view of the database. The outbox is the statements with `synced: 0`;
 * they are marked synced only after the server confirmed them, and marked refused
 * (`synced: 2`, with the server's reason) when the server will never take them (an id
 * reused with other content, an invalid statement): refused statements stay on the device
 * and in the learner's progress, and are listed for them; nothing is dropped.
 * Statements pulled from the server are appended like local ones (ids already here are
 * skipped) and re-derive progress in the same transaction. Sync bookkeeping (the pull
 * cursor, the last success, the last error) lives in `meta`, per database, so it survives
 * reloads and never mixes people. The engine's functions here take the database its round
 * is bound to, never "the current one": a round started for one person writes only there.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { parseActivityId } from '../../shared/xapi/activities';
import type { Statement } from '../../shared/xapi/types';
import { agentKey } from '../../shared/xapi/canonical';
import { appendStatementsTo, removeStatementsFrom } from './actions';
import { useAccountKey } from './identity';
import { db, type StoredStatement, type StudyDatabase } from './schema';

export type SyncMeta = {
  /** `since` for the next pull: the server's `stored` time of the newest statement seen. */
  pullCursor?: string;
  /** Set once the pull has been limited to this person's own statements (agentKey of the actor). */
  ownStatementsOf?: string;
  lastSuccessAt?: string;
  /** A machine code; the UI words it in the learner's language. */
  lastError?: string;
  lastErrorAt?: string;
};

const META_KEY = 'sync';

export async function readSyncMeta(database: StudyDatabase): Promise<SyncMeta> {
  return ((await database.meta.get(META_KEY))?.value as SyncMeta | undefined) ?? {};
}

export async function updateSyncMeta(database: StudyDatabase, change: Partial<SyncMeta>): Promise<void> {
  await database.transaction('rw', database.meta, async () => {
    const current = ((await database.meta.get(META_KEY))?.value as SyncMeta | undefined) ?? {};
    await database.meta.put({ key: META_KEY, value: { ...current, ...change } });
  });
}

/** The oldest waiting statements first, so a long offline stretch arrives in order. */
export async function waitingStatements(database: StudyDatabase, limit: number): Promise<StoredStatement[]> {
  const rows = await database.statements.where('synced').equals(0).sortBy('timestamp');
  return rows.slice(0, limit);
}

export async function markSynced(database: StudyDatabase, ids: string[]): Promise<void> {
  await database.transaction('rw', database.statements, async () => {
    // Only waiting ones: a statement the server refused stays refused.
    await database.statements
      .where('id')
      .anyOf(ids)
      .and((row) => row.synced === 0)
      .modify({ synced: 1 });
  });
}

export async function markRefused(database: StudyDatabase, refusal: { id: string; problem: string }): Promise<void> {
  await database.statements.update(refusal.id, { synced: 2, problem: refusal.problem });
}

async function moduleIdOf(database: StudyDatabase, statement: Statement): Promise<string> {
  if (statement.object.objectType === 'StatementRef') return (await database.statements.get(statement.object.id))?.moduleId ?? '';
  const ref = parseActivityId(statement.object.id);
  return ref && 'moduleId' in ref ? ref.moduleId : '';
}

/** Keep statements fetched from the server: new ones are appended, ones already here count as synced. */
export async function storePulled(database: StudyDatabase, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  const rows: StoredStatement[] = [];
  for (const statement of statements) {
    rows.push({ id: statement.id, moduleId: await moduleIdOf(database, statement), timestamp: statement.timestamp, synced: 1, statement });
  }
  await appendStatementsTo(database, rows);
  await markSynced(
    database,
    statements.map((s) => s.id),
  );
}

/**
 * Removes synced statements whose actor is not `ownKey` (an agentKey), re-deriving progress:
 * what versions before 2026-12 pulled onto a mentor's or coordinator's device (the statements
 * of everyone they may read), which then counted as their own learning. Statements still
 * waiting or refused are never touched.
 */
export async function forgetOthersStatements(database: StudyDatabase, ownKey: string): Promise<void> {
  const others = await database.statements
    .where('synced')
    .equals(1)
    .filter((row) => agentKey(row.statement.actor) !== ownKey)
    .primaryKeys();
  await removeStatementsFrom(database, others);
}

export function useSyncMeta(): SyncMeta | undefined {
  const key = useAccountKey();
  return useLiveQuery(() => readSyncMeta(db()), [key]);
}

export function useRefusedStatements() {
  const key = useAccountKey();
  return useLiveQuery(() => db().statements.where('synced').equals(2).toArray(), [key]);
}
