/*
 * The app's settings that follow a person (sync/personSettings.ts) through the real State
 * resource of a running server: nothing stored reads as {}, a saved text size is read back on
 * "another device" (a second session), POST merges into fields another app version wrote, and
 * another person can neither read nor overwrite them. SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, cookieFrom, makeUser, startTestServer, XAPI_BASE, type Session, type TestServer } from './helpers/server';
import { fetchPersonSettings, savePersonSettings, type SettingsTransport } from '../../src/client/sync/personSettings';
import { appActivityId } from '../../src/shared/person-settings';

describe.each(DATABASES)('settings in the State resource on %s', (kind) => {
  let server: TestServer;
  let origin: string;
  let anna: Session;
  let berta: Session;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    origin = await server.app.listen({ host: '127.0.0.1', port: 0 });
    anna = await makeUser(server, 'anna', 'learner');
    berta = await makeUser(server, 'berta', 'learner');
  });
  afterAll(async () => {
    await server?.close();
  });

  const device = (cookie: string): SettingsTransport => ({
    fetch: (input, init) => fetch(input, init),
    headers: () => ({ ...APP_HEADERS, cookie }),
    origin,
  });
  const owner = (session: Session) => ({ agent: session.agent, xapiBase: XAPI_BASE });

  it('reads {} before anything is saved, and the saved text size on another device', async () => {
    expect(await fetchPersonSettings(device(anna.cookie), owner(anna))).toEqual({});
    await savePersonSettings(device(anna.cookie), { ...owner(anna), settings: { textSize: 'x-large' } });
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/login',
      headers: APP_HEADERS,
      payload: { login: 'anna', password: 'correct horse battery' },
    });
    const secondDevice = device(cookieFrom(login));
    expect(await fetchPersonSettings(secondDevice, owner(anna))).toEqual({ textSize: 'x-large' });
  });

  it('merges into what another app version stored, and ignores what it does not know', async () => {
    const url = `/xapi/activities/state?${new URLSearchParams({
      activityId: appActivityId(XAPI_BASE),
      agent: JSON.stringify(berta.agent),
      stateId: 'settings',
    }).toString()}`;
    const headers = { ...APP_HEADERS, cookie: berta.cookie, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' };
    await server.app.inject({ method: 'PUT', url, headers, payload: { futureSetting: true, textSize: 'huge' } });
    expect(await fetchPersonSettings(device(berta.cookie), owner(berta))).toEqual({});
    await savePersonSettings(device(berta.cookie), { ...owner(berta), settings: { textSize: 'small' } });
    expect((await server.app.inject({ method: 'GET', url, headers })).json()).toEqual({ futureSetting: true, textSize: 'small' });
  });

  it('keeps one person’s settings from another', async () => {
    await expect(fetchPersonSettings(device(berta.cookie), owner(anna))).rejects.toThrow(/403/);
    await expect(savePersonSettings(device(berta.cookie), { ...owner(anna), settings: { textSize: 'small' } })).rejects.toThrow(/403/);
    expect(await fetchPersonSettings(device(anna.cookie), owner(anna))).toEqual({ textSize: 'x-large' });
  });
});
