/* A learner's report as the server sends it to a mentor, for the mentor view tests. */
import { HOUR_CATEGORIES } from '../../../../src/shared/content/locales';
import type { LearnerReport } from '../../../../src/shared/mentoring/contract';

/** The report of `learner` with only what `fill` gives: no timeline, modules, attempts, assignments or hours otherwise. */
export function learnerReport(fill: Partial<LearnerReport> & Pick<LearnerReport, 'learner'>): LearnerReport {
  return {
    timeline: [],
    modules: [],
    attempts: [],
    assignments: [],
    hours: [],
    hoursSummary: {
      categories: Object.fromEntries(
        HOUR_CATEGORIES.map((c) => [c, { approved: 0, pending: 0, required: 0 }]),
      ) as LearnerReport['hoursSummary']['categories'],
      onlineMeasured: 0,
    },
    ...fill,
  };
}
