import { describe, expect, it } from 'vitest';
import { learnersWhoCompleted } from '../../../../src/client/features/mentor/dashboardTable';
import type { DashboardCell } from '../../../../src/shared/mentoring/contract';

const cell = (learnerId: string, moduleId: string, status: DashboardCell['status'] = 'completed'): DashboardCell => ({
  learnerId,
  moduleId,
  status,
  bestScore: null,
  secondsSpent: 0,
  lessonsCompleted: 0,
  assignment: 'none',
});

describe('learnersWhoCompleted', () => {
  const pathway = ['m1', 'm2'];

  it('keeps the learners with every module of the pathway completed, whatever else they did', () => {
    const cells = [cell('a', 'm1'), cell('a', 'm2'), cell('b', 'm1'), cell('b', 'm2', 'in-progress'), cell('b', 'm3'), cell('c', 'm3')];
    expect([...learnersWhoCompleted(cells, pathway)]).toEqual(['a']);
  });

  it('reads a missing cell as a module not started (dashboards with only the touched cells)', () => {
    expect(learnersWhoCompleted([cell('a', 'm1')], pathway).size).toBe(0);
  });

  it('counts nobody against a pathway without modules', () => {
    expect(learnersWhoCompleted([cell('a', 'm1')], []).size).toBe(0);
  });
});
