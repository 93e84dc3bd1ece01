/*
 * Who sees and writes which statements ("who sees what", README):
 * - read: a learner sees statements that name them anywhere (actor, object, context
 *   instructor/team, group member, authority), including statements that target such a
 *   statement through a StatementRef (a mentor's comment on their work); a mentor sees that for
 *   themselves and for every learner in the cohorts they mentor; a coordinator, and an xAPI
 *   client without a cohort limit, see everything; a client limited to a cohort sees that
 *   cohort's learners and mentors (and what it wrote itself). Mentors never read learners'
 *   survey answers (`responded`: anonymous to mentors) nor their assignment drafts (`drafted`).
 * - write: learners and mentors record statements only with themselves as actor (and void
 *   only their own); coordinators and xAPI clients may record any actor.
 */
import type { AppContext } from '../context';
import type { Access } from '../store/statements';
import { cohortIdsOfMentor, learnersOf, mentorsOf } from '../store/cohorts';
import { agentKey } from '../../shared/xapi/canonical';
import type { JsonObject } from '../../shared/xapi/validate';
import { VERBS } from '../../shared/xapi/verbs';
import { userAgent, type Principal } from './principal';

/** Learners' statements a mentor never reads: survey answers (anonymous to mentors) and assignment drafts (the learner's own). */
export const MENTOR_HIDDEN_VERBS = [VERBS.responded, VERBS.drafted];

function keysOf(ctx: AppContext, people: { userId: string; name: string }[]): string[] {
  return people.flatMap((person) => agentKey(userAgent(ctx.config.xapiBase, { id: person.userId, name: person.name })) ?? []);
}

export async function readAccess(ctx: AppContext, principal: Principal): Promise<Access> {
  if (principal.kind === 'client') {
    if (principal.cohortId === null) return { all: true };
    const cohorts = [principal.cohortId];
    const people = [...(await learnersOf(ctx.store.db, cohorts)), ...(await mentorsOf(ctx.store.db, cohorts))];
    return { all: false, agentKeys: [principal.agentKey, ...keysOf(ctx, people)] };
  }
  switch (principal.user.role) {
    case 'coordinator':
      return { all: true };
    case 'mentor': {
      const learners = await learnersOf(ctx.store.db, await cohortIdsOfMentor(ctx.store.db, principal.user.id));
      return {
        all: false,
        agentKeys: [principal.agentKey, ...keysOf(ctx, learners)],
        private: { verbs: MENTOR_HIDDEN_VERBS, selfKey: principal.agentKey },
      };
    }
    case 'learner':
      return { all: false, agentKeys: [principal.agentKey] };
  }
}

export const isPrivilegedWriter = (principal: Principal): boolean => principal.kind === 'client' || principal.user.role === 'coordinator';

/** Why this principal may not record this statement, or undefined when it may. */
export function writeProblem(principal: Principal, statement: JsonObject, path: string): string | undefined {
  if (isPrivilegedWriter(principal)) return undefined;
  if (agentKey(statement.actor) === principal.agentKey && (statement.actor as JsonObject).objectType !== 'Group') return undefined;
  return `${path}.actor: you may only record statements as yourself, i.e. with the actor ${JSON.stringify({
    objectType: 'Agent',
    account: (principal.agent as { account: unknown }).account,
  })}`;
}
