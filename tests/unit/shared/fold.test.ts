import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLearning } from '../../../src/shared/learning/fold';
import { buildStatement } from '../../../src/shared/xapi/build';
import { arbStatementSet, at, lessonRef } from './statements';

const lesson = lessonRef('online-safety', 'intro');
const module = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en' };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('foldLearning', () => {
  it('does not depend on the order of statements', () => {
    fc.assert(
      fc.property(
        arbStatementSet.chain((set) =>
          fc.tuple(fc.constant(set), fc.shuffledSubarray(set, { minLength: set.length, maxLength: set.length })),
        ),
        ([set, shuffled]) => {
          expect(foldLearning(shuffled)).toEqual(foldLearning(set));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is idempotent: a statement seen twice counts once', () => {
    fc.assert(
      fc.property(arbStatementSet, (set) => {
        expect(foldLearning([...set, ...set])).toEqual(foldLearning(set));
      }),
      { numRuns: 200 },
    );
  });

  it('ignores voided statements wherever the voiding statement is', () => {
    fc.assert(
      fc.property(arbStatementSet, (set) => {
        const voided = new Set(set.filter((s) => s.object.objectType === 'StatementRef').map((s) => s.object.id));
        const kept = set.filter((s) => !voided.has(s.id) && s.object.objectType !== 'StatementRef');
        expect(foldLearning(set)).toEqual(foldLearning(kept));
      }),
      { numRuns: 200 },
    );
  });

  it('marks a lesson complete at its first completion and keeps the latest reading position', () => {
    const state = foldLearning([
      buildStatement.readingProgress(at(uuid(1), '2026-03-01T10:00:00.000Z'), lesson, 40, 60_000),
      buildStatement.completedLesson(at(uuid(2), '2026-03-01T10:05:00.000Z'), lesson),
      buildStatement.readingProgress(at(uuid(3), '2026-03-02T09:00:00.000Z'), lesson, 75, 30_000),
      buildStatement.completedLesson(at(uuid(4), '2026-03-03T10:00:00.000Z'), lesson),
    ]);
    expect(state.lessons).toEqual([
      {
        moduleId: 'online-safety',
        lessonId: 'intro',
        completed: true,
        completedAt: '2026-03-01T10:05:00.000Z',
        completedVersion: 1,
        position: 75,
        lastVisitedAt: '2026-03-03T10:00:00.000Z',
        secondsSpent: 90,
      },
    ]);
    expect(state.modules).toEqual([{ moduleId: 'online-safety', secondsSpent: 90, lastActivityAt: '2026-03-03T10:00:00.000Z' }]);
  });

  it('keeps the latest note by (timestamp, id), and an empty note deletes it', () => {
    const same = '2026-03-01T10:00:00.000Z';
    const notes = foldLearning([
      buildStatement.note(at(uuid(9), same), lesson, 'later id wins a tie'),
      buildStatement.note(at(uuid(2), same), lesson, 'earlier id'),
    ]).notes;
    expect(notes.map((n) => n.text)).toEqual(['later id wins a tie']);
    const deleted = foldLearning([
      buildStatement.note(at(uuid(1), '2026-03-01T10:00:00.000Z'), lesson, 'draft'),
      buildStatement.note(at(uuid(2), '2026-03-02T10:00:00.000Z'), lesson, ''),
    ]).notes;
    expect(deleted).toEqual([]);
  });

  it('removes a bookmark only when every statement that set it is voided', () => {
    const first = buildStatement.bookmark(at(uuid(1), '2026-03-01T10:00:00.000Z'), lesson);
    const second = buildStatement.bookmark(at(uuid(2), '2026-03-02T10:00:00.000Z'), lesson);
    const voidFirst = buildStatement.voided(at(uuid(3), '2026-03-03T10:00:00.000Z'), first.id);
    const voidSecond = buildStatement.voided(at(uuid(4), '2026-03-03T10:00:00.000Z'), second.id);
    expect(foldLearning([first, second, voidFirst]).bookmarks).toHaveLength(1);
    expect(foldLearning([first, second, voidFirst, voidSecond]).bookmarks).toEqual([]);
  });

  it('gathers a quiz attempt from its answers and its result', () => {
    const attempt = 'attempt-1';
    const state = foldLearning([
      buildStatement.answered(at(uuid(1), '2026-03-01T10:00:00.000Z'), module, attempt, 'q1', 'a', true),
      buildStatement.answered(at(uuid(2), '2026-03-01T10:01:00.000Z'), module, attempt, 'q2', 'b[,]c', false),
      buildStatement.quizResult(at(uuid(3), '2026-03-01T10:02:00.000Z'), module, attempt, 1, 2, 70, 120_000),
      // An unfinished attempt is not listed.
      buildStatement.answered(at(uuid(4), '2026-03-02T10:00:00.000Z'), module, 'attempt-2', 'q1', 'a', true),
    ]);
    expect(state.attempts).toEqual([
      {
        attemptId: attempt,
        moduleId: 'online-safety',
        at: '2026-03-01T10:02:00.000Z',
        scaled: 0.5,
        raw: 1,
        max: 2,
        passed: false,
        moduleVersion: 1,
        answers: [
          { questionId: 'q1', response: 'a', success: true },
          { questionId: 'q2', response: 'b[,]c', success: false },
        ],
      },
    ]);
  });

  it('keeps the questions an attempt drew from its first recorded start', () => {
    const attempt = 'attempt-1';
    const start = (n: number, timestamp: string, questionIds: string[]) =>
      buildStatement.startedQuiz(at(uuid(n), timestamp), { module, attemptId: attempt, questionIds });
    const statements = [
      start(2, '2026-03-01T10:00:05.000Z', ['q3']),
      start(1, '2026-03-01T10:00:00.000Z', ['q2', 'q1']),
      buildStatement.answered(at(uuid(3), '2026-03-01T10:01:00.000Z'), module, attempt, 'q2', 'a', true),
      buildStatement.answered(at(uuid(4), '2026-03-01T10:02:00.000Z'), module, attempt, 'q1', 'a', true),
      buildStatement.quizResult(at(uuid(5), '2026-03-01T10:03:00.000Z'), module, attempt, 2, 2, 70, 120_000),
    ];
    expect(foldLearning(statements).attempts[0]?.questionIds).toEqual(['q2', 'q1']);
    expect(foldLearning([...statements].reverse()).attempts[0]?.questionIds).toEqual(['q2', 'q1']);
    // An attempt whose start was not recorded showed the whole quiz.
    expect(foldLearning(statements.slice(2)).attempts[0]).not.toHaveProperty('questionIds');
  });

  it('keeps the option order an attempt showed, from the same start as its questions', () => {
    const attempt = 'attempt-1';
    const statements = [
      buildStatement.startedQuiz(at(uuid(2), '2026-03-01T10:00:05.000Z'), {
        module,
        attemptId: attempt,
        questionIds: ['q1'],
        optionOrder: { q1: ['a', 'b', 'c'] },
      }),
      buildStatement.startedQuiz(at(uuid(1), '2026-03-01T10:00:00.000Z'), {
        module,
        attemptId: attempt,
        questionIds: ['q1'],
        optionOrder: { q1: ['c', 'a', 'b'] },
      }),
      buildStatement.quizResult(at(uuid(3), '2026-03-01T10:03:00.000Z'), module, attempt, 1, 1, 70, 60_000),
    ];
    expect(foldLearning(statements).attempts[0]?.optionOrder).toEqual({ q1: ['c', 'a', 'b'] });
    expect(foldLearning([...statements].reverse()).attempts[0]?.optionOrder).toEqual({ q1: ['c', 'a', 'b'] });
  });

  it('ignores statements about activities it does not know', () => {
    const foreign = {
      ...buildStatement.completedLesson(at(uuid(1), '2026-03-01T10:00:00.000Z'), lesson),
      object: { objectType: 'Activity' as const, id: 'https://other.example/course/1' },
    };
    expect(foldLearning([foreign])).toEqual({ lessons: [], attempts: [], notes: [], bookmarks: [], modules: [] });
  });
});
