/*
 * Learning hours: the entries a learner logs (`logged`, one category, one day) with the
 * mentor's latest decision on each (`reviewed` by StatementRef), and the summary against a
 * curriculum's requirements. Approved = the latest review accepted it; pending = no review
 * yet; an entry whose latest review questions it counts in neither (the learner may log it
 * again). Online study is measured by the app, so the `online` category's approved hours also
 * include the measured time. Only reviews by someone who may review the learner count
 * (`Reviewers`, as for assignments). Pure, order-independent, idempotent; voided statements left out.
 */
import type { Statement } from '../xapi/types';
import { parseActivityId } from '../xapi/activities';
import { ACTIVITY_DATE_EXTENSION, verbName } from '../xapi/verbs';
import { durationMs } from '../learning/duration';
import { HOUR_CATEGORIES, type HourCategory } from '../content/locales';
import type { HoursEntry, HoursSummary, LearnerHours } from './contract';
import { byStamp, liveStatements } from './statements';
import { reviewsByTarget, type Reviewers } from './assignments';

const isCategory = (value: string): value is HourCategory => (HOUR_CATEGORIES as readonly string[]).includes(value);

/** Hours to two decimals, so sums print cleanly and do not depend on summing order. */
const round2 = (hours: number): number => Math.round(hours * 100) / 100;

/** Every logged-hours entry of one learner's set with its latest review by one of `reviewers`, ordered by date, then (loggedAt, id). */
export function hoursEntries(statements: Iterable<Statement>, reviewers: Reviewers): HoursEntry[] {
  const live = liveStatements(statements);
  const reviews = reviewsByTarget(live, reviewers);
  const entries: HoursEntry[] = [];
  for (const s of live) {
    if (verbName(s.verb.id) !== 'logged' || s.object.objectType === 'StatementRef') continue;
    const ref = parseActivityId(s.object.id);
    if (ref?.kind !== 'hours' || !isCategory(ref.category)) continue;
    const date = s.context?.extensions?.[ACTIVITY_DATE_EXTENSION];
    const id = s.id.toLowerCase();
    const decided = reviews.get(id);
    entries.push({
      statementId: id,
      category: ref.category,
      hours: round2(durationMs(s.result?.duration ?? 'PT0S') / 3_600_000),
      date: typeof date === 'string' ? date : s.timestamp.slice(0, 10),
      description: s.result?.response ?? '',
      loggedAt: s.timestamp,
      review: decided?.[decided.length - 1] ?? null,
    });
  }
  return entries.sort((a, b) =>
    a.date === b.date
      ? byStamp({ timestamp: a.loggedAt, id: a.statementId }, { timestamp: b.loggedAt, id: b.statementId })
      : a.date < b.date
        ? -1
        : 1,
  );
}

/** The state of one entry: approved, pending (no review yet) or questioned. */
export function hoursStatus(entry: HoursEntry): 'approved' | 'pending' | 'questioned' {
  if (!entry.review) return 'pending';
  return entry.review.accepted ? 'approved' : 'questioned';
}

export function hoursSummary(
  entries: readonly HoursEntry[],
  onlineSeconds: number,
  required: Partial<Record<HourCategory, number>>,
): HoursSummary {
  const onlineMeasured = round2(Math.max(0, onlineSeconds) / 3600);
  const categories = {} as HoursSummary['categories'];
  for (const category of HOUR_CATEGORIES) categories[category] = { approved: 0, pending: 0, required: required[category] ?? 0 };
  // Sum in a fixed order (by id), so the float sums are the same for any input order.
  const sorted = [...entries].sort((a, b) => (a.statementId < b.statementId ? -1 : a.statementId > b.statementId ? 1 : 0));
  for (const entry of sorted) {
    const status = hoursStatus(entry);
    if (status === 'approved') categories[entry.category].approved += entry.hours;
    else if (status === 'pending') categories[entry.category].pending += entry.hours;
  }
  categories.online.approved += onlineMeasured;
  for (const category of HOUR_CATEGORIES) {
    categories[category].approved = round2(categories[category].approved);
    categories[category].pending = round2(categories[category].pending);
  }
  return { categories, onlineMeasured };
}

/**
 * A learner's hours for the cohort views (dashboard, hours chart, hours CSV): the sums of
 * `hoursSummary` (measured online time included) without the requirements, categories with no
 * hours left out. Pure and order-independent like the summary.
 */
export function learnerHours(entries: readonly HoursEntry[], onlineSeconds: number): LearnerHours {
  const { categories } = hoursSummary(entries, onlineSeconds, {});
  const hours: LearnerHours = { approved: {}, pending: {} };
  for (const category of HOUR_CATEGORIES) {
    if (categories[category].approved !== 0) hours.approved[category] = categories[category].approved;
    if (categories[category].pending !== 0) hours.pending[category] = categories[category].pending;
  }
  return hours;
}
