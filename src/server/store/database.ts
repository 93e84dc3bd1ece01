/*
 * Opens the one database the server keeps everything in: PostgreSQL when a DATABASE_URL is
 * given, otherwise the embedded SQLite file `<DATA_DIR>/biblio-study.sqlite` (WAL mode,
 * created on first start). Migrations run before the database is handed out. Both dialects
 * are used through the same Kysely queries; the only dialect-specific piece is the lock that
 * serialises statement inserts (see `lockStatements`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';

export type Dialect = 'sqlite' | 'postgres';

export type Store = {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data is, for log lines (no password). */
  location: string;
  close: () => Promise<void>;
};

export type StoreOptions = { dataDir: string; databaseUrl: string | undefined; poolSize?: number };

/** PostgreSQL returns bigint (int8) as text by default; every bigint here (seq, counts) fits a double. */
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
};

export async function openStore(options: StoreOptions): Promise<Store> {
  let db: Kysely<Database>;
  let dialect: Dialect;
  let location: string;
  let migrationTableSchema: string | undefined;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, types: pgTypes });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
    const url = new URL(options.databaseUrl);
    location = `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
    try {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
      migrationTableSchema = rows[0]?.schema;
    } catch (error) {
      await db.destroy();
      throw new Error(`Cannot connect to ${location}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, 'biblio-study.sqlite');
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // Index pages stay in memory: the statement index grows with every statement, and the
    // default 2 MB cache makes inserts slow down as the database grows.
    database.pragma('cache_size = -131072');
    database.pragma('temp_store = memory');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    dialect = 'sqlite';
    location = `SQLite at ${file}`;
  }

  const migrator = new Migrator({ db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`Database migration failed on ${location}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { db, dialect, location, close: () => db.destroy() };
}

/**
 * Serialises statement inserts so that `seq` and `stored` grow in commit order, which is what
 * makes `since`, cursors and X-Experience-API-Consistent-Through exact. SQLite already runs one
 * write transaction at a time (Kysely holds a single connection); PostgreSQL takes a
 * transaction-scoped advisory lock, so this holds across several server processes too.
 */
export async function lockStatements(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(730112)`.execute(trx);
}

/**
 * Waits until no statement insert is in flight (a shared hold on the same lock), so that every
 * statement whose `stored` time has been chosen is committed. SQLite: Kysely's one connection
 * is taken by an insert transaction until it commits, so a transaction here starts after it.
 */
export async function waitForStatementWriters(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock_shared(730112)`.execute(trx);
}

/** Serialises first-time setup ("create the first coordinator only while there is none") the same way. */
export async function lockSetup(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(730113)`.execute(trx);
}
