/*
 * Forward-only schema migrations, run at every start (Kysely Migrator). Never edit or remove
 * an applied migration: add a new one with a later name. Column types are chosen to mean the
 * same on SQLite and PostgreSQL (text, integer, bigint).
 */
import { PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema';
import type { JsonObject } from '../../shared/xapi/validate';
import type { DocumentKind } from '../../shared/xapi/documents';
import { storedFingerprint } from './fingerprint';
import { documentKeys } from './documents';
import { gather } from './gathered';
import { VISIBILITY_KINDS } from './statement-index';

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

/**
 * The right to review learners' work (`reviewed` statements) is given to an xAPI client
 * explicitly (`create-xapi-client --may-review`); clients made before it have none.
 */
const xapiClientReviewRight: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('xapi_clients')
      .addColumn('may_review', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/**
 * Each learner's summary as mergeable ledgers (store/ledgers.ts), so that storing a statement
 * updates the summary without refolding the learner's history: one row per learner and part
 * (`learner`, `module:<id>`), the state as JSON. Filled by the start-up rebuild. The index
 * finds a learner's latest own statement when the one that was latest is voided.
 */
const learnerLedgers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('learner_ledgers')
      .addColumn('learner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('learner_ledgers_pk', ['learner_id', 'part'])
      .execute();
    await db.schema.createIndex('statements_actor_time').on('statements').columns(['actor_key', 'timestamp']).execute();
  },
};

/** Rate-limit counters shared by every server process on the same database (store/rate-counts.ts). */
const rateCounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_counts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('reset_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/**
 * xAPI State, Activity Profile and Agent Profile documents (store/documents.ts), kept as octets
 * whatever their content type. The primary key's order (agent before activity) also serves id
 * lists and deleting all the states of an agent in an activity.
 */
const xapiDocuments: Migration = {
  async up(db: Kysely<unknown>) {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('xapi_documents')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('activity_id', 'text', (c) => c.notNull())
      .addColumn('agent_key', 'text', (c) => c.notNull())
      .addColumn('registration', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('content', binary, (c) => c.notNull())
      .addColumn('etag', 'text', (c) => c.notNull())
      .addColumn('updated', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('xapi_documents_pk', ['kind', 'agent_key', 'activity_id', 'registration', 'document_id'])
      .execute();
  },
};

/**
 * Activity definitions and agent names gathered when statements are stored (store/gathered.ts),
 * instead of read from the newest statements at each request. Existing statements are gathered
 * here, in pages of 500 (by seq, so in the order they were stored), with the agents their index
 * rows make them visible to and the verb of the statement a StatementRef targets.
 */
const xapiGathered: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    await unknownDb.schema
      .createTable('xapi_gathered')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('verb_class', 'text', (c) => c.notNull())
      .addColumn('maker', 'text', (c) => c.notNull())
      .addColumn('leaves', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('xapi_gathered_pk', ['kind', 'subject', 'audience', 'verb_class', 'maker'])
      .execute();
    const db = unknownDb as Kysely<Database>;
    for (let after = -1; ;) {
      const rows = await db
        .selectFrom('statements')
        .select(['seq', 'statement', 'object_statement_ref'])
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(500)
        .execute();
      const last = rows.at(-1);
      if (last === undefined) return;
      after = Number(last.seq);
      const seqs = rows.map((row) => Number(row.seq));
      const index = await db
        .selectFrom('statement_index')
        .select(['seq', 'value'])
        .where('seq', 'in', seqs)
        .where('kind', 'in', VISIBILITY_KINDS)
        .execute();
      const audiences = new Map<number, string[]>();
      for (const row of index) audiences.set(Number(row.seq), [...(audiences.get(Number(row.seq)) ?? []), row.value]);
      const refs = [...new Set(rows.flatMap((row) => row.object_statement_ref ?? []))];
      const targets = refs.length ? await db.selectFrom('statements').select(['id', 'verb_id']).where('id', 'in', refs).execute() : [];
      const verbs = new Map(targets.map((target) => [target.id, target.verb_id]));
      await gather(
        db,
        rows.map((row) => ({
          seq: Number(row.seq),
          statement: JSON.parse(row.statement) as JsonObject,
          audiences: audiences.get(Number(row.seq)) ?? [],
          targetVerb: row.object_statement_ref === null ? undefined : (verbs.get(row.object_statement_ref) ?? null),
        })),
      );
    }
  },
};

/** The xapi_documents table as migration 0012 made it, keyed by the full values. */
type DocumentsBefore0014 = Omit<Database['xapi_documents'], 'place_key' | 'document_key'>;

/**
 * xAPI puts no length limit on activity IRIs or document ids, but a PostgreSQL btree key holds
 * about 2,700 bytes, so xapi_documents is keyed by SHA-256 hashes instead of the values
 * (store/documents.ts): `place_key` of kind, agent and activity, the registration (a UUID or
 * ''), `document_key` of the document id. The full values keep their columns, and every lookup
 * compares them too. SQLite cannot change a primary key, so the table is made anew and the
 * documents copied in pages of 100 (by the old key, so no page is read twice).
 */
const xapiDocumentKeys: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const binary = unknownDb.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await unknownDb.schema.alterTable('xapi_documents').renameTo('xapi_documents_0012').execute();
    await unknownDb.schema
      .createTable('xapi_documents')
      .addColumn('place_key', 'text', (c) => c.notNull())
      .addColumn('registration', 'text', (c) => c.notNull())
      .addColumn('document_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('activity_id', 'text', (c) => c.notNull())
      .addColumn('agent_key', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('content', binary, (c) => c.notNull())
      .addColumn('etag', 'text', (c) => c.notNull())
      .addColumn('updated', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('xapi_documents_keys_pk', ['place_key', 'registration', 'document_key'])
      .execute();
    const db = unknownDb as Kysely<Database & { xapi_documents_0012: DocumentsBefore0014 }>;
    const oldKey = ['kind', 'agent_key', 'activity_id', 'registration', 'document_id'] as const;
    for (let after: DocumentsBefore0014 | undefined; ;) {
      let page = db
        .selectFrom('xapi_documents_0012')
        .selectAll()
        .orderBy('kind')
        .orderBy('agent_key')
        .orderBy('activity_id')
        .orderBy('registration')
        .orderBy('document_id')
        .limit(100);
      if (after !== undefined) {
        const last = after;
        page = page.where((eb) =>
          eb(eb.refTuple(...oldKey), '>', eb.tuple(last.kind, last.agent_key, last.activity_id, last.registration, last.document_id)),
        );
      }
      const rows = await page.execute();
      after = rows.at(-1);
      if (after === undefined) break;
      await db
        .insertInto('xapi_documents')
        .values(
          rows.map((row) => ({
            ...row,
            ...documentKeys({
              place: {
                kind: row.kind as DocumentKind,
                agentKey: row.agent_key,
                activityId: row.activity_id,
                registration: row.registration,
              },
              documentId: row.document_id,
            }),
          })),
        )
        .execute();
    }
    await unknownDb.schema.dropTable('xapi_documents_0012').execute();
  },
};

/**
 * Course modules imported as packages (src/server/modules): each module's package as it was
 * imported (the zip, BLOB/BYTEA), its compiled content for every language (JSON), and who
 * imported it when; the pathways beside them. The server's course is these rows, seeded from
 * the repository's modules/ on first start.
 */
const courseModules: Migration = {
  async up(db: Kysely<unknown>) {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('course_modules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('package', binary, (c) => c.notNull())
      .addColumn('size_bytes', 'bigint', (c) => c.notNull())
      .addColumn('compiled', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text')
      .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('course_curricula')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
  },
};

/** The WebP widths of lesson photographs, made at import, served by their content-hashed paths. */
const courseMedia: Migration = {
  async up(db: Kysely<unknown>) {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('course_media')
      .addColumn('path', 'text', (c) => c.primaryKey())
      .addColumn('module_id', 'text', (c) => c.notNull())
      .addColumn('body', binary, (c) => c.notNull())
      .addColumn('size_bytes', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('course_media_module').on('course_media').column('module_id').execute();
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
  '0009_xapi_client_review_right': xapiClientReviewRight,
  '0010_learner_ledgers': learnerLedgers,
  '0011_rate_counts': rateCounts,
  '0012_xapi_documents': xapiDocuments,
  '0013_xapi_gathered': xapiGathered,
  '0014_xapi_document_keys': xapiDocumentKeys,
  '0015_course_modules': courseModules,
  '0016_course_media': courseMedia,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
