/** Every mentoring fold is a function of the SET of statements: order and duplicates never change it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentStates, foldAssignments, latestDraft } from '../../../../src/shared/mentoring/assignments';
import { hoursEntries, hoursSummary, learnerHours } from '../../../../src/shared/mentoring/hours';
import { surveyReports } from '../../../../src/shared/mentoring/surveys';
import { difficultQuestions } from '../../../../src/shared/mentoring/difficult';
import {
  attentionItems,
  lastActivityAt,
  moduleAttention,
  sortAttention,
  type AttentionInput,
} from '../../../../src/shared/mentoring/dashboard';
import type { Statement } from '../../../../src/shared/xapi/types';
import { arbMentoringSet, arbShuffled, REVIEWERS } from './arbitraries';

const folds: [string, (set: Statement[]) => unknown][] = [
  ['assignmentStates', (set) => assignmentStates(set, REVIEWERS)],
  ['foldAssignments', (set) => [...foldAssignments(set, { reviewersOf: () => REVIEWERS }).entries()].sort(([a], [b]) => (a < b ? -1 : 1))],
  ['latestDraft', (set) => latestDraft(set, 'online-safety')],
  ['hoursEntries', (set) => hoursEntries(set, REVIEWERS)],
  ['hoursSummary', (set) => hoursSummary(hoursEntries(set, REVIEWERS), 4321, { online: 160, project: 40 })],
  ['learnerHours', (set) => learnerHours(hoursEntries(set, REVIEWERS), 4321)],
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
        for (const state of assignmentStates(set, REVIEWERS)) {
          const latest = state.submissions[state.submissions.length - 1];
          expect(latest).toBeDefined();
          const last = state.reviews.filter((r) => r.targetId === latest?.statementId).pop();
          expect(state.status).toBe(!last ? 'submitted' : last.accepted ? 'accepted' : 'returned');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('learner hours are the hours summary without requirements and without empty categories', () => {
    fc.assert(
      fc.property(arbMentoringSet, fc.nat({ max: 500_000 }), (set, onlineSeconds) => {
        const entries = hoursEntries(set, REVIEWERS);
        const { categories } = hoursSummary(entries, onlineSeconds, {});
        const hours = learnerHours(entries, onlineSeconds);
        for (const [category, { approved, pending }] of Object.entries(categories)) {
          expect(hours.approved[category as keyof typeof categories] ?? 0).toBe(approved);
          expect(hours.pending[category as keyof typeof categories] ?? 0).toBe(pending);
        }
        expect([...Object.values(hours.approved), ...Object.values(hours.pending)].every((h) => h > 0)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the needs-attention list is the time-dependent reasons and the stored module reasons merged in sortAttention order', () => {
    const arbTime = fc.option(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 2, 1) }).map((ms) => new Date(ms).toISOString()));
    const arbRow = fc.record({
      moduleId: fc.constantFrom('e-signature', 'online-safety', 'e-health'),
      failedAttempts: fc.nat({ max: 3 }),
      quizPassed: fc.boolean(),
      assignment: fc.constantFrom('none' as const, 'submitted' as const, 'returned' as const, 'accepted' as const),
      assignmentSince: arbTime,
      lastActivityAt: arbTime,
    });
    const arbLearner: fc.Arbitrary<AttentionInput> = fc.record({
      learnerId: fc.constantFrom('anna', 'ben', 'carl', 'dace'),
      lastActivityAt: arbTime,
      modules: fc.uniqueArray(arbRow, { selector: (row) => row.moduleId, maxLength: 3 }),
      hoursWaitingSince: arbTime,
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbLearner, { selector: (l) => l.learnerId }), fc.integer({ min: 1, max: 60 }), (learners, days) => {
        const now = new Date(Date.UTC(2026, 2, 1));
        const timeDependent = attentionItems(
          learners.map((l) => ({ ...l, modules: [] })),
          now,
          days,
        );
        const stored = learners.flatMap((l) => moduleAttention(l.learnerId, l.modules));
        expect(sortAttention([...stored, ...timeDependent])).toEqual(attentionItems(learners, now, days));
        expect(sortAttention([...timeDependent].reverse().concat(stored))).toEqual(attentionItems(learners, now, days));
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
