/*
 * Upgrading the statement fingerprints, on both databases: an older server kept fingerprints
 * that counted the Verb display, so resending a statement with the display in another language
 * got 409. Starting the current server runs migration 0008, which recomputes them from the
 * stored statements: such a resend is then accepted as the same statement, a real difference
 * is still a conflict, and the fingerprints equal what the store computes for new statements.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DATABASES, storeInOldDatabase } from './helpers/databases';
import { APP_HEADERS, XAPI_BASE, XAPI_HEADERS } from './helpers/server';
import { useUpgradedServer } from './helpers/upgrade';
import type { IncomingStatement } from '../../src/server/store/statements';
import { fingerprint } from '../../src/server/store/fingerprint';
import { createSession } from '../../src/server/store/users';
import { SESSION_COOKIE, userAgent } from '../../src/server/auth/principal';
import { canonicalJson, comparableStatement } from '../../src/shared/xapi/canonical';
import type { JsonObject } from '../../src/shared/xapi/validate';

const BEFORE_FINGERPRINTS = '0008';
const EXPERIENCED = 'http://adlnet.gov/expapi/verbs/experienced';

/** The fingerprint as servers before 0008 computed it: the Verb, display and all, compared. */
const oldFingerprint = (statement: JsonObject): string =>
  createHash('sha256')
    .update(canonicalJson({ ...comparableStatement(statement), verb: statement.verb }))
    .digest('base64url');

describe.each(DATABASES)('upgrading statement fingerprints on %s', (kind) => {
  let cookie = '';
  const sent: JsonObject[] = [];
  const learner = { id: randomUUID(), login: 'ilze', name: 'Ilze Bērziņa', role: 'learner' as const, password_hash: 'not used' };
  const agent = userAgent(XAPI_BASE, learner) as JsonObject;

  const server = useUpgradedServer(kind, {
    before: BEFORE_FINGERPRINTS,
    write: async (db) => {
      await db
        .insertInto('users')
        .values({ ...learner, created_at: new Date().toISOString() })
        .execute();
      const statement = (extra: JsonObject): JsonObject => ({
        id: randomUUID(),
        actor: agent,
        verb: { id: EXPERIENCED, display: { 'en-US': 'experienced' } },
        object: { id: `${XAPI_BASE}/activities/upgrade/${sent.length}` },
        ...extra,
      });
      // One without a timestamp (the server fills it in with `stored`), one with its own.
      sent.push(statement({}), statement({ timestamp: '2026-10-01T09:30:00.000Z' }));
      await storeInOldDatabase(db, {
        kind,
        statements: sent as IncomingStatement[],
        writer: { authority: agent, mayVoid: 'nobody', mayReview: 'nobody' },
      });
      for (const s of sent) {
        await db
          .updateTable('statements')
          .set({ fingerprint: oldFingerprint(s) })
          .where('id', '=', String(s.id))
          .execute();
      }
    },
    started: async (started) => {
      const session = await createSession(started.context.store.db, learner.id, 1);
      cookie = `${SESSION_COOKIE}=${session.token}`;
    },
  });

  const post = (statements: JsonObject[]) =>
    server().app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { cookie, ...APP_HEADERS, ...XAPI_HEADERS },
      payload: statements,
    });

  it('recomputes every fingerprint under the current comparison rules', async () => {
    const rows = await server().context.store.db.selectFrom('statements').select(['id', 'fingerprint']).orderBy('seq').execute();
    expect(rows.map((row) => row.fingerprint)).toEqual(sent.map(fingerprint));
  });

  it('accepts a resend whose Verb display differs, with or without the timestamp the server filled in', async () => {
    const [untimed, timed] = sent as [JsonObject, JsonObject];
    const relabelled = (s: JsonObject) => ({ ...s, verb: { id: EXPERIENCED, display: { 'uk-UA': 'ознайомився' } } });
    const response = await post([relabelled(untimed), relabelled(timed)]);
    expect(response.statusCode, response.body).toBe(200);
    expect((await post([{ ...timed, verb: { id: EXPERIENCED } }])).statusCode).toBe(200);
  });

  it('still answers 409 when the content really differs', async () => {
    const [untimed] = sent as [JsonObject];
    const response = await post([{ ...untimed, result: { completion: true } }]);
    expect(response.statusCode, response.body).toBe(409);
  });
});
