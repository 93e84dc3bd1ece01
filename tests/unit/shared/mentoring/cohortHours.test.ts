import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortHours, defaultHoursPathway, meetsEveryRequirement, type CategoryHours } from '../../../../src/shared/mentoring/cohortHours';
import type { LearnerHours } from '../../../../src/shared/mentoring/contract';
import type { CatalogCurriculum } from '../../../../src/shared/content/compiled';
import { HOUR_CATEGORIES, type HourCategory } from '../../../../src/shared/content/locales';

const BIBLIO = { 'face-to-face': 20, online: 160, project: 40, assessment: 20, 'work-based': 165 };

const learner = (approved: LearnerHours['approved'], pending: LearnerHours['pending'] = {}) => ({ hours: { approved, pending } });

const byCategory = (result: ReturnType<typeof cohortHours>) =>
  Object.fromEntries(result.categories.map((c) => [c.category, c])) as Record<HourCategory, CategoryHours>;

describe('cohortHours', () => {
  it('sums approved and waiting hours, averages them over every learner and counts who met each requirement', () => {
    const result = cohortHours(
      [
        learner({ 'face-to-face': 20, online: 161.25, project: 12.5 }, { project: 4 }),
        learner({ 'face-to-face': 8, online: 40.1 }, { 'face-to-face': 2, 'work-based': 7.5 }),
        learner({ online: 0.35 }),
        learner({}),
      ],
      BIBLIO,
    );
    const c = byCategory(result);
    expect(result.learners).toBe(4);
    expect(c['face-to-face']).toEqual({
      category: 'face-to-face',
      required: 20,
      approved: 28,
      pending: 2,
      averageApproved: 7,
      averagePending: 0.5,
      learnersMet: 1,
    });
    expect(c.online).toMatchObject({ approved: 201.7, pending: 0, averageApproved: 50.43, learnersMet: 1 });
    expect(c.project).toMatchObject({ approved: 12.5, pending: 4, averageApproved: 3.13, averagePending: 1, learnersMet: 0 });
    expect(c['work-based']).toMatchObject({ approved: 0, pending: 7.5, required: 165, learnersMet: 0 });
    expect(result.categories.map((x) => x.category)).toEqual([...HOUR_CATEGORIES]);
    // Nobody has every category of the BIBLIO course.
    expect(result.learnersMetAll).toBe(0);
  });

  it('counts a requirement met at exactly the required hours, and a category nothing is required of never keeps anyone from meeting them all', () => {
    const short = { online: 6, 'work-based': 12 };
    const result = cohortHours([learner({ online: 6, 'work-based': 12 }), learner({ online: 5.99, 'work-based': 30 }), learner({})], short);
    const c = byCategory(result);
    expect(c.online.learnersMet).toBe(1);
    expect(c['work-based'].learnersMet).toBe(2);
    expect(c.project).toMatchObject({ required: 0, learnersMet: 0 });
    expect(result.learnersMetAll).toBe(1);
    expect(meetsEveryRequirement({ approved: { online: 6, 'work-based': 12 }, pending: {} }, short)).toBe(true);
    expect(meetsEveryRequirement({ approved: { online: 6 }, pending: { 'work-based': 12 } }, short)).toBe(false);
  });

  it('reads a saved dashboard copy whose learners have no hours yet as no hours, and an empty cohort as zeros', () => {
    const old = [{ hours: undefined as unknown as LearnerHours }];
    expect(cohortHours(old, BIBLIO).categories.every((c) => c.approved === 0 && c.pending === 0)).toBe(true);
    const empty = cohortHours([], BIBLIO);
    expect(empty.learners).toBe(0);
    expect(empty.learnersMetAll).toBe(0);
    expect(empty.categories.every((c) => c.averageApproved === 0 && c.averagePending === 0)).toBe(true);
  });

  it('does not depend on the order of learners (sums in hundredths)', () => {
    const hours = fc.dictionary(
      fc.constantFrom(...HOUR_CATEGORIES),
      fc.integer({ min: 1, max: 40_000 }).map((h) => h / 100),
    ) as fc.Arbitrary<Partial<Record<HourCategory, number>>>;
    const arbLearners = fc.array(fc.record({ hours: fc.record({ approved: hours, pending: hours }) }), { maxLength: 40 });
    fc.assert(
      fc.property(
        arbLearners.chain((learners) => fc.tuple(fc.constant(learners), fc.shuffledSubarray(learners, { minLength: learners.length }))),
        ([learners, shuffled]) => {
          expect(cohortHours(shuffled, BIBLIO)).toEqual(cohortHours(learners, BIBLIO));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('defaultHoursPathway', () => {
  const curriculum = (id: string, hours: CatalogCurriculum['hours']): CatalogCurriculum => ({
    id,
    title: { en: id },
    summary: { en: id },
    modules: [],
    hours,
  });
  const officer = curriculum('officer', BIBLIO);
  const facilitator = curriculum('facilitator', BIBLIO);
  const short = curriculum('short', { online: 6 });
  const noHours = curriculum('no-hours', {});

  it('picks the pathway the cohort has come furthest in, the first on a tie, never one without hours', () => {
    const learners: { pathways: Record<string, number> }[] = [
      { pathways: { officer: 10, facilitator: 30, short: 5, 'no-hours': 100 } },
      { pathways: { officer: 40, facilitator: 10 } },
    ];
    expect(defaultHoursPathway([officer, facilitator, short, noHours], learners)?.id).toBe('officer');
    expect(defaultHoursPathway([facilitator, officer], [{ pathways: { officer: 10, facilitator: 10 } }])?.id).toBe('facilitator');
    expect(defaultHoursPathway([noHours, short], [{ pathways: { 'no-hours': 90 } }])?.id).toBe('short');
    expect(defaultHoursPathway([noHours], [])).toBeUndefined();
  });
});
