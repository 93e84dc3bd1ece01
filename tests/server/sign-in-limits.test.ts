/*
 * Password guessing is limited (auth/sign-in-limits.ts), on SQLite and PostgreSQL: failed
 * checks per address and login, whichever way the login is spelled (app and HTTP Basic);
 * password checks per address across logins, sign-in and HTTP Basic together; both counts
 * shared by two servers on one database; 503 `busy` when the password queue is full; and a
 * password reset from the CLI ends HTTP Basic access at once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, startTestServer, XAPI_HEADERS, type TestServer } from './helpers/server';
import { insertUser } from '../../src/server/store/users';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { runAdmin } from '../../src/server/admin-commands';
import { PasswordQueue } from '../../src/server/auth/password-queue';
import { SignInLimits } from '../../src/server/auth/sign-in-limits';

const PASSWORD = 'correct horse battery';

describe.each(DATABASES)('sign-in limits on %s', (kind) => {
  let server: TestServer;
  let address = 0;
  /** A client address of its own for each test, so their counts never meet. */
  const nextAddress = () => `192.0.2.${(address += 1)}`;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind, { LOGIN_MAX_ATTEMPTS: '3', LOGIN_MAX_PER_ADDRESS: '8' });
    for (const login of ['anna', 'ben', 'cara', 'dace'])
      await insertUser(server.ctx.store.db, { login, name: login, role: 'learner', password: PASSWORD });
  });
  afterAll(async () => {
    await server?.close();
  });

  const signIn = (from: string, login: string, password: string, app = server.app) =>
    app.inject({ method: 'POST', url: '/api/login', remoteAddress: from, headers: APP_HEADERS, payload: { login, password } });
  const basicGet = (from: string, id: string, secret: string) =>
    server.app.inject({
      method: 'GET',
      url: '/xapi/statements?limit=1',
      remoteAddress: from,
      headers: { ...XAPI_HEADERS, authorization: basic(id, secret) },
    });

  it('counts failed HTTP Basic checks once per login however it is spelled', async () => {
    const from = nextAddress();
    for (const spelling of [' anna', '  anna', 'ANNA ']) expect((await basicGet(from, spelling, 'a wrong guess')).statusCode).toBe(401);
    const blocked = await basicGet(from, 'anna', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ error: string }>().error).toBe('too-many-sign-ins');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not blocked.
    expect((await basicGet(nextAddress(), 'anna', PASSWORD)).statusCode).toBe(200);
  });

  it('counts failed app sign-ins once per login however it is spelled', async () => {
    const from = nextAddress();
    await insertUser(server.ctx.store.db, { login: 'fay', name: 'Fay', role: 'learner', password: PASSWORD });
    for (const spelling of [' fay', 'FAY', 'fay  ']) expect((await signIn(from, spelling, 'a wrong guess')).statusCode).toBe(401);
    const blocked = await signIn(from, 'fay', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ error: string }>().error).toBe('too-many-sign-ins');
    expect((await signIn(nextAddress(), ' Fay ', PASSWORD)).statusCode).toBe(200);
  });

  it('limits password checks per address across logins, for sign-in and HTTP Basic together', async () => {
    const from = nextAddress();
    for (let i = 0; i < 4; i += 1) expect((await signIn(from, `nobody-${randomUUID()}`, 'a guess')).statusCode).toBe(401);
    for (let i = 0; i < 4; i += 1) expect((await basicGet(from, `nobody-${randomUUID()}`, 'a guess')).statusCode).toBe(401);
    const blocked = await signIn(from, 'ben', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ error: string }>().error).toBe('too-many-sign-ins');
    expect((await basicGet(from, 'ben', PASSWORD)).statusCode).toBe(429);
    expect((await signIn(nextAddress(), 'ben', PASSWORD)).statusCode).toBe(200);
  });

  it('does not count HTTP Basic credentials already verified', async () => {
    const from = nextAddress();
    for (let i = 0; i < 12; i += 1) expect((await basicGet(from, 'cara', PASSWORD)).statusCode).toBe(200);
  });

  it('shares the counts with another server on the same database', async () => {
    const other = await openServer(loadConfig({ ...server.database.env, LOGIN_MAX_ATTEMPTS: '3', LOGIN_MAX_PER_ADDRESS: '8' }), {
      serveApp: false,
    });
    try {
      const from = nextAddress();
      expect((await signIn(from, 'dace', 'guess 1')).statusCode).toBe(401);
      expect((await signIn(from, 'dace', 'guess 2', other.app)).statusCode).toBe(401);
      expect((await signIn(from, 'dace', 'guess 3')).statusCode).toBe(401);
      expect((await signIn(from, 'dace', PASSWORD, other.app)).statusCode).toBe(429);
    } finally {
      await other.app.close();
    }
  });

  it("shares an address's password checks with another server on the same database", async () => {
    const other = await openServer(loadConfig({ ...server.database.env, LOGIN_MAX_ATTEMPTS: '3', LOGIN_MAX_PER_ADDRESS: '8' }), {
      serveApp: false,
    });
    try {
      const from = nextAddress();
      for (const app of [server.app, other.app])
        for (let i = 0; i < 4; i += 1) expect((await signIn(from, `nobody-${randomUUID()}`, 'a guess', app)).statusCode).toBe(401);
      const blocked = await signIn(from, 'ben', PASSWORD, other.app);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json<{ error: string }>().error).toBe('too-many-sign-ins');
    } finally {
      await other.app.close();
    }
  });

  it('answers 503 busy at once while every password check is taken, and signs in when one is free', async () => {
    await insertUser(server.ctx.store.db, { login: 'gus', name: 'Gus', role: 'learner', password: PASSWORD });
    const limits = server.ctx.signInLimits;
    // One check at once and none waiting, the one taken by a check that has not finished.
    const queue = new PasswordQueue({ atOnce: 1, waiting: 0, perClient: 0 });
    server.ctx.signInLimits = new SignInLimits(server.ctx.counts, queue, limits.options);
    let finish: (() => void) | undefined;
    const running = queue.run('203.0.113.1', () => new Promise<void>((resolve) => (finish = resolve)));
    try {
      const from = nextAddress();
      const busy = await signIn(from, 'gus', PASSWORD);
      expect(busy.statusCode).toBe(503);
      expect(busy.json<{ error: string }>().error).toBe('busy');
      expect(busy.headers['retry-after']).toBe('1');
      expect((await basicGet(from, 'gus', PASSWORD)).statusCode).toBe(503);
      finish?.();
      await running;
      expect((await signIn(from, 'gus', PASSWORD)).statusCode).toBe(200);
      expect((await basicGet(from, 'gus', PASSWORD)).statusCode).toBe(200);
    } finally {
      finish?.();
      server.ctx.signInLimits = limits;
    }
  });

  it('ends HTTP Basic access at once when the password is reset from the command line', async () => {
    const from = nextAddress();
    await insertUser(server.ctx.store.db, { login: 'eva', name: 'Eva', role: 'learner', password: PASSWORD });
    expect((await basicGet(from, 'eva', PASSWORD)).statusCode).toBe(200);
    const io = { out: () => undefined, err: (line: string) => console.error(line) };
    expect(await runAdmin(['reset-password', '--login', 'eva', '--password', 'a new password'], server.database.env, io)).toBe(0);
    expect((await basicGet(from, 'eva', PASSWORD)).statusCode).toBe(401);
    expect((await basicGet(from, 'eva', 'a new password')).statusCode).toBe(200);
  });
});
