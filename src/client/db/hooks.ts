/*
 * Read hooks over the derived tables. Each returns `undefined` while loading, then the
 * live value: Dexie re-runs the query whenever a write touches what it read, so the UI
 * follows every action (and, later, every sync) without manual refreshes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './schema';

/** Progress of every lesson of a module that the learner has touched. */
export function useModuleLessons(moduleId: string) {
  return useLiveQuery(() => db().lessons.where('moduleId').equals(moduleId).toArray(), [moduleId]);
}

export function useLessonProgress(moduleId: string, lessonId: string) {
  return useLiveQuery(async () => (await db().lessons.get([moduleId, lessonId])) ?? null, [moduleId, lessonId]);
}

/** Every lesson touched, most recently visited first. */
export function useAllLessons() {
  return useLiveQuery(
    async () => (await db().lessons.orderBy('lastVisitedAt').reverse().toArray()).filter((l) => l.lastVisitedAt !== undefined),
    [],
  );
}

export function useQuizAttempts(moduleId?: string) {
  return useLiveQuery(
    () =>
      moduleId === undefined
        ? db().attempts.orderBy('at').reverse().toArray()
        : db().attempts.where('moduleId').equals(moduleId).reverse().sortBy('at'),
    [moduleId],
  );
}

export function useNote(moduleId: string, lessonId: string) {
  return useLiveQuery(async () => (await db().notes.get([moduleId, lessonId])) ?? null, [moduleId, lessonId]);
}

export function useNotes() {
  return useLiveQuery(() => db().notes.orderBy('updatedAt').reverse().toArray(), []);
}

export function useBookmark(moduleId: string, lessonId: string) {
  return useLiveQuery(async () => (await db().bookmarks.get([moduleId, lessonId])) ?? null, [moduleId, lessonId]);
}

export function useBookmarks() {
  return useLiveQuery(() => db().bookmarks.orderBy('createdAt').reverse().toArray(), []);
}

/** Study time and last activity per module. */
export function useModuleActivity() {
  return useLiveQuery(() => db().modules.toArray(), []);
}

/** Statements on this device that the server has not confirmed yet. */
export function useWaitingCount() {
  return useLiveQuery(() => db().statements.where('synced').equals(0).count(), []);
}
