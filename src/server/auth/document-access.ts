/*
 * Who reads and writes xAPI documents (routes/xapi-documents.ts):
 * - State and Agent Profile documents belong to the agent they are kept for. A person reads and
 *   writes only their own (a learner's bookmarks and suspend data never show to anyone else,
 *   mentors included); coordinators and xAPI clients those of the agents they may record
 *   statements as (auth/access.ts writeRights: anyone, or their cohort's people).
 * - Activity Profile documents describe an activity, not a person: everyone signed in reads
 *   them; coordinators and xAPI clients write them.
 */
import type { AppContext } from '../context';
import type { DocumentKind } from '../../shared/xapi/documents';
import { writeRights } from './access';
import type { Principal } from './principal';

export async function documentProblem(
  ctx: AppContext,
  request: { principal: Principal; kind: DocumentKind; agentKey: string; writing: boolean },
): Promise<string | undefined> {
  const { principal, kind, agentKey, writing } = request;
  if (kind === 'activity-profile') {
    if (!writing || principal.kind === 'client' || principal.user.role === 'coordinator') return undefined;
    return 'Only coordinators and xAPI clients write activity profiles.';
  }
  if (agentKey === principal.agentKey) return undefined;
  const { actors } = await writeRights(ctx, principal);
  if (actors === 'anyone' || (actors !== 'nobody' && actors.has(agentKey))) return undefined;
  return "These documents belong to another person: you may only use your own agent's documents.";
}
