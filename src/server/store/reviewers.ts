/*
 * Who may review a learner's work (accept or return an assignment, approve or question hours):
 * the mentors of the learner's cohorts, every coordinator, and the xAPI clients given the
 * right (`--may-review`) that are unlimited or limited to one of the learner's cohorts. As
 * xAPI agent keys, the form the review folds (shared/mentoring) take them in.
 * Cohorts only gain mentors and roles never change, so who may review now includes everyone
 * who could when a stored review was made.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { agentKey } from '../../shared/xapi/canonical';
import { clientAgent, userAgent } from '../auth/principal';

export async function reviewersOf(db: Kysely<Database>, xapiBase: string, learnerId: string): Promise<Set<string>> {
  const cohorts = db.selectFrom('cohort_members').select('cohort_id').where('user_id', '=', learnerId);
  const mentors = await db.selectFrom('cohort_mentors').select('user_id').distinct().where('cohort_id', 'in', cohorts).execute();
  const coordinators = await db.selectFrom('users').select('id').where('role', '=', 'coordinator').execute();
  const clients = await db
    .selectFrom('xapi_clients')
    .select('key')
    .where('may_review', '=', 1)
    .where((eb) => eb.or([eb('cohort_id', 'is', null), eb('cohort_id', 'in', cohorts)]))
    .execute();
  const keys = [
    ...[...mentors.map((m) => m.user_id), ...coordinators.map((c) => c.id)].map((id) => agentKey(userAgent(xapiBase, { id, name: '' }))),
    ...clients.map((c) => agentKey(clientAgent(xapiBase, c.key))),
  ];
  return new Set(keys.filter((key): key is string => key !== undefined));
}
