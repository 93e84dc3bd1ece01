/*
 * Upgrading to gathered activity definitions and agent names, on both databases: an older
 * server answered /xapi/activities and /xapi/agents from the newest statements and kept no
 * xapi_gathered table. Starting the current server runs migration 0013, which gathers every
 * stored statement (in pages), with the same visibility rules as statements stored later.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DATABASES, storeInOldDatabase } from './helpers/databases';
import { basic, XAPI_HEADERS } from './helpers/server';
import { activity, mboxAgent, statement } from './helpers/statements';
import { useUpgradedServer } from './helpers/upgrade';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import type { IncomingStatement } from '../../src/server/store/statements';
import type { JsonObject } from '../../src/shared/xapi/validate';
import { VERBS } from '../../src/shared/xapi/verbs';

const BEFORE_GATHERED = '0013';

describe.each(DATABASES)('upgrading to gathered definitions on %s', (kind) => {
  const id = activity('upgraded');
  const headers = { ...XAPI_HEADERS, authorization: basic('reports', 'reports secret') };
  const learner = { ...mboxAgent('upgraded-learner'), name: 'Ilze' };

  const define = (definition: JsonObject, extra: JsonObject = {}) =>
    statement(learner, { object: { objectType: 'Activity', id, definition }, ...extra });
  // More than one page of the migration (500), the oldest carrying the only `lv` name.
  const statements = [
    define({ name: { en: 'First', lv: 'Pirmā' } }),
    ...Array.from({ length: 520 }, () => define({ name: { en: 'Latest' } })),
    define({ description: { en: 'A private note' } }, { verb: { id: VERBS.noted, display: { en: 'noted' } } }),
    statement(mboxAgent('other'), { context: { contextActivities: { parent: [{ id, definition: { type: 'https://x.test/t' } }] } } }),
  ].map((s) => ({ ...s, id: randomUUID() }));

  const server = useUpgradedServer(kind, {
    before: BEFORE_GATHERED,
    write: (db) =>
      storeInOldDatabase(db, {
        kind,
        statements: statements as IncomingStatement[],
        writer: { authority: mboxAgent('old-tool'), mayVoid: 'anyone', mayReview: 'nobody' },
      }),
    started: async (started) => {
      await createXapiClient(started.context.store.db, { key: 'reports', secret: 'reports secret', cohortId: null });
    },
  });

  const get = (url: string) => server().app.inject({ method: 'GET', url, headers });

  it('answers the definition merged from every statement stored before, without what the reader may not see', async () => {
    const response = await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      objectType: 'Activity',
      id,
      definition: { name: { en: 'Latest', lv: 'Pirmā' }, type: 'https://x.test/t' },
    });
  });

  it('answers the names given before, and keeps gathering what comes after', async () => {
    const agent = encodeURIComponent(JSON.stringify({ objectType: 'Agent', mbox: 'mailto:upgraded-learner@example.org' }));
    expect((await get(`/xapi/agents?agent=${agent}`)).json()).toMatchObject({ name: ['Ilze'] });
    const renamed = statement(
      { ...learner, name: 'Ilze Bērziņa' },
      { object: { objectType: 'Activity', id, definition: { name: { lv: 'Jauna' } } } },
    );
    expect((await server().app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: [renamed] })).statusCode).toBe(200);
    expect((await get(`/xapi/agents?agent=${agent}`)).json()).toMatchObject({ name: ['Ilze Bērziņa', 'Ilze'] });
    expect((await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`)).json()).toMatchObject({
      definition: { name: { en: 'Latest', lv: 'Jauna' } },
    });
  });
});
