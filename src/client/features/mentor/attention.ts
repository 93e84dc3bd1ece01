/*
 * The needs-attention list as the mentor reads it: one entry per learner with their reasons
 * under them, the longest-waiting first, with the
 * inactivity threshold the mentor chose. The server's list counts "inactive" for the number of
 * days it was asked for; the dashboard always asks for the same number (so one copy saved on
 * the device serves every threshold offline) and the inactive learners are worked out here,
 * from each learner's last activity, by the server's rule at the time the server computed the
 * dashboard.
 */
import type { AttentionItem, AttentionReason, CohortDashboard, DashboardLearner } from '../../../shared/mentoring/contract';

/** The thresholds a mentor can choose, in days without activity. */
export const INACTIVE_DAY_CHOICES = [7, 14, 30] as const;
export const DEFAULT_INACTIVE_DAYS = 14;

/** The threshold the dashboard is fetched with (and its saved copy keyed by): the server's list for it is re-derived for any other. */
export const FETCHED_INACTIVE_DAYS = 14;

export const REASONS: readonly AttentionReason[] = ['inactive', 'quiz-failed-twice', 'assignment-waiting', 'hours-waiting'];

/**
 * Learners with no activity at all, or none within `days` before `now`: the rule of
 * `attentionItems` (src/shared/mentoring/dashboard.ts), restated because importing that module
 * here would split the fold's helpers into a chunk of their own on the learner's first page
 * (+0.35 KB); tests/unit/client/mentor/attention.test.ts checks that both agree.
 */
export function inactiveLearners(
  learners: readonly Pick<DashboardLearner, 'id' | 'lastActivityAt'>[],
  now: Date,
  days: number,
): AttentionItem[] {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return learners.flatMap((l): AttentionItem[] =>
    l.lastActivityAt === null
      ? [{ learnerId: l.id, reason: 'inactive' }]
      : l.lastActivityAt < cutoff
        ? [{ learnerId: l.id, reason: 'inactive', since: l.lastActivityAt }]
        : [],
  );
}

/** The dashboard with its "inactive" entries counted for `days` instead of the number it was fetched with. */
export function withInactiveDays(dashboard: CohortDashboard, days: number): CohortDashboard {
  if (days === dashboard.inactiveDays) return dashboard;
  const inactive = inactiveLearners(dashboard.learners, new Date(dashboard.generatedAt), days);
  return { ...dashboard, inactiveDays: days, attention: [...inactive, ...dashboard.attention.filter((a) => a.reason !== 'inactive')] };
}

/** Code-point order: ISO times and ids sort the same everywhere. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type LearnerAttention = { learnerId: string; items: AttentionItem[] };

/** The oldest time among a learner's reasons; "" (before every time) for one with no time, such as never active. */
const longestWaiting = (items: readonly AttentionItem[]): string =>
  items.reduce((oldest, item) => (byText(item.since ?? '', oldest) < 0 ? (item.since ?? '') : oldest), items[0]?.since ?? '');

/**
 * One entry per learner who needs the mentor (a person is counted once, however many reasons
 * they have), with their reasons in the order of REASONS; the learner who has waited longest
 * first (never active before everyone else), then by name in the mentor's language.
 */
export function attentionByLearner(
  items: readonly AttentionItem[],
  nameOf: (learnerId: string) => string,
  collator: Intl.Collator,
): LearnerAttention[] {
  const byLearner = new Map<string, AttentionItem[]>();
  for (const item of items) {
    const list = byLearner.get(item.learnerId);
    if (list) list.push(item);
    else byLearner.set(item.learnerId, [item]);
  }
  const order = (a: AttentionItem, b: AttentionItem) =>
    REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason) ||
    byText(a.since ?? '', b.since ?? '') ||
    byText(a.moduleId ?? '', b.moduleId ?? '');
  return [...byLearner]
    .map(([learnerId, list]) => ({ learnerId, items: list.sort(order) }))
    .sort(
      (a, b) =>
        byText(longestWaiting(a.items), longestWaiting(b.items)) ||
        collator.compare(nameOf(a.learnerId), nameOf(b.learnerId)) ||
        byText(a.learnerId, b.learnerId),
    );
}
