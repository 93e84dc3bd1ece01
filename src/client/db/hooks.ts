/*
 * Read hooks over the derived tables. Each returns `undefined` while loading, then the
 * live value: Dexie re-runs the query whenever a write touches what it read, so the UI
 * follows every action (and, later, every sync) without manual refreshes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useAccountKey } from './identity';
import { db } from './schema';
import { openQuizAttempt } from '../../shared/learning/openAttempt';

/** Progress of every lesson of a module that the learner has touched. */
export function useModuleLessons(moduleId: string) {
  const key = useAccountKey();
  return useLiveQuery(() => db().lessons.where('moduleId').equals(moduleId).toArray(), [key, moduleId]);
}

export function useLessonProgress(moduleId: string, lessonId: string) {
  const key = useAccountKey();
  return useLiveQuery(async () => (await db().lessons.get([moduleId, lessonId])) ?? null, [key, moduleId, lessonId]);
}

/** Every lesson touched, most recently visited first. */
export function useAllLessons() {
  const key = useAccountKey();
  return useLiveQuery(
    async () => (await db().lessons.orderBy('lastVisitedAt').reverse().toArray()).filter((l) => l.lastVisitedAt !== undefined),
    [key],
  );
}

export function useQuizAttempts(moduleId?: string) {
  const key = useAccountKey();
  return useLiveQuery(
    () =>
      moduleId === undefined
        ? db().attempts.orderBy('at').reverse().toArray()
        : db().attempts.where('moduleId').equals(moduleId).reverse().sortBy('at'),
    [key, moduleId],
  );
}

/** The learner's latest quiz attempt at the module if it has no result yet (null when there is none). */
export function useOpenQuizAttempt(moduleId: string) {
  const key = useAccountKey();
  return useLiveQuery(async () => {
    const rows = await db().statements.where('moduleId').equals(moduleId).toArray();
    const open = openQuizAttempt(
      rows.map((row) => row.statement),
      moduleId,
    );
    return open ?? null;
  }, [key, moduleId]);
}

export function useNote(moduleId: string, lessonId: string) {
  const key = useAccountKey();
  return useLiveQuery(async () => (await db().notes.get([moduleId, lessonId])) ?? null, [key, moduleId, lessonId]);
}

export function useNotes() {
  const key = useAccountKey();
  return useLiveQuery(() => db().notes.orderBy('updatedAt').reverse().toArray(), [key]);
}

export function useBookmark(moduleId: string, lessonId: string) {
  const key = useAccountKey();
  return useLiveQuery(async () => (await db().bookmarks.get([moduleId, lessonId])) ?? null, [key, moduleId, lessonId]);
}

export function useBookmarks() {
  const key = useAccountKey();
  return useLiveQuery(() => db().bookmarks.orderBy('createdAt').reverse().toArray(), [key]);
}

/** Study time and last activity per module. */
export function useModuleActivity() {
  const key = useAccountKey();
  return useLiveQuery(() => db().modules.toArray(), [key]);
}

/** Statements on this device that the server has not confirmed yet. */
export function useWaitingCount() {
  const key = useAccountKey();
  return useLiveQuery(() => db().statements.where('synced').equals(0).count(), [key]);
}
