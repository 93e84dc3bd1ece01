/*
 * Fuzzing POST /xapi/statements with fast-check: random JSON, random bytes and mutated valid
 * batches. Whatever arrives, the answer is never a 5xx; a 4xx always carries a message; and a
 * rejected batch leaves nothing behind. SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { basic, startTestServer, XAPI_HEADERS, type TestServer } from './helpers/server';
import { statement, voiding, type Json } from './helpers/statements';
import { createXapiClient } from '../../src/server/store/xapi-clients';

const MUTABLE_PATHS = [
  'id',
  'actor',
  'actor.objectType',
  'actor.mbox',
  'actor.account',
  'actor.member',
  'verb',
  'verb.id',
  'verb.display',
  'verb.display.en-US',
  'object',
  'object.objectType',
  'object.id',
  'object.definition',
  'object.definition.name',
  'result',
  'result.score',
  'result.score.scaled',
  'result.score.raw',
  'result.duration',
  'result.success',
  'context',
  'context.registration',
  'context.contextActivities',
  'context.contextActivities.parent',
  'context.revision',
  'context.instructor',
  'context.extensions',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
  'unknownProperty',
];

const awkwardValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    undefined,
    null,
    '',
    'mailto:',
    'not an iri',
    'https://x.test/a',
    randomUUID(),
    'Group',
    'SubStatement',
    'StatementRef',
    'Agent',
    '2024-13-40T99:99:99Z',
    'P1Y2M',
    -1.5,
    1e308,
    { objectType: 'SubStatement' },
    [{}],
    { 'en-US': 1 },
    { __proto__: 1 },
  ),
);

function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Json = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Json;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
}

describe.each(DATABASES)('fuzzing POST /xapi/statements on %s', (kind) => {
  let server: TestServer;
  const headers = { ...XAPI_HEADERS, authorization: basic('fuzzer', 'fuzzer secret!!') };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'fuzzer', secret: 'fuzzer secret!!', cohortId: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  const count = async () => {
    const row = await server.ctx.store.db
      .selectFrom('statements')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const storedAmong = async (ids: string[]) => {
    if (ids.length === 0) return 0;
    const rows = await server.ctx.store.db
      .selectFrom('statements')
      .select('id')
      .where(
        'id',
        'in',
        ids.map((id) => id.toLowerCase()),
      )
      .execute();
    return rows.length;
  };
  const expectClientError = (response: { statusCode: number; body: string }) => {
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, response.body).toBeLessThan(500);
    expect(JSON.parse(response.body).message).toEqual(expect.any(String));
  };

  it('answers random JSON with 4xx and a message, storing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (body) => {
        const before = await count();
        const response = await server.app.inject({
          method: 'POST',
          url: '/xapi/statements',
          headers: { ...headers, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        if (Array.isArray(body) && body.length === 0) expect(response.statusCode).toBe(200);
        else expectClientError(response);
        expect(await count()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('answers random bytes sent as JSON with 4xx and a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const response = await server.app.inject({
          method: 'POST',
          url: '/xapi/statements',
          headers: { ...headers, 'content-type': 'application/json' },
          payload: text,
        });
        if (response.statusCode === 200) expect(JSON.parse(text)).toEqual([]);
        else expectClientError(response);
      }),
      { numRuns: 100 },
    );
  });

  it('stores a mutated batch whole or not at all, and never answers 5xx', async () => {
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ index: fc.nat(3), path: fc.constantFrom(...MUTABLE_PATHS), value: awkwardValue }), {
          minLength: 0,
          maxLength: 3,
        }),
        async (mutations) => {
          const actor = { objectType: 'Agent', mbox: 'mailto:fuzz@example.org' };
          const first = statement(actor, {
            context: { registration: randomUUID(), contextActivities: { parent: [{ id: 'https://x.test/p' }] } },
            result: { score: { scaled: 0.5, raw: 5, min: 0, max: 10 }, duration: 'PT1M' },
          });
          const batch: Json[] = [first, statement(actor), statement(actor, { object: actor }), voiding(actor, String(first.id))];
          for (const mutation of mutations) setPath(batch[mutation.index]!, mutation.path, mutation.value);
          const ids = batch.map((s) => s.id).filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
          const before = await count();
          const response = await server.app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: batch });
          if (response.statusCode === 200) {
            accepted += 1;
            expect(response.json<string[]>()).toHaveLength(batch.length);
            expect(await storedAmong(ids)).toBe(ids.length);
          } else {
            rejected += 1;
            expectClientError(response);
            expect(await count()).toBe(before);
            expect(await storedAmong(ids)).toBe(0);
          }
        },
      ),
      // The unmutated batch is always tried, so the accepted path is exercised in every run.
      { numRuns: 200, examples: [[[]]] },
    );
    // Both outcomes must actually occur, or the property proves nothing.
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(50);
  });
});
