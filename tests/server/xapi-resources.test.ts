/*
 * xAPI-Communication.md 2.5 Agents, 2.8 Activities, 2.9 About, and HEAD on GET resources: the
 * Activity's canonical definition gathered from every statement the reader may see (newest
 * wins, language by language, however long ago it was stored; voided ones included), the
 * Person object of an Agent, the versions. SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, makeUser, startTestServer, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { activity, mboxAgent, statement } from './helpers/statements';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { VERBS } from '../../src/shared/xapi/verbs';

describe.each(DATABASES)('xAPI Activities, Agents and About on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  const headers = { ...XAPI_HEADERS, authorization: basic('analytics', 'analytics secret') };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'analytics', secret: 'analytics secret', cohortId: null });
    anna = await makeUser(server, 'anna', 'learner');
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (url: string, extra: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers: { ...headers, ...extra } });
  const post = (statements: unknown[]) => server.app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: statements });

  describe('2.8 Activities', () => {
    it('merges the definitions seen in statements, the newest winning field by field and language by language', async () => {
      const id = activity('gathered');
      const older = statement(mboxAgent('g1'), {
        object: {
          objectType: 'Activity',
          id,
          definition: { name: { en: 'Old', lv: 'Vecs' }, type: 'http://adlnet.gov/expapi/activities/lesson' },
        },
      });
      const newer = statement(mboxAgent('g2'), {
        object: { objectType: 'Activity', id, definition: { name: { en: 'New' }, description: { en: 'About it' } } },
      });
      const inContext = statement(mboxAgent('g3'), {
        context: { contextActivities: { parent: { id, definition: { extensions: { 'https://x.test/e': 1 } } } } },
      });
      expect((await post([older])).statusCode).toBe(200);
      expect((await post([newer])).statusCode).toBe(200);
      expect((await post([inContext])).statusCode).toBe(200);
      const response = await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        objectType: 'Activity',
        id,
        definition: {
          name: { en: 'New', lv: 'Vecs' },
          description: { en: 'About it' },
          type: 'http://adlnet.gov/expapi/activities/lesson',
          extensions: { 'https://x.test/e': 1 },
        },
      });
    });

    it('answers an Activity with only its id when no statement defines it', async () => {
      const id = activity('unknown');
      expect((await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`)).json()).toEqual({ objectType: 'Activity', id });
    });

    it('gathers only from statements the reader may see', async () => {
      const id = activity('private-def');
      await post([statement(mboxAgent('someone'), { object: { objectType: 'Activity', id, definition: { name: { en: 'Secret' } } } })]);
      const response = await server.app.inject({
        method: 'GET',
        url: `/xapi/activities?activityId=${encodeURIComponent(id)}`,
        headers: { ...XAPI_HEADERS, ...APP_HEADERS, cookie: anna.cookie },
      });
      expect(response.json()).toEqual({ objectType: 'Activity', id });
    });

    it('keeps a detail given long ago that no newer statement repeats, and the names given then', async () => {
      const id = activity('long-history');
      const early = { ...mboxAgent('long-history'), name: 'Ilze B.' };
      const later = { ...mboxAgent('long-history'), name: 'Ilze Bērziņa' };
      const first = statement(early, {
        object: { objectType: 'Activity', id, definition: { name: { en: 'Old', lv: 'Sena' }, moreInfo: 'https://x.test/more' } },
      });
      expect((await post([first])).statusCode).toBe(200);
      // More than the old answer read (the newest 500), none repeating lv or moreInfo.
      const newer = Array.from({ length: 600 }, () =>
        statement(later, { object: { objectType: 'Activity', id, definition: { name: { en: 'New' } } } }),
      );
      expect((await post(newer)).statusCode).toBe(200);
      const response = await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`);
      expect(response.json()).toEqual({
        objectType: 'Activity',
        id,
        definition: { name: { en: 'New', lv: 'Sena' }, moreInfo: 'https://x.test/more' },
      });
      const person = await get(`/xapi/agents?agent=${encodeURIComponent(JSON.stringify(mboxAgent('long-history')))}`);
      // The latest name first; the one asked with is already among them.
      expect(person.json<{ name: string[] }>().name).toEqual(['Ilze Bērziņa', 'Ilze B.', 'long-history']);
    });

    it('gathers activities of a SubStatement and its context', async () => {
      const id = activity('in-sub');
      const s = statement(mboxAgent('sub'), {
        object: {
          objectType: 'SubStatement',
          actor: mboxAgent('sub'),
          verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
          object: { objectType: 'Activity', id: activity('sub-object'), definition: { name: { en: 'Sub object' } } },
          context: { contextActivities: { grouping: [{ id, definition: { name: { en: 'Sub grouping' } } }] } },
        },
      });
      expect((await post([s])).statusCode).toBe(200);
      expect((await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`)).json()).toMatchObject({
        definition: { name: { en: 'Sub grouping' } },
      });
      expect((await get(`/xapi/activities?activityId=${encodeURIComponent(activity('sub-object'))}`)).json()).toMatchObject({
        definition: { name: { en: 'Sub object' } },
      });
    });

    it('keeps what a voided statement gave (xAPI-Data.md 2.3.2 lets an LRS roll it back; this one does not)', async () => {
      const id = activity('voided-def');
      const actor = mboxAgent('voider');
      const given = statement(actor, { object: { objectType: 'Activity', id, definition: { description: { en: 'Kept' } } } });
      expect((await post([given])).statusCode).toBe(200);
      const voiding = statement(actor, {
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { en: 'voided' } },
        object: { objectType: 'StatementRef', id: given.id },
      });
      expect((await post([voiding])).statusCode, 'voided').toBe(200);
      expect((await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`)).json()).toMatchObject({
        definition: { description: { en: 'Kept' } },
      });
    });

    it('leaves out what a reader may not see by its verb, except to the one who made it', async () => {
      const id = activity('noted-def');
      const note = statement(anna.agent, {
        verb: { id: VERBS.noted, display: { en: 'noted' } },
        object: { objectType: 'Activity', id, definition: { name: { en: 'My own words' } } },
      });
      const byAnna = await server.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: { ...XAPI_HEADERS, ...APP_HEADERS, cookie: anna.cookie },
        payload: [note],
      });
      expect(byAnna.statusCode, byAnna.body).toBe(200);
      const url = `/xapi/activities?activityId=${encodeURIComponent(id)}`;
      // The analytics client sees every statement, but not a learner's private notes.
      expect((await get(url)).json()).toEqual({ objectType: 'Activity', id });
      const own = await server.app.inject({ method: 'GET', url, headers: { ...XAPI_HEADERS, ...APP_HEADERS, cookie: anna.cookie } });
      expect(own.json()).toMatchObject({ definition: { name: { en: 'My own words' } } });
    });

    it('gathers the definition of an activity whose IRI is 2,000 octets', async () => {
      const id = `${activity('long-iri')}/${'x'.repeat(2000 - activity('long-iri').length - 1)}`;
      expect(Buffer.byteLength(id)).toBe(2000);
      const s = statement(mboxAgent('long-iri'), { object: { objectType: 'Activity', id, definition: { name: { en: 'Long' } } } });
      expect((await post([s])).statusCode).toBe(200);
      expect((await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`)).json()).toEqual({
        objectType: 'Activity',
        id,
        definition: { name: { en: 'Long' } },
      });
    });

    it('refuses a missing or malformed activityId with 400', async () => {
      expect((await get('/xapi/activities')).statusCode).toBe(400);
      expect((await get('/xapi/activities?activityId=not%20an%20iri')).statusCode).toBe(400);
    });
  });

  describe('2.5 Agents', () => {
    it('answers the Person object with every name the agent was given', async () => {
      await post([statement({ ...mboxAgent('person'), name: 'Anna O.' }), statement({ ...mboxAgent('person'), name: 'Anna Ozola' })]);
      const agent = { objectType: 'Agent', mbox: 'mailto:person@example.org' };
      const response = await get(`/xapi/agents?agent=${encodeURIComponent(JSON.stringify(agent))}`);
      expect(response.statusCode, response.body).toBe(200);
      const person = response.json<{ objectType: string; name: string[]; mbox: string[] }>();
      expect(person.objectType).toBe('Person');
      expect(person.mbox).toEqual(['mailto:person@example.org']);
      expect([...person.name].sort()).toEqual(['Anna O.', 'Anna Ozola']);
    });

    it('refuses a missing agent, a Group, and an agent without an identifier', async () => {
      expect((await get('/xapi/agents')).statusCode).toBe(400);
      const group = { objectType: 'Group', mbox: 'mailto:team@example.org' };
      expect((await get(`/xapi/agents?agent=${encodeURIComponent(JSON.stringify(group))}`)).statusCode).toBe(400);
      expect((await get(`/xapi/agents?agent=${encodeURIComponent('{"name":"x"}')}`)).statusCode).toBe(400);
    });
  });

  describe('2.9 About and HEAD', () => {
    it('lists the versions without credentials', async () => {
      const response = await server.app.inject({ method: 'GET', url: '/xapi/about' });
      expect(response.json<{ version: string[] }>().version).toContain('1.0.3');
    });

    it('answers HEAD on every GET resource with the same headers and no body', async () => {
      const id = encodeURIComponent(activity('gathered'));
      const agent = encodeURIComponent(JSON.stringify(mboxAgent('person')));
      for (const url of [
        '/xapi/about',
        `/xapi/activities?activityId=${id}`,
        `/xapi/agents?agent=${agent}`,
        '/xapi/statements?limit=1',
        `/xapi/activities/state?activityId=${id}&agent=${agent}`,
        `/xapi/activities/profile?activityId=${id}`,
        `/xapi/agents/profile?agent=${agent}`,
      ]) {
        const full = await get(url);
        const head = await server.app.inject({ method: 'HEAD', url, headers });
        expect(head.statusCode, url).toBe(full.statusCode);
        expect(head.body, url).toBe('');
        expect(head.headers['content-type'], url).toBe(full.headers['content-type']);
        expect(head.headers['x-experience-api-version'], url).toBe('1.0.3');
      }
    });
  });
});
