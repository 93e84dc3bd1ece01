/*
 * Who is asking. A request is authenticated by the session cookie (the app), or by HTTP Basic
 * with an xAPI client's key and secret, or by HTTP Basic with a user's login and password (so
 * LRS tools work with a person's account). Each principal has an xAPI Agent: users are
 * `{account: {homePage: XAPI_BASE, name: <user id>}}`, clients are
 * `{account: {homePage: XAPI_BASE + "/clients", name: <key>}}`; it is what the server stores
 * as `authority` and what "who sees what" is decided on.
 */
import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { JsonObject } from '../../shared/xapi/validate';
import { agentKey } from '../../shared/xapi/canonical';
import type { AppContext } from '../context';
import { findSessionUser, findUserByLogin, type User } from '../store/users';
import { findXapiClient } from '../store/xapi-clients';
import { verifyAgainstNobody, verifyPassword } from './password';

export type Principal =
  | { kind: 'user'; user: User; via: 'session' | 'basic'; agent: JsonObject; agentKey: string }
  | { kind: 'client'; key: string; cohortId: string | null; mayReview: boolean; agent: JsonObject; agentKey: string };

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

/** The session token from the `biblio_session` cookie (parsed by @fastify/cookie; a broken `%` escape stays as sent). */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

/** Who is asking, or why nobody is; too many password checks are thrown as HttpError 429 (auth/sign-in-limits.ts). */
export type Authentication = { ok: true; principal: Principal } | { ok: false; reason: 'missing' | 'invalid' };

export function basicCredentials(request: FastifyRequest): { id: string; secret: string } | undefined {
  const header = request.headers.authorization;
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** Verified credentials remembered at most; then they are forgotten all at once. */
const MAX_VERIFIED = 10_000;

type Credentials = { id: string; secret: string };

function credentialKey(ctx: AppContext, credentials: Credentials, storedHash: string): string {
  return createHmac('sha256', ctx.verifiedBasic.key)
    .update(`${credentials.id}\u0000${credentials.secret}\u0000${storedHash}`)
    .digest('base64url');
}

/**
 * An xAPI client's key and secret, or a user's login and password. The account is read every
 * time; scrypt runs only for credentials not yet verified against the hash stored now.
 */
async function authenticateBasic(ctx: AppContext, request: FastifyRequest, credentials: Credentials): Promise<Authentication> {
  const client = await findXapiClient(ctx.store.db, credentials.id);
  const user = client ? undefined : await findUserByLogin(ctx.store.db, credentials.id);
  const storedHash = client?.secretHash ?? user?.passwordHash;
  const cacheKey = storedHash === undefined ? undefined : credentialKey(ctx, credentials, storedHash);
  if (cacheKey === undefined || !ctx.verifiedBasic.verified.has(cacheKey)) {
    await ctx.signInLimits.takeAddress(request);
    const ok = await ctx.signInLimits.check(request, {
      login: credentials.id,
      verify: () => (storedHash === undefined ? verifyAgainstNobody(credentials.secret) : verifyPassword(credentials.secret, storedHash)),
    });
    if (!ok || cacheKey === undefined) return { ok: false, reason: 'invalid' };
    if (ctx.verifiedBasic.verified.size >= MAX_VERIFIED) ctx.verifiedBasic.verified.clear();
    ctx.verifiedBasic.verified.add(cacheKey);
  }
  if (client) {
    const agent = clientAgent(ctx.config.xapiBase, client.key);
    return {
      ok: true,
      principal: {
        kind: 'client',
        key: client.key,
        cohortId: client.cohortId,
        mayReview: client.mayReview,
        agent,
        agentKey: agentKey(agent) ?? '',
      },
    };
  }
  if (!user) return { ok: false, reason: 'invalid' };
  const { passwordHash: _hash, ...plain } = user;
  return { ok: true, principal: userPrincipal(ctx.config.xapiBase, plain, 'basic') };
}

/** HTTP Basic when an Authorization header is sent, otherwise the session cookie. */
export async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Authentication> {
  const basic = basicCredentials(request);
  // No login or client key holds a NUL, and PostgreSQL cannot even compare one.
  if (basic?.id.includes('\u0000')) return { ok: false, reason: 'invalid' };
  if (basic) return authenticateBasic(ctx, request, basic);
  const token = sessionToken(request);
  if (!token) return { ok: false, reason: 'missing' };
  const user = await findSessionUser(ctx.store.db, token);
  return user ? { ok: true, principal: userPrincipal(ctx.config.xapiBase, user, 'session') } : { ok: false, reason: 'invalid' };
}
