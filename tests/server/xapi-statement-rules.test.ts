/*
 * Statement API rules (xAPI-Data.md 2.4.9 Authority, 2.4.6 Context in SubStatements;
 * xAPI-Communication.md 2.1.3 GET formats and parameters, 1.5.2 attachments): each of these
 * failed before it was enforced. SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { basic, startTestServer, XAPI_HEADERS, type TestServer } from './helpers/server';
import { activity, mboxAgent, statement, type Json } from './helpers/statements';
import { createXapiClient } from '../../src/server/store/xapi-clients';

const VERB_DISPLAY = { 'en-US': 'completed', lv: 'pabeidza', 'bg-BG': 'завърши' };

describe.each(DATABASES)('xAPI statement rules on %s', (kind) => {
  let server: TestServer;
  const headers = { ...XAPI_HEADERS, authorization: basic('rules-tool', 'rules tool secret') };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'rules-tool', secret: 'rules tool secret', cohortId: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (payload: unknown, extra: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url: '/xapi/statements', headers: { ...headers, ...extra }, payload: payload as Json });
  const get = (query: string, extra: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url: `/xapi/statements${query}`, headers: { ...headers, ...extra } });

  describe('Data 2.4.9 authority', () => {
    const client = { objectType: 'Agent', account: { homePage: 'https://tool.test', name: 'tool' } };
    it('accepts an anonymous Group of exactly two Agents', async () => {
      const s = statement(mboxAgent('auth-ok'), { authority: { objectType: 'Group', member: [client, mboxAgent('user')] } });
      expect((await post(s)).statusCode).toBe(200);
    });
    it('refuses a Group of one or three Agents, and an identified Group', async () => {
      for (const authority of [
        { objectType: 'Group', member: [client] },
        { objectType: 'Group', member: [client, mboxAgent('u1'), mboxAgent('u2')] },
        { objectType: 'Group', mbox: 'mailto:group@example.org', member: [client, mboxAgent('u1')] },
      ]) {
        const response = await post(statement(mboxAgent('auth-bad'), { authority }));
        expect(response.statusCode, JSON.stringify(authority)).toBe(400);
        expect(response.json<{ message: string }>().message).toContain('authority');
      }
    });
  });

  it('Data 2.4.6: answers contextActivities of a SubStatement as arrays, like at the top level', async () => {
    const s = statement(mboxAgent('sub'), {
      verb: { id: 'http://adlnet.gov/expapi/verbs/planned' },
      object: {
        objectType: 'SubStatement',
        actor: mboxAgent('sub'),
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { objectType: 'Activity', id: activity('sub') },
        context: { contextActivities: { parent: { id: activity('parent') }, grouping: [{ id: activity('g') }] } },
      },
    });
    expect((await post(s)).statusCode).toBe(200);
    const stored = (await get(`?statementId=${String(s.id)}`)).json<{ object: { context: { contextActivities: Json } } }>();
    expect(stored.object.context.contextActivities).toEqual({ parent: [{ id: activity('parent') }], grouping: [{ id: activity('g') }] });
  });

  describe('Communication 2.1.3 formats', () => {
    const id = randomUUID();
    const s = statement(mboxAgent('formats'), {
      id,
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: VERB_DISPLAY },
      object: {
        objectType: 'Activity',
        id: activity('formats'),
        definition: {
          name: { en: 'Lesson', lv: 'Nodarbība' },
          description: { 'en-GB': 'About', lv: 'Par' },
          interactionType: 'choice',
          choices: [{ id: 'a', description: { en: 'A', lv: 'Ā' } }],
        },
      },
    });

    it('format=canonical keeps the language Accept-Language prefers, on a single statement and a query', async () => {
      expect((await post(s)).statusCode).toBe(200);
      const single = await get(`?statementId=${id}&format=canonical`, { 'accept-language': 'lv;q=0.9, fr;q=1' });
      const one = single.json<Json & { verb: Json; object: { definition: Json & { choices: Json[] } } }>();
      expect(one.verb.display).toEqual({ lv: 'pabeidza' });
      expect(one.object.definition.name).toEqual({ lv: 'Nodarbība' });
      expect(one.object.definition.choices[0]!.description).toEqual({ lv: 'Ā' });
      const query = await get(`?activity=${encodeURIComponent(activity('formats'))}&format=canonical`, { 'accept-language': 'en' });
      const first = query.json<{ statements: { verb: Json; object: { definition: Json } }[] }>().statements[0]!;
      expect(first.verb.display).toEqual({ 'en-US': 'completed' });
      expect(first.object.definition.description).toEqual({ 'en-GB': 'About' });
      const exact = await get(`?statementId=${id}`, { 'accept-language': 'lv' });
      expect(exact.json<{ verb: Json }>().verb.display).toEqual(VERB_DISPLAY);
    });

    it('format=ids reduces a single statement too', async () => {
      const single = await get(`?statementId=${id}&format=ids`);
      expect(single.json<{ object: Json; verb: Json }>().object).toEqual({ objectType: 'Activity', id: activity('formats') });
      expect(single.json<{ verb: Json }>().verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/completed' });
    });
  });

  it('Communication 2.1.3: statementId with a query parameter is 400 and still says how far it is consistent', async () => {
    for (const extra of [
      'since=2020-01-01T00:00:00Z',
      'limit=1',
      `agent=${encodeURIComponent(JSON.stringify(mboxAgent('x')))}`,
      'ascending=true',
    ]) {
      for (const param of ['statementId', 'voidedStatementId']) {
        const response = await get(`?${param}=${randomUUID()}&${extra}`);
        expect(response.statusCode, `${param} + ${extra}`).toBe(400);
        expect(response.headers['x-experience-api-consistent-through']).toBeDefined();
      }
    }
    expect((await get(`?statementId=${randomUUID()}&format=ids&attachments=false`)).statusCode).toBe(404);
    const head = await server.app.inject({ method: 'HEAD', url: `/xapi/statements?statementId=${randomUUID()}&limit=1`, headers });
    expect(head.statusCode).toBe(400);
    expect(head.headers['x-experience-api-consistent-through']).toBeDefined();
  });

  describe('Communication 1.5.2 attachments', () => {
    it('refuses multipart/form-data with 400 and a code', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ error: string }>().error).toBe('use-multipart-mixed');
    });

    it('accepts multipart/mixed with raw attachment content on PUT as on POST', async () => {
      const content = Buffer.from([0, 1, 2, 3, 0xff]);
      const { createHash } = await import('node:crypto');
      const sha2 = createHash('sha256').update(content).digest('hex');
      const s = statement(mboxAgent('mixed'), {
        attachments: [{ usageType: 'https://x.test/file', display: { en: 'f' }, contentType: 'application/octet-stream', length: 5, sha2 }],
      });
      const body = Buffer.concat([
        Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(s)}\r\n--b\r\n`),
        Buffer.from(
          `Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`,
        ),
        content,
        Buffer.from('\r\n--b--\r\n'),
      ]);
      const put = await server.app.inject({
        method: 'PUT',
        url: `/xapi/statements?statementId=${String(s.id)}`,
        headers: { ...headers, 'content-type': 'multipart/mixed; boundary=b' },
        payload: body,
      });
      expect(put.statusCode, put.body).toBe(204);
    });
  });
});
