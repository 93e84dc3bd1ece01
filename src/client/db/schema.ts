/*
 * The learner's IndexedDB, through Dexie: one database per person
 * (`biblio-study:account-<id>`, or `biblio-study:guest-<id>` before sign-in), so on a shared
 * library PC one person's data never shows to the next.
 *
 * - `statements` holds every xAPI statement, the source of truth, with a `synced` flag
 *   (0 = waiting in the outbox, 1 = confirmed by the server, 2 = the server refused it:
 *   kept and shown, never dropped). It is append-only: nothing here is updated or deleted
 *   except the flag; deleting is a voiding statement.
 * - `lessons`, `attempts`, `notes`, `bookmarks`, `modules` are derived: the fold of the
 *   statements (src/shared/learning/fold.ts), kept for fast reads and always rebuildable.
 * - `meta` keeps small facts about this database (e.g. the sync cursor).
 *
 * Schema versions only move forward: add `version(n + 1)`, never edit an old one.
 */
import { Dexie, type Table } from 'dexie';
import type { Statement } from '../../shared/xapi/types';
import type { BookmarkState, LessonState, ModuleActivity, NoteState, QuizAttempt } from '../../shared/learning/fold';
import { currentAccountKey, databaseName } from './identity';

export type StoredStatement = {
  id: string;
  /** The module the statement is about (for voiding statements: the voided one's), for re-deriving one module. */
  moduleId: string;
  timestamp: string;
  /** 0 while waiting to be sent, 1 once the server confirmed it, 2 when the server refused it. */
  synced: 0 | 1 | 2;
  /** Why the server refused it (with synced 2). */
  problem?: string;
  statement: Statement;
};

export type MetaRow = { key: string; value: unknown };

export class StudyDatabase extends Dexie {
  statements!: Table<StoredStatement, string>;
  lessons!: Table<LessonState, [string, string]>;
  attempts!: Table<QuizAttempt, [string, string]>;
  notes!: Table<NoteState, [string, string]>;
  bookmarks!: Table<BookmarkState, [string, string]>;
  modules!: Table<ModuleActivity, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      statements: 'id, moduleId, synced, timestamp',
      lessons: '[moduleId+lessonId], moduleId, lastVisitedAt, completedAt',
      attempts: '[moduleId+attemptId], moduleId, at',
      notes: '[moduleId+lessonId], moduleId, updatedAt',
      bookmarks: '[moduleId+lessonId], moduleId, createdAt',
      modules: 'moduleId, lastActivityAt',
      meta: 'key',
    });
  }
}

// The name lives with the identity, so code on the first page can name the database without loading Dexie.
export { databaseName };

let current: StudyDatabase | undefined;

/** The open database of the person using the app now; switches when they sign in or out. */
export function db(): StudyDatabase {
  const name = databaseName(currentAccountKey());
  if (current?.name !== name) {
    current?.close();
    current = new StudyDatabase(name);
  }
  return current;
}

/** Close and forget the open database; the next `db()` opens afresh (tests, account switch). */
export function closeDatabase(): void {
  current?.close();
  current = undefined;
}
