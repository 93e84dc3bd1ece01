/*
 * Learning hours of a whole cohort against one pathway's requirements, for the cohort
 * dashboard, the printable report and the hours CSV: per category the cohort's approved
 * hours and the hours waiting for the mentor, the average per learner, and how many learners
 * have reached the requirement. Pure; sums are taken in hundredths of an hour (the contract's
 * two decimals) as integers, so the result does not depend on the learners' order.
 */
import type { CatalogCurriculum } from '../content/compiled';
import { HOUR_CATEGORIES, type HourCategory } from '../content/locales';
import type { DashboardLearner, LearnerHours } from './contract';

export type CategoryHours = {
  category: HourCategory;
  /** Hours the pathway asks of each learner in this category; 0 = not required. */
  required: number;
  /** The cohort's approved hours (for `online`, including the study time the app measured). */
  approved: number;
  /** The cohort's hours waiting for the mentor's approval. */
  pending: number;
  /** Approved and waiting hours per learner, averaged over every learner of the cohort. */
  averageApproved: number;
  averagePending: number;
  /** Learners whose approved hours reach the requirement (0 when nothing is required). */
  learnersMet: number;
};

export type CohortHours = {
  learners: number;
  /** Every category, in the curriculum's order (HOUR_CATEGORIES). */
  categories: CategoryHours[];
  /** Learners whose approved hours reach every requirement of the pathway. */
  learnersMetAll: number;
};

export type Requirements = Partial<Record<HourCategory, number>>;

const hundredths = (hours: number | undefined): number => Math.round((hours ?? 0) * 100);

/**
 * A learner's hours, or none: a copy of the dashboard saved on the device by an app version
 * older than the hours contract has no `hours`, and must still show.
 */
export function hoursOfLearner(learner: Pick<DashboardLearner, 'hours'>): LearnerHours {
  const hours: LearnerHours | undefined = learner.hours;
  return hours ?? { approved: {}, pending: {} };
}

/** Whether a learner's approved hours reach the requirement of this category (always, when nothing is required). */
export function meetsRequirement(hours: LearnerHours, category: HourCategory, required: Requirements): boolean {
  return hundredths(hours.approved[category]) >= hundredths(required[category]);
}

/** Whether a learner's approved hours reach every requirement of the pathway. */
export function meetsEveryRequirement(hours: LearnerHours, required: Requirements): boolean {
  return HOUR_CATEGORIES.every((category) => meetsRequirement(hours, category, required));
}

export function cohortHours(learners: readonly Pick<DashboardLearner, 'hours'>[], required: Requirements): CohortHours {
  const count = learners.length;
  const all = learners.map(hoursOfLearner);
  const categories = HOUR_CATEGORIES.map((category): CategoryHours => {
    let approved = 0;
    let pending = 0;
    let learnersMet = 0;
    const needed = hundredths(required[category]);
    for (const hours of all) {
      const own = hundredths(hours.approved[category]);
      approved += own;
      pending += hundredths(hours.pending[category]);
      if (needed > 0 && own >= needed) learnersMet += 1;
    }
    return {
      category,
      required: needed / 100,
      approved: approved / 100,
      pending: pending / 100,
      averageApproved: count ? Math.round(approved / count) / 100 : 0,
      averagePending: count ? Math.round(pending / count) / 100 : 0,
      learnersMet,
    };
  });
  return { learners: count, categories, learnersMetAll: all.filter((hours) => meetsEveryRequirement(hours, required)).length };
}

/**
 * The pathway to report hours against when the user has not chosen one: among pathways that
 * require hours, the one the cohort has come furthest in (sum of the learners' percent
 * complete), the first in the catalogue on a tie; undefined when no pathway requires hours.
 */
export function defaultHoursPathway(
  curricula: readonly CatalogCurriculum[],
  learners: readonly Pick<DashboardLearner, 'pathways'>[],
): CatalogCurriculum | undefined {
  let best: CatalogCurriculum | undefined;
  let bestProgress = -1;
  for (const curriculum of curricula) {
    if (!Object.values(curriculum.hours).some((hours) => (hours ?? 0) > 0)) continue;
    const progress = learners.reduce((sum, learner) => sum + (learner.pathways[curriculum.id] ?? 0), 0);
    if (progress > bestProgress) {
      best = curriculum;
      bestProgress = progress;
    }
  }
  return best;
}
