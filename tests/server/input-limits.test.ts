/*
 * Bad input gets a 4xx that names the problem, never a 500, on SQLite and PostgreSQL alike:
 * broken `%` escapes in cookies and activity ids, the NUL character (PostgreSQL text cannot
 * hold it) in logins, query values and statements, JSON nested thousands of levels deep, and
 * identifiers longer than a database index entry holds. A stored activity id whose escapes do
 * not decode never makes a report fail.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, makeUser, startTestServer, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { mboxAgent, statement, type Json } from './helpers/statements';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { MAX_IDENTIFIER_BYTES } from '../../src/shared/xapi/validate';

const RESPONDED = 'http://adlnet.gov/expapi/verbs/responded';

/** JSON text of an object nested `depth` levels deep (too deep for JSON.stringify). */
const nested = (depth: number): string => `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;

/** A statement's JSON text with `text` as the value of a result extension. */
const withExtension = (s: Json, text: string): string =>
  JSON.stringify({ ...s, result: { extensions: { 'https://x.test/e': 'HERE' } } }).replace('"HERE"', text);

describe.each(DATABASES)('input limits on %s', (kind) => {
  let server: TestServer;
  let coordinator: Session;
  const headers = { ...XAPI_HEADERS, authorization: basic('limits-tool', 'limits tool secret') };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'limits-tool', secret: 'limits tool secret', cohortId: null });
    coordinator = await makeUser(server, 'dace', 'coordinator');
  });
  afterAll(async () => {
    await server?.close();
  });

  const json = { 'content-type': 'application/json' };
  const post = (payload: unknown) =>
    server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...headers, ...json },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const expectProblem = (response: { statusCode: number; body: string }, status: number, message: RegExp) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(JSON.parse(response.body).message).toMatch(message);
  };

  it('answers a session cookie with a broken % escape as signed out, on every route', async () => {
    for (const url of ['/api/me', '/api/users', '/xapi/statements']) {
      const response = await server.app.inject({
        method: 'GET',
        url,
        headers: { ...XAPI_HEADERS, ...APP_HEADERS, cookie: 'biblio_session=%E0%A4%A; other=%' },
      });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(401);
    }
  });

  it('refuses a statement extension nested 10,000 levels deep, saying where', async () => {
    const deep = statement(mboxAgent('deep'));
    const text = withExtension(deep, nested(10_000));
    const response = await post(text);
    expectProblem(response, 400, /body\.result\.extensions.*nested more than 64 levels/);
    expect(response.json<{ error: string }>().error).toBe('nested-too-deep');
    const put = await server.app.inject({
      method: 'PUT',
      url: `/xapi/statements?statementId=${String(deep.id)}`,
      headers: { ...headers, ...json },
      payload: text,
    });
    expectProblem(put, 400, /nested more than 64 levels/);
    const api = await server.app.inject({
      method: 'POST',
      url: '/api/cohorts',
      headers: { ...APP_HEADERS, ...json, cookie: coordinator.cookie },
      payload: `{"name":${nested(5_000)}}`,
    });
    expectProblem(api, 400, /body\.name.*nested more than 64 levels/);
  });

  it('refuses an activity id with a broken % escape', async () => {
    const broken = statement(mboxAgent('escape'), { object: { objectType: 'Activity', id: 'https://x.test/a%zz' } });
    expectProblem(await post(broken), 400, /statement\.object\.id: must be an absolute IRI.*% only in escapes/);
    expectProblem(
      await server.app.inject({ method: 'GET', url: '/xapi/statements?activity=https://x.test/%25zz', headers }),
      400,
      /activity/,
    );
  });

  it('keeps the survey report working when a stored activity id does not decode', async () => {
    // %C0 is a well-formed escape, so the id is a valid IRI, but it is not UTF-8.
    const learner = mboxAgent('survey-escape');
    const answer = statement(learner, {
      verb: { id: RESPONDED },
      object: { objectType: 'Activity', id: 'https://library.test/xapi/activities/event/%C0%AF/survey' },
    });
    expect((await post(answer)).statusCode).toBe(200);
    const report = await server.app.inject({ method: 'GET', url: '/api/reports/surveys', headers: { cookie: coordinator.cookie } });
    expect(report.statusCode, report.body).toBe(200);
  });

  it('refuses the NUL character in a login, a query value, a statement and Basic credentials', async () => {
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/login',
      headers: APP_HEADERS,
      payload: { login: 'da\u0000ce', password: 'correct horse battery' },
    });
    expectProblem(login, 400, /body\.login: must not contain the NUL character/);
    expect(login.json<{ error: string }>().error).toBe('nul-character');
    const verb = await server.app.inject({ method: 'GET', url: '/xapi/statements?verb=https://x.test/v%00', headers });
    expectProblem(verb, 400, /query\.verb: must not contain the NUL character/);
    const agent = encodeURIComponent(JSON.stringify({ mbox: 'mailto:a\u0000@example.org' }));
    expectProblem(await server.app.inject({ method: 'GET', url: `/xapi/statements?agent=${agent}`, headers }), 400, /NUL/);
    const named = statement({ ...mboxAgent('nul'), name: 'An\u0000na' });
    expectProblem(await post(named), 400, /body\.actor\.name: must not contain the NUL character/);
    const activity = statement(mboxAgent('nul'), { object: { id: 'https://x.test/\u0000' } });
    expectProblem(await post(activity), 400, /NUL/);
    const credentials = await server.app.inject({
      method: 'GET',
      url: '/xapi/statements',
      headers: { ...XAPI_HEADERS, authorization: basic('limits\u0000tool', 'limits tool secret') },
    });
    expect(credentials.statusCode).toBe(401);
  });

  it(`accepts identifiers up to ${MAX_IDENTIFIER_BYTES} bytes and refuses longer ones`, async () => {
    const base = 'https://library.test/xapi/activities/long/';
    const longest = base + 'a'.repeat(MAX_IDENTIFIER_BYTES - base.length);
    expect((await post(statement(mboxAgent('long'), { object: { id: longest } }))).statusCode).toBe(200);
    // 3,000 bytes: PostgreSQL's btree refused it with a 500 before.
    expectProblem(
      await post(statement(mboxAgent('long'), { object: { id: `${longest}aa` } })),
      400,
      /object\.id: must be at most 2048 bytes/,
    );
    expectProblem(await post(statement(mboxAgent('long'), { object: { id: base + 'ä'.repeat(1_500) } })), 400, /at most 2048 bytes/);
    const account = { objectType: 'Agent', account: { homePage: 'https://x.test', name: 'n'.repeat(3_000) } };
    expectProblem(await post(statement(account)), 400, /statement\.actor: its identifier .* at most 2048 bytes/);
  });
});
