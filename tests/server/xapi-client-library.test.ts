/*
 * A real third-party xAPI client, @xapi/xapi (ADL's JavaScript library), drives the running
 * server over HTTP the way a cmi5/xAPI content package does: About, statements (one, a batch,
 * queries paged with `more`, voiding and the voided statement), the learner's
 * State (bookmark and suspend data, PUT then POST merge), an Activity Profile and an Agent
 * Profile with ETags, then the Activities and Agents resources. SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import XAPI from '@xapi/xapi';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { startTestServer, type TestServer } from './helpers/server';
import { createXapiClient } from '../../src/server/store/xapi-clients';

const ACTIVITY = 'https://content.test/course/module-1';
const LEARNER = { objectType: 'Agent' as const, name: 'Anna Ozola', mbox: 'mailto:anna@content.test' };

describe.each(DATABASES)('@xapi/xapi against the running LRS on %s', (kind) => {
  let server: TestServer;
  let xapi: XAPI;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'package', secret: 'package secret', cohortId: null });
    const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
    xapi = new XAPI({ endpoint: `${address}/xapi/`, auth: XAPI.toBasicAuth('package', 'package secret'), version: '1.0.3' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads the versions from About', async () => {
    const about = await xapi.getAbout();
    expect(about.data.version).toContain('1.0.3');
  });

  it('sends statements and reads them back, also by query', async () => {
    const id = randomUUID();
    const statement = {
      id,
      actor: LEARNER,
      verb: XAPI.Verbs.COMPLETED,
      object: { objectType: 'Activity' as const, id: ACTIVITY, definition: { name: { 'en-US': 'Module 1' } } },
    };
    const sent = await xapi.sendStatement({ statement });
    expect(sent.data).toEqual([id]);
    const read = await xapi.getStatement({ statementId: id });
    expect(read.data.actor).toMatchObject({ mbox: LEARNER.mbox });
    const query = await xapi.getStatements({ agent: LEARNER, activity: ACTIVITY, format: 'ids' });
    expect(query.data.statements.map((s) => s.id)).toEqual([id]);
  });

  // Statements with attachment content are left to xapi-attachments.test.ts: under Node this
  // library's HTTP client (axios) replaces the multipart/mixed Content-Type of such a request
  // with application/octet-stream, which no LRS can read as multipart.
  it('sends a batch, pages through it with more, and voids a statement', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const statements = ids.map((id, i) => ({
      id,
      actor: LEARNER,
      verb: XAPI.Verbs.ANSWERED,
      object: { objectType: 'Activity' as const, id: `${ACTIVITY}/batch/page-${i}` },
    }));
    expect((await xapi.sendStatements({ statements })).data).toEqual(ids);

    const first = await xapi.getStatements({ verb: XAPI.Verbs.ANSWERED.id, limit: 2, ascending: true });
    expect(first.data.statements.map((s) => s.id)).toEqual(ids.slice(0, 2));
    const rest = await xapi.getMoreStatements({ more: first.data.more });
    expect((rest.data as { statements: { id?: string }[] }).statements.map((s) => s.id)).toEqual(ids.slice(2));

    await xapi.voidStatement({ actor: LEARNER, statementId: ids[2]! });
    await expect(xapi.getStatement({ statementId: ids[2]! })).rejects.toMatchObject({ response: { status: 404 } });
    expect((await xapi.getVoidedStatement({ voidedStatementId: ids[2]! })).data.id).toBe(ids[2]);
  });

  it('keeps the bookmark and suspend data in the State resource', async () => {
    const where = { agent: LEARNER, activityId: ACTIVITY, registration: randomUUID() };
    await xapi.setState({ ...where, stateId: 'bookmark', state: 'slide-7', contentType: 'text/plain' });
    await xapi.setState({ ...where, stateId: 'suspend_data', state: { progress: 0.4, answers: [1, 2] } });
    await xapi.createState({ ...where, stateId: 'suspend_data', state: { progress: 0.5 } });
    expect((await xapi.getState({ ...where, stateId: 'bookmark' })).data).toBe('slide-7');
    expect((await xapi.getState({ ...where, stateId: 'suspend_data' })).data).toEqual({ progress: 0.5, answers: [1, 2] });
    expect([...(await xapi.getStates(where)).data].sort()).toEqual(['bookmark', 'suspend_data']);
    await xapi.deleteState({ ...where, stateId: 'bookmark' });
    expect((await xapi.getStates(where)).data).toEqual(['suspend_data']);
    await xapi.deleteStates(where);
    expect((await xapi.getStates(where)).data).toEqual([]);
  });

  it('creates and replaces profiles with ETags, and refuses a stale one', async () => {
    await xapi.createActivityProfile({ activityId: ACTIVITY, profileId: 'settings', profile: { theme: 'dark' } });
    const first = await xapi.getActivityProfile({ activityId: ACTIVITY, profileId: 'settings' });
    expect(first.data).toEqual({ theme: 'dark' });
    const etag = String(first.headers.etag);
    await xapi.setActivityProfile({
      activityId: ACTIVITY,
      profileId: 'settings',
      profile: { theme: 'light' },
      etag,
      matchHeader: 'If-Match',
    });
    await expect(
      xapi.setActivityProfile({ activityId: ACTIVITY, profileId: 'settings', profile: { theme: 'x' }, etag, matchHeader: 'If-Match' }),
    ).rejects.toMatchObject({ response: { status: 412 } });
    expect((await xapi.getActivityProfiles({ activityId: ACTIVITY })).data).toEqual(['settings']);

    await xapi.createAgentProfile({ agent: LEARNER, profileId: 'preferences', profile: { language: 'lv' } });
    await xapi.createAgentProfile({ agent: LEARNER, profileId: 'preferences', profile: { textSize: 'large' } });
    expect((await xapi.getAgentProfile({ agent: LEARNER, profileId: 'preferences' })).data).toEqual({ language: 'lv', textSize: 'large' });
    await xapi.deleteAgentProfile({ agent: LEARNER, profileId: 'preferences' });
    expect((await xapi.getAgentProfiles({ agent: LEARNER })).data).toEqual([]);
  });

  it('reads the Activity definition and the Person gathered from statements', async () => {
    const activity = await xapi.getActivity({ activityId: ACTIVITY });
    expect(activity.data).toMatchObject({ objectType: 'Activity', id: ACTIVITY, definition: { name: { 'en-US': 'Module 1' } } });
    const person = await xapi.getAgent({ agent: LEARNER });
    expect(person.data).toMatchObject({ objectType: 'Person', name: ['Anna Ozola'], mbox: [LEARNER.mbox] });
  });
});
