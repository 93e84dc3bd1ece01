/*
 * The alternate request syntax (xAPI-Communication.md 1.3, Appendix C): POST
 * <resource>?method=<method> with the headers, content and parameters in an
 * application/x-www-form-urlencoded form, answered exactly like the usual request, on the
 * Statement resource and on every other one (State, both profiles with If-Match/If-None-Match
 * from the form and method=DELETE, Activities, Agents, About); what the specification forbids
 * gets 400; a cross-site form riding on the session cookie is refused and stores nothing.
 * SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, countRows, makeUser, startTestServer, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { activity, mboxAgent, statement, type Json } from './helpers/statements';
import { attachmentFor } from './helpers/attachments';
import { createXapiClient } from '../../src/server/store/xapi-clients';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(DATABASES)('xAPI alternate request syntax on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  const auth = basic('form-tool', 'form tool secret');
  const headers = { ...XAPI_HEADERS, authorization: auth };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'form-tool', secret: 'form tool secret', cohortId: null });
    anna = await makeUser(server, 'anna', 'learner');
  });
  afterAll(async () => {
    await server?.close();
  });

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const alternate = (
    method: string,
    fields: Record<string, string>,
    extra: Record<string, string> = {},
    url = `/xapi/statements?method=${method}`,
  ) => server.app.inject({ method: 'POST', url, headers: { ...FORM, ...extra }, payload: form(fields) });
  const withAuth = (fields: Record<string, string>) => ({ Authorization: auth, 'X-Experience-API-Version': '1.0.3', ...fields });
  const get = (query: string) => server.app.inject({ method: 'GET', url: `/xapi/statements${query}`, headers });
  const count = () => countRows(server, 'statements');
  const message = (response: { body: string }) => JSON.parse(response.body).message as string;

  it('PUTs a statement as in the specification (Appendix C), headers and parameters in the form', async () => {
    const s = statement(mboxAgent('appendix-c'));
    const content = JSON.stringify(s);
    const response = await alternate(
      'PUT',
      withAuth({
        statementId: String(s.id),
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(content)),
        content,
      }),
    );
    expect(response.statusCode, response.body).toBe(204);
    expect(response.headers['x-experience-api-version']).toBe('1.0.3');
    const stored = await get(`?statementId=${s.id}`);
    expect(stored.statusCode).toBe(200);
    expect(stored.json<Json>().authority).toMatchObject({ account: { name: 'form-tool' } });
  });

  it('POSTs one statement or a batch and answers with the ids, like a usual POST', async () => {
    const batch = [statement(mboxAgent('form-post')), statement(mboxAgent('form-post'))];
    const response = await alternate('POST', withAuth({ content: JSON.stringify(batch) }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(batch.map((s) => s.id));
    const single = statement(mboxAgent('form-post'));
    delete single.id;
    const one = await alternate('POST', withAuth({ content: JSON.stringify(single) }));
    expect(one.json<string[]>()[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GETs by statementId and as a query with the same answers as a usual GET', async () => {
    const actor = mboxAgent('form-get');
    const batch = [statement(actor), statement(actor), statement(actor)];
    await server.app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: batch });
    const byId = await alternate('GET', withAuth({ statementId: String(batch[1]!.id), format: 'ids' }));
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toEqual((await get(`?statementId=${batch[1]!.id}&format=ids`)).json());
    expect(byId.headers['x-experience-api-consistent-through']).toBeDefined();
    const agent = JSON.stringify(actor);
    const query = await alternate('GET', withAuth({ agent, limit: '2', ascending: 'true' }));
    const usual = await get(`?agent=${encodeURIComponent(agent)}&limit=2&ascending=true`);
    const page = query.json<{ statements: Json[]; more: string }>();
    expect(page.statements).toEqual(usual.json<{ statements: Json[] }>().statements);
    expect(page.statements.map((s) => s.id)).toEqual([batch[0]!.id, batch[1]!.id]);
    const next = await server.app.inject({ method: 'GET', url: page.more, headers });
    expect(next.json<{ statements: Json[] }>().statements.map((s) => s.id)).toEqual([batch[2]!.id]);
    const missing = await alternate('GET', withAuth({ statementId: randomUUID() }));
    expect(missing.statusCode).toBe(404);
  });

  it('takes the headers from HTTP when the form does not carry them, and lets the form override them', async () => {
    const s = statement(mboxAgent('http-headers'));
    const inHeaders = await alternate('POST', { content: JSON.stringify(s) }, headers);
    expect(inHeaders.statusCode, inHeaders.body).toBe(200);
    const overridden = await alternate('POST', withAuth({ content: JSON.stringify(statement(mboxAgent('http-headers'))) }), {
      authorization: basic('form-tool', 'wrong secret'),
      'x-experience-api-version': '0.9',
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    const lowerCase = await alternate('POST', {
      authorization: auth,
      'x-experience-api-version': '1.0.3',
      content: JSON.stringify(statement(mboxAgent('lc'))),
    });
    expect(lowerCase.statusCode, lowerCase.body).toBe(200);
  });

  it('validates and authorizes exactly as the usual syntax does', async () => {
    const before = await count();
    const invalid = await alternate(
      'POST',
      withAuth({ content: JSON.stringify([statement(mboxAgent('v')), statement({ name: 'no identifier' })]) }),
    );
    expect(invalid.statusCode).toBe(400);
    expect(message(invalid)).toMatch(/^statements\[1\]\.actor: /);
    const noAuth = await alternate('POST', { 'X-Experience-API-Version': '1.0.3', content: JSON.stringify(statement(mboxAgent('v'))) });
    expect(noAuth.statusCode).toBe(401);
    const badAuth = await alternate(
      'POST',
      withAuth({ Authorization: basic('form-tool', 'nope'), content: JSON.stringify(statement(mboxAgent('v'))) }),
    );
    expect(badAuth.statusCode).toBe(401);
    const asSomeoneElse = await alternate(
      'POST',
      withAuth({ Authorization: basic('anna', 'correct horse battery'), content: JSON.stringify(statement(mboxAgent('v'))) }),
    );
    expect(asSomeoneElse.statusCode).toBe(403);
    expect(message(asSomeoneElse)).toMatch(/only record statements as yourself/);
    const noId = await alternate('PUT', withAuth({ content: JSON.stringify(statement(mboxAgent('v'))) }));
    expect(noId.statusCode).toBe(400);
    expect(message(noId)).toMatch(/statementId/);
    const withFileless = await alternate(
      'POST',
      withAuth({ content: JSON.stringify(statement(mboxAgent('v'), { attachments: [attachmentFor('x')] })) }),
    );
    expect(withFileless.statusCode).toBe(400);
    expect(message(withFileless)).toMatch(/has no fileUrl/);
    expect(await count()).toBe(before);
  });

  it.each([
    [
      'another query parameter',
      () => alternate('PUT', withAuth({ content: '{}' }), {}, `/xapi/statements?method=PUT&statementId=${randomUUID()}`),
      /"method" is the only query parameter; send "statementId" as a form field/,
    ],
    ['an unknown method', () => alternate('DELETE', withAuth({})), /"method" must be PUT, POST, GET/],
    ['a method in lower case', () => alternate('put', withAuth({})), /"method" must be PUT, POST, GET/],
    [
      'a JSON body',
      () => server.app.inject({ method: 'POST', url: '/xapi/statements?method=POST', headers, payload: statement(mboxAgent('j')) }),
      /needs an application\/x-www-form-urlencoded body/,
    ],
    [
      'a form without method',
      () => alternate('', withAuth({ content: '[]' }), {}, '/xapi/statements'),
      /must use the alternate request syntax/,
    ],
    ['no version anywhere', () => alternate('POST', { Authorization: auth, content: '[]' }), /X-Experience-API-Version header is missing/],
    [
      'an old version in the form',
      () => alternate('POST', withAuth({ 'X-Experience-API-Version': '0.95', content: '[]' })),
      /"0.95" is not supported/,
    ],
    ['an unknown form field', () => alternate('GET', withAuth({ colour: 'blue' })), /"colour" is not allowed/],
    ['a parameter in the wrong case', () => alternate('GET', withAuth({ statementID: randomUUID() })), /"statementID" is not allowed/],
    ['content that is not JSON', () => alternate('POST', withAuth({ content: '{"actor":' })), /"content" form field is not valid JSON/],
    [
      'content of another type',
      () => alternate('POST', withAuth({ 'Content-Type': 'multipart/mixed; boundary=x', content: '--x--' })),
      /must be application\/json, not multipart\/mixed/,
    ],
    [
      'a Content-Length that is not the content length',
      () => alternate('POST', withAuth({ 'Content-Length': '3', content: '[]' })),
      /Content-Length \(3\)/,
    ],
    ['content with GET', () => alternate('GET', withAuth({ content: '[]' })), /method=GET takes no "content"/],
    [
      'a field given twice',
      () =>
        server.app.inject({
          method: 'POST',
          url: '/xapi/statements?method=GET',
          headers: FORM,
          payload: `${form(withAuth({}))}&format=ids&format=exact`,
        }),
      /"format" is given twice/,
    ],
    ['a header field in two spellings', () => alternate('GET', { ...withAuth({}), 'x-experience-api-version': '1.0.3' }), /given twice/],
    [
      'a form that is not UTF-8',
      () =>
        server.app.inject({ method: 'POST', url: '/xapi/statements?method=GET', headers: FORM, payload: Buffer.from([0x61, 0x3d, 0xff]) }),
      /not UTF-8/,
    ],
    [
      'a form sent with PUT',
      () =>
        server.app.inject({
          method: 'PUT',
          url: `/xapi/statements?statementId=${randomUUID()}`,
          headers: { ...headers, ...FORM },
          payload: 'content=%7B%7D',
        }),
      /accepted only as POST/,
    ],
  ])('answers 400 to %s', async (_name, request, pattern) => {
    const before = await count();
    const response = await request();
    expect(response.statusCode, response.body).toBe(400);
    expect(message(response)).toMatch(pattern);
    expect(response.headers['x-experience-api-version']).toBe('1.0.3');
    expect(await count()).toBe(before);
  });

  it('accepts the session cookie with the CSRF header, and refuses a cross-site form riding on the cookie', async () => {
    const mine = statement(anna.agent);
    const fromApp = await alternate(
      'POST',
      { 'X-Experience-API-Version': '1.0.3', content: JSON.stringify(mine) },
      { cookie: anna.cookie, ...APP_HEADERS },
    );
    expect(fromApp.statusCode, fromApp.body).toBe(200);

    const before = await count();
    const forged = statement(anna.agent);
    // What an HTML form on another site can send: the browser adds the cookie and Origin, never X-Requested-With.
    const crossSite = await alternate(
      'POST',
      { 'X-Experience-API-Version': '1.0.3', content: JSON.stringify(forged) },
      { cookie: anna.cookie, origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
    expect(message(crossSite)).toMatch(/Cross-site request refused/);
    const noOrigin = await alternate(
      'POST',
      { 'X-Experience-API-Version': '1.0.3', content: JSON.stringify(forged) },
      { cookie: anna.cookie },
    );
    expect(noOrigin.statusCode).toBe(403);
    expect(message(noOrigin)).toMatch(/X-Requested-With/);
    const putForged = await alternate(
      'PUT',
      { 'X-Experience-API-Version': '1.0.3', statementId: String(forged.id), content: JSON.stringify(forged) },
      { cookie: anna.cookie, origin: 'https://evil.example' },
    );
    expect(putForged.statusCode).toBe(403);
    // Even a read through a form needs the header with a cookie: its answer must not reach another site's page either.
    const readForged = await alternate('GET', { 'X-Experience-API-Version': '1.0.3' }, { cookie: anna.cookie });
    expect(readForged.statusCode).toBe(403);
    // HTTP Basic credentials a browser remembers for this server ride along the same way.
    const rememberedBasic = await alternate(
      'POST',
      { 'X-Experience-API-Version': '1.0.3', content: JSON.stringify(forged) },
      { authorization: basic('anna', 'correct horse battery'), origin: 'null' },
    );
    expect(rememberedBasic.statusCode).toBe(403);
    expect(message(rememberedBasic)).toMatch(/Cross-site request refused: Origin null/);
    expect(await count()).toBe(before);
    expect((await get(`?statementId=${forged.id}`)).statusCode).toBe(404);
  });

  it('takes forms and multipart/mixed only under /xapi: /api still answers 415', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'multipart/mixed; boundary=a']) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/login',
        headers: { ...APP_HEADERS, 'content-type': contentType },
        payload: contentType.startsWith('multipart') ? '--a\r\n\r\n{}\r\n--a--' : 'login=anna&password=correct+horse+battery',
      });
      expect(response.statusCode, contentType).toBe(415);
    }
    const empty = await alternate('GET', {}, headers);
    expect(empty.statusCode, empty.body).toBe(200);
  });

  describe('on the document resources (State, Activity Profile, Agent Profile)', () => {
    const STATE = '/xapi/activities/state';
    const docs = (path: string, method: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
      alternate(method, fields, extra, `${path}?method=${method}`);
    const usual = (method: 'GET' | 'PUT', url: string, body?: string) =>
      server.app.inject({
        method,
        url,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: body }),
      });

    it('PUTs, POSTs (merging), GETs and DELETEs a state document, with the same answers as the usual syntax', async () => {
      const place = { activityId: activity('alt-state'), agent: JSON.stringify(mboxAgent('alt-state')) };
      const url = `${STATE}?${new URLSearchParams({ ...place, stateId: 'bookmark' }).toString()}`;
      const put = await docs(
        STATE,
        'PUT',
        withAuth({ ...place, stateId: 'bookmark', 'Content-Type': 'application/json', content: '{"page":3}' }),
      );
      expect(put.statusCode, put.body).toBe(204);
      expect(put.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
      const merged = await docs(
        STATE,
        'POST',
        withAuth({ ...place, stateId: 'bookmark', 'Content-Type': 'application/json', content: '{"line":7}' }),
      );
      expect(merged.statusCode, merged.body).toBe(204);
      expect(JSON.parse((await usual('GET', url)).body)).toEqual({ page: 3, line: 7 });

      const read = await docs(STATE, 'GET', withAuth({ ...place, stateId: 'bookmark' }));
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toMatch(/^application\/json/);
      expect(read.headers.etag).toBe(merged.headers.etag);
      expect(JSON.parse(read.body)).toEqual({ page: 3, line: 7 });
      const ids = await docs(STATE, 'GET', withAuth(place));
      expect(ids.json()).toEqual(['bookmark']);

      const deleted = await docs(STATE, 'DELETE', withAuth({ ...place, stateId: 'bookmark' }));
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect((await usual('GET', url)).statusCode).toBe(404);
    });

    it('keeps text content of any type as UTF-8 octets', async () => {
      const place = { activityId: activity('alt-text'), agent: JSON.stringify(mboxAgent('alt-text')), stateId: 'suspend' };
      const text = 'ā=1&š=2 ✓';
      const put = await docs(STATE, 'PUT', withAuth({ ...place, 'Content-Type': 'text/plain; charset=utf-8', content: text }));
      expect(put.statusCode, put.body).toBe(204);
      const got = await usual('GET', `${STATE}?${new URLSearchParams(place).toString()}`);
      expect(got.rawPayload.equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
    });

    it('takes If-Match and If-None-Match from the form on profiles (412, and 409 without them)', async () => {
      const path = '/xapi/activities/profile';
      const place = { activityId: activity('alt-profile'), profileId: 'settings' };
      const create = await docs(
        path,
        'PUT',
        withAuth({ ...place, 'If-None-Match': '*', content: '{"a":1}', 'Content-Type': 'application/json' }),
      );
      expect(create.statusCode, create.body).toBe(204);
      const again = await docs(
        path,
        'PUT',
        withAuth({ ...place, 'If-None-Match': '*', content: '{"a":2}', 'Content-Type': 'application/json' }),
      );
      expect(again.statusCode).toBe(412);
      const blind = await docs(path, 'PUT', withAuth({ ...place, content: '{"a":2}', 'Content-Type': 'application/json' }));
      expect(blind.statusCode).toBe(409);
      const stale = await docs(
        path,
        'PUT',
        withAuth({ ...place, 'If-Match': '"0000"', content: '{"a":2}', 'Content-Type': 'application/json' }),
      );
      expect(stale.statusCode).toBe(412);
      const fresh = await docs(
        path,
        'PUT',
        withAuth({ ...place, 'If-Match': String(create.headers.etag), content: '{"a":3}', 'Content-Type': 'application/json' }),
      );
      expect(fresh.statusCode, fresh.body).toBe(204);
      const staleDelete = await docs(path, 'DELETE', withAuth({ ...place, 'If-Match': String(create.headers.etag) }));
      expect(staleDelete.statusCode).toBe(412);
      const got = await docs(path, 'GET', withAuth(place));
      expect(JSON.parse(got.body)).toEqual({ a: 3 });
    });

    it('reads and writes agent profiles, checking the parameters as the usual syntax does', async () => {
      const path = '/xapi/agents/profile';
      const agent = JSON.stringify(mboxAgent('alt-agent-profile'));
      const put = await docs(
        path,
        'PUT',
        withAuth({ agent, profileId: 'p', 'If-None-Match': '*', content: 'x', 'Content-Type': 'text/plain' }),
      );
      expect(put.statusCode, put.body).toBe(204);
      expect((await docs(path, 'GET', withAuth({ agent, profileId: 'p' }))).body).toBe('x');
      const missing = await docs(path, 'GET', withAuth({ profileId: 'p' }));
      expect(missing.statusCode).toBe(400);
      expect(message(missing)).toMatch(/"agent" is required/);
    });

    it.each([
      ['an unknown method', STATE, 'PATCH', {}, /"method" must be PUT, POST, GET, DELETE/],
      ['content with DELETE', STATE, 'DELETE', { content: 'x' }, /method=DELETE takes no "content"/],
      ['another query parameter', `${STATE}?stateId=x&method=GET`, '', {}, /"method" is the only query parameter/],
      ['no version anywhere', STATE, 'GET', { 'X-Experience-API-Version': '' }, /is not supported|is missing/],
    ])('answers 400 to %s', async (_name, path, method, fields, pattern) => {
      const url = method === '' ? path : `${path}?method=${method}`;
      const response = await alternate(method, { ...withAuth({}), ...fields }, {}, url);
      expect(response.statusCode, response.body).toBe(400);
      expect(message(response)).toMatch(pattern);
    });

    it('refuses a cross-site form riding on the session cookie, and stores nothing', async () => {
      const place = { activityId: activity('alt-forged'), agent: JSON.stringify(anna.agent), stateId: 's' };
      const forged = await docs(
        STATE,
        'PUT',
        { 'X-Experience-API-Version': '1.0.3', ...place, content: '{}' },
        { cookie: anna.cookie, origin: 'https://evil.example' },
      );
      expect(forged.statusCode).toBe(403);
      expect(message(forged)).toMatch(/Cross-site request refused/);
      const noHeader = await docs(STATE, 'DELETE', { 'X-Experience-API-Version': '1.0.3', ...place }, { cookie: anna.cookie });
      expect(noHeader.statusCode).toBe(403);
      const url = `${STATE}?${new URLSearchParams(place).toString()}`;
      expect((await usual('GET', url)).statusCode).toBe(404);
      const fromApp = await docs(
        STATE,
        'PUT',
        { 'X-Experience-API-Version': '1.0.3', ...place, content: '{"mine":true}' },
        { cookie: anna.cookie, ...APP_HEADERS },
      );
      expect(fromApp.statusCode, fromApp.body).toBe(204);
      expect(JSON.parse((await usual('GET', url)).body)).toEqual({ mine: true });
    });

    it('still stores a form POSTed without ?method= as a document of that content type', async () => {
      const place = { activityId: activity('form-document'), agent: JSON.stringify(mboxAgent('form-document')), stateId: 'f' };
      const url = `${STATE}?${new URLSearchParams(place).toString()}`;
      const response = await server.app.inject({ method: 'PUT', url, headers: { ...headers, ...FORM }, payload: 'a=1&b=2' });
      expect(response.statusCode, response.body).toBe(204);
      const got = await usual('GET', url);
      expect(got.body).toBe('a=1&b=2');
      expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
    });
  });

  describe('on Activities, Agents and About', () => {
    it('answers method=GET like the usual GET', async () => {
      const id = activity('alt-activity');
      const s = statement(mboxAgent('alt-activity'), { object: { objectType: 'Activity', id, definition: { name: { en: 'Alt' } } } });
      await server.app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: [s] });
      const usualActivity = await server.app.inject({
        method: 'GET',
        url: `/xapi/activities?activityId=${encodeURIComponent(id)}`,
        headers,
      });
      const altActivity = await alternate('GET', withAuth({ activityId: id }), {}, '/xapi/activities?method=GET');
      expect(altActivity.statusCode, altActivity.body).toBe(200);
      expect(altActivity.json()).toEqual(usualActivity.json());
      expect(altActivity.json()).toMatchObject({ definition: { name: { en: 'Alt' } } });

      const agent = JSON.stringify({ ...mboxAgent('alt-activity'), name: 'Alt Person' });
      const usualPerson = await server.app.inject({ method: 'GET', url: `/xapi/agents?agent=${encodeURIComponent(agent)}`, headers });
      const altPerson = await alternate('GET', withAuth({ agent }), {}, '/xapi/agents?method=GET');
      expect(altPerson.statusCode, altPerson.body).toBe(200);
      expect(altPerson.json()).toEqual(usualPerson.json());

      const about = await alternate('GET', {}, {}, '/xapi/about?method=GET');
      expect(about.statusCode, about.body).toBe(200);
      expect(about.json<{ version: string[] }>().version).toContain('1.0.3');
    });

    it('refuses other methods and unknown fields with 400', async () => {
      const put = await alternate('PUT', withAuth({ activityId: activity('x') }), {}, '/xapi/activities?method=PUT');
      expect(put.statusCode).toBe(400);
      expect(message(put)).toMatch(/"method" must be GET/);
      const unknown = await alternate('GET', withAuth({ activityId: activity('x'), colour: 'blue' }), {}, '/xapi/activities?method=GET');
      expect(unknown.statusCode).toBe(400);
      expect(message(unknown)).toMatch(/"colour" is not allowed/);
      const noMethod = await alternate('', withAuth({ agent: '{}' }), {}, '/xapi/agents');
      expect(noMethod.statusCode).toBe(400);
      expect(message(noMethod)).toMatch(/POST \/xapi\/agents\?method=GET/);
    });
  });

  it('accepts credentials in the form from a page on another site: the cross-domain use the syntax exists for', async () => {
    const s = statement(mboxAgent('cross-domain'));
    const response = await alternate('POST', withAuth({ content: JSON.stringify(s) }), { origin: 'https://courses.example' });
    expect(response.statusCode, response.body).toBe(200);
    const sameSite = await alternate(
      'POST',
      { content: JSON.stringify(statement(mboxAgent('same-site'))) },
      { ...headers, host: 'lrs.test', origin: 'https://lrs.test' },
    );
    expect(sameSite.statusCode, sameSite.body).toBe(200);
  });
});
