/*
 * The ledgers (shared/mentoring/ledger.ts) without a database: adding a set of live statements
 * in any order and then taking any of them back out (voiding) leaves ledgers that read the
 * same as the folds over what remains: study state (with the first completion of each lesson
 * and its module version), attempts, assignments, hours, time.
 * The server's part (which statements reach the ledgers, the next latest time) is held to a
 * full refold on both databases in tests/server/summary-ledgers.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStatement, type StatementEnv } from '../../../../src/shared/xapi/build';
import type { Agent, Statement } from '../../../../src/shared/xapi/types';
import { foldLearning, type LessonState } from '../../../../src/shared/learning/fold';
import { assignmentStates } from '../../../../src/shared/mentoring/assignments';
import { hoursEntries } from '../../../../src/shared/mentoring/hours';
import {
  addKept,
  addToModule,
  effectOf,
  emptyLearnerLedger,
  emptyModuleLedger,
  lastModuleActivity,
  ledgerAssignments,
  ledgerHours,
  ledgerLearning,
  ledgerOnlineSeconds,
  removeFromModule,
  removeKept,
  syncSeconds,
  type LearnerLedger,
  type ModuleLedger,
} from '../../../../src/shared/mentoring/ledger';
import { BASE, learner, MENTOR, REVIEWERS } from './arbitraries';

const LEARNER = learner(1);
const MODULES = ['e-signature', 'online-safety'];
const TIMES = ['2026-01-05T10:00:00.000Z', '2026-01-06T08:30:00.000Z', '2026-01-07T12:00:00.000Z', '2026-01-09T09:15:00.500Z'];

const arbEnv = (actor: Agent) =>
  fc.record({ id: fc.uuid({ version: 4 }), timestamp: fc.constantFrom(...TIMES) }).map((e): StatementEnv => ({ base: BASE, actor, ...e }));
// Two versions, so that which completion is the first (and its version) matters.
const arbModule = fc
  .tuple(fc.constantFrom(...MODULES), fc.constantFrom(1, 2))
  .map(([moduleId, moduleVersion]) => ({ moduleId, moduleVersion, locale: 'en' }));
const arbLesson = fc.tuple(arbModule, fc.constantFrom('l1', 'l2')).map(([m, lessonId]) => ({ ...m, lessonId }));

const arbOwn: fc.Arbitrary<Statement> = fc.oneof(
  fc.tuple(arbEnv(LEARNER), arbLesson).map(([e, l]) => buildStatement.openedLesson(e, l)),
  fc.tuple(arbEnv(LEARNER), arbLesson, fc.nat(90_000)).map(([e, l, ms]) => buildStatement.readingProgress(e, l, ms % 101, ms)),
  fc.tuple(arbEnv(LEARNER), arbLesson).map(([e, l]) => buildStatement.completedLesson(e, l)),
  fc.tuple(arbEnv(LEARNER), arbLesson).map(([e, l]) => buildStatement.bookmark(e, l)),
  fc
    .tuple(arbEnv(LEARNER), arbModule, fc.constantFrom('a1', 'a2'), fc.constantFrom('q1', 'q2'), fc.boolean())
    .map(([e, m, attempt, q, right]) => buildStatement.answered(e, m, attempt, q, right ? 'a' : 'b', right)),
  fc
    .tuple(arbEnv(LEARNER), arbModule, fc.constantFrom('a1', 'a2'), fc.shuffledSubarray(['q1', 'q2'], { minLength: 1 }), fc.boolean())
    .map(([e, m, attempt, questionIds, reversed]) =>
      buildStatement.startedQuiz(e, {
        module: m,
        attemptId: attempt,
        questionIds,
        optionOrder: { q1: reversed ? ['b', 'a'] : ['a', 'b'] },
      }),
    ),
  fc
    .tuple(arbEnv(LEARNER), arbModule, fc.constantFrom('a1', 'a2'), fc.nat(2), fc.nat(90_000))
    .map(([e, m, attempt, raw, ms]) => buildStatement.quizResult(e, m, attempt, raw, 2, 70, ms)),
  fc.tuple(arbEnv(LEARNER), arbModule, fc.string({ maxLength: 4 })).map(([e, m, text]) => buildStatement.assignmentSubmission(e, m, text)),
  fc
    .tuple(arbEnv(LEARNER), fc.constantFrom('face-to-face', 'project'), fc.integer({ min: 1, max: 12 }))
    .map(([e, category, quarters]) =>
      buildStatement.loggedHours(e, { category, hours: quarters / 4, date: '2026-01-05', description: '' }),
    ),
);

/** A learner's statements, the mentor's reviews of some, and which of them end up voided. */
const arbCase = fc
  .uniqueArray(arbOwn, { selector: (s) => s.id, minLength: 1, maxLength: 25 })
  .chain((own) =>
    fc.record({
      own: fc.constant(own),
      reviews: fc.array(
        fc
          .tuple(fc.nat(), arbEnv(MENTOR), fc.boolean())
          .map(([pick, e, ok]) => buildStatement.review(e, { statementId: own[pick % own.length]!.id }, LEARNER, ok, '')),
        { maxLength: 8 },
      ),
      order: fc.infiniteStream(fc.nat()),
    }),
  )
  .filter(({ own, reviews }) => new Set([...own, ...reviews].map((s) => s.id)).size === own.length + reviews.length)
  .chain(({ own, reviews, order }) => {
    const all = [...own, ...reviews];
    return fc.record({
      all: fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
      voided: fc.subarray(all),
      order: fc.constant(order),
    });
  });

