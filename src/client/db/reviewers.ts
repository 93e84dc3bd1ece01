/*
 * Who may review this learner's work (their cohorts' mentors, the coordinators, xAPI clients
 * given the right), as xAPI agent keys from GET /api/me/reviewers, kept in `meta` so the
 * review folds on the device count only those reviews offline too, as the server's do. Not
 * learning state: nothing to sync; each fetch replaces the list. Until a first fetch the list
 * is empty: a review then shows only once the device has been online with the app open.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Reviewers } from '../../shared/mentoring/assignments';
import { useAccountKey } from './identity';
import { db } from './schema';

const META_KEY = 'reviewers';
const NOBODY: Reviewers = new Set();

export async function rememberReviewers(agentKeys: readonly string[]): Promise<void> {
  await db().meta.put({ key: META_KEY, value: [...agentKeys] });
}

export async function storedReviewers(): Promise<Reviewers> {
  const value = (await db().meta.get(META_KEY))?.value;
  return Array.isArray(value) ? new Set(value.filter((key): key is string => typeof key === 'string')) : NOBODY;
}

/** The last known reviewers of the person using the app; undefined while loading. */
export function useStoredReviewers(): Reviewers | undefined {
  const key = useAccountKey();
  return useLiveQuery(storedReviewers, [key]);
}
