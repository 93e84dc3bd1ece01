/*
 * Every database test runs twice: on SQLite in a fresh temporary directory, and on the
 * PostgreSQL at 127.0.0.1:5432 (database `test`) in a freshly created schema that is dropped
 * afterwards, so reruns start clean. When PostgreSQL cannot be reached, the PostgreSQL half
 * fails with a message saying so; it is never skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { beforeAll, beforeEach } from 'vitest';
import { migrationProvider } from '../../../src/server/store/migrations';
import type { Database } from '../../../src/server/store/schema';
import { storeStatements, type IncomingStatement, type Writer } from '../../../src/server/store/statements';

export type DatabaseKind = 'sqlite' | 'postgres';
export const DATABASES: DatabaseKind[] = ['sqlite', 'postgres'];

export const PG_HOST = '127.0.0.1';
export const PG_PORT = 5432;
export const PG_DATABASE = 'test';
const PG_USERS = ['postgres', 'root'];

export type TestDatabase = { kind: DatabaseKind; env: { DATA_DIR?: string; DATABASE_URL?: string }; drop: () => Promise<void> };

let workingUser: string | undefined;

async function adminClient(): Promise<pg.Client> {
  const errors: string[] = [];
  for (const user of workingUser ? [workingUser] : PG_USERS) {
    const client = new pg.Client({ host: PG_HOST, port: PG_PORT, user, database: PG_DATABASE, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      workingUser = user;
      return client;
    } catch (error) {
      errors.push(`as ${user}: ${error instanceof Error ? error.message : String(error)}`);
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(
    `PostgreSQL at ${PG_HOST}:${PG_PORT} (database "${PG_DATABASE}") is unreachable, so the PostgreSQL half of the server tests cannot run: ${errors.join('; ')}`,
  );
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'biblio-server-test-'));
    return { kind, env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = await adminClient();
  try {
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return {
    kind,
    env: { DATABASE_URL: `postgres://${workingUser}@${PG_HOST}:${PG_PORT}/${PG_DATABASE}?options=${options}` },
    drop: async () => {
      const admin = await adminClient();
      try {
        await admin.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * Like `beforeAll`, but when setting up fails (e.g. PostgreSQL is unreachable) every test of
 * the suite fails with that error, instead of being reported as skipped.
 */
export function beforeAllOrFail(setup: () => Promise<void>): void {
  let failure: unknown;
  beforeAll(async () => {
    try {
      await setup();
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (failure !== undefined) throw failure;
  });
}

/**
 * The test database as an older server left it: migrated only up to (not including) the
 * migration named `before`, to test what a start of the current server does with it.
 */
export async function openOldDatabase(database: TestDatabase, before: string): Promise<Kysely<Database>> {
  const db = database.env.DATABASE_URL
    ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.env.DATABASE_URL, max: 2 }) }) })
    : new Kysely<Database>({
        dialect: new SqliteDialect({ database: new SQLite(join(database.env.DATA_DIR ?? '', 'biblio-study.sqlite')) }),
      });
  const schema = database.env.DATABASE_URL
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: {
      getMigrations: async () =>
        Object.fromEntries(Object.entries(await migrationProvider.getMigrations()).filter(([name]) => name < before)),
    },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return db;
}

/** The first migration that today's statement store needs (it writes xapi_gathered in the insert transaction). */
const GATHERED_MIGRATION = '0013_xapi_gathered';

/**
 * Stores statements in a database an older server made (openOldDatabase), as that server
 * would have: today's store also writes xapi_gathered, which an older database has not, so the
 * table is made for the write and dropped after; upgrading (migration 0013) gathers it again
 * from the statements.
 */
export async function storeInOldDatabase(
  db: Kysely<Database>,
  write: { kind: DatabaseKind; statements: IncomingStatement[]; writer: Writer },
): Promise<void> {
  const migration = (await migrationProvider.getMigrations())[GATHERED_MIGRATION];
  if (!migration) throw new Error(`No migration ${GATHERED_MIGRATION}.`);
  const exists = await db
    .selectFrom('xapi_gathered')
    .select('kind')
    .limit(1)
    .execute()
    .then(
      () => true,
      () => false,
    );
  if (!exists) await migration.up(db as Kysely<unknown>);
  await storeStatements({ db, dialect: write.kind, location: 'old database', close: () => db.destroy() }, write.statements, write.writer);
  if (!exists) await db.schema.dropTable('xapi_gathered').execute();
}