type Ledgers = { learner: LearnerLedger; modules: Map<string, ModuleLedger> };

/** Adds (or takes back) one statement the way the server does, reviews going where what they review is. */
function apply(ledgers: Ledgers, byId: ReadonlyMap<string, Statement>, s: Statement, removed: boolean, live: () => Statement[]): void {
  const effect = effectOf(s);
  if (effect?.kind === 'review') {
    const target = byId.get(effect.targetId);
    const on = target && effectOf(target);
    if (!on || (on.kind === 'module' && !on.reviewable) || on.kind === 'review') return;
    const ledger = on.kind === 'hours' ? ledgers.learner : (ledgers.modules.get(on.moduleId) ?? emptyModuleLedger(on.moduleId));
    if (on.kind === 'module') ledgers.modules.set(on.moduleId, ledger as ModuleLedger);
    if (removed) removeKept(ledger, s.id);
    else addKept(ledger, s);
  } else if (effect?.kind === 'hours') {
    if (removed) removeKept(ledgers.learner, s.id);
    else addKept(ledgers.learner, s);
  } else if (effect?.kind === 'module') {
    const ledger = ledgers.modules.get(effect.moduleId) ?? emptyModuleLedger(effect.moduleId);
    ledgers.modules.set(effect.moduleId, ledger);
    if (!removed) addToModule(ledger, s, effect);
    else if (removeFromModule(ledger, s, effect)) ledger.activity.lastActivityAt = lastModuleActivity(effect.moduleId, live());
    syncSeconds(ledgers.learner, ledger);
  }
}

describe('learner ledgers', () => {
  it('read as the folds over what remains, after adding in any order and voiding any of it', () => {
    fc.assert(
      fc.property(arbCase, ({ all, voided }) => {
        const byId = new Map(all.map((s) => [s.id.toLowerCase(), s]));
        const gone = new Set(voided.map((s) => s.id));
        // A review stays only while what it reviews does (voiding a submission takes its reviews out).
        const remaining = () =>
          all.filter((s) => {
            if (gone.has(s.id)) return false;
            const target = s.object.objectType === 'StatementRef' ? byId.get(s.object.id.toLowerCase()) : undefined;
            return !target || !gone.has(target.id);
          });
        const ledgers: Ledgers = { learner: emptyLearnerLedger(), modules: new Map() };
        const taken = new Set<string>();
        for (const s of all) apply(ledgers, byId, s, false, () => all);
        for (const s of voided) {
          taken.add(s.id);
          apply(ledgers, byId, s, true, () => all.filter((x) => !taken.has(x.id)));
        }

        const left = remaining();
        const own = left.filter((s) => s.actor === LEARNER);
        const learning = foldLearning(own);
        const modules = [...ledgers.modules.values()];
        expect(ledgerLearning(modules).attempts).toEqual(learning.attempts);
        const byModule = (a: { moduleId: string }, b: { moduleId: string }) => a.moduleId.localeCompare(b.moduleId);
        expect([...ledgerLearning(modules).modules].sort(byModule)).toEqual(learning.modules);
        const lessons = (list: readonly LessonState[]) =>
          list.map((l) => `${l.moduleId}/${l.lessonId}/${String(l.completed)}/${l.completedAt}/${l.completedVersion}`).sort();
        expect(lessons(ledgerLearning(modules).lessons)).toEqual(lessons(learning.lessons));
        expect(ledgerAssignments(modules, REVIEWERS)).toEqual(assignmentStates(left, REVIEWERS));
        expect(ledgerHours(ledgers.learner, REVIEWERS)).toEqual(hoursEntries(left, REVIEWERS));
        expect(ledgerOnlineSeconds(ledgers.learner)).toBe(learning.modules.reduce((sum, m) => sum + m.secondsSpent, 0));
      }),
      { numRuns: 500 },
    );
  });
});
