/*
 * Forward-only schema migrations, run at every start (Kysely Migrator). Never edit or remove
 * an applied migration: add a new one with a later name. Column types are chosen to mean the
 * same on SQLite and PostgreSQL (text, integer, bigint).
 */
import { PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema';
import type { JsonObject } from '../../shared/xapi/validate';
import { storedFingerprint } from './fingerprint';

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

/** Mentoring (issue 4): derived per-learner summaries for the cohort dashboard, and face-to-face events. */
const mentoring: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('learner_modules')
      .addColumn('learner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('module_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('percent', 'integer', (c) => c.notNull())
      .addColumn('best_score', 'double precision')
      .addColumn('seconds_spent', 'integer', (c) => c.notNull())
      .addColumn('lessons_completed', 'integer', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('failed_attempts', 'integer', (c) => c.notNull())
      .addColumn('quiz_passed', 'integer', (c) => c.notNull())
      .addColumn('assignment', 'text', (c) => c.notNull())
      .addColumn('assignment_since', 'text')
      .addColumn('last_activity_at', 'text')
      .addPrimaryKeyConstraint('learner_modules_pk', ['learner_id', 'module_id'])
      .execute();
    await db.schema
      .createTable('learner_summaries')
      .addColumn('learner_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('last_sync_at', 'text')
      .addColumn('last_activity_at', 'text')
      .addColumn('hours_waiting_since', 'text')
      .addColumn('course_fingerprint', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('course_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('cohort_id', 'text', (c) => c.references('cohorts.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('course_events_cohort').on('course_events').column('cohort_id').execute();
    // Finding a learner's own statements (and the dashboard's last sync) by actor.
    await db.schema.createIndex('statements_actor').on('statements').columns(['actor_key', 'seq']).execute();
  },
};

/**
 * The dashboard reads one row per learner: the module rows move into learner_summaries as JSON
 * (reading 13,000 scattered learner_modules rows cost 50-80 ms on SQLite; 1,000 summary rows a
 * few). Summaries are a cache of the statements, so they are rebuilt at the next start.
 */
const summaryModules: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropTable('learner_modules').execute();
    await db.schema
      .alterTable('learner_summaries')
      .addColumn('modules', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.deleteFrom('learner_summaries' as never).execute();
  },
};

/**
 * Attachment content sent in multipart/mixed statement requests (xAPI Communication 1.5.2): the
 * raw octets once per SHA-2 hash, and which statements carried which hash, so that a statement
 * is answered only with the content that was sent with it. Binary is BLOB on SQLite, BYTEA on
 * PostgreSQL (the one column type that cannot be spelled the same way on both).
 */
const attachments: Migration = {
  async up(db: Kysely<unknown>) {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('attachments')
      .addColumn('sha2', 'text', (c) => c.primaryKey())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('length', 'bigint', (c) => c.notNull())
      .addColumn('content', binary, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('statement_attachments')
      .addColumn('statement_id', 'text', (c) => c.notNull().references('statements.id'))
      .addColumn('sha2', 'text', (c) => c.notNull().references('attachments.sha2'))
      .addPrimaryKeyConstraint('statement_attachments_pk', ['statement_id', 'sha2'])
      .execute();
  },
};

/**
 * Each learner's hours per category for the cohort views (issue 4): JSON LearnerHours
 * (shared/mentoring/contract.ts). Rows written before this carry the empty default and an older
 * summary format in `course_fingerprint`, so the start-up rebuild (store/summaries.ts) fills them.
 */
const summaryHours: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('learner_summaries')
      .addColumn('hours', 'text', (c) => c.notNull().defaultTo('{"approved":{},"pending":{}}'))
      .execute();
  },
};

/**
 * The rest of a learner's part of the cohort dashboard, computed when their statements are
 * stored rather than when a mentor reads it: `totals` (JSON: modules completed, time, percent
 * per pathway), `attention` (JSON AttentionItem[]: quizzes failed twice, assignments waiting)
 * and the cells ready to send (JSON DashboardCell[]): `cells` for every catalogue module,
 * `touched_cells` for the touched ones (`?cells=touched`). The dashboard of 1,000 x 38 then
 * joins 1,000 texts instead of parsing, building and serialising 38,000 objects. Filled like
 * `hours` by the start-up rebuild.
 */
const summaryCells: Migration = {
  async up(db: Kysely<unknown>) {
    const columns: [string, string][] = [
      ['totals', '{"modulesCompleted":0,"secondsSpent":0,"pathways":{}}'],
      ['attention', '[]'],
      ['cells', '[]'],
      ['touched_cells', '[]'],
    ];
    // One column per statement: SQLite adds one at a time.
    for (const [column, empty] of columns) {
      await db.schema
        .alterTable('learner_summaries')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo(empty))
        .execute();
    }
  },
};

/**
 * A new random `version` each time a learner's summary row is written, so a server process can
 * keep the learner's cells it has already read and fetch only the rows that changed since.
 */
const summaryVersion: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('learner_summaries')
      .addColumn('version', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};

/**
 * Verb displays became part of what a resent statement may change without a 409 (they are an
 * exception to immutability, Data 2.3.1), so every stored fingerprint is recomputed under the
 * new comparison rules, in pages of 500 statements, one update a page.
 */
const statementFingerprints: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as Kysely<Pick<Database, 'statements'>>;
    for (let after = -1; ;) {
      const rows = await db
        .selectFrom('statements')
        .select(['seq', 'id', 'fingerprint', 'statement'])
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(500)
        .execute();
      const last = rows.at(-1);
      if (last === undefined) return;
      after = Number(last.seq);
      const changed = rows
        .map((row) => ({ id: row.id, old: row.fingerprint, renewed: storedFingerprint(JSON.parse(row.statement) as JsonObject) }))
        .filter((row) => row.renewed !== row.old);
      if (changed.length === 0) continue;
      // One update a page (a CASE on the id): row by row took 8 s for 70,000 statements on SQLite.
      const cases = sql.join(
        changed.map((row) => sql`when ${row.id} then ${row.renewed}`),
        sql` `,
      );
      await db
        .updateTable('statements')
        .set({ fingerprint: sql<string>`case id ${cases} end` })
        .where(
          'id',
          'in',
          changed.map((row) => row.id),
        )
        .execute();
    }
  },
};

const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-mentoring': mentoring,
  '0003-summary-modules': summaryModules,
  '0004_attachments': attachments,
  '0005_summary_hours': summaryHours,
  '0006_summary_cells': summaryCells,
  '0007_summary_version': summaryVersion,
  '0008_statement_fingerprints': statementFingerprints,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
