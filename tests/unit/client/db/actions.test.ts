import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addBookmark,
  appendStatements,
  completeLesson,
  finishQuiz,
  rebuildDerived,
  recordAnswer,
  removeBookmark,
  recoverUnsaved,
  retryUnsaved,
  saveNote,
  saveReadingProgress,
} from '../../../../src/client/db/actions';
import { closeDatabase, db } from '../../../../src/client/db/schema';
import { currentActor, resetIdentityCache, xapiBase } from '../../../../src/client/db/identity';
import { switchToAccount, switchToGuest } from '../../../../src/client/db/accounts';
import { hasUnsaved } from '../../../../src/client/db/storage';
import { foldLearning } from '../../../../src/shared/learning/fold';
import { buildStatement, type LessonRef } from '../../../../src/shared/xapi/build';
import type { Agent, Statement } from '../../../../src/shared/xapi/types';

const lesson: LessonRef = { moduleId: 'online-safety', lessonId: 'recognising-scam-messages', moduleVersion: 1, locale: 'lv' };
const nextPerson: Agent = { objectType: 'Agent', account: { homePage: 'https://library.test', name: 'next-person' } };

async function derivedTables() {
  const database = db();
  return {
    lessons: await database.lessons.toArray(),
    attempts: await database.attempts.toArray(),
    notes: await database.notes.toArray(),
    bookmarks: await database.bookmarks.toArray(),
    modules: await database.modules.toArray(),
  };
}

