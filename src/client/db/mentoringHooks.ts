/*
 * Read hooks for the mentoring views (issue 4), over the `statements` table: the folds in
 * src/shared/mentoring turn what these return into assignment states, hours entries and
 * survey answers. Like hooks.ts, each returns `undefined` while loading and follows every
 * write and every sync (a mentor's pulled review shows up without a refresh).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Statement } from '../../shared/xapi/types';
import { VERBS } from '../../shared/xapi/verbs';
import { db, type StoredStatement } from './schema';
import { useAccountKey } from './identity';

/** Every statement about one module (its assignment drafts, submissions, reviews, survey answer, ...). */
export function useModuleStatements(moduleId: string): Statement[] | undefined {
  const key = useAccountKey();
  return useLiveQuery(
    async () => (await db().statements.where('moduleId').equals(moduleId).toArray()).map((r) => r.statement),
    [key, moduleId],
  );
}

/** Statements that belong to no module: logged hours, reviews of them, event-survey answers. */
export function useUnscopedStatements(): Statement[] | undefined {
  const key = useAccountKey();
  return useLiveQuery(async () => (await db().statements.where('moduleId').equals('').toArray()).map((r) => r.statement), [key]);
}

/** The reviews written on this device (a mentor's), with whether each has reached the server yet. */
export function useOwnReviews(): StoredStatement[] | undefined {
  const key = useAccountKey();
  return useLiveQuery(
    () =>
      db()
        .statements.filter((r) => r.statement.verb.id === VERBS.reviewed)
        .toArray(),
    [key],
  );
}
