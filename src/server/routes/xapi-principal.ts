/*
 * Who makes an /xapi request: any principal (auth/principal.ts); a browser session must also
 * carry the CSRF header (auth/csrf.ts), as for every request the app makes with its cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { HttpError, requirePrincipal } from './accounts';
import { csrfProblem } from '../auth/csrf';
import type { Principal } from '../auth/principal';

export async function principalFor(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<Principal> {
  const principal = await requirePrincipal(ctx, request, reply);
  if (principal.kind === 'user' && principal.via === 'session') {
    const problem = csrfProblem(request);
    if (problem) throw new HttpError(403, problem);
  }
  return principal;
}
