/*
 * Statement ingest benchmarks (issue 3), loopback only, bounded loops:
 * 1. On SQLite: ingest over HTTP (a real listening server on 127.0.0.1; 50 concurrent xAPI
 *    clients each POSTing batches of 100) against raw batched inserts of the same rows into the
 *    same database in the same run. Prints both rates and the ratio (target >= 0.5).
 * 2. On SQLite and PostgreSQL: p50/p95 latency of one push of 20 statements while 200
 *    learners (session cookies, as the app) push at the same time.
 * 3. On SQLite and PostgreSQL: p50/p95 latency of one push of 20 statements by one learner
 *    who already has 0, 2,000 or 8,000 statements. Each push refolds the learner's whole
 *    history into their dashboard summary (store/summaries.ts), inside the insert transaction:
 *    this shows what that costs as a history grows.
 * PostgreSQL runs in a throwaway schema of the database `test` at 127.0.0.1:5432.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../../src/server/config';
import { openServer, type Server } from '../../src/server/server';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { createSession } from '../../src/server/store/users';
import { hashPassword } from '../../src/server/auth/password';
import { indexRows } from '../../src/server/store/statement-index';
import { fingerprint } from '../../src/server/store/fingerprint';
import { buildStatement, type LessonRef } from '../../src/shared/xapi/build';
import type { JsonObject } from '../../src/shared/xapi/validate';

const BASE = 'https://bench.example/xapi';
const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

type Target = { name: string; env: Record<string, string>; cleanup: () => Promise<void> };

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'biblio-bench-'));
  return { name: 'SQLite', env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgresTarget(): Promise<Target> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    cleanup: () => admin(`drop schema if exists ${schema} cascade`),
  };
}

async function start(target: Target): Promise<{ server: Server; url: string }> {
  const config = loadConfig({ XAPI_BASE: BASE, ...target.env });
  const server = await openServer(config, { serveApp: false });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return { server, url };
}

let counter = 0;
function learnerStatements(actor: JsonObject, count: number): JsonObject[] {
  const out: JsonObject[] = [];
  for (let i = 0; i < count; i += 1) {
    counter += 1;
    const lesson: LessonRef = { moduleId: `module-${counter % 38}`, lessonId: `lesson-${counter % 10}`, moduleVersion: 1, locale: 'lv' };
    const env = { base: BASE, actor, id: randomUUID(), timestamp: new Date(Date.UTC(2026, 0, 1) + counter * 1000).toISOString() };
    const statement =
      counter % 5 === 0 ? buildStatement.completedLesson(env, lesson) : buildStatement.readingProgress(env, lesson, counter % 101, 30_000);
    out.push(statement as unknown as JsonObject);
  }
  return out;
}

const agentFor = (name: string): JsonObject => ({ objectType: 'Agent', account: { homePage: BASE, name } });

async function ingestOverHttp(url: string, clients: number, batchesPerClient: number, batchSize: number): Promise<number> {
  const auth = `Basic ${Buffer.from('bench-client:bench client secret').toString('base64')}`;
  const batches = Array.from({ length: clients }, (_, c) =>
    Array.from({ length: batchesPerClient }, () => learnerStatements(agentFor(`http-learner-${c}`), batchSize)),
  );
  const started = performance.now();
  await Promise.all(
    batches.map(async (clientBatches) => {
      for (const batch of clientBatches) {
        const response = await fetch(`${url}/xapi/statements`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', authorization: auth },
          body: JSON.stringify(batch),
        });
        if (response.status !== 200) throw new Error(`Ingest failed: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  return (clients * batchesPerClient * batchSize) / ((performance.now() - started) / 1000);
}

/** The same rows the server writes (statement, columns, index), inserted directly, batch by batch. */
async function rawInserts(server: Server, batches: number, batchSize: number): Promise<number> {
  const db = server.context.store.db;
  const prepared = Array.from({ length: batches }, (_, b) => learnerStatements(agentFor(`raw-learner-${b % 50}`), batchSize));
  const last = await db.selectFrom('statements').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = Number(last?.seq ?? 0) + 1000;
  const started = performance.now();
  for (const batch of prepared) {
    const stored = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const rows = batch.map((statement) => {
        seq += 1;
        const full = { ...statement, stored, authority: agentFor('raw'), version: '1.0.3' };
        return { seq, full, statement };
      });
      await trx
        .insertInto('statements')
        .values(
          rows.map(({ seq: rowSeq, full, statement }) => ({
            seq: rowSeq,
            id: String(statement.id),
            actor_key: `account::${BASE}::x`,
            verb_id: String((statement.verb as JsonObject).id),
            object_activity_id: String((statement.object as JsonObject).id),
            object_statement_ref: null,
            registration: null,
            timestamp: String(statement.timestamp),
            stored,
            voided: 0,
            privileged: 1,
            fingerprint: fingerprint(statement),
            statement: JSON.stringify(full),
          })),
        )
        .execute();
      await trx
        .insertInto('statement_index')
        .values(rows.flatMap(({ seq: rowSeq, full }) => indexRows(full).map((row) => ({ seq: rowSeq, kind: row.kind, value: row.value }))))
        .execute();
    });
  }
  return (batches * batchSize) / ((performance.now() - started) / 1000);
}

