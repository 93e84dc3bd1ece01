/*
 * The set-up of an upgrade test: a fresh database that an older server wrote (migrated only up
 * to the migration named `before`, then filled by `write`), and the current server started on
 * it, which runs the migrations from `before` on. Closed and dropped after the tests.
 */
import type { Kysely } from 'kysely';
import { afterAll } from 'vitest';
import { loadConfig } from '../../../src/server/config';
import { openServer, type Server } from '../../../src/server/server';
import type { Database } from '../../../src/server/store/schema';
import { beforeAllOrFail, createTestDatabase, openOldDatabase, type DatabaseKind, type TestDatabase } from './databases';
import { XAPI_BASE } from './server';

export type Upgrade = {
  /** The first migration the older server did not have, e.g. '0008'. */
  before: string;
  /** Writes what the older server kept, in the database as it had it. */
  write: (db: Kysely<Database>) => Promise<void>;
  /** Runs once the current server has started (sessions, xAPI clients the tests use). */
  started?: (server: Server) => Promise<void>;
};

/** Sets up the upgrade before the tests; returns the started server (it throws while there is none). */
export function useUpgradedServer(kind: DatabaseKind, { before, write, started }: Upgrade): () => Server {
  let database: TestDatabase | undefined;
  let server: Server | undefined;
  beforeAllOrFail(async () => {
    database = await createTestDatabase(kind);
    const db = await openOldDatabase(database, before);
    try {
      await write(db);
    } finally {
      await db.destroy();
    }
    server = await openServer(loadConfig({ XAPI_BASE, ...database.env }), { serveApp: false });
    await started?.(server);
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.drop();
  });
  return () => {
    if (!server) throw new Error('The upgraded server has not started.');
    return server;
  };
}
