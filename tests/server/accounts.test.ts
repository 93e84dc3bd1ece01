/* Accounts: first-time setup, invite sign-up, sign-in, rate limit, CSRF, password reset. SQLite and PostgreSQL. */
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, cookieFrom, startTestServer, XAPI_BASE, type TestServer } from './helpers/server';

type Json = Record<string, unknown>;

describe.each(DATABASES)('accounts on %s', (kind) => {
  let server: TestServer;
  let coordinator = '';

  beforeAllOrFail(async () => {
    server = await startTestServer(kind, { LOGIN_MAX_ATTEMPTS: '3', COOKIE_SECURE: 'true' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: Json, cookie?: string, headers: Record<string, string> = APP_HEADERS) =>
    server.app.inject({ method, url, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...(payload ? { payload } : {}) });

  it('creates the first coordinator on an empty database, once', async () => {
    expect((await call('GET', '/api/setup')).json()).toEqual({ needsSetup: true });
    const created = await call('POST', '/api/setup', { name: 'Dace', login: 'Dace', password: 'coordinator pw' });
    expect(created.statusCode).toBe(201);
    expect(created.json<{ user: Json }>().user).toMatchObject({ login: 'dace', role: 'coordinator' });
    const cookie = String(created.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    coordinator = cookieFrom(created);
    expect((await call('GET', '/api/setup')).json()).toEqual({ needsSetup: false });
    const again = await call('POST', '/api/setup', { name: 'Eve', login: 'eve', password: 'intruder pw' });
    expect(again.statusCode).toBe(409);
  });

  it('requires the CSRF header and a same-site Origin on state-changing requests', async () => {
    const noHeader = await call('POST', '/api/cohorts', { name: 'X' }, coordinator, {});
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json<{ message: string }>().message).toMatch(/X-Requested-With/);
    const foreign = await call('POST', '/api/cohorts', { name: 'X' }, coordinator, { ...APP_HEADERS, origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const login = await call('POST', '/api/login', { login: 'dace', password: 'coordinator pw' }, undefined, {});
    expect(login.statusCode).toBe(403);
  });

  it('signs up with an invite code into a cohort, as learner or mentor', async () => {
    const cohort = (await call('POST', '/api/cohorts', { name: 'Riga branch' }, coordinator)).json<{ cohort: { id: string } }>().cohort;
    const invite = await call('POST', `/api/cohorts/${cohort.id}/invites`, { role: 'learner', maxUses: 1 }, coordinator);
    expect(invite.statusCode).toBe(201);
    const code = invite.json<{ invite: { code: string } }>().invite.code;
    const signup = await call('POST', '/api/signup', {
      inviteCode: code.toLowerCase(),
      name: 'Anna',
      login: 'anna',
      password: 'anna password',
    });
    expect(signup.statusCode).toBe(201);
    const me = await call('GET', '/api/me', undefined, cookieFrom(signup));
    const body = me.json<{ user: Json; agent: Json; cohorts: Json[] }>();
    expect(body.user).toMatchObject({ login: 'anna', role: 'learner' });
    expect(body.agent).toEqual({ objectType: 'Agent', name: 'Anna', account: { homePage: XAPI_BASE, name: body.user.id } });
    expect(body.cohorts.map((c) => c.id)).toEqual([cohort.id]);

    const usedUp = await call('POST', '/api/signup', { inviteCode: code, name: 'Ben', login: 'ben', password: 'ben password' });
    expect(usedUp.statusCode).toBe(400);
    expect(usedUp.json<{ message: string }>().message).toMatch(/invite code is not valid/);
    const unknown = await call('POST', '/api/signup', { inviteCode: 'AAAA-BBBB-CC', name: 'Ben', login: 'ben', password: 'ben password' });
    expect(unknown.statusCode).toBe(400);

    const mentorCode = (await call('POST', `/api/cohorts/${cohort.id}/invites`, { role: 'mentor' }, coordinator)).json<{
      invite: { code: string };
    }>().invite.code;
    const mentor = await call('POST', '/api/signup', { inviteCode: mentorCode, name: 'Ivo', login: 'ivo', password: 'ivo password' });
    expect(mentor.json<{ user: Json }>().user.role).toBe('mentor');
    const cohorts = (await call('GET', '/api/cohorts', undefined, cookieFrom(mentor))).json<{
      cohorts: { id: string; learners: Json[] }[];
    }>().cohorts;
    expect(cohorts.map((c) => c.id)).toEqual([cohort.id]);
    expect(cohorts[0]!.learners.map((l) => l.login)).toEqual(['anna']);

    const taken = await call('POST', '/api/signup', { inviteCode: mentorCode, name: 'Other', login: 'ANNA', password: 'other password' });
    expect(taken.statusCode).toBe(409);
    const weak = await call('POST', '/api/signup', { inviteCode: mentorCode, name: 'W', login: 'weak', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ message: string }>().message).toMatch(/password: Passwords must be 8/);
  });

  it('says the same for a wrong password and an unknown login', async () => {
    const wrong = await call('POST', '/api/login', { login: 'anna', password: 'not her password' });
    const unknown = await call('POST', '/api/login', { login: 'nobody-here', password: 'not her password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect((await call('POST', '/api/login', { login: 'ANNA', password: 'anna password' })).statusCode).toBe(200);
  });

  it('rate-limits failed sign-ins per address and login', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await call('POST', '/api/login', { login: 'ivo', password: 'guess number ' + i })).statusCode).toBe(401);
    const blocked = await call('POST', '/api/login', { login: 'ivo', password: 'ivo password' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await call('POST', '/api/login', { login: 'anna', password: 'anna password' })).statusCode).toBe(200);
  });

  it('signs out, and a reset password ends the old sessions', async () => {
    const session = cookieFrom(await call('POST', '/api/login', { login: 'anna', password: 'anna password' }));
    const other = cookieFrom(await call('POST', '/api/login', { login: 'anna', password: 'anna password' }));
    expect((await call('POST', '/api/logout', undefined, session)).statusCode).toBe(204);
    expect((await call('GET', '/api/me', undefined, session)).statusCode).toBe(401);
    expect((await call('GET', '/api/me', undefined, other)).statusCode).toBe(200);

    const users = (await call('GET', '/api/users', undefined, coordinator)).json<{ users: { id: string; login: string }[] }>().users;
    const anna = users.find((u) => u.login === 'anna')!;
    expect((await call('POST', `/api/users/${anna.id}/password`, { password: 'a brand new one' }, coordinator)).statusCode).toBe(204);
    expect((await call('GET', '/api/me', undefined, other)).statusCode).toBe(401);
    expect((await call('POST', '/api/login', { login: 'anna', password: 'anna password' })).statusCode).toBe(401);
    expect((await call('POST', '/api/login', { login: 'anna', password: 'a brand new one' })).statusCode).toBe(200);
    expect(
      (await call('POST', '/api/users/00000000-0000-4000-8000-000000000000/password', { password: 'whatever pw' }, coordinator)).statusCode,
    ).toBe(404);
  });

  it('assigns mentors to cohorts and refuses non-mentors', async () => {
    const cohort = (await call('POST', '/api/cohorts', { name: 'Second' }, coordinator)).json<{ cohort: { id: string } }>().cohort;
    const users = (await call('GET', '/api/users', undefined, coordinator)).json<{ users: { id: string; login: string }[] }>().users;
    const ivo = users.find((u) => u.login === 'ivo')!;
    const anna = users.find((u) => u.login === 'anna')!;
    expect((await call('POST', `/api/cohorts/${cohort.id}/mentors`, { userId: ivo.id }, coordinator)).statusCode).toBe(204);
    expect((await call('POST', `/api/cohorts/${cohort.id}/mentors`, { userId: ivo.id }, coordinator)).statusCode).toBe(204);
    expect((await call('POST', `/api/cohorts/${cohort.id}/mentors`, { userId: anna.id }, coordinator)).statusCode).toBe(400);
    expect((await call('POST', `/api/cohorts/not-a-cohort/mentors`, { userId: ivo.id }, coordinator)).statusCode).toBe(404);
  });
});