async function learnersWithSessions(server: Server, count: number): Promise<{ cookie: string; agent: JsonObject }[]> {
  const db = server.context.store.db;
  const passwordHash = await hashPassword('bench password');
  const learners: { cookie: string; agent: JsonObject }[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    await db
      .insertInto('users')
      .values({
        id,
        login: `bench-${i}-${id.slice(0, 8)}`,
        name: `Learner ${i}`,
        role: 'learner',
        password_hash: passwordHash,
        created_at: new Date().toISOString(),
      })
      .execute();
    const session = await createSession(db, id, 1);
    learners.push({ cookie: `biblio_session=${session.token}`, agent: { objectType: 'Agent', account: { homePage: BASE, name: id } } });
  }
  return learners;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** One push of `statements` as the app makes it (session cookie); throws unless the server stored them. */
async function pushAs(url: string, cookie: string, statements: JsonObject[]): Promise<void> {
  const response = await fetch(`${url}/xapi/statements`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-experience-api-version': '1.0.3',
      'x-requested-with': 'biblio-study',
      cookie,
    },
    body: JSON.stringify(statements),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`Push failed: ${response.status}`);
}

async function pushLatency(
  target: Target,
  learners: number,
  rounds: number,
  size: number,
): Promise<{ p50: number; p95: number; samples: number }> {
  const { server, url } = await start(target);
  try {
    const people = await learnersWithSessions(server, learners);
    const samples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      await Promise.all(
        people.map(async (person) => {
          const body = learnerStatements(person.agent, size);
          const started = performance.now();
          await pushAs(url, person.cookie, body);
          samples.push(performance.now() - started);
        }),
      );
    }
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
  } finally {
    await server.app.close();
  }
}

/** Pushes by one learner with `history` statements already stored (stored first in batches of 500, as syncs would). */
async function historyPushLatency(
  target: Target,
  histories: readonly number[],
  pushes: number,
  size: number,
): Promise<{ history: number; p50: number; p95: number }[]> {
  const { server, url } = await start(target);
  try {
    const results: { history: number; p50: number; p95: number }[] = [];
    for (const history of histories) {
      const [learner] = await learnersWithSessions(server, 1);
      if (!learner) throw new Error('No learner made.');
      const push = (statements: JsonObject[]) => pushAs(url, learner.cookie, statements);
      for (let done = 0; done < history; done += 500) await push(learnerStatements(learner.agent, Math.min(500, history - done)));
      const samples: number[] = [];
      for (let i = 0; i < pushes; i += 1) {
        const body = learnerStatements(learner.agent, size);
        const started = performance.now();
        await push(body);
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      results.push({ history, p50: percentile(samples, 50), p95: percentile(samples, 95) });
    }
    return results;
  } finally {
    await server.app.close();
  }
}

export async function benchIngest(): Promise<void> {
  const clients = 50;
  const batchesPerClient = 10; // 50,000 statements each way, in 5 alternating rounds
  const batchSize = 100;

  const sqlite = sqliteTarget();
  try {
    const { server, url } = await start(sqlite);
    try {
      await createXapiClient(server.context.store.db, { key: 'bench-client', secret: 'bench client secret', cohortId: null });
      await ingestOverHttp(url, 5, 2, batchSize); // warm-up
      // Alternating rounds, so both ways write into a database of the same size.
      let httpSeconds = 0;
      let rawSeconds = 0;
      const rounds = 5;
      const perRound = (clients * batchesPerClient * batchSize) / rounds;
      for (let round = 0; round < rounds; round += 1) {
        httpSeconds += perRound / (await ingestOverHttp(url, clients, batchesPerClient / rounds, batchSize));
        rawSeconds += perRound / (await rawInserts(server, perRound / batchSize, batchSize));
      }
      const http = (perRound * rounds) / httpSeconds;
      const raw = (perRound * rounds) / rawSeconds;
      console.log(`\nStatement ingest on SQLite (${clients} clients x ${batchesPerClient} batches of ${batchSize})`);
      console.log(`  over HTTP:           ${Math.round(http).toLocaleString('en').padStart(8)} statements/s`);
      console.log(`  raw batched inserts: ${Math.round(raw).toLocaleString('en').padStart(8)} statements/s`);
      console.log(`  ratio HTTP / raw:    ${(http / raw).toFixed(2)} (target >= 0.5)`);
    } finally {
      await server.app.close();
    }
  } finally {
    await sqlite.cleanup();
  }

  console.log('\nPush of 20 statements, 200 learners pushing at once (5 rounds)');
  const targets: (() => Promise<Target>)[] = [async () => sqliteTarget(), postgresTarget];
  for (const make of targets) {
    let target: Target;
    try {
      target = await make();
    } catch (error) {
      console.log(`  PostgreSQL at 127.0.0.1:5432 is unreachable: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    try {
      const latency = await pushLatency(target, 200, 5, 20);
      console.log(
        `  ${target.name.padEnd(11)} p50 ${latency.p50.toFixed(1).padStart(7)} ms   p95 ${latency.p95.toFixed(1).padStart(7)} ms   (${latency.samples} pushes)`,
      );
    } finally {
      await target.cleanup();
    }
  }

  console.log('\nPush of 20 statements by one learner with a long history (20 pushes each; the summary refolds the whole history)');
  for (const make of targets) {
    let target: Target;
    try {
      target = await make();
    } catch {
      continue;
    }
    try {
      for (const row of await historyPushLatency(target, [0, 2000, 8000], 20, 20))
        console.log(
          `  ${target.name.padEnd(11)} ${row.history.toLocaleString('en').padStart(6)} earlier statements: p50 ${row.p50.toFixed(1).padStart(6)} ms   p95 ${row.p95.toFixed(1).padStart(6)} ms`,
        );
    } finally {
      await target.cleanup();
    }
  }
}
