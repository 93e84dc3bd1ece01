/*
 * The Statement API against the specification: PUT/POST/GET, headers, idempotency and 409,
 * voiding, query filters, `more` paging, since/until/ascending, formats. Runs on SQLite and on
 * PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { basic, startTestServer, XAPI_HEADERS, type TestServer } from './helpers/server';
import { activity, mboxAgent, statement, VERB, voiding, type Json } from './helpers/statements';
import { createXapiClient } from '../../src/server/store/xapi-clients';

type StatementResult = { statements: Json[]; more: string };

describe.each(DATABASES)('xAPI Statement API on %s', (kind) => {
  let server: TestServer;
  const auth = basic('lrs-tool', 'a long client secret');
  const headers = { ...XAPI_HEADERS, authorization: auth };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'lrs-tool', secret: 'a long client secret', cohortId: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (payload: unknown, extra: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url: '/xapi/statements', headers: { ...headers, ...extra }, payload: payload as Json });
  const put = (id: string, payload: unknown) =>
    server.app.inject({ method: 'PUT', url: `/xapi/statements?statementId=${id}`, headers, payload: payload as Json });
  const get = (query: string, extra: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url: `/xapi/statements${query}`, headers: { ...headers, ...extra } });

  it('serves /xapi/about without authentication and with the version header', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/xapi/about' });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ version: string[] }>().version).toContain('1.0.3');
    expect(response.headers['x-experience-api-version']).toBe('1.0.3');
  });

  it('requires X-Experience-API-Version, accepts 1.0.x and rejects others', async () => {
    const missing = await server.app.inject({ method: 'GET', url: '/xapi/statements', headers: { authorization: auth } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string }>().message).toMatch(/X-Experience-API-Version/);
    expect(missing.headers['x-experience-api-version']).toBe('1.0.3');
    expect((await get('', { 'x-experience-api-version': '0.95' })).statusCode).toBe(400);
    expect((await get('', { 'x-experience-api-version': '2.0.0' })).statusCode).toBe(400);
    expect((await get('', { 'x-experience-api-version': '1.0.1' })).statusCode).toBe(200);
  });

  it('answers 401 with a Basic challenge without credentials', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/xapi/statements', headers: XAPI_HEADERS });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Basic /);
    const wrong = await get('', { authorization: basic('lrs-tool', 'wrong secret') });
    expect(wrong.statusCode).toBe(401);
  });

  it('PUT stores with 204 and sets stored, authority, version and timestamp', async () => {
    const s = statement(mboxAgent('put'));
    delete s.timestamp;
    const id = String(s.id);
    expect((await put(id, s)).statusCode).toBe(204);
    const response = await get(`?statementId=${id}`);
    expect(response.statusCode).toBe(200);
    const stored = response.json<Json>();
    expect(stored.version).toBe('1.0.3');
    expect(stored.stored).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(stored.timestamp).toBe(stored.stored);
    expect(stored.authority).toMatchObject({
      objectType: 'Agent',
      account: { homePage: 'https://library.test/xapi/clients', name: 'lrs-tool' },
    });
    expect(response.headers['x-experience-api-consistent-through']).toBeDefined();
    expect(response.headers['last-modified']).toBeDefined();
  });

  it('PUT takes the id from the parameter, rejects a mismatch and a missing parameter', async () => {
    const s = statement(mboxAgent('put2'));
    delete s.id;
    const id = randomUUID();
    expect((await put(id, s)).statusCode).toBe(204);
    expect((await get(`?statementId=${id}`)).statusCode).toBe(200);
    expect((await put(randomUUID(), statement(mboxAgent('x')))).statusCode).toBe(400);
    const noParam = await server.app.inject({ method: 'PUT', url: '/xapi/statements', headers, payload: statement(mboxAgent('x')) });
    expect(noParam.statusCode).toBe(400);
  });

  it('POST stores one statement or a batch, returning ids and generating missing ones', async () => {
    const one = statement(mboxAgent('post'));
    const single = await post(one);
    expect(single.statusCode).toBe(200);
    expect(single.json()).toEqual([one.id]);
    const withoutId = statement(mboxAgent('post'));
    delete withoutId.id;
    const batch = await post([statement(mboxAgent('post')), withoutId]);
    expect(batch.statusCode).toBe(200);
    const ids = batch.json<string[]>();
    expect(ids).toHaveLength(2);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get(`?statementId=${ids[1]}`)).statusCode).toBe(200);
    expect((await post([])).json()).toEqual([]);
  });

  it('accepts the same statement again (idempotent) and answers 409 for different content', async () => {
    const s = statement(mboxAgent('idem'));
    expect((await post([s])).statusCode).toBe(200);
    // Same statement, differently written: key order, timestamp notation, id case, no definition,
    // another Verb display (displays and definitions are exceptions to immutability, Data 2.3.1).
    const same = {
      ...s,
      id: String(s.id).toUpperCase(),
      verb: { id: (s.verb as Json).id, display: { 'lv-LV': 'pieredzēja' } },
      object: { id: activity(1) },
      timestamp: '2024-05-01T12:00:00+02:00',
    };
    expect((await post([same])).statusCode).toBe(200);
    expect((await post([{ ...s, verb: { id: (s.verb as Json).id } }])).statusCode).toBe(200);
    expect((await put(String(s.id), s)).statusCode).toBe(204);
    const different = { ...s, verb: { id: VERB.experienced } };
    const conflict = await post([different]);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json<{ message: string }>().message).toContain(String(s.id));
    expect((await put(String(s.id), different)).statusCode).toBe(409);
    const stored = await get(`?statementId=${s.id}`);
    expect(stored.json<Json>().verb).toEqual(s.verb);
  });

  it('rejects a whole batch when one statement is invalid, conflicting or duplicated, storing nothing', async () => {
    const good = statement(mboxAgent('batch'));
    const bad = { ...statement(mboxAgent('batch')), actor: { name: 'no identifier' } };
    const response = await post([good, bad]);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/^statements\[1\]\.actor: /);
    expect((await get(`?statementId=${good.id}`)).statusCode).toBe(404);

    const existing = statement(mboxAgent('batch'));
    await post(existing);
    const fresh = statement(mboxAgent('batch'));
    expect((await post([fresh, { ...existing, verb: { id: VERB.experienced } }])).statusCode).toBe(409);
    expect((await get(`?statementId=${fresh.id}`)).statusCode).toBe(404);

    const twin = statement(mboxAgent('batch'));
    const duplicated = await post([twin, { ...twin }]);
    expect(duplicated.statusCode).toBe(400);
    expect(duplicated.json<{ message: string }>().message).toMatch(/same id/);
    expect((await get(`?statementId=${twin.id}`)).statusCode).toBe(404);
  });

  it('rejects unknown parameters, conflicting id parameters and extra parameters with statementId', async () => {
    expect((await get('?foo=bar')).statusCode).toBe(400);
    expect((await get(`?statementId=${randomUUID()}&voidedStatementId=${randomUUID()}`)).statusCode).toBe(400);
    expect((await get(`?statementId=${randomUUID()}&verb=${encodeURIComponent(VERB.completed)}`)).statusCode).toBe(400);
    expect((await get('?statementId=nope')).statusCode).toBe(400);
    expect((await get('?limit=-1')).statusCode).toBe(400);
    expect((await get('?agent=notjson')).statusCode).toBe(400);
    expect((await get(`?agent=${encodeURIComponent(JSON.stringify({ name: 'x' }))}`)).statusCode).toBe(400);
    expect((await get('?since=yesterday')).statusCode).toBe(400);
    expect((await get('?format=full')).statusCode).toBe(400);
    expect(
      (await server.app.inject({ method: 'POST', url: '/xapi/statements?x=1', headers, payload: statement(mboxAgent('p')) })).statusCode,
    ).toBe(400);
  });

  it('voids: the target is only reachable by voidedStatementId; the voiding statement stays queryable', async () => {
    const actor = mboxAgent('voider');
    const target = statement(actor, { object: { id: activity('void') } });
    await post(target);
    const voider = voiding(actor, String(target.id));
    expect((await post(voider)).statusCode).toBe(200);
    expect((await get(`?statementId=${target.id}`)).statusCode).toBe(404);
    const voided = await get(`?voidedStatementId=${target.id}`);
    expect(voided.statusCode).toBe(200);
    expect(voided.json<Json>().id).toBe(target.id);
    expect((await get(`?voidedStatementId=${voider.id}`)).statusCode).toBe(404);
    const listed = (await get(`?agent=${encodeURIComponent(JSON.stringify(actor))}`)).json<StatementResult>();
    expect(listed.statements.map((s) => s.id)).toEqual([voider.id]);
    // A statement that references the voided one is still returned, and meets the filter the target meets.
    const byActivity = (await get(`?activity=${encodeURIComponent(activity('void'))}`)).json<StatementResult>();
    expect(byActivity.statements.map((s) => s.id)).toEqual([voider.id]);
  });

  it('rejects voiding a voiding statement', async () => {
    const actor = mboxAgent('void2');
    const target = statement(actor);
    const first = voiding(actor, String(target.id));
    await post([target, first]);
    const second = voiding(actor, String(first.id));
    const response = await post(second);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/itself a voiding statement/);
    expect((await get(`?statementId=${first.id}`)).statusCode).toBe(200);
  });

  it('applies a voiding statement that arrived before its target', async () => {
    const actor = mboxAgent('early');
    const target = statement(actor);
    await post(voiding(actor, String(target.id)));
    await post(target);
    expect((await get(`?statementId=${target.id}`)).statusCode).toBe(404);
    expect((await get(`?voidedStatementId=${target.id}`)).statusCode).toBe(200);
  });

  it('filters by agent, verb, activity, registration and their related_ variants', async () => {
    const anna = mboxAgent('filter-anna');
    const ivo = mboxAgent('filter-ivo');
    const registration = randomUUID();
    const a1 = statement(anna, {
      object: { id: activity('f1') },
      context: { registration, contextActivities: { parent: [{ id: activity('f-parent') }] } },
    });
    const a2 = statement(anna, { verb: { id: VERB.experienced }, object: { id: activity('f2') } });
    const i1 = statement(ivo, {
      verb: { id: VERB.commented },
      object: { objectType: 'StatementRef', id: a1.id },
      context: { instructor: ivo },
    });
    const i2 = statement(ivo, { object: { id: activity('f3') }, context: { instructor: anna } });
    const i3 = statement(ivo, { object: anna, verb: { id: VERB.commented } });
    expect((await post([a1, a2, i1, i2, i3])).statusCode).toBe(200);
    const ids = async (query: string) => (await get(query)).json<StatementResult>().statements.map((s) => s.id);
    const q = (value: unknown) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));

    expect(await ids(`?agent=${q(anna)}&ascending=true`)).toEqual([a1.id, a2.id, i1.id, i3.id]);
    expect(await ids(`?agent=${q(anna)}&related_agents=true&ascending=true`)).toEqual([a1.id, a2.id, i1.id, i2.id, i3.id]);
    expect(await ids(`?agent=${q(ivo)}&ascending=true`)).toEqual([i1.id, i2.id, i3.id]);
    expect(await ids(`?verb=${q(VERB.experienced)}&agent=${q(anna)}`)).toEqual([a2.id]);
    expect(await ids(`?activity=${q(activity('f1'))}&ascending=true`)).toEqual([a1.id, i1.id]);
    expect(await ids(`?activity=${q(activity('f-parent'))}`)).toEqual([]);
    expect(await ids(`?activity=${q(activity('f-parent'))}&related_activities=true&ascending=true`)).toEqual([a1.id, i1.id]);
    expect(await ids(`?registration=${registration.toUpperCase()}&ascending=true`)).toEqual([a1.id, i1.id]);
    expect(await ids(`?agent=${q(anna)}&verb=${q(VERB.commented)}&ascending=true`)).toEqual([i1.id, i3.id]);
  });

  it('pages with `more`, in descending order by default and ascending on request', async () => {
    const actor = mboxAgent('pager');
    const batch = Array.from({ length: 7 }, () => statement(actor));
    await post(batch);
    const q = encodeURIComponent(JSON.stringify(actor));
    const collect = async (first: string) => {
      const seen: unknown[] = [];
      let url = first;
      let pages = 0;
      while (url) {
        const response = await server.app.inject({ method: 'GET', url, headers });
        expect(response.statusCode).toBe(200);
        const page = response.json<StatementResult>();
        expect(page.statements.length).toBeLessThanOrEqual(3);
        seen.push(...page.statements.map((s) => s.id));
        url = page.more;
        pages += 1;
      }
      return { seen, pages };
    };
    const descending = await collect(`/xapi/statements?agent=${q}&limit=3`);
    expect(descending.pages).toBe(3);
    expect(descending.seen).toEqual(batch.map((s) => s.id).reverse());
    const ascending = await collect(`/xapi/statements?agent=${q}&limit=3&ascending=true`);
    expect(ascending.seen).toEqual(batch.map((s) => s.id));
    expect((await get('?cursor=garbage')).statusCode).toBe(400);
  });

  it('filters by stored time with since (exclusive) and until (inclusive)', async () => {
    const actor = mboxAgent('timed');
    const q = encodeURIComponent(JSON.stringify(actor));
    const first = statement(actor);
    await post(first);
    const firstStored = String((await get(`?statementId=${first.id}`)).json<Json>().stored);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = statement(actor);
    await post(second);
    const ids = async (query: string) => (await get(`?agent=${q}${query}`)).json<StatementResult>().statements.map((s) => s.id);
    expect(await ids(`&since=${encodeURIComponent(firstStored)}`)).toEqual([second.id]);
    expect(await ids(`&until=${encodeURIComponent(firstStored)}`)).toEqual([first.id]);
    expect(await ids('&since=2000-01-01T00:00:00Z&ascending=true')).toEqual([first.id, second.id]);
    const through = (await get(`?agent=${q}`)).headers['x-experience-api-consistent-through'];
    expect(Date.parse(String(through))).toBeGreaterThanOrEqual(Date.parse(firstStored));
  });

  it('says the store is consistent through the time of the read, also on 4xx answers to GET', async () => {
    const s = statement(mboxAgent('consistent'));
    await post(s);
    const stored = Date.parse(String((await get(`?statementId=${s.id}`)).json<Json>().stored));
    // The read starts after the newest stored time, so the two answers differ.
    while (Date.now() <= stored) await new Promise((resolve) => setTimeout(resolve, 2));
    const readStart = Date.now();
    const answers = [
      await get(''),
      await get(`?statementId=${s.id}`),
      await get('?limit=-1'),
      await get('', { authorization: basic('lrs-tool', 'wrong secret') }),
      await server.app.inject({ method: 'GET', url: '/xapi/statements', headers: { authorization: auth } }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 400, 401, 400]);
    for (const answer of answers) {
      expect(Date.parse(String(answer.headers['x-experience-api-consistent-through']))).toBeGreaterThanOrEqual(readStart);
    }
  });

  it('gives stored times that grow strictly from batch to batch, even under concurrent writers', async () => {
    const actor = mboxAgent('concurrent');
    const batches = Array.from({ length: 10 }, () => Array.from({ length: 5 }, () => statement(actor)));
    const answers = await Promise.all(batches.map((batch) => post(batch)));
    expect(answers.map((a) => a.statusCode)).toEqual(batches.map(() => 200));
    const page = (await get(`?agent=${encodeURIComponent(JSON.stringify(actor))}&ascending=true`)).json<StatementResult>();
    expect(page.statements).toHaveLength(50);
    const storedOfBatch = batches.map((batch) => new Set(batch.map((s) => page.statements.find((p) => p.id === s.id)!.stored)));
    for (const set of storedOfBatch) expect(set.size).toBe(1);
    const stored = page.statements.map((s) => String(s.stored));
    expect([...stored].sort()).toEqual(stored);
    expect(new Set(stored).size).toBe(10);
  });

  it('formats ids and exact, and answers attachments=true as multipart/mixed', async () => {
    const s = statement(mboxAgent('formats'));
    await post(s);
    const ids = (await get(`?statementId=${s.id}&format=ids`)).json<Json>();
    expect(ids.actor).toEqual({ objectType: 'Agent', mbox: 'mailto:formats@example.org' });
    expect(ids.verb).toEqual({ id: VERB.completed });
    expect(ids.object).toEqual({ objectType: 'Activity', id: activity(1) });
    const exact = (await get(`?statementId=${s.id}&format=exact`)).json<Json>();
    expect(exact.object).toEqual(s.object);
    const multipart = await get(`?statementId=${s.id}&attachments=true`);
    expect(multipart.headers['content-type']).toMatch(/^multipart\/mixed; boundary=/);
    expect(multipart.body).toContain(String(s.id));
  });

  it('answers invalid JSON and wrong content types with 4xx and a message', async () => {
    const broken = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"actor":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ message: string }>().message).toBeTruthy();
    const text = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.statusCode).toBe(400);
    const xml = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(xml.statusCode).toBe(415);
  });
});
