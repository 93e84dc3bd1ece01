/*
 * The tables as Kysely sees them. Timestamps are ISO 8601 text in UTC with milliseconds
 * (they sort as text), flags are 0/1 integers: the same column types on SQLite and
 * PostgreSQL, so there is one query code path. Changes go through a new migration only.
 */
export type Role = 'learner' | 'mentor' | 'coordinator';
export const ROLES: readonly Role[] = ['learner', 'mentor', 'coordinator'];

export type UsersTable = {
  id: string;
  /** Lower-cased; unique. */
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
};

export type SessionsTable = { token_hash: string; user_id: string; created_at: string; expires_at: string };

export type CohortsTable = { id: string; name: string; created_at: string };

export type CohortMembersTable = { cohort_id: string; user_id: string };

export type InviteCodesTable = {
  code: string;
  cohort_id: string;
  role: 'learner' | 'mentor';
  max_uses: number;
  uses: number;
  expires_at: string | null;
  created_at: string;
};

export type XapiClientsTable = {
  key: string;
  secret_hash: string;
  cohort_id: string | null;
  /** 1 when the client may record reviews (`reviewed`) of learners' work: given explicitly. */
  may_review: number;
  created_at: string;
};

export type StatementsTable = {
  /** Order of storing: strictly increasing in commit order (see store/statements.ts). */
  seq: number;
  id: string;
  actor_key: string | null;
  verb_id: string;
  object_activity_id: string | null;
  object_statement_ref: string | null;
  registration: string | null;
  timestamp: string;
  stored: string;
  voided: number;
  /** 1 when written by a coordinator or an xAPI client: may void anyone's statements. */
  privileged: number;
  /** sha256 of the comparable form of the statement as the client sent it (409 vs idempotent). */
  fingerprint: string;
  statement: string;
};

/** Query index: one row per (statement, kind, value); see store/statement-index.ts. */
export type StatementIndexTable = { seq: number; kind: string; value: string };

/** Derived (store/summaries.ts): one row per learner who has statements. */
export type LearnerSummariesTable = {
  learner_id: string;
  last_sync_at: string | null;
  last_activity_at: string | null;
  hours_waiting_since: string | null;
  /** JSON: ModuleRow[] (shared/mentoring/dashboard.ts) of the modules the learner has touched. */
  modules: string;
  /** JSON: LearnerHours (shared/mentoring/contract.ts), approved and pending hours per category. */
  hours: string;
  /** JSON: the learner's totals in the dashboard (LearnerTotals: modules completed, time, percent per pathway). */
  totals: string;
  /** JSON: AttentionItem[] from the learner's modules (quizzes failed twice, assignments waiting). */
  attention: string;
  /** JSON: the learner's DashboardCell[], for every catalogue module / only the touched ones (the dashboard's `cells`, ready to send). */
  cells: string;
  touched_cells: string;
  /** Random, new at every write of the row: what a cache of the row's cells is keyed by. */
  version: string;
  /** The course catalogue and summary format the row was computed with (summaryFingerprint); a different one triggers a rebuild at start. */
  course_fingerprint: string;
  updated_at: string;
};

/** Derived (store/ledgers.ts): a learner's summary as mergeable ledgers, one row per part (`learner`, `module:<id>`). */
export type LearnerLedgersTable = {
  learner_id: string;
  part: string;
  /** JSON: LearnerLedger or ModuleLedger (shared/mentoring/ledger.ts). */
  state: string;
};

/** Rate-limit counters (store/rate-counts.ts): one fixed window per key; the key is a sha256, so any input fits. */
export type RateCountsTable = { key: string; count: number; reset_at: number };

export type CourseEventsTable = { id: string; title: string; date: string; cohort_id: string | null; created_at: string };

/** Attachment content (store/attachments.ts), once per SHA-2 hash (lower-case hex). */
export type AttachmentsTable = { sha2: string; content_type: string; length: number; content: Buffer; created_at: string };

/** Which statement carried which attachment content: what GET `attachments=true` answers with. */
export type StatementAttachmentsTable = { statement_id: string; sha2: string };

/**
 * xAPI documents (store/documents.ts): State, Activity Profile and Agent Profile documents as
 * octets. '' stands for a part a kind has not (no agent on an activity profile, no registration).
 * The key is hashes, so that ids of any length fit an index key; the full values are kept beside
 * them and compared on every lookup.
 */
export type XapiDocumentsTable = {
  /** SHA-256 (hex) of kind, agent key and activity id. */
  place_key: string;
  /** SHA-256 (hex) of the document id. */
  document_key: string;
  kind: string;
  activity_id: string;
  agent_key: string;
  registration: string;
  document_id: string;
  content_type: string;
  content: Buffer;
  /** SHA-1 of the content in lower-case hex, answered quoted as the ETag. */
  etag: string;
  updated: string;
};

/**
 * What the Activities and Agents resources answer, gathered when statements are stored
 * (store/gathered.ts): leaves (shared/xapi/gathered.ts) as JSON, one row per subject, audience
 * and hidden verb. Hashes are SHA-256 in lower-case hex; `audience` is '*' or a hash.
 */
export type XapiGatheredTable = {
  /** 'activity' or 'agent'. */
  kind: string;
  /** Hash of the activity id or agent key. */
  subject: string;
  /** '*' (readers who see every statement) or the hash of an agent key named in the statements. */
  audience: string;
  /** '' for statements every reader of the audience sees; otherwise the hidden verb, or '?' for a StatementRef whose target was not stored. */
  verb_class: string;
  /** Hash of the agent key of the statements' actor when verb_class is not '', else ''. */
  maker: string;
  leaves: string;
};

/** A course module as imported (src/server/modules/store.ts); one row per module id, replaced by a newer version. */
export type CourseModulesTable = {
  id: string;
  version: number;
  /** The package (zip) as imported: what an export answers. */
  package: Buffer;
  size_bytes: number;
  /** JSON: CompiledModule (src/server/modules/compiled.ts), the module's content in every language. */
  compiled: string;
  imported_at: string;
  /** Login of the coordinator who imported it; null for modules seeded from the repository. */
  imported_by: string | null;
  /** 1 when retired: hidden from the catalogue and pathways, progress kept. */
  retired: number;
};

/** A published file of a module that is not text (a photograph's WebP width), by its content-hashed path. */
export type CourseMediaTable = {
  /** `content/media/<module>/<name>.<hash>-<width>.webp`. */
  path: string;
  module_id: string;
  body: Buffer;
  size_bytes: number;
};

/** A pathway (curricula.yaml's entries), in catalogue order. */
export type CourseCurriculaTable = {
  id: string;
  position: number;
  /** JSON: the pathway as curricula.yaml holds it (CurriculumSource). */
  definition: string;
  updated_at: string;
  updated_by: string | null;
};

export type Database = {
  users: UsersTable;
  sessions: SessionsTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  cohort_mentors: CohortMembersTable;
  invite_codes: InviteCodesTable;
  xapi_clients: XapiClientsTable;
  statements: StatementsTable;
  statement_index: StatementIndexTable;
  learner_summaries: LearnerSummariesTable;
  learner_ledgers: LearnerLedgersTable;
  course_events: CourseEventsTable;
  course_modules: CourseModulesTable;
  course_curricula: CourseCurriculaTable;
  course_media: CourseMediaTable;
  attachments: AttachmentsTable;
  statement_attachments: StatementAttachmentsTable;
  rate_counts: RateCountsTable;
  xapi_documents: XapiDocumentsTable;
  xapi_gathered: XapiGatheredTable;
};
