/*
 * Who may use the mentoring routes, every cell asserted directly (SQLite and PostgreSQL):
 * learner (session and HTTP Basic), mentor of the cohort, mentor of another cohort,
 * coordinator, xAPI client, anonymous x dashboard, difficult questions, a learner's report,
 * a cohort-mate's report, survey reports, listing and creating events, who may review me,
 * unknown ids.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, startTestServer, type Session, type TestServer } from './helpers/server';
import { twoCohorts, type Person } from './helpers/cohorts';
import { createXapiClient } from '../../src/server/store/xapi-clients';

type Who = 'anna' | 'annaBasic' | 'ivo' | 'mara' | 'dace' | 'client' | 'anonymous';
const WHO: Who[] = ['anna', 'annaBasic', 'ivo', 'mara', 'dace', 'client', 'anonymous'];
type Route = 'dashboard' | 'difficult' | 'ownReport' | 'mateReport' | 'surveys' | 'listEvents' | 'createEvent' | 'myReviewers';

const EXPECTED: Record<Route, Record<Who, number>> = {
  dashboard: { anna: 403, annaBasic: 403, ivo: 200, mara: 403, dace: 200, client: 403, anonymous: 401 },
  difficult: { anna: 403, annaBasic: 403, ivo: 200, mara: 403, dace: 200, client: 403, anonymous: 401 },
  ownReport: { anna: 200, annaBasic: 200, ivo: 200, mara: 403, dace: 200, client: 403, anonymous: 401 },
  mateReport: { anna: 403, annaBasic: 403, ivo: 200, mara: 403, dace: 200, client: 403, anonymous: 401 },
  surveys: { anna: 403, annaBasic: 403, ivo: 403, mara: 403, dace: 200, client: 403, anonymous: 401 },
  listEvents: { anna: 200, annaBasic: 200, ivo: 200, mara: 200, dace: 200, client: 403, anonymous: 401 },
  createEvent: { anna: 403, annaBasic: 403, ivo: 403, mara: 403, dace: 201, client: 403, anonymous: 401 },
  myReviewers: { anna: 200, annaBasic: 200, ivo: 200, mara: 200, dace: 200, client: 403, anonymous: 401 },
};

describe.each(DATABASES)('mentoring routes: who may use them, on %s', (kind) => {
  let server: TestServer;
  const s = {} as Record<Person, Session>;
  let cohortA = '';

  const headersOf = (who: Who): Record<string, string> => {
    switch (who) {
      case 'annaBasic':
        return { authorization: basic('anna', 'correct horse battery') };
      case 'client':
        return { authorization: basic('analytics', 'analytics secret') };
      case 'anonymous':
        return {};
      default:
        return { cookie: s[who].cookie, ...APP_HEADERS };
    }
  };
  const request = (who: Who, route: Route) => {
    const headers = headersOf(who);
    switch (route) {
      case 'dashboard':
        return server.app.inject({ method: 'GET', url: `/api/cohorts/${cohortA}/dashboard`, headers });
      case 'difficult':
        return server.app.inject({ method: 'GET', url: `/api/cohorts/${cohortA}/difficult-questions?module=online-safety`, headers });
      case 'ownReport':
        return server.app.inject({ method: 'GET', url: `/api/learners/${s.anna.userId}/report`, headers });
      case 'mateReport':
        return server.app.inject({ method: 'GET', url: `/api/learners/${s.ben.userId}/report`, headers });
      case 'surveys':
        return server.app.inject({ method: 'GET', url: '/api/reports/surveys', headers });
      case 'listEvents':
        return server.app.inject({ method: 'GET', url: '/api/events', headers });
      case 'myReviewers':
        return server.app.inject({ method: 'GET', url: '/api/me/reviewers', headers });
      case 'createEvent':
        return server.app.inject({
          method: 'POST',
          url: '/api/events',
          headers: { ...APP_HEADERS, ...headers },
          payload: { title: 'Seminar', date: '2026-06-01', cohortId: cohortA },
        });
    }
  };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    const db = server.ctx.store.db;
    const cohorts = await twoCohorts(server);
    Object.assign(s, cohorts.people);
    cohortA = cohorts.cohortA;
    await createXapiClient(db, { key: 'analytics', secret: 'analytics secret', cohortId: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.each(WHO)('%s', (who) => {
    it.each(Object.keys(EXPECTED) as Route[])('%s', async (route) => {
      const response = await request(who, route);
      expect(response.statusCode, response.body).toBe(EXPECTED[route][who]);
      if (response.statusCode >= 400) expect(response.json<{ error: string; message: string }>().message).toBeTruthy();
    });
  });

  it('answers 404 for unknown cohorts, learners and modules, and for a report of someone who is not a learner', async () => {
    const dace = headersOf('dace');
    const ivo = headersOf('ivo');
    for (const [headers, url] of [
      [dace, '/api/cohorts/nope/dashboard'],
      [ivo, '/api/cohorts/nope/dashboard'],
      [dace, '/api/cohorts/nope/difficult-questions?module=online-safety'],
      [dace, `/api/cohorts/${cohortA}/difficult-questions?module=nope`],
      [dace, '/api/learners/nope/report'],
      [ivo, '/api/learners/nope/report'],
      [dace, `/api/learners/${s.ivo.userId}/report`],
      [dace, `/api/learners/${s.anna.userId}/report?curriculum=nope`],
    ] as const) {
      expect((await server.app.inject({ method: 'GET', url, headers })).statusCode, url).toBe(404);
    }
    // A learner asking for someone who does not exist learns nothing: 403, as for anyone else.
    expect((await server.app.inject({ method: 'GET', url: '/api/learners/nope/report', headers: headersOf('anna') })).statusCode).toBe(403);
  });

  it('requires the CSRF header to create an event with a session cookie', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { cookie: s.dace.cookie },
      payload: { title: 'Seminar', date: '2026-06-01', cohortId: null },
    });
    expect(response.statusCode).toBe(403);
  });
});
