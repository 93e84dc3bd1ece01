/*
 * What a browser context (a "device") holds, read straight from its storage, not from the
 * app: who is signed in (localStorage `biblio-study:account`), the statements in the
 * person's IndexedDB database `biblio-study:account-<id>` (table `statements`, with the
 * `synced` flag: 0 waiting, 1 confirmed by the server, 2 refused), and which databases exist.
 */
import type { Page } from 'playwright-core';
import type { Agent, Statement } from '../../src/shared/xapi/types';

export type DeviceAccount = { id: string; login: string; name: string; role: string; actor: Agent };

/** A row of the app's `statements` table (src/client/db/schema.ts, StoredStatement). */
export type StoredRow = { id: string; moduleId: string; timestamp: string; synced: 0 | 1 | 2; problem?: string; statement: Statement };

export function accountDatabase(userId: string): string {
  return `biblio-study:account-${userId}`;
}

/** The account this device is signed in to, or null for a guest. */
export async function deviceAccount(page: Page): Promise<DeviceAccount | null> {
  const raw = await page.evaluate(() => localStorage.getItem('biblio-study:account'));
  return raw ? (JSON.parse(raw) as DeviceAccount) : null;
}

export async function requireDeviceAccount(page: Page): Promise<DeviceAccount> {
  const account = await deviceAccount(page);
  if (!account) throw new Error('Expected the device to be signed in (no biblio-study:account in localStorage)');
  return account;
}

/** The names of every IndexedDB database of the page's origin. */
export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : [])));
}

/**
 * Every row of the `statements` table of a database that exists (fails if it does not,
 * rather than creating it). Opens its own connection and closes it, so it never blocks the
 * app from deleting the database.
 */
export async function storedStatements(page: Page, database: string): Promise<StoredRow[]> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((info) => info.name === name)) throw new Error(`There is no IndexedDB database ${name}`);
    const connection = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`Could not open ${name}`));
    });
    try {
      return await new Promise<StoredRow[]>((resolve, reject) => {
        const request = connection.transaction('statements', 'readonly').objectStore('statements').getAll();
        request.onsuccess = () => resolve(request.result as StoredRow[]);
        request.onerror = () => reject(request.error ?? new Error('Could not read the statements'));
      });
    } finally {
      connection.close();
    }
  }, database);
}

/** Counts of the device's statements by state. */
export function countByState(rows: StoredRow[]): { waiting: number; synced: number; refused: number } {
  return {
    waiting: rows.filter((r) => r.synced === 0).length,
    synced: rows.filter((r) => r.synced === 1).length,
    refused: rows.filter((r) => r.synced === 2).length,
  };
}

/**
 * Adds rows to the `statements` table of an existing database, in one transaction, as the
 * app stores them. The app does not see them until it reads the table again (a reload).
 */
export async function addStoredStatements(page: Page, database: string, rows: StoredRow[]): Promise<void> {
  await page.evaluate(
    async ({ name, rows }) => {
      const connection = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`Could not open ${name}`));
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const transaction = connection.transaction('statements', 'readwrite');
          const store = transaction.objectStore('statements');
          for (const row of rows) store.add(row);
          transaction.oncomplete = () => resolve();
          transaction.onabort = () => reject(transaction.error ?? new Error('Could not write the statements'));
        });
      } finally {
        connection.close();
      }
    },
    { name: database, rows },
  );
}

/** The sync bookkeeping of a database that exists (`meta` row `sync`: pull cursor, last success), read like `storedStatements`. */
export async function syncMeta(page: Page, database: string): Promise<{ pullCursor?: string; lastSuccessAt?: string } | undefined> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((info) => info.name === name)) throw new Error(`There is no IndexedDB database ${name}`);
    const connection = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`Could not open ${name}`));
    });
    try {
      return await new Promise<{ pullCursor?: string; lastSuccessAt?: string } | undefined>((resolve, reject) => {
        const request = connection.transaction('meta', 'readonly').objectStore('meta').get('sync');
        request.onsuccess = () =>
          resolve((request.result as { value?: { pullCursor?: string; lastSuccessAt?: string } } | undefined)?.value);
        request.onerror = () => reject(request.error ?? new Error('Could not read the sync bookkeeping'));
      });
    } finally {
      connection.close();
    }
  }, database);
}
