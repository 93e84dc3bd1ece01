/*
 * Who sees and writes which statements ("who sees what", README):
 * - read: a learner sees statements that name them anywhere (actor, object, context
 *   instructor/team, group member, authority), including statements that target such a
 *   statement through a StatementRef (a mentor's comment on their work); a mentor sees that for
 *   themselves and for every learner in the cohorts they mentor; a coordinator, and an xAPI
 *   client without a cohort limit, see everything; a client limited to a cohort sees that
 *   cohort's learners and mentors (and what it wrote itself). What is private to the learner
 *   (shared/xapi/privacy.ts: notes, bookmarks, reading positions, drafts) only its learner
 *   reads: no mentor, coordinator or xAPI client. Mentors never read survey answers either.
 * - write: learners and mentors record statements only with themselves as actor (and void
 *   only their own); coordinators and unlimited xAPI clients may record and void any actor's;
 *   a client limited to a cohort records and voids only as and of that cohort's learners and
 *   mentors (or itself).
 * - review (`reviewed`, accepting work or approving hours): a mentor of the learner's cohort,
 *   a coordinator, or an xAPI client given the right (`--may-review`; limited to its cohort's
 *   learners when it has one). The same rule decides whose stored reviews count
 *   (store/reviewers.ts, the review folds in shared/mentoring).
 */
import type { AppContext } from '../context';
import type { Access, AgentScope } from '../store/statements';
import { cohortIdsOfMentor, learnersOf, mentorsOf } from '../store/cohorts';
import { agentKey } from '../../shared/xapi/canonical';
import type { JsonObject } from '../../shared/xapi/validate';
import { LEARNER_PRIVATE_VERBS, MENTOR_HIDDEN_VERBS } from '../../shared/xapi/privacy';
import { userAgent, type Principal } from './principal';

function keysOf(ctx: AppContext, people: { userId: string; name: string }[]): string[] {
  return people.flatMap((person) => agentKey(userAgent(ctx.config.xapiBase, { id: person.userId, name: person.name })) ?? []);
}

/** The learners and mentors of a cohort-limited client's cohort, and the client itself. */
async function cohortPeople(ctx: AppContext, principal: Principal & { kind: 'client' }, cohortId: string): Promise<string[]> {
  const people = [...(await learnersOf(ctx.store.db, [cohortId])), ...(await mentorsOf(ctx.store.db, [cohortId]))];
  return [principal.agentKey, ...keysOf(ctx, people)];
}

async function learnersOfMentor(ctx: AppContext, mentorId: string): Promise<string[]> {
  return keysOf(ctx, await learnersOf(ctx.store.db, await cohortIdsOfMentor(ctx.store.db, mentorId)));
}

export async function readAccess(ctx: AppContext, principal: Principal): Promise<Access> {
  const hidden = { verbs: LEARNER_PRIVATE_VERBS, selfKey: principal.agentKey };
  if (principal.kind === 'client') {
    if (principal.cohortId === null) return { all: true, hidden };
    return { all: false, agentKeys: await cohortPeople(ctx, principal, principal.cohortId), hidden };
  }
  switch (principal.user.role) {
    case 'coordinator':
      return { all: true, hidden };
    case 'mentor':
      return {
        all: false,
        agentKeys: [principal.agentKey, ...(await learnersOfMentor(ctx, principal.user.id))],
        hidden: { verbs: MENTOR_HIDDEN_VERBS, selfKey: principal.agentKey },
      };
    case 'learner':
      return { all: false, agentKeys: [principal.agentKey] };
  }
}

/** What a principal may write: as whom (besides itself), whose statements it may void, whose work it may review. */
export type WriteRights = { actors: AgentScope; mayVoid: AgentScope; mayReview: AgentScope };

export async function writeRights(ctx: AppContext, principal: Principal): Promise<WriteRights> {
  if (principal.kind === 'client') {
    if (principal.cohortId === null) return { actors: 'anyone', mayVoid: 'anyone', mayReview: principal.mayReview ? 'anyone' : 'nobody' };
    const people = new Set(await cohortPeople(ctx, principal, principal.cohortId));
    const learners = new Set(keysOf(ctx, await learnersOf(ctx.store.db, [principal.cohortId])));
    return { actors: people, mayVoid: people, mayReview: principal.mayReview ? learners : 'nobody' };
  }
  switch (principal.user.role) {
    case 'coordinator':
      return { actors: 'anyone', mayVoid: 'anyone', mayReview: 'anyone' };
    case 'mentor':
      return { actors: 'nobody', mayVoid: 'nobody', mayReview: new Set(await learnersOfMentor(ctx, principal.user.id)) };
    case 'learner':
      return { actors: 'nobody', mayVoid: 'nobody', mayReview: 'nobody' };
  }
}

/** Why this principal may not record a statement with this actor, or undefined when it may. */
export function writeProblem(
  principal: Principal,
  rights: WriteRights,
  check: { statement: JsonObject; path: string },
): string | undefined {
  const actor = check.statement.actor as JsonObject;
  const key = agentKey(actor);
  if (key === principal.agentKey && actor.objectType !== 'Group') return undefined;
  if (rights.actors === 'anyone') return undefined;
  if (rights.actors !== 'nobody') {
    return key !== undefined && rights.actors.has(key)
      ? undefined
      : `${check.path}.actor: this client records statements only as the learners and mentors of its cohort, or as itself.`;
  }
  return `${check.path}.actor: you may only record statements as yourself, i.e. with the actor ${JSON.stringify({
    objectType: 'Agent',
    account: (principal.agent as { account: unknown }).account,
  })}`;
}
