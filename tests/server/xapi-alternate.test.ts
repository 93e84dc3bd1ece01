/*
 * The alternate request syntax (xAPI-Communication.md 1.3, Appendix C): POST
 * /xapi/statements?method=PUT|POST|GET with the headers, content and parameters in an
 * application/x-www-form-urlencoded form, answered exactly like the usual request; what the
 * specification forbids gets 400; a cross-site form riding on the session cookie is refused and
 * stores nothing. SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, countRows, makeUser, startTestServer, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { mboxAgent, statement, type Json } from './helpers/statements';
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
