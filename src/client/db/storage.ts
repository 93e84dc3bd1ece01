/*
 * Device storage: asking the browser to keep our data (persistent storage), how much is
 * used, and what happens when it is full. Statements that could not be written because of
 * a QuotaExceededError wait here, in memory and, when it has room, in localStorage, until
 * `retryUnsaved` (in actions.ts) writes them. None is dropped.
 *
 * The waiting statements are kept per person (by database name), so on a shared PC they go
 * into the database of the person who made them, never into the next person's.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { agentKey } from '../../shared/xapi/canonical';
import type { StoredStatement } from './schema';

const UNSAVED_PREFIX = 'biblio-study:unsaved:';
/** One list for everybody, as older versions kept it; each person takes back only their own statements. */
const SHARED_UNSAVED_KEY = 'biblio-study:unsaved';

const unsaved = new Map<string, StoredStatement[]>();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function store(key: string, rows: StoredStatement[]): void {
  try {
    if (rows.length) localStorage.setItem(key, JSON.stringify(rows));
    else localStorage.removeItem(key);
  } catch {
    // localStorage is full too: the statements stay in memory while this tab is open.
  }
}

function load(key: string): StoredStatement[] {
  try {
    const saved = localStorage.getItem(key);
    return saved ? (JSON.parse(saved) as StoredStatement[]) : [];
  } catch {
    // Unreadable backup: nothing to restore.
    return [];
  }
}

export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const name = (current as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    current = (current as { inner?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Keep statements that `database` (a database name) had no room for. */
export function keepUnsaved(database: string, rows: StoredStatement[]): void {
  const kept = unsaved.get(database) ?? [];
  const known = new Set(kept.map((r) => r.id));
  const next = [...kept, ...rows.filter((r) => !known.has(r.id))];
  unsaved.set(database, next);
  store(UNSAVED_PREFIX + database, next);
  emit();
}

/** Hand over (and forget) the statements waiting for `database`. */
export function takeUnsaved(database: string): StoredStatement[] {
  const rows = unsaved.get(database) ?? [];
  unsaved.delete(database);
  store(UNSAVED_PREFIX + database, []);
  emit();
  return rows;
}

/** Bring back what an earlier tab kept for this person: their own list, and their statements from the old shared one. */
export function restoreUnsaved({ database, actorKey }: { database: string; actorKey: string }): void {
  const shared = load(SHARED_UNSAVED_KEY);
  const theirs = shared.filter((row) => agentKey(row.statement.actor) === actorKey);
  if (theirs.length)
    store(
      SHARED_UNSAVED_KEY,
      shared.filter((row) => !theirs.includes(row)),
    );
  const rows = [...load(UNSAVED_PREFIX + database), ...theirs];
  if (rows.length) keepUnsaved(database, rows);
}

/**
 * Whether statements wait for `database`: kept in this tab, kept by an earlier one, or in the old
 * shared list (whose owners are only known once it is read). When none do, start-up need not load
 * the write path to recover them.
 */
export function hasUnsaved(database: string): boolean {
  if (unsaved.get(database)?.length) return true;
  try {
    return localStorage.getItem(UNSAVED_PREFIX + database) !== null || localStorage.getItem(SHARED_UNSAVED_KEY) !== null;
  } catch {
    // Storage blocked: nothing can have been kept there.
    return false;
  }
}

/** How many statements of this database are waiting for storage space (0 when all is well). */
export function useUnsavedCount(database: string): number {
  const count = useCallback(() => unsaved.get(database)?.length ?? 0, [database]);
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, count);
}

export type StorageInfo = { usage: number | undefined; quota: number | undefined; persisted: boolean | undefined };

export async function storageInfo(): Promise<StorageInfo> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => undefined) : undefined;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => undefined) : undefined;
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

/** Ask the browser not to evict our data under storage pressure. Returns whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean | undefined> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return undefined;
  return storage.persist().catch(() => undefined);
}
