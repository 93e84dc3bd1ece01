/*
 * A lesson note is at most NOTE_MAX_LENGTH characters on the server too, as in the note field:
 * a longer `noted` statement is refused with a 400 that says the limit, whoever sends it (the
 * app's push with a session, an xAPI tool with HTTP Basic) and by POST or PUT, and nothing of
 * its batch is stored. SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, basic, makeUser, startTestServer, XAPI_BASE, XAPI_HEADERS, type Session, type TestServer } from './helpers/server';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { buildStatement } from '../../src/shared/xapi/build';
import { NOTE_MAX_LENGTH } from '../../src/shared/learning/notes';
import type { Agent, Statement } from '../../src/shared/xapi/types';

const LESSON = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en', lessonId: 'recognising-scam-messages' };

describe.each(DATABASES)('the note length limit on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  const tool = { ...XAPI_HEADERS, authorization: basic('notes-tool', 'notes tool secret') };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    anna = await makeUser(server, 'anna', 'learner');
    await createXapiClient(server.ctx.store.db, { key: 'notes-tool', secret: 'notes tool secret', cohortId: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  const note = (text: string): Statement =>
    buildStatement.note(
      { base: XAPI_BASE, actor: anna.agent as Agent, id: randomUUID(), timestamp: new Date().toISOString() },
      LESSON,
      text,
    );
  const push = (statements: Statement[]) =>
    server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { cookie: anna.cookie, ...APP_HEADERS, ...XAPI_HEADERS },
      payload: statements,
    });
  // Notes are private to the learner: she reads them back herself.
  const stored = async (id: string) =>
    (
      await server.app.inject({
        method: 'GET',
        url: `/xapi/statements?statementId=${id}`,
        headers: { cookie: anna.cookie, ...APP_HEADERS, ...XAPI_HEADERS },
      })
    ).statusCode === 200;

  it(`stores a note of exactly ${NOTE_MAX_LENGTH} characters`, async () => {
    const full = note('n'.repeat(NOTE_MAX_LENGTH));
    const response = await push([full]);
    expect(response.statusCode, response.body).toBe(200);
    expect(await stored(full.id)).toBe(true);
  });

  it("refuses a longer note in the app's push, saying the limit, and stores nothing of the batch", async () => {
    const fine = note('A short note.');
    const long = note('x'.repeat(NOTE_MAX_LENGTH + 1));
    const response = await push([fine, long]);
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<{ error: string; message: string }>();
    expect(problem.error).toBe('note-too-long');
    expect(problem.message).toBe(
      `statements[1].result.response: a note may be at most ${NOTE_MAX_LENGTH} characters long; this one has ${NOTE_MAX_LENGTH + 1}. Shorten it and save it again.`,
    );
    expect(await stored(fine.id)).toBe(false);
    expect(await stored(long.id)).toBe(false);
  });

  it('refuses a longer note from an xAPI tool, by POST and by PUT', async () => {
    const long = note('ā'.repeat(NOTE_MAX_LENGTH + 50));
    const post = await server.app.inject({ method: 'POST', url: '/xapi/statements', headers: tool, payload: long });
    expect(post.statusCode, post.body).toBe(400);
    expect(post.json<{ error: string }>().error).toBe('note-too-long');
    const put = await server.app.inject({ method: 'PUT', url: `/xapi/statements?statementId=${long.id}`, headers: tool, payload: long });
    expect(put.statusCode, put.body).toBe(400);
    expect(put.json<{ message: string }>().message).toMatch(/^statement\.result\.response: a note may be at most/);
    expect(await stored(long.id)).toBe(false);
  });

  it('limits notes only: a long answer to a quiz question is stored', async () => {
    const answer = buildStatement.answered(
      { base: XAPI_BASE, actor: anna.agent as Agent, id: randomUUID(), timestamp: new Date().toISOString() },
      LESSON,
      randomUUID(),
      'q1',
      'y'.repeat(NOTE_MAX_LENGTH + 1),
      false,
    );
    const response = await push([answer]);
    expect(response.statusCode, response.body).toBe(200);
  });
});
