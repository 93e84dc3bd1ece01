/** Every mentoring fold is a function of the SET of statements: order and duplicates never change it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentStates, foldAssignments, latestDraft } from '../../../../src/shared/mentoring/assignments';
import { hoursEntries, hoursSummary } from '../../../../src/shared/mentoring/hours';
import { surveyReports } from '../../../../src/shared/mentoring/surveys';
import { difficultQuestions } from '../../../../src/shared/mentoring/difficult';
import { lastActivityAt } from '../../../../src/shared/mentoring/dashboard';
import type { Statement } from '../../../../src/shared/xapi/types';
import { arbMentoringSet, arbShuffled } from './arbitraries';

const folds: [string, (set: Statement[]) => unknown][] = [
  ['assignmentStates', (set) => assignmentStates(set)],
  ['foldAssignments', (set) => [...foldAssignments(set).entries()].sort(([a], [b]) => (a < b ? -1 : 1))],
  ['latestDraft', (set) => latestDraft(set, 'online-safety')],
  ['hoursEntries', (set) => hoursEntries(set)],
  ['hoursSummary', (set) => hoursSummary(hoursEntries(set), 4321, { online: 160, project: 40 })],
  ['surveyReports', (set) => surveyReports(set)],
  ['difficultQuestions', (set) => difficultQuestions(set, 'online-safety', ['q1', 'q2'])],
  ['lastActivityAt', (set) => lastActivityAt(set)],
];

describe.each(folds)('%s', (_name, fold) => {
  it('does not depend on the order of statements', () => {
    fc.assert(
      fc.property(arbShuffled, ([set, shuffled]) => {
        expect(fold(shuffled)).toEqual(fold(set));
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent: a statement seen twice counts once', () => {
    fc.assert(
      fc.property(arbMentoringSet, (set) => {
        expect(fold([...set, ...set])).toEqual(fold(set));
      }),
      { numRuns: 150 },
    );
  });

  it('ignores voided statements wherever the voiding statement is', () => {
    fc.assert(
      fc.property(arbMentoringSet, (set) => {
        const voided = new Set(set.filter((s) => s.verb.id.endsWith('/voided')).map((s) => s.object.id));
        const kept = set.filter((s) => !voided.has(s.id) && !s.verb.id.endsWith('/voided'));
        expect(fold(set)).toEqual(fold(kept));
      }),
      { numRuns: 150 },
    );
  });
});

describe('invariants', () => {
  it('assignment status follows the latest review of the latest submission', () => {
    fc.assert(
      fc.property(arbMentoringSet, (set) => {
        for (const state of assignmentStates(set)) {
          const latest = state.submissions[state.submissions.length - 1];
          expect(latest).toBeDefined();
          const last = state.reviews.filter((r) => r.targetId === latest?.statementId).pop();
          expect(state.status).toBe(!last ? 'submitted' : last.accepted ? 'accepted' : 'returned');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('survey answers per item add up to the number of responses', () => {
    fc.assert(
      fc.property(arbMentoringSet, (set) => {
        for (const report of surveyReports(set)) {
          for (const counts of Object.values(report.items)) expect(counts.reduce((a, b) => a + b, 0)).toBe(report.responses);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('difficult-question shares are between 0 and 1, worst first', () => {
    fc.assert(
      fc.property(arbMentoringSet, (set) => {
        const answered = difficultQuestions(set, 'online-safety', ['q1', 'q2']).filter((q) => q.learners > 0);
        for (const q of answered) expect(q.share).toBeGreaterThanOrEqual(0);
        expect(answered.map((q) => q.share)).toEqual([...answered.map((q) => q.share)].sort((a, b) => a - b));
      }),
      { numRuns: 150 },
    );
  });
});
