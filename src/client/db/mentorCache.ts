/*
 * The last mentor data fetched from the server (cohort dashboard, learner report, difficult
 * questions, survey reports), kept in the `meta` table of the signed-in person's database
 * under `cache:<url>`, so mentor views keep working offline with the data they last saw,
 * labelled with its time. Not learning state: no statement, nothing to sync; a newer fetch
 * simply replaces the copy. Lost copies only mean "fetch again".
 */
import { db } from './schema';

export type CachedResponse<T> = { fetchedAt: string; data: T };

const keyOf = (url: string) => `cache:${url}`;

export async function rememberResponse<T>(url: string, data: T, fetchedAt = new Date().toISOString()): Promise<void> {
  await db().meta.put({ key: keyOf(url), value: { fetchedAt, data } satisfies CachedResponse<T> });
}

export async function cachedResponse<T>(url: string): Promise<CachedResponse<T> | undefined> {
  return (await db().meta.get(keyOf(url)))?.value as CachedResponse<T> | undefined;
}
