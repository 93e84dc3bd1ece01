/*
 * The accounts API under /api (JSON): first-time setup, sign-in/out, sign-up with an invite
 * code, and the coordinator's tools (users, cohorts, invite codes, mentors, password resets).
 * Every state-changing request passes the CSRF check (auth/csrf.ts). Sign-in failures say the
 * same thing whether or not the login exists, and take as long.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { lockSetup } from '../store/database';
import { ConflictError, NotFoundError } from '../store/errors';
import type { Role } from '../store/schema';
import {
  countCoordinators,
  createSession,
  deleteSession,
  findUserById,
  findUserByLogin,
  insertUser,
  listUsers,
  LOGIN_RULE,
  setPassword,
  type User,
} from '../store/users';
import {
  addLearner,
  addMentor,
  cohortIdsOfLearner,
  cohortIdsOfMentor,
  createCohort,
  createInvite,
  findCohort,
  learnersOf,
  listCohorts,
  listInvites,
  mentorsOf,
  useInvite,
} from '../store/cohorts';
import { PASSWORD_RULE, verifyAgainstNobody, verifyPassword } from '../auth/password';
import { authenticate, sessionToken, SESSION_COOKIE, userAgent, type Principal } from '../auth/principal';
import { csrfProblem } from '../auth/csrf';
import { LOGIN_PATTERN, PASSWORD_LENGTH } from '../../shared/accounts/rules';

/**
 * An answer to bad input: a 4xx (or 503) status, an English message, and optionally a
 * machine-readable `error` code and the seconds to wait before trying again (Retry-After).
 */
export class HttpError extends Error {
  readonly code: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(
    readonly statusCode: number,
    problem: string | { message: string; code: string; retryAfter?: number },
  ) {
    super(typeof problem === 'string' ? problem : problem.message);
    this.code = typeof problem === 'string' ? undefined : problem.code;
    this.retryAfter = typeof problem === 'string' ? undefined : problem.retryAfter;
  }
}

const INVALID_SIGN_IN = 'The login or password is not correct.';

/** Routes that check or hash a password count against the client address (auth/sign-in-limits.ts). */
const PASSWORD_ROUTE = { rateLimit: {} };

const login = z.string().trim().regex(LOGIN_PATTERN, LOGIN_RULE);
const password = z.string().min(PASSWORD_LENGTH.min, PASSWORD_RULE).max(PASSWORD_LENGTH.max, PASSWORD_RULE);
const name = z.string().trim().min(1, 'A name is 1 to 100 characters.').max(100, 'A name is 1 to 100 characters.');

const setupBody = z.object({ name, login, password });
const loginBody = z.object({ login: z.string().max(200), password: z.string().max(1000) });
const signupBody = z.object({ inviteCode: z.string().min(1).max(40), name, login, password });
const userBody = z.object({ name, login, password, role: z.enum(['learner', 'mentor', 'coordinator']) });
const passwordBody = z.object({ password });
const cohortBody = z.object({ name });
const inviteBody = z.object({
  role: z.enum(['learner', 'mentor']),
  maxUses: z.number().int().min(1).max(10_000).default(30),
  expiresInDays: z.number().min(0.001).max(3650).nullable().default(30),
});
const personBody = z.object({ userId: z.string().min(1).max(100) });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.');
  throw new HttpError(400, field ? `${field}: ${issue?.message}` : (issue?.message ?? 'The request body is not valid.'));
}

const publicUser = (user: User) => ({ id: user.id, login: user.login, name: user.name, role: user.role, createdAt: user.createdAt });

/** Sets the session cookie, or (without a token) clears it. */
function setSessionCookie({
  ctx,
  request,
  reply,
  session,
}: {
  ctx: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
  session: { token: string; expiresAt: Date } | undefined;
}): void {
  const secure = ctx.config.cookieSecure === 'always' || (ctx.config.cookieSecure === 'auto' && request.protocol === 'https');
  const expiresAt = session?.expiresAt ?? new Date(0);
  reply.setCookie(SESSION_COOKIE, session?.token ?? '', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
  });
}

async function startSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, user: User): Promise<void> {
  setSessionCookie({ ctx, request, reply, session: await createSession(ctx.store.db, user.id, ctx.config.sessionDays) });
}

