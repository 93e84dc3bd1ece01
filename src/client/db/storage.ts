/*
 * Device storage: asking the browser to keep our data (persistent storage), how much is
 * used, and what happens when it is full. Statements that could not be written because of
 * a QuotaExceededError wait here, in memory and, when it has room, in localStorage, until
 * `retryUnsaved` (in actions.ts) writes them. None is dropped.
 */
import { useSyncExternalStore } from 'react';
import type { StoredStatement } from './schema';

const UNSAVED_KEY = 'biblio-study:unsaved';

let unsaved: StoredStatement[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function backup(): void {
  try {
    if (unsaved.length) localStorage.setItem(UNSAVED_KEY, JSON.stringify(unsaved));
    else localStorage.removeItem(UNSAVED_KEY);
  } catch {
    // localStorage is full too: the statements stay in memory while this tab is open.
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

export function keepUnsaved(rows: StoredStatement[]): void {
  const known = new Set(unsaved.map((r) => r.id));
  unsaved = [...unsaved, ...rows.filter((r) => !known.has(r.id))];
  backup();
  emit();
}

export function takeUnsaved(): StoredStatement[] {
  const rows = unsaved;
  unsaved = [];
  backup();
  emit();
  return rows;
}

export function restoreUnsaved(): void {
  try {
    const saved = localStorage.getItem(UNSAVED_KEY);
    if (saved) keepUnsaved(JSON.parse(saved) as StoredStatement[]);
  } catch {
    // Unreadable backup: nothing to restore.
  }
}

/** How many statements are waiting for storage space (0 when all is well). */
export function useUnsavedCount(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => unsaved.length,
  );
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
