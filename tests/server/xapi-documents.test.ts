/*
 * The xAPI document resources (xAPI-Communication.md 2.3 Document resources, 2.4 State,
 * 2.6 Activity Profile, 2.7 Agent Profile, 3.1 Concurrency): documents of any content type kept
 * as octets, the JSON merge of POST, id lists with `since`, DELETE of one or all, parameters
 * checked with a 400 that names them, ETag preconditions, and who may read and write whose
 * documents. SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, makeUser, startTestServer, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { activity, mboxAgent } from './helpers/statements';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { addLearner, createCohort } from '../../src/server/store/cohorts';

const STATE = '/xapi/activities/state';
const ACTIVITY_PROFILE = '/xapi/activities/profile';
const AGENT_PROFILE = '/xapi/agents/profile';
const REGISTRATION = 'c8a5d3e0-7b3f-4c7e-9d2a-0f1e2d3c4b5a';

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';

describe.each(DATABASES)('xAPI document resources on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let berta: Session;
  let ivo: Session;
  let dace: Session;
  const tool = { ...XAPI_HEADERS, authorization: basic('content-tool', 'content tool secret') };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'content-tool', secret: 'content tool secret', cohortId: null });
    anna = await makeUser(server, 'anna', 'learner');
    berta = await makeUser(server, 'berta', 'learner');
    ivo = await makeUser(server, 'ivo', 'mentor');
    dace = await makeUser(server, 'dace', 'coordinator');
  });
  afterAll(async () => {
    await server?.close();
  });

  const url = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params).toString()}`;
  const send = (
    method: Method,
    target: string,
    options: { headers?: Record<string, string>; body?: string | Buffer; contentType?: string } = {},
  ) =>
    server.app.inject({
      method,
      url: target,
      headers: {
        ...tool,
        ...(options.body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { payload: options.body }),
    });
  const as = (session: Session) => ({ ...XAPI_HEADERS, ...APP_HEADERS, cookie: session.cookie });
  const stateOf = (agent: Record<string, unknown>, extra: Record<string, string> = {}) =>
    url(STATE, { activityId: activity('state'), agent: JSON.stringify(agent), ...extra });
  const errorOf = (response: { body: string }) => JSON.parse(response.body) as { error: string; message: string };

  describe('2.3 documents of any content type, stored as octets', () => {
    it('keeps binary content with NUL octets and its content type, and answers ETag and Last-Modified', async () => {
      const agent = mboxAgent('binary');
      const content = Buffer.from([0, 1, 2, 255, 0, 0x0d, 0x0a, 0x7f]);
      const target = stateOf(agent, { stateId: 'suspend' });
      const put = await send('PUT', target, { body: content, contentType: 'application/octet-stream' });
      expect(put.statusCode, put.body).toBe(204);
      const got = await send('GET', target);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(content)).toBe(true);
      expect(got.headers['content-type']).toBe('application/octet-stream');
      expect(got.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
      expect(got.headers.etag).toBe(put.headers.etag);
      expect(Date.parse(String(got.headers['last-modified']))).not.toBeNaN();
    });

    it('keeps a text document byte for byte, e.g. cmi5 suspend data', async () => {
      const target = stateOf(mboxAgent('text'), { stateId: 'bookmark' });
      await send('PUT', target, { body: 'slide=7;ā=ü', contentType: 'text/plain; charset=utf-8' });
      const got = await send('GET', target);
      expect(got.body).toBe('slide=7;ā=ü');
      expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
    });

    it('answers 404 for a document never stored', async () => {
      const got = await send('GET', stateOf(mboxAgent('nobody'), { stateId: 'none' }));
      expect(got.statusCode).toBe(404);
      expect(errorOf(got).error).toBe('no-document');
    });

    it('refuses a document larger than the limit with 413', async () => {
      const big = Buffer.alloc(1024 * 1024 + 1, 0x61);
      const put = await send('PUT', stateOf(mboxAgent('big'), { stateId: 'big' }), { body: big, contentType: 'text/plain' });
      expect(put.statusCode).toBe(413);
      expect(errorOf(put).error).toBe('document-too-large');
    });

    it('answers HEAD like GET without a body', async () => {
      const target = stateOf(mboxAgent('head'), { stateId: 's' });
      await send('PUT', target, { body: '{"a":1}' });
      const head = await send('HEAD', target);
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers.etag).toBe((await send('GET', target)).headers.etag);
      expect(head.headers['content-type']).toBe('application/json');
    });
  });

  describe('2.3.2 POST merges JSON objects one level deep', () => {
    it('overwrites top-level properties and keeps the others, without merging deeper', async () => {
      const target = stateOf(mboxAgent('merge'), { stateId: 'settings' });
      await send('PUT', target, { body: JSON.stringify({ a: 1, nested: { x: 1, y: 2 }, keep: true }) });
      const post = await send('POST', target, { body: JSON.stringify({ a: 2, nested: { x: 3 }, added: 'yes' }) });
      expect(post.statusCode, post.body).toBe(204);
      expect((await send('GET', target)).json()).toEqual({ a: 2, nested: { x: 3 }, keep: true, added: 'yes' });
    });

    it('stores the posted document as it is when none exists', async () => {
      const target = stateOf(mboxAgent('merge-new'), { stateId: 'first' });
      expect((await send('POST', target, { body: '{"b":1}' })).statusCode).toBe(204);
      expect((await send('GET', target)).json()).toEqual({ b: 1 });
    });

    it('refuses with 400 when the stored or the posted document is not a JSON object', async () => {
      const text = stateOf(mboxAgent('merge-bad'), { stateId: 'text' });
      await send('PUT', text, { body: 'plain', contentType: 'text/plain' });
      const onText = await send('POST', text, { body: '{"a":1}' });
      expect(onText.statusCode).toBe(400);
      expect(errorOf(onText).error).toBe('merge-not-json');
      const json = stateOf(mboxAgent('merge-bad'), { stateId: 'json' });
      await send('PUT', json, { body: '{"a":1}' });
      for (const [body, contentType] of [
        ['[1,2]', 'application/json'],
        ['{"a":', 'application/json'],
        ['{"a":2}', 'text/plain'],
      ] as const) {
        const response = await send('POST', json, { body, contentType });
        expect(response.statusCode, body).toBe(400);
      }
      expect((await send('GET', json)).json()).toEqual({ a: 1 });
    });
  });

  describe('2.4 State: ids, since, registration, DELETE', () => {
    it('lists state ids, filtered by since, and keeps registrations apart', async () => {
      const agent = mboxAgent('lister');
      await send('PUT', stateOf(agent, { stateId: 'one' }), { body: '{}' });
      await send('PUT', stateOf(agent, { stateId: 'two' }), { body: '{}' });
      await send('PUT', stateOf(agent, { stateId: 'other', registration: REGISTRATION }), { body: '{}' });
      expect((await send('GET', stateOf(agent))).json()).toEqual(['one', 'two']);
      expect((await send('GET', stateOf(agent, { registration: REGISTRATION }))).json()).toEqual(['other']);
      expect((await send('GET', stateOf(agent, { since: '2999-01-01T00:00:00Z' }))).json()).toEqual([]);
      expect((await send('GET', stateOf(agent, { since: '2000-01-01T00:00:00Z' }))).json()).toEqual(['one', 'two']);
    });

    it('deletes one state, or all of an agent in an activity', async () => {
      const agent = mboxAgent('deleter');
      for (const stateId of ['a', 'b']) await send('PUT', stateOf(agent, { stateId }), { body: '{}' });
      await send('PUT', stateOf(agent, { stateId: 'r', registration: REGISTRATION }), { body: '{}' });
      await send('PUT', stateOf(mboxAgent('bystander'), { stateId: 'a' }), { body: '{}' });
      expect((await send('DELETE', stateOf(agent, { stateId: 'a' }))).statusCode).toBe(204);
      expect((await send('GET', stateOf(agent))).json()).toEqual(['b']);
      expect((await send('DELETE', stateOf(agent))).statusCode).toBe(204);
      expect((await send('GET', stateOf(agent))).json()).toEqual([]);
      expect((await send('GET', stateOf(agent, { registration: REGISTRATION }))).json()).toEqual([]);
      expect((await send('GET', stateOf(mboxAgent('bystander'), { stateId: 'a' }))).statusCode).toBe(200);
    });

    it('refuses missing or malformed parameters with 400 naming them', async () => {
      const agent = JSON.stringify(mboxAgent('params'));
      const cases: [string, string][] = [
        [url(STATE, { agent, stateId: 's' }), '"activityId" is required'],
        [url(STATE, { activityId: activity(1), stateId: 's' }), '"agent" is required'],
        [url(STATE, { activityId: 'not an iri', agent, stateId: 's' }), '"activityId" must be an IRI'],
        [url(STATE, { activityId: activity(1), agent: '{"name":"x"}', stateId: 's' }), 'agent'],
        [url(STATE, { activityId: activity(1), agent: 'nope', stateId: 's' }), 'agent'],
        [url(STATE, { activityId: activity(1), agent, stateId: 's', registration: 'x' }), '"registration" must be a UUID'],
        [url(STATE, { activityId: activity(1), agent, stateId: 's', verb: 'x' }), '"verb" is not allowed'],
        [url(STATE, { activityId: activity(1), agent }), '"stateId" is required'],
      ];
      for (const [target, reason] of cases) {
        const response = await send('PUT', target, { body: '{}' });
        expect(response.statusCode, target).toBe(400);
        expect(errorOf(response).message).toContain(reason);
      }
      const since = await send('GET', url(STATE, { activityId: activity(1), agent, since: 'yesterday' }));
      expect(since.statusCode).toBe(400);
      const longIri = `https://library.test/${'a'.repeat(2049)}`;
      const long = await send('PUT', url(STATE, { activityId: longIri, agent, stateId: 's' }), { body: '{}' });
      expect(long.statusCode).toBe(400);
      expect(errorOf(long).error).toBe('parameter-too-long');
      expect(errorOf(long).message).toContain('"activityId"');
    });
  });

  describe('2.3 ids of any length: activity IRIs up to the 2,048 bytes of any IRI, document ids unbounded', () => {
    /** `prefix` padded with 'é' (two UTF-8 bytes) and a last letter to exactly `bytes` bytes. */
    const ofBytes = (prefix: string, bytes: number, last: string) => {
      const pad = bytes - Buffer.byteLength(prefix) - 1;
      const value = `${prefix}${'é'.repeat(Math.floor(pad / 2))}${'x'.repeat(pad % 2)}${last}`;
      expect(Buffer.byteLength(value)).toBe(bytes);
      return value;
    };
    const longActivity = (last: string) => ofBytes('https://library.test/xapi/activities/', 2000, last);
    const longId = (last: string) => ofBytes('suspend-data-', 2000, last);

    it('writes, reads, lists and deletes a state with a 2,000-byte activity IRI and stateId', async () => {
      const agent = JSON.stringify(mboxAgent('long-ids'));
      const activityId = longActivity('a');
      const stateId = longId('a');
      const target = url(STATE, { activityId, agent, stateId, registration: REGISTRATION });
      const put = await send('PUT', target, { body: '{"page":3}' });
      expect(put.statusCode, put.body).toBe(204);
      expect((await send('POST', target, { body: '{"done":false}' })).statusCode).toBe(204);
      expect((await send('GET', target)).json()).toEqual({ page: 3, done: false });
      const listing = url(STATE, { activityId, agent, registration: REGISTRATION, since: '2000-01-01T00:00:00Z' });
      expect((await send('GET', listing)).json()).toEqual([stateId]);
      expect((await send('DELETE', target)).statusCode).toBe(204);
      expect((await send('GET', target)).statusCode).toBe(404);
      expect((await send('GET', listing)).json()).toEqual([]);
    });

    it('writes, reads, lists and deletes profiles with a 2,000-byte activity IRI and profileId', async () => {
      const activityId = longActivity('p');
      const profileId = longId('p');
      const agent = JSON.stringify(mboxAgent('long-profile'));
      for (const [path, place] of [
        [ACTIVITY_PROFILE, { activityId }],
        [AGENT_PROFILE, { agent }],
      ] as const) {
        const target = url(path, { ...place, profileId });
        expect((await send('PUT', target, { body: 'layout', contentType: 'text/plain' })).statusCode).toBe(204);
        const got = await send('GET', target);
        expect(got.body).toBe('layout');
        expect((await send('GET', url(path, { ...place, since: '2000-01-01T00:00:00Z' }))).json()).toEqual([profileId]);
        expect((await send('DELETE', target, { headers: { 'if-match': String(got.headers.etag) } })).statusCode).toBe(204);
        expect((await send('GET', url(path, place))).json()).toEqual([]);
      }
    });

    it('keeps ids and IRIs that share a long prefix apart', async () => {
      const agent = JSON.stringify(mboxAgent('long-prefix'));
      const [first, second] = [longActivity('1'), longActivity('2')];
      const [one, two] = [longId('1'), longId('2')];
      for (const activityId of [first, second]) {
        for (const stateId of [one, two]) {
          const body = JSON.stringify({ activity: activityId.at(-1), state: stateId.at(-1) });
          expect((await send('PUT', url(STATE, { activityId, agent, stateId }), { body })).statusCode).toBe(204);
        }
      }
      expect((await send('GET', url(STATE, { activityId: second, agent, stateId: one }))).json()).toEqual({ activity: '2', state: '1' });
      expect((await send('GET', url(STATE, { activityId: first, agent }))).json()).toEqual([one, two]);
      expect((await send('DELETE', url(STATE, { activityId: first, agent, stateId: two }))).statusCode).toBe(204);
      expect((await send('GET', url(STATE, { activityId: first, agent }))).json()).toEqual([one]);
      expect((await send('GET', url(STATE, { activityId: second, agent }))).json()).toEqual([one, two]);
      expect((await send('DELETE', url(STATE, { activityId: second, agent }))).statusCode).toBe(204);
      expect((await send('GET', url(STATE, { activityId: second, agent }))).json()).toEqual([]);
      expect((await send('GET', url(STATE, { activityId: first, agent, stateId: one }))).json()).toEqual({ activity: '1', state: '1' });
    });
  });

  describe('3.1 concurrency: ETag, If-Match, If-None-Match', () => {
    it('writes only when If-Match names the stored ETag, and If-None-Match: * only creates', async () => {
      const target = url(ACTIVITY_PROFILE, { activityId: activity('profile'), profileId: 'layout' });
      expect((await send('PUT', target, { body: '{"v":1}', headers: { 'if-none-match': '*' } })).statusCode).toBe(204);
      const etag = String((await send('GET', target)).headers.etag);
      expect((await send('PUT', target, { body: '{"v":2}', headers: { 'if-none-match': '*' } })).statusCode).toBe(412);
      expect((await send('PUT', target, { body: '{"v":2}', headers: { 'if-match': '"0000"' } })).statusCode).toBe(412);
      expect((await send('PUT', target, { body: '{"v":2}', headers: { 'if-match': etag } })).statusCode).toBe(204);
      expect((await send('PUT', target, { body: '{"v":3}', headers: { 'if-match': etag } })).statusCode).toBe(412);
      expect((await send('GET', target)).json()).toEqual({ v: 2 });
      const fresh = String((await send('GET', target)).headers.etag);
      expect((await send('DELETE', target, { headers: { 'if-match': etag } })).statusCode).toBe(412);
      expect((await send('DELETE', target, { headers: { 'if-match': fresh } })).statusCode).toBe(204);
      expect((await send('GET', target)).statusCode).toBe(404);
    });

    it('answers 409 to a PUT on an existing profile without a precondition, but not on State', async () => {
      for (const target of [
        url(ACTIVITY_PROFILE, { activityId: activity('profile'), profileId: 'conflict' }),
        url(AGENT_PROFILE, { agent: JSON.stringify(mboxAgent('profiled')), profileId: 'conflict' }),
      ]) {
        expect((await send('PUT', target, { body: '{"v":1}' })).statusCode).toBe(204);
        const second = await send('PUT', target, { body: '{"v":2}' });
        expect(second.statusCode).toBe(409);
        expect(errorOf(second).error).toBe('precondition-required');
        expect((await send('POST', target, { body: '{"w":1}' })).statusCode).toBe(204);
        expect((await send('GET', target)).json()).toEqual({ v: 1, w: 1 });
      }
      const state = stateOf(mboxAgent('no-409'), { stateId: 's' });
      await send('PUT', state, { body: '{"v":1}' });
      expect((await send('PUT', state, { body: '{"v":2}' })).statusCode).toBe(204);
    });

    it('answers If-Match on a document that does not exist with 412', async () => {
      const target = url(AGENT_PROFILE, { agent: JSON.stringify(mboxAgent('ghost')), profileId: 'p' });
      expect((await send('PUT', target, { body: '{}', headers: { 'if-match': '*' } })).statusCode).toBe(412);
    });
  });

  describe('2.6 / 2.7 profiles: ids and parameters', () => {
    it('lists activity and agent profile ids', async () => {
      const activityId = activity('profiles-list');
      await send('PUT', url(ACTIVITY_PROFILE, { activityId, profileId: 'p1' }), { body: '{}' });
      await send('PUT', url(ACTIVITY_PROFILE, { activityId, profileId: 'p2' }), { body: '{}' });
      expect((await send('GET', url(ACTIVITY_PROFILE, { activityId }))).json()).toEqual(['p1', 'p2']);
      const agent = JSON.stringify(mboxAgent('profile-list'));
      await send('PUT', url(AGENT_PROFILE, { agent, profileId: 'q' }), { body: '{}' });
      expect((await send('GET', url(AGENT_PROFILE, { agent }))).json()).toEqual(['q']);
    });

    it('refuses a profile DELETE without profileId, and an agent profile for a Group', async () => {
      expect((await send('DELETE', url(ACTIVITY_PROFILE, { activityId: activity(1) }))).statusCode).toBe(400);
      const group = JSON.stringify({ objectType: 'Group', mbox: 'mailto:team@example.org' });
      expect((await send('GET', url(AGENT_PROFILE, { agent: group, profileId: 'p' }))).statusCode).toBe(400);
    });
  });

  describe('who reads and writes whose documents', () => {
    it('lets a learner use their own state and agent profile, and nobody else’s', async () => {
      const own = stateOf(anna.agent, { stateId: 'position' });
      const annaHeaders = as(anna);
      const put = await server.app.inject({
        method: 'PUT',
        url: own,
        headers: { ...annaHeaders, 'content-type': 'application/json' },
        payload: '{"p":1}',
      });
      expect(put.statusCode, put.body).toBe(204);
      expect((await server.app.inject({ method: 'GET', url: own, headers: annaHeaders })).json()).toEqual({ p: 1 });
      for (const reader of [berta, ivo]) {
        const read = await server.app.inject({ method: 'GET', url: own, headers: as(reader) });
        expect(read.statusCode).toBe(403);
        expect(errorOf(read).error).toBe('document-not-allowed');
        const list = await server.app.inject({ method: 'GET', url: stateOf(anna.agent), headers: as(reader) });
        expect(list.statusCode).toBe(403);
        const write = await server.app.inject({
          method: 'PUT',
          url: own,
          headers: { ...as(reader), 'content-type': 'application/json' },
          payload: '{"p":9}',
        });
        expect(write.statusCode).toBe(403);
        const profile = url(AGENT_PROFILE, { agent: JSON.stringify(anna.agent), profileId: 'x' });
        expect((await server.app.inject({ method: 'GET', url: profile, headers: as(reader) })).statusCode).toBe(403);
      }
      expect((await server.app.inject({ method: 'GET', url: own, headers: as(dace) })).statusCode).toBe(200);
      expect((await send('GET', own)).json()).toEqual({ p: 1 });
    });

    it('lets everyone read activity profiles, and only coordinators and clients write them', async () => {
      const target = url(ACTIVITY_PROFILE, { activityId: activity('shared'), profileId: 'about' });
      await send('PUT', target, { body: '{"title":"x"}' });
      for (const reader of [anna, ivo]) {
        expect((await server.app.inject({ method: 'GET', url: target, headers: as(reader) })).statusCode).toBe(200);
        const write = await server.app.inject({
          method: 'POST',
          url: target,
          headers: { ...as(reader), 'content-type': 'application/json' },
          payload: '{"title":"y"}',
        });
        expect(write.statusCode).toBe(403);
      }
      const byCoordinator = await server.app.inject({
        method: 'POST',
        url: target,
        headers: { ...as(dace), 'content-type': 'application/json' },
        payload: '{"by":"dace"}',
      });
      expect(byCoordinator.statusCode).toBe(204);
    });

    it('lets a client limited to a cohort use the documents of that cohort’s people only', async () => {
      const cohort = await createCohort(server.ctx.store.db, 'Riga');
      await addLearner(server.ctx.store.db, cohort.id, berta.userId);
      await createXapiClient(server.ctx.store.db, { key: 'riga-tool', secret: 'riga tool secret', cohortId: cohort.id });
      const riga = { ...XAPI_HEADERS, authorization: basic('riga-tool', 'riga tool secret') };
      const bertas = await server.app.inject({
        method: 'PUT',
        url: stateOf(berta.agent, { stateId: 'cohort' }),
        headers: { ...riga, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(bertas.statusCode, bertas.body).toBe(204);
      const annas = await server.app.inject({ method: 'GET', url: stateOf(anna.agent, { stateId: 'position' }), headers: riga });
      expect(annas.statusCode).toBe(403);
    });

    it('needs the X-Experience-API-Version header', async () => {
      const response = await server.app.inject({
        method: 'GET',
        url: stateOf(anna.agent, { stateId: 'position' }),
        headers: { authorization: tool.authorization },
      });
      expect(response.statusCode).toBe(400);
    });

    it('stores a document sent without Content-Type as application/octet-stream', async () => {
      const target = stateOf(mboxAgent('untyped'), { stateId: 'raw' });
      const put = await server.app.inject({ method: 'PUT', url: target, headers: tool, payload: Buffer.from('raw bytes') });
      expect(put.statusCode, put.body).toBe(204);
      const got = await send('GET', target);
      expect(got.headers['content-type']).toBe('application/octet-stream');
      expect(got.body).toBe('raw bytes');
    });

    it('needs credentials, and the CSRF header for a session write', async () => {
      const target = stateOf(anna.agent, { stateId: 'csrf' });
      expect((await server.app.inject({ method: 'GET', url: target, headers: XAPI_HEADERS })).statusCode).toBe(401);
      const forged = await server.app.inject({
        method: 'PUT',
        url: target,
        headers: { ...XAPI_HEADERS, cookie: anna.cookie, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(forged.statusCode).toBe(403);
    });
  });
});