beforeEach(async () => {
  switchToGuest();
  closeDatabase();
  await db().delete();
  closeDatabase();
  localStorage.clear();
  resetIdentityCache();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('learning actions', () => {
  it('completing a lesson appends one unsynced statement and updates the lesson row', async () => {
    await completeLesson(lesson);
    const statements = await db().statements.toArray();
    expect(statements).toHaveLength(1);
    expect(statements[0]!.synced).toBe(0);
    expect(statements[0]!.statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(statements[0]!.statement.context?.language).toBe('lv');
    const row = await db().lessons.get([lesson.moduleId, lesson.lessonId]);
    expect(row?.completed).toBe(true);
  });

  it('keeps the latest note and reading position', async () => {
    await saveNote(lesson, 'first thought');
    await saveReadingProgress(lesson, 30, 10_000);
    await saveNote(lesson, 'second thought');
    await saveReadingProgress(lesson, 80, 20_000);
    expect((await db().notes.get([lesson.moduleId, lesson.lessonId]))?.text).toBe('second thought');
    const row = await db().lessons.get([lesson.moduleId, lesson.lessonId]);
    expect(row?.position).toBe(80);
    expect(row?.secondsSpent).toBe(30);
  });

  it('removes a bookmark with voiding statements, never deleting a statement', async () => {
    await addBookmark(lesson);
    expect(await db().bookmarks.count()).toBe(1);
    await removeBookmark(lesson);
    expect(await db().bookmarks.count()).toBe(0);
    const verbs = (await db().statements.toArray()).map((r) => r.statement.verb.id.split('/').pop());
    expect(verbs.sort()).toEqual(['bookmarked', 'voided']);
  });

  it('records a quiz attempt with its answers', async () => {
    const module = { moduleId: lesson.moduleId, moduleVersion: 1, locale: 'lv' };
    await recordAnswer(module, { attemptId: 'attempt-1', questionId: 'q1', response: 'a', success: true });
    await recordAnswer(module, { attemptId: 'attempt-1', questionId: 'q2', response: 'b', success: false });
    await finishQuiz(module, { attemptId: 'attempt-1', raw: 1, max: 2, passMark: 70, activeMs: 45_000 });
    const attempts = await db().attempts.toArray();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ attemptId: 'attempt-1', raw: 1, max: 2, passed: false, scaled: 0.5 });
    expect(attempts[0]!.answers.map((a) => a.questionId)).toEqual(['q1', 'q2']);
  });

  it('skips a statement id that is already stored (retries are harmless)', async () => {
    await completeLesson(lesson);
    const [row] = await db().statements.toArray();
    await appendStatements([row!, row!]);
    expect(await db().statements.count()).toBe(1);
  });

  it('derived tables always equal the fold of the statements, and can be rebuilt from them', async () => {
    await saveReadingProgress(lesson, 50, 5_000);
    await completeLesson(lesson);
    await saveNote(lesson, 'note');
    await addBookmark(lesson);
    const before = await derivedTables();
    const folded = foldLearning((await db().statements.toArray()).map((r) => r.statement));
    expect(before).toEqual(folded);
    await db().lessons.clear();
    await db().notes.clear();
    await rebuildDerived();
    expect(await derivedTables()).toEqual(before);
  });

  it('when storage is full, keeps the statement outside IndexedDB and writes it on retry', async () => {
    await completeLesson(lesson);
    // Start-up loads the write path to recover statements only when some wait.
    expect(hasUnsaved(db().name)).toBe(false);
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db().statements, 'bulkAdd').mockRejectedValueOnce(quota);
    await saveNote(lesson, 'written while the disk was full');
    expect(spy).toHaveBeenCalledOnce();
    // Nothing already saved is lost, and the new statement is kept aside.
    expect(await db().statements.count()).toBe(1);
    expect(JSON.parse(localStorage.getItem(`biblio-study:unsaved:${db().name}`) ?? '[]')).toHaveLength(1);
    expect(hasUnsaved(db().name)).toBe(true);
    await retryUnsaved();
    expect(hasUnsaved(db().name)).toBe(false);
    expect(await db().statements.count()).toBe(2);
    expect((await db().notes.get([lesson.moduleId, lesson.lessonId]))?.text).toBe('written while the disk was full');
    expect(localStorage.getItem(`biblio-study:unsaved:${db().name}`)).toBeNull();
  });

  it('writes what storage had no room for into the database of the person who made it, not the next person’s', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    vi.spyOn(db().statements, 'bulkAdd').mockRejectedValueOnce(quota);
    await saveNote(lesson, 'the guest’s note, made while the disk was full');
    const guestDatabase = db().name;

    // The next person signs in on the same PC, and storage has room again.
    switchToAccount({ id: 'next-person', login: 'next', name: 'Next', role: 'learner', actor: nextPerson });
    expect(hasUnsaved(db().name)).toBe(false);
    expect(hasUnsaved(guestDatabase)).toBe(true);
    await recoverUnsaved();
    await retryUnsaved();
    expect(db().name).not.toBe(guestDatabase);
    expect(await db().statements.count()).toBe(0);

    // The guest is back (e.g. after the other person signed out): their note is written for them.
    switchToGuest();
    await recoverUnsaved();
    expect(db().name).toBe(guestDatabase);
    expect((await db().notes.get([lesson.moduleId, lesson.lessonId]))?.text).toBe('the guest’s note, made while the disk was full');
  });

  it('gives a person back only their own statements from the list older versions kept for everybody', async () => {
    const guestStatement = buildStatement.note(
      { base: xapiBase, actor: currentActor(), id: crypto.randomUUID(), timestamp: new Date().toISOString() },
      lesson,
      'mine',
    );
    const othersStatement = buildStatement.note(
      { base: xapiBase, actor: nextPerson, id: crypto.randomUUID(), timestamp: new Date().toISOString() },
      lesson,
      'not mine',
    );
    const row = (statement: Statement) => ({
      id: statement.id,
      moduleId: lesson.moduleId,
      timestamp: statement.timestamp,
      synced: 0,
      statement,
    });
    localStorage.setItem('biblio-study:unsaved', JSON.stringify([row(guestStatement), row(othersStatement)]));
    // Whose statements the old list holds is known only once it is read: it counts for everybody.
    expect(hasUnsaved(db().name)).toBe(true);
    await recoverUnsaved();
    expect((await db().statements.toArray()).map((r) => r.id)).toEqual([guestStatement.id]);
    expect(JSON.parse(localStorage.getItem('biblio-study:unsaved') ?? '[]')).toEqual([row(othersStatement)]);
  });
});
