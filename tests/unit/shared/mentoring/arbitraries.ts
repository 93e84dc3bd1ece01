/** Statement sets for the mentoring folds: several learners' submissions, drafts, hours, surveys and quiz attempts, mentors' reviews, voidings. */
import fc from 'fast-check';
import { buildStatement, type StatementEnv } from '../../../../src/shared/xapi/build';
import type { Agent, Statement } from '../../../../src/shared/xapi/types';
import { agentKey } from '../../../../src/shared/xapi/canonical';

export const BASE = 'https://library.test/xapi';
export const learner = (n: number): Agent => ({
  objectType: 'Agent',
  name: `Learner ${n}`,
  account: { homePage: BASE, name: `learner-${n}` },
});
export const MENTOR: Agent = { objectType: 'Agent', name: 'Ivo Mentor', account: { homePage: BASE, name: 'mentor-1' } };
/** Who may review the learners of these sets: the mentor. */
export const REVIEWERS: ReadonlySet<string> = new Set([agentKey(MENTOR) ?? '']);

const modules = ['e-signature', 'online-safety'];
const categories = ['face-to-face', 'project', 'work-based', 'online'];

const arbTime = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 20) }).map((ms) => new Date(ms).toISOString());
const arbEnv = (actor: Agent) =>
  fc.record({ id: fc.uuid({ version: 4 }), timestamp: arbTime }).map((e): StatementEnv => ({ base: BASE, actor, ...e }));
const arbAnswer = fc.constantFrom<1 | 2 | 3 | 4 | 5>(1, 2, 3, 4, 5);
const arbLearner = fc.integer({ min: 1, max: 3 }).map(learner);
const arbModule = fc.record({ moduleId: fc.constantFrom(...modules), moduleVersion: fc.constant(1), locale: fc.constant('en') });

/** What learners make. */
const arbLearnerStatement: fc.Arbitrary<Statement> = arbLearner.chain((actor) =>
  fc.oneof(
    fc.tuple(arbEnv(actor), arbModule, fc.string({ maxLength: 8 })).map(([e, m, text]) => buildStatement.assignmentSubmission(e, m, text)),
    fc.tuple(arbEnv(actor), arbModule, fc.string({ maxLength: 8 })).map(([e, m, text]) => buildStatement.assignmentDraft(e, m, text)),
    fc
      .tuple(arbEnv(actor), fc.constantFrom(...categories), fc.integer({ min: 1, max: 40 }), fc.string({ maxLength: 6 }))
      .map(([e, category, quarters, description]) =>
        buildStatement.loggedHours(e, { category, hours: quarters / 4, date: e.timestamp.slice(0, 10), description }),
      ),
    fc
      .tuple(
        arbEnv(actor),
        fc.oneof(
          arbModule.map((m) => ({ moduleId: m.moduleId })),
          fc.constant({ eventId: 'seminar-1' }),
        ),
        fc.tuple(arbAnswer, arbAnswer, arbAnswer, arbAnswer),
        fc.string({ maxLength: 6 }),
      )
      .map(([e, about, [relevant, useful, willUse, overall], comment]) =>
        buildStatement.surveyResponse(e, about, { relevant, useful, willUse, overall }, comment),
      ),
    fc
      .tuple(arbEnv(actor), arbModule, fc.constantFrom('a1', 'a2', 'a3'), fc.constantFrom('q1', 'q2'), fc.constantFrom('a', 'b', 'c'))
      .map(([e, m, attempt, q, response]) => buildStatement.answered(e, m, attempt, q, response, response === 'a')),
    fc
      .tuple(arbEnv(actor), arbModule, fc.constantFrom('a1', 'a2', 'a3'), fc.integer({ min: 0, max: 2 }))
      .map(([e, m, attempt, raw]) => buildStatement.quizResult(e, m, attempt, raw, 2, 70, 60_000)),
  ),
);

/** A set with unique ids: learners' statements, mentors' reviews of some of them, and voidings of some. */
export const arbMentoringSet: fc.Arbitrary<Statement[]> = fc
  .uniqueArray(arbLearnerStatement, { selector: (s) => s.id, maxLength: 40 })
  .chain((statements) =>
    fc.tuple(
      fc.constant(statements),
      fc.array(
        fc.tuple(fc.nat(), arbEnv(MENTOR), fc.boolean(), fc.string({ maxLength: 6 })).map(([pick, e, ok, comment]) => {
          const target = statements[pick % Math.max(1, statements.length)];
          return target ? buildStatement.review(e, { statementId: target.id }, target.actor as Agent, ok, comment) : undefined;
        }),
        { maxLength: 15 },
      ),
    ),
  )
  .chain(([statements, reviews]) => {
    const all = [...statements, ...reviews.filter((r): r is Statement => r !== undefined)];
    return fc.tuple(
      fc.constant(all),
      fc.subarray(all, { maxLength: Math.min(6, all.length) }),
      fc.array(fc.uuid({ version: 4 }), { minLength: 6, maxLength: 6 }),
    );
  })
  .map(([all, targets, ids]) => [
    ...all,
    ...targets.map((t, i) =>
      buildStatement.voided({ base: BASE, actor: t.actor as Agent, id: ids[i]!, timestamp: '2026-02-01T00:00:00.000Z' }, t.id),
    ),
  ])
  .filter((all) => new Set(all.map((s) => s.id)).size === all.length);

/** The set and a shuffled copy of it. */
export const arbShuffled = arbMentoringSet.chain((set) =>
  fc.tuple(fc.constant(set), fc.shuffledSubarray(set, { minLength: set.length, maxLength: set.length })),
);

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const env = (actor: Agent, n: number, timestamp: string): StatementEnv => ({ base: BASE, actor, id: uuid(n), timestamp });
