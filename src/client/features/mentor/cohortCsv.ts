import { HOUR_CATEGORIES, type HourCategory } from '../../../shared/content/locales';
import { hoursOfLearner, meetsEveryRequirement, type Requirements } from '../../../shared/mentoring/cohortHours';
import type { CohortDashboard } from '../../../shared/mentoring/contract';

export type CsvWords = {
  headers: { learner: string; login: string; lastActivity: string; lastSync: string; modulesCompleted: string; minutes: string };
  pathway: (title: string) => string;
  module: (title: string) => string;
  status: (status: 'not-started' | 'in-progress' | 'completed') => string;
};

/**
 * Cohort progress, one row per learner: totals, each pathway's percent, each module's status.
 * Headers are in the mentor's language; values stay plain (ISO dates, whole minutes) so a
 * spreadsheet can compute with them.
 */
export function cohortProgressRows(
  dashboard: CohortDashboard,
  words: CsvWords,
  moduleTitle: (id: string) => string,
  curriculumTitle: (id: string) => string,
): string[][] {
  const pathways = [...new Set(dashboard.learners.flatMap((l) => Object.keys(l.pathways)))].sort();
  const cells = new Map(dashboard.cells.map((c) => [`${c.learnerId}\u0000${c.moduleId}`, c]));
  const h = words.headers;
  const header = [
    h.learner,
    h.login,
    h.lastActivity,
    h.lastSync,
    h.modulesCompleted,
    h.minutes,
    ...pathways.map((p) => words.pathway(curriculumTitle(p))),
    ...dashboard.modules.map((m) => words.module(moduleTitle(m))),
  ];
  const rows = dashboard.learners.map((l) => [
    l.name,
    l.login,
    l.lastActivityAt ?? '',
    l.lastSyncAt ?? '',
    String(l.modulesCompleted),
    String(Math.round(l.secondsSpent / 60)),
    ...pathways.map((p) => String(l.pathways[p] ?? 0)),
    ...dashboard.modules.map((m) => words.status(cells.get(`${l.id}\u0000${m}`)?.status ?? 'not-started')),
  ]);
  return [header, ...rows];
}

export type HoursCsvWords = {
  headers: { learner: string; login: string; metAll: string };
  approved: (category: HourCategory) => string;
  waiting: (category: HourCategory) => string;
  required: (category: HourCategory) => string;
  yes: string;
  no: string;
};

/**
 * The cohort's learning hours, one row per learner: for each category the approved hours, the
 * hours waiting for approval and the pathway's requirement, then whether every requirement is
 * met. Hours are plain numbers with a dot (12.5), as the server gives them, so a spreadsheet can sum them.
 */
export function cohortHoursRows(dashboard: CohortDashboard, required: Requirements, words: HoursCsvWords): string[][] {
  const header = [
    words.headers.learner,
    words.headers.login,
    ...HOUR_CATEGORIES.flatMap((c) => [words.approved(c), words.waiting(c), words.required(c)]),
    words.headers.metAll,
  ];
  const rows = dashboard.learners.map((l) => {
    const hours = hoursOfLearner(l);
    return [
      l.name,
      l.login,
      ...HOUR_CATEGORIES.flatMap((c) => [String(hours.approved[c] ?? 0), String(hours.pending[c] ?? 0), String(required[c] ?? 0)]),
      meetsEveryRequirement(hours, required) ? words.yes : words.no,
    ];
  });
  return [header, ...rows];
}
