import type { Review } from '../../../shared/mentoring/contract';
import { reviewOf } from '../../../shared/mentoring/assignments';
import type { StoredStatement } from '../../db/schema';

export type LocalReview = Review & { waiting: boolean };

/** This device's reviews by the statement they review (the latest one each), marked while still in the outbox. */
export function localReviewsByTarget(rows: readonly StoredStatement[]): Map<string, LocalReview> {
  const byTarget = new Map<string, LocalReview>();
  for (const row of rows) {
    const review = reviewOf(row.statement);
    if (!review) continue;
    const known = byTarget.get(review.targetId);
    if (!known || `${review.at}${review.statementId}` > `${known.at}${known.statementId}`)
      byTarget.set(review.targetId, { ...review, waiting: row.synced === 0 });
  }
  return byTarget;
}

/** The decision that stands: the server's latest, unless this device holds a newer one. */
export function latestDecision(server: Review | null | undefined, local: LocalReview | undefined): (Review & { waiting?: boolean }) | null {
  if (!local) return server ?? null;
  if (!server || `${local.at}${local.statementId}` > `${server.at}${server.statementId}`) return local;
  return server;
}
