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
 * in localStorage when it has room) under the person's database and `storageProblem` tells
 * the UI; `retryUnsaved` writes them into that person's database once space is free.
 * Nothing already saved is touched.
 * Every statement made here is announced (`onLocalStatements`), so the sync engine can send
 * it shortly after, while online.
 */
import { foldLearning } from '../../shared/learning/fold';
import { buildStatement, type LessonRef, type ModuleRef, type StatementEnv } from '../../shared/xapi/build';
import { newUuid } from '../../shared/xapi/ids';
import type { Statement } from '../../shared/xapi/types';
import { db, type StoredStatement, type StudyDatabase } from './schema';
import { currentActor, xapiBase } from './identity';
import { isQuotaError, keepUnsaved, takeUnsaved, restoreUnsaved } from './storage';
import { agentKey } from '../../shared/xapi/canonical';

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

const localStatementListeners = new Set<() => void>();

/** Called after statements made on this device were written (not after pulled ones). */
export function onLocalStatements(listener: () => void): () => void {
  localStatementListeners.add(listener);
  return () => localStatementListeners.delete(listener);
}

/**
 * Append statements to `database` (skipping ids already stored) and re-derive their modules,
 * atomically. The sync engine uses it for statements pulled from the server (`synced: 1`)
 * into the database its round is bound to.
 */
export async function appendStatementsTo(database: StudyDatabase, rows: StoredStatement[]): Promise<void> {
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
    keepUnsaved(database.name, rows);
  }
}

/** Append statements made on this device to the database of the person using the app now. */
export async function appendStatements(rows: StoredStatement[]): Promise<void> {
  await appendStatementsTo(db(), rows);
  for (const listener of localStatementListeners) listener();
}

function local(statement: Statement, moduleId: string): StoredStatement {
  return { id: statement.id, moduleId, timestamp: statement.timestamp, synced: 0, statement };
}

/** Writes the statements this person made that could not be saved while storage was full. Offline-safe. */
export async function retryUnsaved(): Promise<void> {
  const database = db();
  const rows = takeUnsaved(database.name);
  if (rows.length === 0) return;
  try {
    await appendStatementsTo(database, rows);
  } catch (error) {
    // Still not written: they wait for the next try, as before this one.
    keepUnsaved(database.name, rows);
    throw error;
  }
}

/** On start and on a change of person: statements an earlier tab could not save (storage full) are written now. */
export async function recoverUnsaved(): Promise<void> {
  restoreUnsaved({ database: db().name, actorKey: agentKey(currentActor()) ?? '' });
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

/**
 * The start of a quiz attempt with the questions it drew from the pool, in the order shown, and
 * each question's options in the order shown, so the attempt can be reviewed or resumed as the
 * learner saw it on any device. Offline-safe.
 */
export async function startQuiz(
  module: ModuleRef,
  attempt: { attemptId: string; questionIds: readonly string[]; optionOrder: Readonly<Record<string, readonly string[]>> },
): Promise<void> {
  await appendStatements([local(buildStatement.startedQuiz(env(), { module, ...attempt }), module.moduleId)]);
}

/** One answer in a quiz attempt, kept even if the attempt is never finished. Offline-safe. */
export async function recordAnswer(
  module: ModuleRef,
  answer: { attemptId: string; questionId: string; response: string; success: boolean },
): Promise<void> {
  const statement = buildStatement.answered(env(), module, answer.attemptId, answer.questionId, answer.response, answer.success);
  await appendStatements([local(statement, module.moduleId)]);
}

/** The end of a quiz attempt: score, pass or fail against the pass mark, active time. Offline-safe. */
export async function finishQuiz(
  module: ModuleRef,
  result: { attemptId: string; raw: number; max: number; passMark: number; activeMs: number },
): Promise<void> {
  const statement = buildStatement.quizResult(env(), module, result.attemptId, result.raw, result.max, result.passMark, result.activeMs);
  await appendStatements([local(statement, module.moduleId)]);
}

/** Remove statements (by id) and re-derive their modules, atomically. */
export async function removeStatementsFrom(database: StudyDatabase, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
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
