/*
 * Every action a learner takes that changes learning state: each appends its xAPI
 * statement(s) and re-derives the module's rows in ONE transaction, so the derived tables
 * never disagree with the statements. Components call these; they never touch Dexie.
 *
 * Offline: all of this is local; nothing waits for the network. Statements start with
 * `synced: 0` and the sync engine sends them when it can.
 * Conflict: none is possible locally: statements are only appended, ids are fresh UUIDs,
 * and an id already present is skipped, so retries are harmless.
 * Storage full: the transaction aborts as a whole, the statements are kept in memory (and
 * in localStorage when it has room) and `storageProblem` tells the UI; `retryUnsaved`
 * writes them once space is free. Nothing already saved is touched.
 */
import { foldLearning } from '../../shared/learning/fold';
import { buildStatement, type LessonRef, type ModuleRef, type StatementEnv } from '../../shared/xapi/build';
import { newUuid } from '../../shared/xapi/ids';
import type { Statement } from '../../shared/xapi/types';
import { db, type StoredStatement, type StudyDatabase } from './schema';
import { currentActor, xapiBase } from './identity';
import { isQuotaError, keepUnsaved, takeUnsaved, restoreUnsaved } from './storage';

function env(): StatementEnv {
  return { base: xapiBase, actor: currentActor(), id: newUuid(), timestamp: new Date().toISOString() };
}

const DERIVED = ['statements', 'lessons', 'attempts', 'notes', 'bookmarks', 'modules'] as const;

async function rederiveModule(database: StudyDatabase, moduleId: string): Promise<void> {
  const rows = await database.statements.where('moduleId').equals(moduleId).toArray();
  const state = foldLearning(rows.map((r) => r.statement));
  await database.lessons.where('moduleId').equals(moduleId).delete();
  await database.attempts.where('moduleId').equals(moduleId).delete();
  await database.notes.where('moduleId').equals(moduleId).delete();
  await database.bookmarks.where('moduleId').equals(moduleId).delete();
  await database.modules.delete(moduleId);
  await database.lessons.bulkPut(state.lessons);
  await database.attempts.bulkPut(state.attempts);
  await database.notes.bulkPut(state.notes);
  await database.bookmarks.bulkPut(state.bookmarks);
  await database.modules.bulkPut(state.modules);
}

/**
 * Append statements (skipping ids already stored) and re-derive their modules, atomically.
 * Also used by the sync engine for statements pulled from the server (`synced: 1`).
 */
export async function appendStatements(rows: StoredStatement[]): Promise<void> {
  const database = db();
  try {
    await database.transaction('rw', DERIVED, async () => {
      const existing = await database.statements.bulkGet(rows.map((r) => r.id));
      const fresh = rows.filter((_, index) => existing[index] === undefined);
      if (fresh.length === 0) return;
      await database.statements.bulkAdd(fresh);
      for (const moduleId of new Set(fresh.map((r) => r.moduleId))) await rederiveModule(database, moduleId);
    });
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    keepUnsaved(rows);
  }
}

function local(statement: Statement, moduleId: string): StoredStatement {
  return { id: statement.id, moduleId, timestamp: statement.timestamp, synced: 0, statement };
}

/** Writes the statements that could not be saved while storage was full. Offline-safe. */
export async function retryUnsaved(): Promise<void> {
  const rows = takeUnsaved();
  if (rows.length) await appendStatements(rows);
}

/** On start: statements a previous tab could not save (storage full) are written now. */
export async function recoverUnsaved(): Promise<void> {
  restoreUnsaved();
  await retryUnsaved();
}

/** The learner opened a lesson (an `experienced` statement). Offline-safe. */
export async function openLesson(lesson: LessonRef): Promise<void> {
  await appendStatements([local(buildStatement.openedLesson(env(), lesson), lesson.moduleId)]);
}

/**
 * The learner's reading position (0..100) and the active reading time since the last save.
 * The latest position wins when devices disagree. Offline-safe.
 */
export async function saveReadingProgress(lesson: LessonRef, position: number, activeMs: number): Promise<void> {
  await appendStatements([local(buildStatement.readingProgress(env(), lesson, position, activeMs), lesson.moduleId)]);
}

/** Mark a lesson complete. Completing twice changes nothing. Offline-safe. */
export async function completeLesson(lesson: LessonRef): Promise<void> {
  await appendStatements([local(buildStatement.completedLesson(env(), lesson), lesson.moduleId)]);
}

/** Save the learner's personal note on a lesson; an empty text deletes it. The latest save wins across devices. Offline-safe. */
export async function saveNote(lesson: LessonRef, text: string): Promise<void> {
  await appendStatements([local(buildStatement.note(env(), lesson, text), lesson.moduleId)]);
}

/** Bookmark a lesson. Offline-safe. */
export async function addBookmark(lesson: LessonRef): Promise<void> {
  await appendStatements([local(buildStatement.bookmark(env(), lesson), lesson.moduleId)]);
}

/** Remove a bookmark by voiding every statement that set it (so another device's bookmark of the same lesson goes too once synced). Offline-safe. */
export async function removeBookmark(lesson: LessonRef): Promise<void> {
  const bookmark = await db().bookmarks.get([lesson.moduleId, lesson.lessonId]);
  if (!bookmark) return;
  await appendStatements(bookmark.statementIds.map((target) => local(buildStatement.voided(env(), target), lesson.moduleId)));
}

/** One answer in a quiz attempt, kept even if the attempt is never finished. Offline-safe. */
export async function recordAnswer(
  module: ModuleRef,
  attemptId: string,
  questionId: string,
  response: string,
  success: boolean,
): Promise<void> {
  await appendStatements([local(buildStatement.answered(env(), module, attemptId, questionId, response, success), module.moduleId)]);
}

/** The end of a quiz attempt: score, pass or fail against the pass mark, active time. Offline-safe. */
export async function finishQuiz(
  module: ModuleRef,
  attemptId: string,
  raw: number,
  max: number,
  passMark: number,
  activeMs: number,
): Promise<void> {
  await appendStatements([local(buildStatement.quizResult(env(), module, attemptId, raw, max, passMark, activeMs), module.moduleId)]);
}

/** Remove statements (by id) and re-derive their modules, atomically. */
export async function removeStatements(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const database = db();
  await database.transaction('rw', DERIVED, async () => {
    const rows = (await database.statements.bulkGet([...ids])).filter((row) => row !== undefined);
    await database.statements.bulkDelete(rows.map((row) => row.id));
    for (const moduleId of new Set(rows.map((row) => row.moduleId))) await rederiveModule(database, moduleId);
  });
}

/** Rebuild every derived table from the statements (after an import, or to repair). */
export async function rebuildDerived(): Promise<void> {
  const database = db();
  await database.transaction('rw', DERIVED, async () => {
    const modules = new Set((await database.statements.toArray()).map((r) => r.moduleId));
    for (const moduleId of modules) await rederiveModule(database, moduleId);
  });
}
