/*
 * Upgrading to hashed document keys, on both databases: an older server keyed xapi_documents
 * by the full kind, agent, activity, registration and document id (migration 0012), which
 * bounded their lengths. Starting the current server runs migration 0014, which rebuilds the
 * table keyed by hashes and copies every document (in pages of 100) with its content, type,
 * ETag and time, so that each is found, listed, replaced and deleted as before.
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DATABASES } from './helpers/databases';
import { basic, XAPI_HEADERS } from './helpers/server';
import { activity, mboxAgent } from './helpers/statements';
import { useUpgradedServer } from './helpers/upgrade';
import type { Database } from '../../src/server/store/schema';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { agentKey } from '../../src/shared/xapi/canonical';

const BEFORE_DOCUMENT_KEYS = '0014';
const STATE = '/xapi/activities/state';
const ACTIVITY_PROFILE = '/xapi/activities/profile';
const REGISTRATION = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** A row as migration 0012 kept it. */
type OldDocument = Omit<Database['xapi_documents'], 'place_key' | 'document_key'>;

describe.each(DATABASES)('upgrading to hashed document keys on %s', (kind) => {
  const headers = { ...XAPI_HEADERS, authorization: basic('content-tool', 'content tool secret') };
  const learner = mboxAgent('upgraded-reader');
  const lesson = activity('upgraded-lesson');
  const binary = Buffer.from([0, 255, 1, 0, 0x0d, 0x0a]);
  const old = (row: Pick<OldDocument, 'kind' | 'activity_id' | 'agent_key' | 'registration' | 'document_id'> & { content: Buffer }) => ({
    ...row,
    content_type: row.content[0] === 0 ? 'application/octet-stream' : 'application/json',
    etag: `${row.document_id.length.toString(16).padStart(8, '0')}${'e'.repeat(32)}`,
    updated: `2024-0${row.registration === '' ? 3 : 4}-01T10:00:00.000Z`,
  });
  // More than two pages of the migration (100): states in and out of a registration, and profiles.
  const states = Array.from({ length: 230 }, (_, i) =>
    old({
      kind: 'state',
      activity_id: lesson,
      agent_key: agentKey(learner) ?? '',
      registration: i % 2 ? REGISTRATION : '',
      document_id: `state-${String(i).padStart(3, '0')}`,
      content: Buffer.from(JSON.stringify({ i })),
    }),
  );
  const rows: OldDocument[] = [
    ...states,
    old({
      kind: 'state',
      activity_id: lesson,
      agent_key: agentKey(learner) ?? '',
      registration: '',
      document_id: 'suspend',
      content: binary,
    }),
    old({
      kind: 'activity-profile',
      activity_id: lesson,
      agent_key: '',
      registration: '',
      document_id: 'layout',
      content: Buffer.from('{"a":1}'),
    }),
  ];

  const server = useUpgradedServer(kind, {
    before: BEFORE_DOCUMENT_KEYS,
    write: async (db) => {
      await (db as unknown as Kysely<{ xapi_documents: OldDocument }>).insertInto('xapi_documents').values(rows).execute();
    },
    started: async (started) => {
      await createXapiClient(started.context.store.db, { key: 'content-tool', secret: 'content tool secret', cohortId: null });
    },
  });

  const url = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params).toString()}`;
  const call = (method: 'GET' | 'PUT' | 'DELETE', target: string, options: { body?: string; ifMatch?: string } = {}) =>
    server().app.inject({
      method,
      url: target,
      headers: {
        ...headers,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.ifMatch === undefined ? {} : { 'if-match': options.ifMatch }),
      },
      ...(options.body === undefined ? {} : { payload: options.body }),
    });
  const state = (params: Record<string, string>) => url(STATE, { activityId: lesson, agent: JSON.stringify(learner), ...params });

  it('copies every document, and answers each with its content, type, ETag and time', async () => {
    const count = await server()
      .context.store.db.selectFrom('xapi_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(rows.length);
    for (const row of [rows[0], rows[1], rows[229], rows[230], rows[231]]) {
      const params: Record<string, string> = row!.registration === '' ? {} : { registration: row!.registration };
      const target =
        row!.kind === 'state'
          ? state({ ...params, stateId: row!.document_id })
          : url(ACTIVITY_PROFILE, { activityId: lesson, profileId: row!.document_id });
      const got = await call('GET', target);
      expect(got.statusCode, target).toBe(200);
      expect(got.rawPayload.equals(row!.content)).toBe(true);
      expect(got.headers['content-type']).toBe(row!.content_type);
      expect(got.headers.etag).toBe(`"${row!.etag}"`);
      expect(Date.parse(String(got.headers['last-modified']))).toBe(Date.parse(row!.updated));
    }
  });

  it('lists the copied ids by registration and since', async () => {
    const outside = states.filter((row) => row.registration === '').map((row) => row.document_id);
    const inside = states.filter((row) => row.registration !== '').map((row) => row.document_id);
    expect((await call('GET', state({}))).json()).toEqual([...outside, 'suspend'].sort());
    expect((await call('GET', state({ registration: REGISTRATION }))).json()).toEqual(inside);
    expect((await call('GET', state({ since: '2024-03-15T00:00:00Z' }))).json()).toEqual([]);
    expect((await call('GET', state({ registration: REGISTRATION, since: '2024-03-15T00:00:00Z' }))).json()).toHaveLength(inside.length);
  });

  it('replaces a copied document in place under If-Match, and deletes them all', async () => {
    const target = url(ACTIVITY_PROFILE, { activityId: lesson, profileId: 'layout' });
    const etag = String((await call('GET', target)).headers.etag);
    expect((await call('PUT', target, { body: '{"a":2}' })).statusCode).toBe(409);
    expect((await call('PUT', target, { body: '{"a":2}', ifMatch: etag })).statusCode).toBe(204);
    expect((await call('GET', target)).json()).toEqual({ a: 2 });
    expect((await call('GET', url(ACTIVITY_PROFILE, { activityId: lesson }))).json()).toEqual(['layout']);
    expect((await call('DELETE', state({}))).statusCode).toBe(204);
    expect((await call('GET', state({ registration: REGISTRATION }))).json()).toEqual([]);
    expect((await call('GET', state({}))).json()).toEqual([]);
  });
});
