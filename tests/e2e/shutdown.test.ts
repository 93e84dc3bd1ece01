/*
 * Graceful shutdown of `npm start` (src/server/start.ts, run in a process of its own on an
 * empty SQLite database): on SIGTERM the server stops taking connections, lets a request
 * already in flight finish and store its batch, closes the database cleanly (SQLite folds
 * its write-ahead log back into the database file and removes it only on a clean close) and
 * exits 0. Started again on the same data, it holds the whole batch.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerApi, XAPI_HEADERS } from './api';
import { eventually } from './browser';
import { distDir, repoRoot } from './repo';
import { ServerProcess } from './server-process';
import { needsBuild } from '../../src/server/build-if-needed';
import type { Agent } from '../../src/shared/xapi/types';

describe('npm start on SIGTERM', () => {
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    // start.ts builds when dist/ is stale, which would empty the folder the other e2e tests serve.
    if (needsBuild(repoRoot, distDir)) throw new Error('dist/ is older than its sources: run `npm run build` before the e2e tests');
    server = await ServerProcess.start({ entry: 'src/server/start.ts' });
  }, 90_000);
  afterAll(async () => {
    await server?.dispose();
  });

  it('finishes the request in flight, stores it whole, closes the database and exits 0', async () => {
    const running = server!;
    const api = new ServerApi(running.baseURL);
    const coordinator = await api.coordinator();
    const agent: Agent = { objectType: 'Agent', mbox: `mailto:shutdown-${randomUUID()}@library.test` };
    const statements = Array.from({ length: 50 }, (_, index) => ({
      id: randomUUID(),
      actor: agent,
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
      object: { id: `https://library.test/xapi/activities/shutdown/${index}` },
    }));
    const body = Buffer.from(JSON.stringify(statements));

    // Headers first, with "Expect: 100-continue": the server answers 100 once it has the request.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const post = httpRequest(`${running.baseURL}/xapi/statements`, {
        method: 'POST',
        headers: {
          ...XAPI_HEADERS,
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
          Authorization: `Basic ${Buffer.from(`${coordinator.login}:${coordinator.password}`).toString('base64')}`,
          Expect: '100-continue',
        },
      });
      post.on('error', reject);
      post.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      post.on('continue', () => {
        // The request is in the server's hands: stop the server, then send the body once it says it is stopping.
        running.signal('SIGTERM');
        eventually(
          async () => running.log(),
          (log) => log.includes('SIGTERM received'),
          'the server to say it is finishing requests in flight',
        ).then(() => post.end(body), reject);
      });
      post.flushHeaders();
    });

    const { status, text } = await answer;
    expect(status, text).toBe(200);
    expect(JSON.parse(text)).toEqual(statements.map((s) => s.id));
    expect(await running.waitForExit(), running.log()).toBe(0);
    // A clean close leaves no write-ahead log beside the database.
    expect(existsSync(join(running.dataDir, 'biblio-study.sqlite'))).toBe(true);
    expect(existsSync(join(running.dataDir, 'biblio-study.sqlite-wal'))).toBe(false);

    await running.launch();
    const stored = await api.statementsOf(agent);
    expect(stored.map((s) => s.id).sort()).toEqual(statements.map((s) => s.id).sort());
  });
});
