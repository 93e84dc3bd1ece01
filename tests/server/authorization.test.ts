/*
 * Who sees what, as a matrix of role x resource, every cell asserted directly:
 * learner (session and HTTP Basic), mentor of the learners' cohort, mentor of another cohort,
 * coordinator, xAPI client (unlimited and limited to a cohort), anonymous
 * x read own / read another's / query / write as self / write as someone else / void another's /
 * the accounts admin routes, plus reading attachment content and reading through the alternate
 * request syntax (the same rules whatever the syntax). SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, makeUser, startTestServer, XAPI_BASE, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { statement, VERB, voiding, type Json } from './helpers/statements';
import { addLearner, addMentor, createCohort } from '../../src/server/store/cohorts';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { attachmentFor, multipart, partFor } from './helpers/attachments';
import { boundaryOf, parseMultipart } from '../../src/server/routes/xapi-multipart';

type Who = 'anna' | 'annaBasic' | 'ivo' | 'mara' | 'dace' | 'client' | 'clientB' | 'anonymous';
const WHO: Who[] = ['anna', 'annaBasic', 'ivo', 'mara', 'dace', 'client', 'clientB', 'anonymous'];
type Seed = 'sAnna' | 'sBen' | 'sCarl' | 'comment';
const SEEDS: Seed[] = ['sAnna', 'sBen', 'sCarl', 'comment'];
const CONTENT: Record<Seed, string> = {
  sAnna: "Anna's essay",
  sBen: "Ben's essay",
  sCarl: "Carl's essay",
  comment: "Ivo's marked-up copy",
};

/** What each principal may read among the seeded statements. */
const VISIBLE: Record<Who, Seed[]> = {
  anna: ['sAnna', 'comment'],
  annaBasic: ['sAnna', 'comment'],
  ivo: ['sAnna', 'sBen', 'comment'],
  mara: ['sCarl'],
  dace: ['sAnna', 'sBen', 'sCarl', 'comment'],
  client: ['sAnna', 'sBen', 'sCarl', 'comment'],
  clientB: ['sCarl'],
  anonymous: [],
};

