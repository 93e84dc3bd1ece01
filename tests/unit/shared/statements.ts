/** Test helpers: real statements made with the app's own builders, from fast-check arbitraries. */
import fc from 'fast-check';
import { buildStatement, type LessonRef, type StatementEnv } from '../../../src/shared/xapi/build';
import type { Statement } from '../../../src/shared/xapi/types';

export const BASE = 'https://library.test/xapi';
export const ACTOR = { objectType: 'Agent' as const, account: { homePage: BASE, name: 'learner-1' } };

const moduleIds = ['e-signature', 'online-safety'];
const lessonIds = ['intro', 'practice', 'checklist'];

const arbEnv = fc.record({
  id: fc.uuid({ version: 4 }),
  timestamp: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms).toISOString()),
});

const arbLesson = fc.record({
  moduleId: fc.constantFrom(...moduleIds),
  lessonId: fc.constantFrom(...lessonIds),
  moduleVersion: fc.constant(1),
  locale: fc.constantFrom('en', 'lv', 'bg', 'uk'),
});

const env = (e: { id: string; timestamp: string }): StatementEnv => ({ base: BASE, actor: ACTOR, ...e });

/** One statement of any kind the learner app makes (voiding statements are added separately). */
export const arbStatement: fc.Arbitrary<Statement> = fc.oneof(
  fc.tuple(arbEnv, arbLesson).map(([e, l]) => buildStatement.openedLesson(env(e), l)),
  fc
    .tuple(arbEnv, arbLesson, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 600_000 }))
    .map(([e, l, p, ms]) => buildStatement.readingProgress(env(e), l, p, ms)),
  fc.tuple(arbEnv, arbLesson).map(([e, l]) => buildStatement.completedLesson(env(e), l)),
  fc.tuple(arbEnv, arbLesson, fc.string({ maxLength: 20 })).map(([e, l, text]) => buildStatement.note(env(e), l, text)),
  fc.tuple(arbEnv, arbLesson).map(([e, l]) => buildStatement.bookmark(env(e), l)),
  fc
    .tuple(arbEnv, arbLesson, fc.constantFrom('a1', 'a2'), fc.constantFrom('q1', 'q2'), fc.boolean())
    .map(([e, l, attempt, q, ok]) => buildStatement.answered(env(e), l, attempt, q, ok ? 'a' : 'b', ok)),
  fc
    .tuple(arbEnv, arbLesson, fc.constantFrom('a1', 'a2'), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 120_000 }))
    .map(([e, l, attempt, raw, ms]) => buildStatement.quizResult(env(e), l, attempt, raw, 8, 70, ms)),
);

/** A set of statements with unique ids, some of them voided by voiding statements in the same set. */
export const arbStatementSet: fc.Arbitrary<Statement[]> = fc
  .uniqueArray(arbStatement, { selector: (s) => s.id, maxLength: 60 })
  .chain((statements) =>
    fc
      .subarray(statements)
      .chain((targets) =>
        fc.tuple(
          fc.constant(statements),
          fc.array(fc.uuid({ version: 4 }), { minLength: targets.length, maxLength: targets.length }),
          fc.constant(targets),
        ),
      ),
  )
  .map(([statements, ids, targets]) => [
    ...statements,
    ...targets.map((target, i) => buildStatement.voided(env({ id: ids[i]!, timestamp: '2027-01-01T00:00:00.000Z' }), target.id)),
  ])
  .filter((all) => new Set(all.map((s) => s.id)).size === all.length);

export const lessonRef = (moduleId: string, lessonId: string): LessonRef => ({ moduleId, lessonId, moduleVersion: 1, locale: 'en' });

export const at = (id: string, timestamp: string): StatementEnv => ({ base: BASE, actor: ACTOR, id, timestamp });
