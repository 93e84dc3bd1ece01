/*
 * A request whose body trickles in is answered 408 and its connection closed once
 * REQUEST_TIMEOUT_SECONDS have passed, instead of being kept open for ever. A real socket on
 * loopback, since the timeout lives in Node's HTTP server, not in Fastify's inject; on SQLite
 * and PostgreSQL, as every server test.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { startTestServer, type TestServer } from './helpers/server';

/** Far longer than the timeout under test: the test fails, rather than hangs, when nothing closes the connection. */
const GIVE_UP_MS = 15_000;

describe.each(DATABASES)('a body that trickles in on %s', (kind) => {
  let server: TestServer;
  let port = 0;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind, { REQUEST_TIMEOUT_SECONDS: '0.5' });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is answered 408 and the connection closed', async () => {
    const socket = connect({ port, host: '127.0.0.1' });
    const answer = await new Promise<string>((resolve, reject) => {
      let received = '';
      const giveUp = setTimeout(() => {
        socket.destroy();
        reject(new Error(`The connection was still open after ${GIVE_UP_MS} ms (received: ${JSON.stringify(received)})`));
      }, GIVE_UP_MS);
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      socket.on('close', () => {
        clearTimeout(giveUp);
        resolve(received);
      });
      socket.on('error', reject);
      socket.write(
        'POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Requested-With: t\r\nContent-Length: 100\r\n\r\n{',
      );
      // One more byte now and then, as a slow-drip client would send.
      const drip = setInterval(() => (socket.writable ? socket.write(' ') : clearInterval(drip)), 100);
      socket.on('close', () => clearInterval(drip));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
