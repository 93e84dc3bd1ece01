/*
 * Whose review counts: only a review whose author (the authority the server stored, or the
 * actor before the server has it) may review the learner. A learner approving their own hours
 * or accepting their own assignment, a mentor of another cohort, or a client writing as the
 * mentor without the right: each is left out, as if it were not in the set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentStates, foldAssignments, reviewAuthor } from '../../../../src/shared/mentoring/assignments';
import { hoursEntries, learnerHours } from '../../../../src/shared/mentoring/hours';
import { buildStatement } from '../../../../src/shared/xapi/build';
import { agentKey } from '../../../../src/shared/xapi/canonical';
import type { Agent, Statement } from '../../../../src/shared/xapi/types';
import { arbMentoringSet, BASE, env, learner, MENTOR, REVIEWERS } from './arbitraries';

const anna = learner(1);
const otherMentor: Agent = { objectType: 'Agent', name: 'Mara Mentor', account: { homePage: BASE, name: 'mentor-2' } };
const client: Agent = { objectType: 'Agent', name: 'tool', account: { homePage: `${BASE}/clients`, name: 'tool' } };
const mod = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en' };
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

const workBased = buildStatement.loggedHours(env(anna, 1, at(1)), {
  category: 'work-based',
  hours: 165,
  date: '2026-03-01',
  description: 'Desk',
});
const submission = buildStatement.assignmentSubmission(env(anna, 2, at(2)), mod, 'my essay');

/** A review of `target` by `actor`, stored by the server with `authority` (none: not stored yet). */
function review(options: { n: number; actor: Agent; target: Statement; authority?: Agent }): Statement {
  const made = buildStatement.review(env(options.actor, options.n, at(options.n)), { statementId: options.target.id }, anna, true, 'ok');
  return options.authority ? { ...made, authority: options.authority } : made;
}

describe('whose review counts', () => {
  it("leaves out a learner's approval of their own hours and acceptance of their own assignment", () => {
    const own = [
      review({ n: 3, actor: anna, target: workBased, authority: anna }),
      review({ n: 4, actor: anna, target: submission, authority: anna }),
    ];
    const entries = hoursEntries([workBased, submission, ...own], REVIEWERS);
    expect(entries[0]?.review).toBeNull();
    expect(learnerHours(entries, 0)).toEqual({ approved: {}, pending: { 'work-based': 165 } });
    expect(assignmentStates([workBased, submission, ...own], REVIEWERS)[0]?.status).toBe('submitted');
  });

  it("leaves out a review by a mentor of another cohort, and one a client without the right wrote as the learner's mentor", () => {
    const reviews = [
      review({ n: 3, actor: otherMentor, target: workBased, authority: otherMentor }),
      review({ n: 4, actor: MENTOR, target: submission, authority: client }),
    ];
    expect(hoursEntries([workBased, ...reviews], REVIEWERS)[0]?.review).toBeNull();
    expect(assignmentStates([submission, ...reviews], REVIEWERS)[0]?.status).toBe('submitted');
  });

  it("counts the mentor's review, one the server stored for a coordinator or a client given the right, and one not yet stored", () => {
    const reviewers = new Set([...REVIEWERS, agentKey(client) ?? '']);
    const byClient = review({ n: 3, actor: otherMentor, target: workBased, authority: client });
    expect(hoursEntries([workBased, byClient], reviewers)[0]?.review?.accepted).toBe(true);
    const waiting = review({ n: 4, actor: MENTOR, target: submission });
    expect(reviewAuthor(waiting)).toBe(agentKey(MENTOR));
    expect(assignmentStates([submission, waiting], REVIEWERS)[0]?.status).toBe('accepted');
    const stored = review({ n: 5, actor: MENTOR, target: submission, authority: MENTOR });
    expect(assignmentStates([submission, stored], REVIEWERS)[0]?.status).toBe('accepted');
  });

  it('judges each learner by their own reviewers when folding many', () => {
    const ben = learner(2);
    const bens = buildStatement.assignmentSubmission(env(ben, 6, at(6)), mod, 'his essay');
    const accepted = [
      review({ n: 7, actor: MENTOR, target: submission, authority: MENTOR }),
      review({ n: 8, actor: MENTOR, target: bens, authority: MENTOR }),
    ];
    const folded = foldAssignments([submission, bens, ...accepted], {
      reviewersOf: (key) => (key === agentKey(anna) ? REVIEWERS : new Set([agentKey(otherMentor) ?? ''])),
    });
    expect(folded.get(agentKey(anna) ?? '')?.[0]?.status).toBe('accepted');
    expect(folded.get(agentKey(ben) ?? '')?.[0]?.status).toBe('submitted');
  });

  it('adding reviews by people without the right never changes a fold', () => {
    const intruders = fc.constantFrom<Agent>(anna, learner(2), otherMentor, client);
    fc.assert(
      fc.property(arbMentoringSet, fc.array(fc.tuple(fc.nat(), intruders, fc.boolean()), { maxLength: 8 }), (set, picks) => {
        const extra = picks.flatMap(([pick, who, withAuthority], i) => {
          const target = set[pick % Math.max(1, set.length)];
          return target
            ? [review({ n: 100 + i, actor: withAuthority ? MENTOR : who, target, authority: withAuthority ? who : undefined })]
            : [];
        });
        expect(assignmentStates([...set, ...extra], REVIEWERS)).toEqual(assignmentStates(set, REVIEWERS));
        expect(hoursEntries([...set, ...extra], REVIEWERS)).toEqual(hoursEntries(set, REVIEWERS));
      }),
      { numRuns: 150 },
    );
  });
});
