/*
 * Forward-only schema migrations, run at every start (Kysely Migrator). Never edit or remove
 * an applied migration: add a new one with a later name. Column types are chosen to mean the
 * same on SQLite and PostgreSQL (text, integer, bigint).
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('login', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('cohorts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    for (const table of ['cohort_members', 'cohort_mentors']) {
      await db.schema
        .createTable(table)
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint(`${table}_pk`, ['cohort_id', 'user_id'])
        .execute();
      await db.schema.createIndex(`${table}_user`).on(table).column('user_id').execute();
    }
    await db.schema
      .createTable('invite_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('max_uses', 'integer', (c) => c.notNull())
      .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('xapi_clients')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('cohort_id', 'text', (c) => c.references('cohorts.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('statements')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('actor_key', 'text')
      .addColumn('verb_id', 'text', (c) => c.notNull())
      .addColumn('object_activity_id', 'text')
      .addColumn('object_statement_ref', 'text')
      .addColumn('registration', 'text')
      .addColumn('timestamp', 'text', (c) => c.notNull())
      .addColumn('stored', 'text', (c) => c.notNull())
      .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('privileged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('statement', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('statements_stored').on('statements').column('stored').execute();
    await db.schema.createIndex('statements_ref').on('statements').column('object_statement_ref').execute();
    await db.schema
      .createTable('statement_index')
      .addColumn('seq', 'bigint', (c) => c.notNull().references('statements.seq'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('statement_index_pk', ['seq', 'kind', 'value'])
      .execute();
    await db.schema.createIndex('statement_index_lookup').on('statement_index').columns(['kind', 'value', 'seq']).execute();
  },
};

const migrations: Record<string, Migration> = { '0001-initial': initial };

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
