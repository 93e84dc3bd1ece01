/*
 * A real server (real database, real routes) driven through Fastify's inject, plus small
 * helpers to make accounts and speak to the API as a browser session or an xAPI tool would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../../src/server/config';
import { openServer } from '../../../src/server/server';
import type { AppContext } from '../../../src/server/context';
import { insertUser } from '../../../src/server/store/users';
import type { Role } from '../../../src/server/store/schema';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';

export const XAPI_BASE = 'https://library.test/xapi';

export type TestServer = { app: FastifyInstance; ctx: AppContext; database: TestDatabase; close: () => Promise<void> };

export async function startTestServer(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase(kind);
  try {
    const config = loadConfig({ XAPI_BASE, ...database.env, ...env });
    const { app, context } = await openServer(config, { serveApp: false });
    return {
      app,
      ctx: context,
      database,
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** How many rows `table` holds now. */
export async function countRows(server: TestServer, table: 'statements' | 'attachments' | 'statement_attachments'): Promise<number> {
  const row = await server.ctx.store.db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The row counts of the statement tables, to show a rejected request stored nothing. */
export const storedCounts = async (server: TestServer): Promise<number[]> => [
  await countRows(server, 'statements'),
  await countRows(server, 'attachments'),
  await countRows(server, 'statement_attachments'),
];

export type Session = { cookie: string; userId: string; agent: Record<string, unknown> };

export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error(`No Set-Cookie in the answer (status ${response.statusCode}): ${response.body}`);
  return first.split(';')[0]!;
}

export const APP_HEADERS = { 'x-requested-with': 'biblio-study' };
export const XAPI_HEADERS = { 'x-experience-api-version': '1.0.3' };

export async function makeUser(server: TestServer, login: string, role: Role, password = 'correct horse battery'): Promise<Session> {
  const user = await insertUser(server.ctx.store.db, { login, name: `${login} name`, role, password });
  const response = await server.app.inject({ method: 'POST', url: '/api/login', headers: APP_HEADERS, payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`Sign-in of ${login} failed: ${response.statusCode} ${response.body}`);
  return { cookie: cookieFrom(response), userId: user.id, agent: response.json<{ agent: Record<string, unknown> }>().agent };
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}
