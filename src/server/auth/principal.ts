/*
 * Who is asking. A request is authenticated by the session cookie (the app), or by HTTP Basic
 * with an xAPI client's key and secret, or by HTTP Basic with a user's login and password (so
 * LRS tools work with a person's account). Each principal has an xAPI Agent: users are
 * `{account: {homePage: XAPI_BASE, name: <user id>}}`, clients are
 * `{account: {homePage: XAPI_BASE + "/clients", name: <key>}}`; it is what the server stores
 * as `authority` and what "who sees what" is decided on.
 */
import type { FastifyRequest } from 'fastify';
import type { JsonObject } from '../../shared/xapi/validate';
import { agentKey } from '../../shared/xapi/canonical';
import type { AppContext } from '../context';
import { findSessionUser, findUserByLogin, type User } from '../store/users';
import { findXapiClient } from '../store/xapi-clients';
import { sha256, verifyAgainstNobody, verifyPassword } from './password';

export type Principal =
  | { kind: 'user'; user: User; via: 'session' | 'basic'; agent: JsonObject; agentKey: string }
  | { kind: 'client'; key: string; cohortId: string | null; agent: JsonObject; agentKey: string };

export const SESSION_COOKIE = 'biblio_session';

export function userAgent(xapiBase: string, user: Pick<User, 'id' | 'name'>): JsonObject {
  return { objectType: 'Agent', name: user.name, account: { homePage: xapiBase, name: user.id } };
}

export function clientAgent(xapiBase: string, key: string): JsonObject {
  return { objectType: 'Agent', name: key, account: { homePage: `${xapiBase}/clients`, name: key } };
}

export function userPrincipal(xapiBase: string, user: User, via: 'session' | 'basic'): Principal {
  const agent = userAgent(xapiBase, user);
  return { kind: 'user', user, via, agent, agentKey: agentKey(agent) ?? '' };
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

export type Authentication =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'missing' | 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfter: number };

export function basicCredentials(request: FastifyRequest): { id: string; secret: string } | undefined {
  const header = request.headers.authorization;
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

const BASIC_CACHE_MS = 60_000;

async function authenticateBasic(ctx: AppContext, request: FastifyRequest, id: string, secret: string): Promise<Authentication> {
  const cacheKey = sha256(`${id}\u0000${secret}`);
  const cached = ctx.verifiedBasic.get(cacheKey);
  if (cached && cached.until > Date.now()) return { ok: true, principal: cached.principal };
  const limitKey = `${request.ip}|${id.toLowerCase()}`;
  const retryAfter = ctx.limiter.retryAfter(limitKey);
  if (retryAfter > 0) return { ok: false, reason: 'rate-limited', retryAfter };

  let principal: Principal | undefined;
  const client = await findXapiClient(ctx.store.db, id);
  if (client) {
    if (await verifyPassword(secret, client.secretHash)) {
      const agent = clientAgent(ctx.config.xapiBase, client.key);
      principal = { kind: 'client', key: client.key, cohortId: client.cohortId, agent, agentKey: agentKey(agent) ?? '' };
    }
  } else {
    const user = await findUserByLogin(ctx.store.db, id);
    if (user && (await verifyPassword(secret, user.passwordHash))) {
      const { passwordHash: _hash, ...plain } = user;
      principal = userPrincipal(ctx.config.xapiBase, plain, 'basic');
    } else if (!user) await verifyAgainstNobody(secret);
  }
  if (!principal) {
    ctx.limiter.fail(limitKey);
    return { ok: false, reason: 'invalid' };
  }
  ctx.limiter.succeed(limitKey);
  if (ctx.verifiedBasic.size > 10_000) ctx.verifiedBasic.clear();
  ctx.verifiedBasic.set(cacheKey, { principal, until: Date.now() + BASIC_CACHE_MS });
  return { ok: true, principal };
}

/** HTTP Basic when an Authorization header is sent, otherwise the session cookie. */
export async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Authentication> {
  const basic = basicCredentials(request);
  if (basic) return authenticateBasic(ctx, request, basic.id, basic.secret);
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return { ok: false, reason: 'missing' };
  const user = await findSessionUser(ctx.store.db, token);
  return user ? { ok: true, principal: userPrincipal(ctx.config.xapiBase, user, 'session') } : { ok: false, reason: 'invalid' };
}