describe.each(DATABASES)('authorization matrix on %s', (kind) => {
  let server: TestServer;
  const sessions = {} as Record<'anna' | 'ben' | 'carl' | 'ivo' | 'mara' | 'dace', Session>;
  const seeds = {} as Record<Seed, Json>;
  const registration = randomUUID();

  const headersOf = (who: Who): Record<string, string> => {
    switch (who) {
      case 'annaBasic':
        return { authorization: basic('anna', 'correct horse battery') };
      case 'client':
        return { authorization: basic('analytics', 'analytics secret') };
      case 'clientB':
        return { authorization: basic('branch-b', 'branch b secret!') };
      case 'anonymous':
        return {};
      default:
        return { cookie: sessions[who].cookie, ...APP_HEADERS };
    }
  };
  /** The agent a principal writes as "self" (a client limited to a cohort: its own Agent, not any tool's). */
  const selfAgent = (who: Who): Json => {
    if (who === 'annaBasic') return sessions.anna.agent;
    if (who === 'clientB') return { objectType: 'Agent', account: { homePage: `${XAPI_BASE}/clients`, name: 'branch-b' } };
    if (who === 'client' || who === 'anonymous') return { mbox: 'mailto:tool@example.org' };
    return sessions[who].agent;
  };
  const xapi = (who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: { ...XAPI_HEADERS, ...headersOf(who) }, ...(payload ? { payload: payload as Json } : {}) });

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    const db = server.ctx.store.db;
    for (const [login, role] of [
      ['anna', 'learner'],
      ['ben', 'learner'],
      ['carl', 'learner'],
      ['ivo', 'mentor'],
      ['mara', 'mentor'],
      ['dace', 'coordinator'],
    ] as const) {
      sessions[login] = await makeUser(server, login, role);
    }
    const cohortA = await createCohort(db, 'A');
    const cohortB = await createCohort(db, 'B');
    await addLearner(db, cohortA.id, sessions.anna.userId);
    await addLearner(db, cohortA.id, sessions.ben.userId);
    await addLearner(db, cohortB.id, sessions.carl.userId);
    await addMentor(db, cohortA.id, sessions.ivo.userId);
    await addMentor(db, cohortB.id, sessions.mara.userId);
    await createXapiClient(db, { key: 'analytics', secret: 'analytics secret', cohortId: null });
    await createXapiClient(db, { key: 'branch-b', secret: 'branch b secret!', cohortId: cohortB.id });

    // Every seed carries attachment content of its own, sent as multipart/mixed.
    const context = { registration };
    const withContent = (seed: Seed) => ({ attachments: [attachmentFor(CONTENT[seed])] });
    seeds.sAnna = statement(sessions.anna.agent, { context, ...withContent('sAnna') });
    seeds.sBen = statement(sessions.ben.agent, { context, ...withContent('sBen') });
    seeds.sCarl = statement(sessions.carl.agent, { context, ...withContent('sCarl') });
    seeds.comment = statement(sessions.ivo.agent, {
      verb: { id: VERB.commented },
      object: { objectType: 'StatementRef', id: seeds.sAnna.id },
      result: { response: 'Well done' },
      ...withContent('comment'),
    });
    const send = (who: Who, statements: unknown, seedsSent: Seed[]) => {
      const body = multipart(
        statements,
        seedsSent.map((seed) => partFor(CONTENT[seed])),
      );
      return server.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: { ...XAPI_HEADERS, ...headersOf(who), 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const seeded = await send('client', [seeds.sAnna, seeds.sBen, seeds.sCarl], ['sAnna', 'sBen', 'sCarl']);
    expect(seeded.statusCode).toBe(200);
    expect((await send('ivo', seeds.comment, ['comment'])).statusCode).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.each(WHO)('%s', (who) => {
    it.each(['sAnna', 'sBen', 'sCarl', 'comment'] as Seed[])('reads %s by id only when allowed', async (seed) => {
      const response = await xapi(who, 'GET', `/xapi/statements?statementId=${seeds[seed].id}`);
      const expected = who === 'anonymous' ? 401 : VISIBLE[who].includes(seed) ? 200 : 404;
      expect(response.statusCode).toBe(expected);
    });

    it('queries and gets exactly what it may see', async () => {
      const response = await xapi(who, 'GET', `/xapi/statements?registration=${registration}&ascending=true`);
      if (who === 'anonymous') {
        expect(response.statusCode).toBe(401);
        return;
      }
      const ids = response.json<{ statements: Json[] }>().statements.map((s) => s.id);
      const expected = (['sAnna', 'sBen', 'sCarl', 'comment'] as Seed[])
        .filter((seed) => VISIBLE[who].includes(seed))
        .map((seed) => seeds[seed].id);
      expect(ids).toEqual(expected);
      // Asking for someone else's statements by agent never widens what is visible.
      const carl = await xapi(
        who,
        'GET',
        `/xapi/statements?agent=${encodeURIComponent(JSON.stringify(sessions.carl.agent))}&registration=${registration}`,
      );
      const carlIds = carl.json<{ statements: Json[] }>().statements.map((s) => s.id);
      expect(carlIds).toEqual(VISIBLE[who].includes('sCarl') ? [seeds.sCarl.id] : []);
    });

    it('receives attachment content only with the statements it may see', async () => {
      const byId = await xapi(who, 'GET', `/xapi/statements?statementId=${seeds.sBen.id}&attachments=true`);
      if (who === 'anonymous') {
        expect(byId.statusCode).toBe(401);
        return;
      }
      expect(byId.statusCode).toBe(VISIBLE[who].includes('sBen') ? 200 : 404);
      const response = await xapi(who, 'GET', `/xapi/statements?registration=${registration}&attachments=true`);
      const [json, ...contents] = parseMultipart(response.rawPayload, boundaryOf(String(response.headers['content-type'])));
      expect(JSON.parse(json!.body.toString()).statements).toHaveLength(VISIBLE[who].length);
      expect(contents.map((part) => part.body.toString()).sort()).toEqual(VISIBLE[who].map((seed) => CONTENT[seed]).sort());
      for (const seed of SEEDS.filter((s) => !VISIBLE[who].includes(s))) expect(response.rawPayload.includes(CONTENT[seed])).toBe(false);
    });

    it('reads through the alternate request syntax exactly what it may see', async () => {
      const fields = new URLSearchParams({ registration, ascending: 'true', 'X-Experience-API-Version': '1.0.3' });
      const auth = headersOf(who).authorization;
      if (auth) fields.set('Authorization', auth);
      const response = await server.app.inject({
        method: 'POST',
        url: '/xapi/statements?method=GET',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? {} : headersOf(who)) },
        payload: fields.toString(),
      });
      if (who === 'anonymous') {
        expect(response.statusCode).toBe(401);
        return;
      }
      expect(response.statusCode, response.body).toBe(200);
      const ids = response.json<{ statements: Json[] }>().statements.map((s) => s.id);
      expect(ids).toEqual(SEEDS.filter((seed) => VISIBLE[who].includes(seed)).map((seed) => seeds[seed].id));
    });

    it('writes as itself when signed in', async () => {
      const response = await xapi(who, 'POST', '/xapi/statements', statement(selfAgent(who)));
      expect(response.statusCode).toBe(who === 'anonymous' ? 401 : 200);
    });

    it('writes as someone else only when privileged (coordinator, xAPI client)', async () => {
      const response = await xapi(who, 'POST', '/xapi/statements', statement(sessions.carl.agent));
      const expected = who === 'anonymous' ? 401 : ['dace', 'client', 'clientB'].includes(who) ? 200 : 403;
      expect(response.statusCode).toBe(expected);
      if (expected === 403) expect(response.json<{ message: string }>().message).toMatch(/only record statements as yourself/);
    });

    it("voids someone else's statement only when privileged (a cohort client: only its cohort's)", async () => {
      const target = statement(sessions.ben.agent);
      expect((await xapi('client', 'POST', '/xapi/statements', target)).statusCode).toBe(200);
      const response = await xapi(who, 'POST', '/xapi/statements', voiding(selfAgent(who), String(target.id)));
      const expected = who === 'anonymous' ? 401 : ['dace', 'client'].includes(who) ? 200 : 403;
      expect(response.statusCode).toBe(expected);
      const after = await xapi('client', 'GET', `/xapi/statements?statementId=${target.id}`);
      expect(after.statusCode).toBe(expected === 200 ? 404 : 200);
    });

    it('uses the accounts admin routes only as coordinator', async () => {
      const users = await server.app.inject({ method: 'GET', url: '/api/users', headers: headersOf(who) });
      const cohort = await server.app.inject({
        method: 'POST',
        url: '/api/cohorts',
        headers: { ...APP_HEADERS, ...headersOf(who) },
        payload: { name: 'New' },
      });
      const reset = await server.app.inject({
        method: 'POST',
        url: `/api/users/${sessions.ben.userId}/password`,
        headers: { ...APP_HEADERS, ...headersOf(who) },
        payload: { password: 'correct horse battery' },
      });
      const expected = who === 'anonymous' ? 401 : who === 'dace' ? 'ok' : 403;
      for (const response of [users, cohort, reset]) {
        if (expected === 'ok') expect(response.statusCode).toBeLessThan(300);
        else expect(response.statusCode).toBe(expected);
      }
    });
  });

  it('requires the CSRF header for writes with a session cookie, but not with HTTP Basic', async () => {
    const s = statement(sessions.anna.agent);
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...XAPI_HEADERS, cookie: sessions.anna.cookie },
      payload: s,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await xapi('annaBasic', 'POST', '/xapi/statements', s)).statusCode).toBe(200);
  });
});
