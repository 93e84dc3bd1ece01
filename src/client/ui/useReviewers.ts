import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { signedInAccount } from '../db/identity';
import { rememberReviewers, useStoredReviewers } from '../db/reviewers';
import { reviewAuthor, type Reviewers } from '../../shared/mentoring/assignments';
import type { Statement } from '../../shared/xapi/types';
import { VERBS } from '../../shared/xapi/verbs';

/** The authors of the reviews among `statements` whom `known` does not list, as one sorted key. */
function unknownAuthors(statements: readonly Statement[] | undefined, known: Reviewers | undefined): string {
  if (!statements || !known) return '';
  const unknown = new Set<string>();
  for (const s of statements) {
    const author = s.verb.id === VERBS.reviewed ? reviewAuthor(s) : undefined;
    if (author !== undefined && !known.has(author)) unknown.add(author);
  }
  return [...unknown].sort().join('\n');
}

/**
 * Who may review the signed-in learner's work, for the review folds over `statements`: the list
 * kept on the device, asked of the server again when the page opens, when the connection
 * returns and when a review by someone the list does not name arrives (a mentor who joined the
 * cohort since). Offline, the last list stands.
 */
export function useReviewers(statements: readonly Statement[] | undefined): Reviewers | undefined {
  const accountId = signedInAccount()?.id;
  const reviewers = useStoredReviewers();
  const unknown = unknownAuthors(statements, reviewers);
  const [online, setOnline] = useState(0);
  useEffect(() => {
    const onOnline = () => setOnline((n) => n + 1);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);
  useEffect(() => {
    if (accountId === undefined) return;
    const refresh = async () => {
      const { reviewers: keys } = await api.myReviewers();
      if (signedInAccount()?.id === accountId) await rememberReviewers(keys);
    };
    // Offline or signed out: the list kept from the last fetch stands.
    refresh().catch(() => undefined);
  }, [accountId, unknown, online]);
  return reviewers;
}
