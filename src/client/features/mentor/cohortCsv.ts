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
