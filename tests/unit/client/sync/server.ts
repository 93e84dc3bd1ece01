/*
 * The real server (SQLite in a temporary folder), reached in-process through Fastify's
 * inject: the client's sync engine and API calls run against it with no network and no mock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../../src/server/config';
import { openServer, type Server } from '../../../../src/server/server';

export type TestServer = Server & { fetchAs: (cookie: () => string | undefined) => typeof fetch; close: () => Promise<void> };

export async function startServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'biblio-sync-'));
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const server = await openServer(loadConfig({ ...env, DATA_DIR: dataDir, XAPI_BASE: 'https://library.test/xapi' }), { serveApp: false });
  const fetchAs =
    (cookie: () => string | undefined): typeof fetch =>
    async (input, init = {}) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? `${input.pathname}${input.search}` : input.url;
      const headers = new Headers(init.headers);
      const jar = cookie();
      if (jar) headers.set('cookie', jar);
      const response = await server.app.inject({
        method: (init.method ?? 'GET') as 'GET',
        url,
        headers: Object.fromEntries(headers.entries()),
        ...(typeof init.body === 'string' ? { payload: init.body } : {}),
      });
      return new Response(response.statusCode === 204 ? null : response.body, {
        status: response.statusCode,
        headers: Object.entries(response.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])),
      });
    };
  return { ...server, fetchAs, close: () => server.app.close() };
}

/** Sets up a coordinator, a cohort and an invite, signs a learner up, and returns the learner's session cookie and Agent. */
export async function signUpLearner(server: TestServer, login = 'anna') {
  const inject = server.app.inject.bind(server.app);
  const headers = { 'x-requested-with': 'test', 'content-type': 'application/json' };
  const setup = await inject({
    method: 'POST',
    url: '/api/setup',
    headers,
    payload: { name: 'Coordinator', login: 'coord', password: 'coordinator-pass' },
  });
  const coordinator =
    setup.statusCode === 201
      ? setup
      : await inject({ method: 'POST', url: '/api/login', headers, payload: { login: 'coord', password: 'coordinator-pass' } });
  const coordCookie = String(coordinator.headers['set-cookie']).split(';')[0]!;
  const cohort = (
    await inject({ method: 'POST', url: '/api/cohorts', headers: { ...headers, cookie: coordCookie }, payload: { name: 'Riga' } })
  ).json<{ cohort: { id: string } }>().cohort;
  const invite = (
    await inject({
      method: 'POST',
      url: `/api/cohorts/${cohort.id}/invites`,
      headers: { ...headers, cookie: coordCookie },
      payload: { role: 'learner', maxUses: 5, expiresInDays: 30 },
    })
  ).json<{ invite: { code: string } }>().invite;
  const signup = await inject({
    method: 'POST',
    url: '/api/signup',
    headers,
    payload: { inviteCode: invite.code, name: 'Anna', login, password: 'learner-pass' },
  });
  const body = signup.json<{
    user: { id: string; login: string; name: string; role: 'learner' };
    agent: { objectType: 'Agent'; account: { homePage: string; name: string } };
  }>();
  return { cookie: String(signup.headers['set-cookie']).split(';')[0]!, user: body.user, agent: body.agent, coordCookie };
}
