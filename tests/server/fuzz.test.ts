/*
 * Fuzzing POST /xapi/statements with fast-check: random JSON, random bytes and mutated valid
 * batches, sent as application/json, as multipart/mixed with attachment content, and through
 * the alternate request syntax (forms); and every route with random cookies, query values and
 * JSON nested far too deep. Whatever arrives, the answer is never a 5xx; a 4xx always carries a
 * message; and a rejected batch leaves nothing behind, attachment content included. SQLite and
 * PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { basic, countRows, startTestServer, storedCounts, XAPI_HEADERS, type TestServer } from './helpers/server';
import { statement, voiding, type Json } from './helpers/statements';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { attachmentFor, multipart, partFor, sha256 } from './helpers/attachments';

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

/** A well-formed id that several runs put on different statements: the second gets 409. */
const REUSED_ID = randomUUID();

const awkwardValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    undefined,
    null,
    '',
    'mailto:',
    'not an iri',
    'https://x.test/a',
    REUSED_ID,
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

  const count = () => countRows(server, 'statements');
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
  const counts = () => storedCounts(server);
  const expectClientError = (response: { statusCode: number; body: string }) => {
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, response.body).toBeLessThan(500);
    expect(JSON.parse(response.body).message).toEqual(expect.any(String));
  };
  /** What the statement tables hold before a request, and how many of its ids are stored already. */
  const snapshot = async (ids: string[]) => ({ counts: await counts(), stored: await storedAmong(ids) });
  /**
   * Checks a POST of a `size` statement batch was stored whole or not at all: accepted, every id
   * the server answered with is stored (a flipped byte may have changed an id in the JSON);
   * rejected, a 4xx with a message, and nothing in any table changed (a fuzzed id may repeat
   * one stored earlier in the run, which then stays).
   */
  const wholeOrNothing = async (
    response: { statusCode: number; body: string; json: <T>() => T },
    size: number,
    ids: string[],
    before: { counts: number[]; stored: number },
  ): Promise<'accepted' | 'rejected'> => {
    if (response.statusCode === 200) {
      const returned = response.json<string[]>();
      expect(returned).toHaveLength(size);
      expect(await storedAmong(returned)).toBe(returned.length);
      return 'accepted';
    }
    expectClientError(response);
    expect(await counts()).toEqual(before.counts);
    expect(await storedAmong(ids)).toBe(before.stored);
    return 'rejected';
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
          const before = await snapshot(ids);
          const response = await server.app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: batch });
          if ((await wholeOrNothing(response, batch.length, ids, before)) === 'accepted') accepted += 1;
          else rejected += 1;
        },
      ),
      // The unmutated batch is always tried, so the accepted path is exercised in every run; then
      // an id the store already holds for other content (a fuzzed id may repeat one stored
      // earlier in the run): 409, and what was stored under that id stays.
      {
        numRuns: 200,
        examples: [[[]], [[{ index: 0, path: 'id', value: REUSED_ID }]], [[{ index: 1, path: 'id', value: REUSED_ID }]]],
      },
    );
    // Both outcomes must actually occur, or the property proves nothing.
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(50);
  });

  it('stores a mutated multipart/mixed request with attachments whole or not at all, and never answers 5xx', async () => {
    const byteMutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.oneof(
          fc.uint8Array({ maxLength: 8 }),
          fc.constantFrom('\r\n', '--', '\r\n\r\n', '--fuzz-b', '--fuzz-b--').map((t) => Buffer.from(t)),
        ),
      }),
    );
    const requestMutation = fc.oneof(
      fc.record({
        kind: fc.constant('header' as const),
        part: fc.nat(2),
        name: fc.constantFrom('Content-Type', 'Content-Transfer-Encoding', 'X-Experience-API-Hash', 'Content-Length'),
        value: fc.oneof(
          fc.constantFrom('', 'binary', 'base64', 'application/json', 'text/plain', sha256('x'), '-1', '0', 'ZZ'),
          fc.string({ maxLength: 20 }),
        ),
      }),
      fc.record({
        kind: fc.constant('attachment' as const),
        field: fc.constantFrom('length', 'sha2', 'contentType', 'fileUrl', 'usageType', 'display'),
        value: awkwardValue,
      }),
      fc.record({
        kind: fc.constant('statement' as const),
        index: fc.nat(1),
        path: fc.constantFrom(...MUTABLE_PATHS),
        value: awkwardValue,
      }),
      fc.record({
        kind: fc.constant('contentType' as const),
        value: fc.constantFrom(
          'multipart/mixed',
          'multipart/mixed; boundary=',
          'multipart/mixed; boundary=other',
          'multipart/mixed; boundary="fuzz-b',
          'multipart/related; boundary=fuzz-b',
        ),
      }),
    );
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 64 }),
        fc.array(requestMutation, { maxLength: 3 }),
        fc.array(byteMutation, { maxLength: 3 }),
        async (bytes, requestMutations, byteMutations) => {
          const content = Buffer.from(bytes);
          const other = Buffer.concat([content, Buffer.from('second')]);
          const actor = { objectType: 'Agent', mbox: 'mailto:multipart-fuzz@example.org' };
          const batch: Json[] = [
            statement(actor, { attachments: [attachmentFor(content), attachmentFor(other, { contentType: 'application/octet-stream' })] }),
            statement(actor),
          ];
          const parts = [partFor(content), partFor(other, {}, 'application/octet-stream')];
          let contentType = 'multipart/mixed; boundary=fuzz-b';
          for (const mutation of requestMutations) {
            if (mutation.kind === 'header') {
              const part = parts[mutation.part % parts.length]!;
              part.headers = { ...part.headers, [mutation.name]: mutation.value };
            } else if (mutation.kind === 'attachment') {
              // An earlier mutation may have replaced the attachments; then there is nothing to change.
              const list = batch[0]!.attachments;
              const attachment: unknown = Array.isArray(list) ? list[0] : undefined;
              if (typeof attachment !== 'object' || attachment === null) continue;
              if (mutation.value === undefined) Reflect.deleteProperty(attachment, mutation.field);
              else (attachment as Json)[mutation.field] = mutation.value;
            } else if (mutation.kind === 'statement') setPath(batch[mutation.index]!, mutation.path, mutation.value);
            else contentType = mutation.value;
          }
          let payload = multipart(batch, parts, 'fuzz-b').payload;
          for (const mutation of byteMutations) {
            const at = payload.length === 0 ? 0 : mutation.at % payload.length;
            if (mutation.kind === 'flip')
              payload = Buffer.concat([payload.subarray(0, at), Buffer.from([mutation.value]), payload.subarray(at + 1)]);
            else if (mutation.kind === 'cut') payload = payload.subarray(0, at);
            else payload = Buffer.concat([payload.subarray(0, at), Buffer.from(mutation.bytes), payload.subarray(at)]);
          }
          const ids = batch.map((s) => s.id).filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
          const before = await snapshot(ids);
          const response = await server.app.inject({
            method: 'POST',
            url: '/xapi/statements',
            headers: { ...headers, 'content-type': contentType },
            payload,
          });
          if ((await wholeOrNothing(response, batch.length, ids, before)) === 'accepted') accepted += 1;
          else rejected += 1;
        },
      ),
      // The unmutated request is always tried, so the accepted path is exercised in every run;
      // the second example turns a digit of the second statement's id into "0" (still a valid
      // request, stored under the id as changed).
      {
        numRuns: 200,
        examples: [
          [new Uint8Array([0, 13, 10, 45, 45, 255]), [], []],
          [new Uint8Array([0, 0, 0, 0]), [], [{ kind: 'flip', at: 520168669, value: 48 }]],
        ],
      },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(50);
  });

  it('answers random bytes sent as multipart/mixed with 4xx and a message, storing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('fuzz-b', 'a', "abcABC0123'()+_,-./:=?"),
        async (bytes, boundary) => {
          const before = await counts();
          const payload = Buffer.concat([Buffer.from(`--${boundary}\r\n`), Buffer.from(bytes)]);
          const response = await server.app.inject({
            method: 'POST',
            url: '/xapi/statements',
            headers: { ...headers, 'content-type': `multipart/mixed; boundary="${boundary}"` },
            payload,
          });
          expectClientError(response);
          expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('answers random alternate-syntax forms without 5xx, storing nothing unless the form is a valid write', async () => {
    const valid = JSON.stringify(statement({ objectType: 'Agent', mbox: 'mailto:form-fuzz@example.org' }));
    const fieldName = fc.constantFrom(
      'content',
      'Authorization',
      'authorization',
      'X-Experience-API-Version',
      'Content-Type',
      'Content-Length',
      'If-Match',
      'statementId',
      'voidedStatementId',
      'agent',
      'limit',
      'format',
      'attachments',
      'cursor',
      'method',
      'Statementid',
      'foo',
    );
    const fieldValue = fc.oneof(
      fc.constantFrom(
        headers.authorization,
        basic('fuzzer', 'wrong'),
        '1.0.3',
        '1.0',
        '0.95',
        'application/json',
        'text/plain',
        'true',
        '0',
        '-1',
        randomUUID(),
      ),
      fc.constant(valid),
      fc.constant(null).map(() => JSON.stringify(statement({ objectType: 'Agent', mbox: 'mailto:form-fuzz@example.org' }))),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 40 }),
    );
    const methodQuery = fc.constantFrom(
      '?method=PUT',
      '?method=POST',
      '?method=GET',
      '?method=get',
      '?method=DELETE',
      '',
      '?method=POST&limit=1',
      '?method=',
    );
    let written = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 6 }),
        methodQuery,
        fc.boolean(),
        async (fields, query, raw) => {
          const before = await counts();
          const body = raw ? fields.map(([name, value]) => `${name}=${value}`).join('&') : new URLSearchParams(fields).toString();
          const response = await server.app.inject({
            method: 'POST',
            url: `/xapi/statements${query}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: body,
          });
          expect(response.statusCode, response.body).toBeLessThan(500);
          if (response.statusCode >= 400) expectClientError(response);
          const wrote = response.statusCode < 300 && query !== '?method=GET';
          if (wrote) written += 1;
          else expect(await counts()).toEqual(before);
        },
      ),
      {
        numRuns: 250,
        examples: [
          [
            [
              ['Authorization', headers.authorization],
              ['X-Experience-API-Version', '1.0.3'],
              ['content', valid],
            ],
            '?method=POST',
            false,
          ],
        ],
      },
    );
    expect(written).toBeGreaterThan(0);
  });

  /** Text with the characters that broke parsers before: broken and odd % escapes, NUL, separators. */
  const awkwardText = fc
    .array(
      fc.oneof(
        fc.constantFrom('%', '%z', '%zz', '%00', '%C0', '%C0%AF', '%E0%A4%A', '%25', '%FF', ';', '=', '&', ',', '"', '\\', ' ', '+', 'a'),
        fc.string({ maxLength: 6, unit: 'binary' }),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));
  const ROUTES = ['/api/me', '/api/users', '/api/cohorts', '/api/reports/surveys', '/api/events', '/xapi/statements', '/xapi/about'];

  it('answers any session cookie without 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        awkwardText,
        fc.constantFrom('biblio_session', 'other', ''),
        async (url, value, name) => {
          // Header values cannot hold control characters; everything else goes through as sent.
          const cookie = `${name}=${value.replace(/[^ -~]/g, '%')}`;
          const response = await server.app.inject({ method: 'GET', url, headers: { ...XAPI_HEADERS, cookie } });
          expect(response.statusCode, response.body).toBeLessThan(500);
          if (response.statusCode >= 400) expectClientError(response);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('answers any query value without 5xx', async () => {
    const name = fc.constantFrom(
      'agent',
      'verb',
      'activity',
      'registration',
      'since',
      'limit',
      'cursor',
      'format',
      'statementId',
      'inactiveDays',
      'module',
      'x',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES, '/api/cohorts/c1/dashboard', '/api/cohorts/c1/difficult-questions'),
        fc.array(fc.tuple(name, awkwardText, fc.boolean()), { minLength: 1, maxLength: 3 }),
        async (url, params) => {
          // Each value goes either raw (its % escapes as they are) or encoded (its characters, NUL included, arrive decoded).
          const query = params
            .map(
              ([key, value, raw]) =>
                `${key}=${raw ? value.replace(/[&#\s]/g, '') : encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))}`,
            )
            .join('&');
          const response = await server.app.inject({ method: 'GET', url: `${url}?${query}`, headers });
          expect(response.statusCode, response.body).toBeLessThan(500);
          if (response.statusCode >= 400) expectClientError(response);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers JSON nested far too deep with 4xx, storing nothing', async () => {
    const opener = fc.constantFrom('[', '{"k":', '{"https://x.test/e":');
    await fc.assert(
      fc.asyncProperty(
        fc.array(opener, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 65, max: 20_000 }),
        fc.constantFrom('extension', 'batch', 'agent', 'login'),
        async (openers, depth, where) => {
          const before = await counts();
          const open = Array.from({ length: depth }, (_, i) => openers[i % openers.length]!).join('');
          const close = [...open.matchAll(/\[|\{/g)]
            .map((m) => (m[0] === '[' ? ']' : '}'))
            .reverse()
            .join('');
          const deep = `${open}1${close}`;
          const valid = JSON.stringify(
            statement(
              { objectType: 'Agent', mbox: 'mailto:deep-fuzz@example.org' },
              { result: { extensions: { 'https://x.test/e': 'HERE' } } },
            ),
          );
          const request =
            where === 'agent'
              ? { method: 'GET' as const, url: `/xapi/statements?agent=${encodeURIComponent(deep)}`, headers }
              : where === 'login'
                ? {
                    method: 'POST' as const,
                    url: '/api/login',
                    headers: { 'x-requested-with': 'fuzz', 'content-type': 'application/json' },
                    payload: `{"login":${deep},"password":"x"}`,
                  }
                : {
                    method: 'POST' as const,
                    url: '/xapi/statements',
                    headers: { ...headers, 'content-type': 'application/json' },
                    payload: where === 'batch' ? `[${deep}]` : valid.replace('"HERE"', deep),
                  };
          const response = await server.app.inject(request);
          expectClientError(response);
          expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});
