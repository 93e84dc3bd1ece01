/*
 * CSRF protection for requests that change state: they must carry an `X-Requested-With`
 * header (any non-empty value; the app sends "biblio-study"). A browser only adds a custom
 * header to a cross-site request after a CORS preflight, which this server never approves, so
 * a forged form or image request cannot pass. As a second line, a request whose `Origin`
 * header names another host than the one it was sent to is refused. Requests authenticated by
 * HTTP Basic (xAPI tools, not browsers with a session) need neither.
 */
import type { FastifyRequest } from 'fastify';

export const CSRF_HEADER = 'x-requested-with';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfProblem(request: FastifyRequest): string | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== request.host) return `Cross-site request refused: Origin ${origin} does not match this server.`;
  }
  const header = request.headers[CSRF_HEADER];
  if (typeof header !== 'string' || header.trim() === '') {
    return 'This request changes data and must carry the X-Requested-With header (CSRF protection).';
  }
  return undefined;
}
