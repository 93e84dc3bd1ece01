import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n, loadStringGroups } from '../../../../src/client/i18n/i18n';
import { cardAttentionLines } from '../../../../src/client/features/mentor/attentionWords';
import type { Format } from '../../../../src/client/i18n/format';
import type { AttentionItem } from '../../../../src/shared/mentoring/contract';

/** Dates as their day, so the lines read plainly. */
const format = { date: (iso: string) => iso.slice(0, 10) } as unknown as Format;
const moduleTitle = (id: string) => `Module ${id}`;
const lines = (items: AttentionItem[]) => cardAttentionLines(items, { t: i18next.t, format, moduleTitle });

const assignment = (moduleId: string, since?: string): AttentionItem => ({
  learnerId: 'anna',
  reason: 'assignment-waiting',
  moduleId,
  ...(since ? { since } : {}),
});
const quiz = (moduleId: string): AttentionItem => ({ learnerId: 'anna', reason: 'quiz-failed-twice', moduleId });

describe('the reasons on a learner card', () => {
  beforeAll(async () => {
    await initI18n('en');
    await loadStringGroups(['mentor']);
  });

  it('counts several waiting assignments in one line with the oldest wait, and several failed quizzes in another', () => {
    expect(
      lines([
        assignment('b', '2026-11-09T08:00:00Z'),
        { learnerId: 'anna', reason: 'hours-waiting', since: '2026-11-03T08:00:00Z' },
        quiz('q1'),
        assignment('a', '2026-10-26T08:00:00Z'),
        { learnerId: 'anna', reason: 'inactive', since: '2026-10-01T08:00:00Z' },
        assignment('c', '2026-12-01T08:00:00Z'),
        quiz('q2'),
      ]),
    ).toEqual([
      'No activity since 2026-10-01',
      'Quizzes failed twice: 2',
      'Assignments waiting for review: 3, the oldest since 2026-10-26',
      'Logged hours waiting for approval since 2026-11-03',
    ]);
  });

  it('names the module when there is one of a kind', () => {
    expect(lines([quiz('q1'), assignment('a', '2026-10-26T08:00:00Z')])).toEqual([
      'Failed the quiz of “Module q1” twice',
      'Assignment of “Module a” waiting for review since 2026-10-26',
    ]);
  });

  it('counts assignments without a date, and takes the oldest of those that have one', () => {
    expect(lines([assignment('a'), assignment('b')])).toEqual(['Assignments waiting for review: 2']);
    expect(lines([assignment('a'), assignment('b', '2026-11-09T08:00:00Z')])).toEqual([
      'Assignments waiting for review: 2, the oldest since 2026-11-09',
    ]);
  });

  it('has nothing to say of a learner who needs nothing', () => {
    expect(lines([])).toEqual([]);
  });
});