function signedInBody(ctx: AppContext, user: User) {
  return { user: publicUser(user), agent: userAgent(ctx.config.xapiBase, user), xapiBase: ctx.config.xapiBase };
}

export async function requirePrincipal(ctx: AppContext, request: FastifyRequest, _reply: FastifyReply): Promise<Principal> {
  const auth = await authenticate(ctx, request);
  if (auth.ok) return auth.principal;
  throw new HttpError(
    401,
    auth.reason === 'missing' ? 'Sign in first.' : 'Your session has ended or the credentials are not correct. Sign in again.',
  );
}

async function requireUser(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, roles: Role[]): Promise<User> {
  const principal = await requirePrincipal(ctx, request, reply);
  if (principal.kind !== 'user') throw new HttpError(403, 'xAPI client credentials cannot use the accounts API.');
  if (!roles.includes(principal.user.role)) throw new HttpError(403, `Only a ${roles.join(' or ')} may do this.`);
  return principal.user;
}

export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const problem = csrfProblem(request);
    if (problem) throw new HttpError(403, problem);
  });

  app.get('/api/setup', async () => ({ needsSetup: (await countCoordinators(db)) === 0 }));

  app.post('/api/setup', { config: PASSWORD_ROUTE }, async (request, reply) => {
    const body = parse(setupBody, request.body);
    const user = await db.transaction().execute(async (trx) => {
      await lockSetup(trx, ctx.store.dialect);
      if ((await countCoordinators(trx)) > 0) throw new HttpError(409, 'Setup is done already: a coordinator exists. Sign in instead.');
      return insertUser(trx, { ...body, role: 'coordinator' });
    });
    await startSession(ctx, request, reply, user);
    return reply.code(201).send(signedInBody(ctx, user));
  });

  app.post('/api/login', { config: PASSWORD_ROUTE }, async (request, reply) => {
    const body = parse(loginBody, request.body);
    const found = await findUserByLogin(db, body.login);
    const ok = await ctx.signInLimits.check(request, {
      login: body.login,
      verify: () => (found ? verifyPassword(body.password, found.passwordHash) : verifyAgainstNobody(body.password)),
    });
    if (!found || !ok) throw new HttpError(401, INVALID_SIGN_IN);
    const { passwordHash: _hash, ...user } = found;
    await startSession(ctx, request, reply, user);
    return signedInBody(ctx, user);
  });

  app.post('/api/logout', async (request, reply) => {
    const token = sessionToken(request);
    if (token) await deleteSession(db, token);
    setSessionCookie({ ctx, request, reply, session: undefined });
    return reply.code(204).send();
  });

  app.get('/api/me', async (request, reply) => {
    const user = await requireUser(ctx, request, reply, ['learner', 'mentor', 'coordinator']);
    const cohortIds = user.role === 'mentor' ? await cohortIdsOfMentor(db, user.id) : await cohortIdsOfLearner(db, user.id);
    return { ...signedInBody(ctx, user), cohorts: await listCohorts(db, cohortIds) };
  });

  app.post('/api/signup', { config: PASSWORD_ROUTE }, async (request, reply) => {
    const body = parse(signupBody, request.body);
    await ctx.signInLimits.refuseAfterFailures(request, 'invite-codes');
    const user = await db.transaction().execute(async (trx) => {
      const invite = await useInvite(trx, body.inviteCode);
      if (!invite) return undefined;
      const created = await insertUser(trx, { name: body.name, login: body.login, password: body.password, role: invite.role });
      if (invite.role === 'mentor') await addMentor(trx, invite.cohortId, created.id);
      else await addLearner(trx, invite.cohortId, created.id);
      return created;
    });
    if (!user) {
      // Counted after the transaction: on SQLite it holds the one connection the count needs.
      await ctx.signInLimits.recordFailure(request, 'invite-codes');
      throw new HttpError(400, {
        code: 'invalid-invite',
        message: 'This invite code is not valid: it may be mistyped, expired or used up. Ask your coordinator for a new one.',
      });
    }
    await startSession(ctx, request, reply, user);
    return reply.code(201).send(signedInBody(ctx, user));
  });

  app.get('/api/users', async (request, reply) => {
    await requireUser(ctx, request, reply, ['coordinator']);
    return { users: (await listUsers(db)).map(publicUser) };
  });

  app.post('/api/users', async (request, reply) => {
    await requireUser(ctx, request, reply, ['coordinator']);
    const body = parse(userBody, request.body);
    return reply.code(201).send({ user: publicUser(await insertUser(db, body)) });
  });

  app.post<{ Params: { id: string } }>('/api/users/:id/password', async (request, reply) => {
    await requireUser(ctx, request, reply, ['coordinator']);
    const body = parse(passwordBody, request.body);
    if (!(await setPassword(db, request.params.id, body.password))) throw new HttpError(404, 'There is no such user.');
    return reply.code(204).send();
  });

  app.get('/api/cohorts', async (request, reply) => {
    const user = await requireUser(ctx, request, reply, ['coordinator', 'mentor']);
    const cohorts = await listCohorts(db, user.role === 'mentor' ? await cohortIdsOfMentor(db, user.id) : undefined);
    const ids = cohorts.map((cohort) => cohort.id);
    const learners = await learnersOf(db, ids);
    const mentors = await mentorsOf(db, ids);
    const person = (p: { userId: string; name: string; login: string }) => ({
      id: p.userId,
      name: p.name,
      login: p.login,
      agent: userAgent(ctx.config.xapiBase, { id: p.userId, name: p.name }),
    });
    return {
      cohorts: cohorts.map((cohort) => ({
        ...cohort,
        learners: learners.filter((p) => p.cohortId === cohort.id).map(person),
        mentors: mentors.filter((p) => p.cohortId === cohort.id).map(person),
      })),
    };
  });

  app.post('/api/cohorts', async (request, reply) => {
    await requireUser(ctx, request, reply, ['coordinator']);
    const body = parse(cohortBody, request.body);
    return reply.code(201).send({ cohort: await createCohort(db, body.name) });
  });

  const cohortOr404 = async (id: string) => {
    const cohort = await findCohort(db, id);
    if (!cohort) throw new HttpError(404, 'There is no such cohort.');
    return cohort;
  };

  app.get<{ Params: { id: string } }>('/api/cohorts/:id/invites', async (request, reply) => {
    await requireUser(ctx, request, reply, ['coordinator']);
    await cohortOr404(request.params.id);
    return { invites: await listInvites(db, request.params.id) };
  });

  app.post<{ Params: { id: string } }>('/api/cohorts/:id/invites', async (request, reply) => {
    await requireUser(ctx, request, reply, ['coordinator']);
    const body = parse(inviteBody, request.body);
    await cohortOr404(request.params.id);
    const expiresAt = body.expiresInDays === null ? null : new Date(Date.now() + body.expiresInDays * 86_400_000).toISOString();
    const invite = await createInvite(db, { cohortId: request.params.id, role: body.role, maxUses: body.maxUses, expiresAt });
    return reply.code(201).send({ invite });
  });

  for (const [path, role, add] of [
    ['mentors', 'mentor', addMentor],
    ['learners', 'learner', addLearner],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/api/cohorts/:id/${path}`, async (request, reply) => {
      await requireUser(ctx, request, reply, ['coordinator']);
      const body = parse(personBody, request.body);
      await cohortOr404(request.params.id);
      const user = await findUserById(db, body.userId);
      if (!user) throw new HttpError(404, 'There is no such user.');
      if (user.role !== role) throw new HttpError(400, `${user.login} is a ${user.role}, not a ${role}.`);
      await add(db, request.params.id, user.id);
      return reply.code(204).send();
    });
  }
}

export function storeErrorStatus(error: unknown): { statusCode: number; message: string; code?: string; retryAfter?: number } | undefined {
  if (error instanceof HttpError) {
    return {
      statusCode: error.statusCode,
      message: error.message,
      ...(error.code ? { code: error.code } : {}),
      ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
    };
  }
  if (error instanceof ConflictError) return { statusCode: 409, message: error.message };
  if (error instanceof NotFoundError) return { statusCode: 404, message: error.message };
  return undefined;
}
