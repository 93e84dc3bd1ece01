/* A learner's report as the server sends it to a mentor, for the mentor view tests. */
import { HOUR_CATEGORIES } from '../../../../src/shared/content/locales';
import type { QuizAttempt } from '../../../../src/shared/learning/fold';
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

/** Learner Anna (l1), who has done nothing yet that the cohort's summary counts. */
export const anna: LearnerReport['learner'] = {
  id: 'l1',
  name: 'Anna',
  login: 'anna',
  lastSyncAt: null,
  lastActivityAt: null,
  modulesCompleted: 0,
  secondsSpent: 0,
  pathways: {},
  hours: { approved: {}, pending: {} },
};

/** A finished attempt (a1, 20 April 2024) that scored 1 of 2 and did not pass, with the answers and anything else `fill` gives. */
export function failedAttempt(fill: Pick<QuizAttempt, 'moduleId' | 'answers'> & Partial<QuizAttempt>): QuizAttempt {
  return { attemptId: 'a1', at: '2024-04-20T10:00:00.000Z', scaled: 0.5, raw: 1, max: 2, passed: false, ...fill };
}
