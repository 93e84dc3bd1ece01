/*
 * Attachments through the Statement API (xAPI-Data.md 2.4.11, xAPI-Communication.md 1.5.2):
 * multipart/mixed POST and PUT, every rule on parts and attachment objects, nothing half
 * stored, the 413 limit, GET attachments=true/false, and content answered only with statements
 * the reader may see. SQLite and PostgreSQL.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, makeUser, startTestServer, storedCounts, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { mboxAgent, statement, type Json } from './helpers/statements';
import { attachmentFor, multipart, partFor, sha256, type PartSpec } from './helpers/attachments';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { boundaryOf, parseMultipart } from '../../src/server/routes/xapi-multipart';

type Answer = { statusCode: number; body: string; headers: Record<string, unknown>; rawPayload: Buffer };

describe.each(DATABASES)('xAPI attachments on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let ben: Session;
  const headers = { ...XAPI_HEADERS, authorization: basic('attach-tool', 'attachment secret!') };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'attach-tool', secret: 'attachment secret!', cohortId: null });
    anna = await makeUser(server, 'anna', 'learner');
    ben = await makeUser(server, 'ben', 'learner');
  });
  afterAll(async () => {
    await server?.close();
  });

  const send = (method: 'POST' | 'PUT', body: { payload: Buffer; contentType: string }, url = '/xapi/statements', extra: Json = {}) =>
    server.app.inject({ method, url, headers: { ...headers, 'content-type': body.contentType, ...extra }, payload: body.payload });
  const post = (statements: unknown, parts: PartSpec[]) => send('POST', multipart(statements, parts));
  const get = (query: string, extra: Record<string, string> = headers) =>
    server.app.inject({ method: 'GET', url: `/xapi/statements${query}`, headers: extra });
  const counts = () => storedCounts(server);
  const message = (response: Answer) => JSON.parse(response.body).message as string;
  const partsOf = (response: Answer) => parseMultipart(response.rawPayload, boundaryOf(String(response.headers['content-type'])));
  const expectRejected = async (response: Answer, status: number, pattern: RegExp, before: number[]) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(message(response)).toMatch(pattern);
    expect(await counts()).toEqual(before);
  };

  it('stores a statement with its content and answers it with attachments=true, JSON first', async () => {
    const essay = Buffer.concat([Buffer.from('An essay\r\n--not a boundary\r\n'), randomBytes(2000)]);
    const s = statement(mboxAgent('essayist'), { attachments: [attachmentFor(essay, { contentType: 'application/pdf' })] });
    const response = await post(s, [partFor(essay, {}, 'application/pdf')]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual([s.id]);

    const answer = await get(`?statementId=${s.id}&attachments=true`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^multipart\/mixed; boundary=/);
    const [json, content, ...rest] = partsOf(answer);
    expect(rest).toEqual([]);
    expect(json!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(json!.body.toString()).attachments).toEqual(s.attachments);
    expect(content!.headers.get('x-experience-api-hash')).toBe(sha256(essay));
    expect(content!.headers.get('content-transfer-encoding')).toBe('binary');
    expect(content!.headers.get('content-type')).toBe('application/pdf');
    expect(content!.body.equals(essay)).toBe(true);

    const plain = await get(`?statementId=${s.id}&attachments=false`);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.json<Json>().id).toBe(s.id);
    expect((await get(`?statementId=${s.id}`)).headers['content-type']).toMatch(/^application\/json/);
  });

  it('accepts a batch sharing one content, with fileUrl attachments and statements without attachments; answers each content once', async () => {
    const actor = mboxAgent('batcher');
    const shared = Buffer.from('shared certificate');
    const only = Buffer.from('second file');
    const remote = attachmentFor('not sent', { fileUrl: 'https://files.test/remote.txt' });
    const batch = [
      statement(actor, { attachments: [attachmentFor(shared), remote] }),
      statement(actor, { attachments: [attachmentFor(shared), attachmentFor(only)] }),
      statement(actor),
      statement(actor, {
        object: {
          objectType: 'SubStatement',
          actor,
          verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
          object: { id: 'https://x.test/a' },
          attachments: [attachmentFor(only)],
        },
      }),
    ];
    const response = await post(batch, [partFor(shared), partFor(only)]);
    expect(response.statusCode, response.body).toBe(200);
    const answer = await get(`?agent=${encodeURIComponent(JSON.stringify(actor))}&attachments=true&ascending=true`);
    const [json, ...contents] = partsOf(answer);
    expect(JSON.parse(json!.body.toString()).statements.map((s: Json) => s.id)).toEqual(batch.map((s) => s.id));
    expect(contents.map((part) => part.headers.get('x-experience-api-hash')).sort()).toEqual([sha256(shared), sha256(only)].sort());
    // The statement without content of its own is answered with none.
    const alone = await get(`?statementId=${batch[2]!.id}&attachments=true`);
    expect(partsOf(alone)).toHaveLength(1);
    const subStatement = await get(`?statementId=${batch[3]!.id}&attachments=true`);
    expect(partsOf(subStatement).map((part) => part.body.toString())).toEqual([expect.any(String), 'second file']);
  });

  it('accepts PUT as multipart/mixed, and multipart/mixed with no attachment part at all', async () => {
    const content = Buffer.from('put content');
    const s = statement(mboxAgent('putter'), { attachments: [attachmentFor(content)] });
    const put = await send('PUT', multipart(s, [partFor(content)]), `/xapi/statements?statementId=${s.id}`);
    expect(put.statusCode, put.body).toBe(204);
    expect(partsOf(await get(`?statementId=${s.id}&attachments=true`))[1]!.body.toString()).toBe('put content');
    const plain = statement(mboxAgent('putter'));
    expect((await post([plain], [])).statusCode).toBe(200);
  });

  it('rejects what the specification rejects, naming the problem, and stores nothing of the batch', async () => {
    const actor = mboxAgent('rejected');
    const content = Buffer.from('the content');
    const good = statement(actor);
    const withContent = statement(actor, { attachments: [attachmentFor(content)] });
    const before = await counts();
    const cases: [string, Answer, RegExp][] = [
      [
        'no part for an attachment without fileUrl',
        await post([good, withContent], []),
        /statements\[1\]\.attachments\[0\]: has no fileUrl and no part/,
      ],
      [
        'a part no attachment names',
        await post([good, withContent], [partFor(content), partFor('stray')]),
        /part 3 .* belongs to no attachment/,
      ],
      [
        'content that does not have its hash',
        await post([good, withContent], [partFor(content, { 'X-Experience-API-Hash': sha256('other') })]),
        /does not have the SHA-2 hash/,
      ],
      [
        'a length that is not the content length',
        await post([good, { ...withContent, attachments: [attachmentFor(content, { length: 3 })] }], [partFor(content)]),
        /length is 3, but .* 11 octets/,
      ],
      [
        'a part without X-Experience-API-Hash',
        await post([good, withContent], [partFor(content, { 'X-Experience-API-Hash': '' })]),
        /no X-Experience-API-Hash/,
      ],
      [
        'a part without Content-Transfer-Encoding',
        await post([good, withContent], [partFor(content, { 'Content-Transfer-Encoding': '' })]),
        /Content-Transfer-Encoding: binary/,
      ],
      [
        'a base64 part',
        await post([good, withContent], [partFor(content, { 'Content-Transfer-Encoding': 'base64' })]),
        /binary, not base64/,
      ],
      [
        'a hash that is not SHA-2',
        await post([good, withContent], [partFor(content, { 'X-Experience-API-Hash': 'abc' })]),
        /SHA-2 hash in hexadecimal/,
      ],
      [
        'a Content-Type other than the contentType',
        await post([good, withContent], [partFor(content, {}, 'image/png')]),
        /contentType text\/plain is not the Content-Type/,
      ],
      ['a wrong part Content-Length', await post([good, withContent], [partFor(content, { 'Content-Length': '99' })]), /Content-Length 99/],
      [
        'a first part that is not JSON',
        await send('POST', {
          ...multipart([good], []),
          payload: Buffer.from(
            multipart([good], []).payload.toString().replace('Content-Type:application/json', 'Content-Type:text/plain'),
          ),
        }),
        /first part .* application\/json/,
      ],
      [
        'broken JSON in the first part',
        await send('POST', {
          contentType: 'multipart/mixed; boundary=x',
          payload: Buffer.from('--x\r\nContent-Type: application/json\r\n\r\n{"actor":\r\n--x--'),
        }),
        /not valid JSON/,
      ],
      [
        'a missing boundary',
        await send('POST', { ...multipart([good], []), contentType: 'multipart/mixed' }),
        /needs a boundary parameter/,
      ],
      [
        'an invalid statement',
        await post([good, { ...withContent, verb: { id: 'done' } }], [partFor(content)]),
        /statements\[1\]\.verb\.id/,
      ],
      [
        'application/json with an attachment without fileUrl',
        await server.app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: [good, withContent] }),
        /statements\[1\]\.attachments\[0\]: has no fileUrl, so its content must be sent as a part of a multipart\/mixed request/,
      ],
    ];
    for (const [name, response, pattern] of cases) {
      expect(response.statusCode, `${name}: ${response.body}`).toBe(400);
      expect(message(response), name).toMatch(pattern);
    }
    expect(await counts()).toEqual(before);
    expect((await get(`?statementId=${good.id}`)).statusCode).toBe(404);
  });

  it('rolls back the content too when the batch is refused by the store (409)', async () => {
    const actor = mboxAgent('conflict');
    const existing = statement(actor);
    expect((await server.app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: existing })).statusCode).toBe(200);
    const content = Buffer.from('never kept');
    const before = await counts();
    const response = await post(
      [
        statement(actor, { attachments: [attachmentFor(content)] }),
        { ...existing, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } },
      ],
      [partFor(content)],
    );
    await expectRejected(response, 409, /different statement/, before);
  });

  it('answers 413 with a clear message above the body limit, and stores nothing', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024 + 10, 7);
    const before = await counts();
    const response = await post(statement(mboxAgent('big'), { attachments: [attachmentFor(big)] }), [partFor(big)]);
    await expectRejected(response, 413, /larger than this LRS accepts \(8 MB in one request.*fileUrl/, before);
  });

  it('pages attachments=true queries so that a page carries a bounded amount of content', async () => {
    const actor = mboxAgent('heavy');
    const sent: Json[] = [];
    for (let i = 0; i < 5; i += 1) {
      const content = Buffer.alloc(7 * 1024 * 1024, i);
      const s = statement(actor, { attachments: [attachmentFor(content, { contentType: 'application/octet-stream' })] });
      sent.push(s);
      expect((await post(s, [partFor(content, {}, 'application/octet-stream')])).statusCode).toBe(200);
    }
    const first = await get(`?agent=${encodeURIComponent(JSON.stringify(actor))}&attachments=true&ascending=true`);
    const [json, ...contents] = partsOf(first);
    const page = JSON.parse(json!.body.toString()) as { statements: Json[]; more: string };
    expect(page.statements.map((s) => s.id)).toEqual(sent.slice(0, 4).map((s) => s.id));
    expect(contents).toHaveLength(4);
    const rest = partsOf(await server.app.inject({ method: 'GET', url: page.more, headers }));
    expect(JSON.parse(rest[0]!.body.toString()).statements.map((s: Json) => s.id)).toEqual([sent[4]!.id]);
    expect(rest[1]!.body.equals(Buffer.alloc(7 * 1024 * 1024, 4))).toBe(true);
    // Without attachments the same query is one page.
    const plain = (await get(`?agent=${encodeURIComponent(JSON.stringify(actor))}`)).json<{ statements: Json[]; more: string }>();
    expect(plain.statements).toHaveLength(5);
    expect(plain.more).toBe('');
  }, 120_000);

  it('answers content only with statements the reader may see, even to someone who knows its hash', async () => {
    const secret = Buffer.from(`anna's private notes ${randomUUID()}`);
    const annasStatement = statement(anna.agent, { attachments: [attachmentFor(secret)] });
    const fromAnna = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...XAPI_HEADERS, ...APP_HEADERS, cookie: anna.cookie, 'content-type': multipart(annasStatement, []).contentType },
      payload: multipart(annasStatement, [partFor(secret)]).payload,
    });
    expect(fromAnna.statusCode, fromAnna.body).toBe(200);
    const benHeaders = { ...XAPI_HEADERS, ...APP_HEADERS, cookie: ben.cookie };
    expect((await get(`?statementId=${annasStatement.id}&attachments=true`, benHeaders)).statusCode).toBe(404);
    // Ben names the same hash with a fileUrl: his statement is stored, Anna's content is not his to read.
    const bens = statement(ben.agent, { attachments: [attachmentFor(secret, { fileUrl: 'https://files.test/guess' })] });
    expect((await server.app.inject({ method: 'POST', url: '/xapi/statements', headers: benHeaders, payload: bens })).statusCode).toBe(200);
    const his = await get(`?statementId=${bens.id}&attachments=true`, benHeaders);
    expect(partsOf(his)).toHaveLength(1);
    const query = await get('?attachments=true', benHeaders);
    expect(query.rawPayload.includes(secret)).toBe(false);
    // Anna herself gets it back.
    const hers = await get(`?statementId=${annasStatement.id}&attachments=true`, { ...XAPI_HEADERS, ...APP_HEADERS, cookie: anna.cookie });
    expect(partsOf(hers)[1]!.body.equals(secret)).toBe(true);
  });
});
