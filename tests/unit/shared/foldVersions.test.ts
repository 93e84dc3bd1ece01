/*
 * Progress stays counted against the module version it was made on: a lesson's first
 * completion (by timestamp, then id) decides its version in any order and with duplicates,
 * a later completion on a newer version does not move it, and a quiz attempt keeps the
 * version its result was scored on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLearning } from '../../../src/shared/learning/fold';
import { buildStatement } from '../../../src/shared/xapi/build';
import { at, lessonRef } from './statements';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const onVersion = (moduleVersion: number) => ({ ...lessonRef('online-safety', 'scams'), moduleVersion });

describe('module versions in the fold', () => {
  const completions = [
    buildStatement.completedLesson(at(uuid(2), '2026-03-05T10:00:00.000Z'), onVersion(2)),
    buildStatement.completedLesson(at(uuid(1), '2026-03-01T10:00:00.000Z'), onVersion(1)),
    buildStatement.completedLesson(at(uuid(3), '2026-03-09T10:00:00.000Z'), onVersion(3)),
  ];

  it('keeps a lesson completed on the version of its first completion, in any order and with duplicates', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...completions, ...completions], { minLength: 6, maxLength: 6 }), (statements) => {
        const [lesson] = foldLearning(statements).lessons;
        expect(lesson).toMatchObject({ completed: true, completedAt: '2026-03-01T10:00:00.000Z', completedVersion: 1 });
      }),
    );
  });

  it('breaks a tie of timestamps by statement id, as every latest-or-first in the fold', () => {
    const same = '2026-03-01T10:00:00.000Z';
    const statements = [
      buildStatement.completedLesson(at(uuid(9), same), onVersion(4)),
      buildStatement.completedLesson(at(uuid(8), same), onVersion(3)),
    ];
    expect(foldLearning(statements).lessons[0]?.completedVersion).toBe(3);
    expect(foldLearning([...statements].reverse()).lessons[0]?.completedVersion).toBe(3);
  });

  it('leaves the version out when the first completion did not record one', () => {
    const bare = buildStatement.completedLesson(at(uuid(1), '2026-03-01T10:00:00.000Z'), onVersion(1));
    delete bare.context?.extensions;
    const [lesson] = foldLearning([bare, completions[0]!]).lessons;
    expect(lesson?.completed).toBe(true);
    expect(lesson).not.toHaveProperty('completedVersion');
  });

  it('keeps the version a quiz attempt was scored on', () => {
    const module = { moduleId: 'online-safety', locale: 'en' };
    const attempts = foldLearning([
      buildStatement.quizResult(at(uuid(1), '2026-03-01T10:00:00.000Z'), { ...module, moduleVersion: 1 }, 'first', 3, 5, 70, 60_000),
      buildStatement.quizResult(at(uuid(2), '2026-03-08T10:00:00.000Z'), { ...module, moduleVersion: 2 }, 'second', 5, 5, 70, 60_000),
    ]).attempts;
    expect(attempts.map((a) => [a.attemptId, a.moduleVersion])).toEqual([
      ['first', 1],
      ['second', 2],
    ]);
  });
});
