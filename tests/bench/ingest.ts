/*
 * Statement ingest benchmarks (issue 3), loopback only, bounded loops:
 * 1. On SQLite: ingest over HTTP (a real listening server on 127.0.0.1; 50 concurrent xAPI
 *    clients each POSTing batches of 100) against raw batched inserts of the same rows into the
 *    same database in the same run. Prints both rates and the ratio (target >= 0.5).
 * 2. On SQLite and PostgreSQL: p50/p95 latency of one push of 20 statements while 200
 *    learners (session cookies, as the app) push at the same time.
 * 3. On SQLite and PostgreSQL: p50/p95 latency of one push of 20 statements by a learner who
 *    already has a handful (10) and by one who has 40,000 statements, in turns in the same run
 *    and database, and the ratio; then one read of each learner's report; and one request of
 *    1,000 statements for 1,000 learners (the widest batch MAX_STATEMENTS_PER_REQUEST allows). The summary is updated from the touched modules'
 *    ledgers (store/summaries.ts), so the ratio should stay about 1.
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

export type Target = { name: string; env: Record<string, string>; cleanup: () => Promise<void> };

export function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'biblio-bench-'));
  return { name: 'SQLite', env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function postgresTarget(): Promise<Target> {
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

const attempts = new Map<string, string>();

/**
 * A learner's study in the course the server serves, over every module: mostly lesson progress
 * and completions; one statement in 100 answers a quiz question and one in 1,000 finishes an
 * attempt (about what the app sends: a progress statement every few seconds of reading).
 */
function courseStatements(server: Server, actor: JsonObject, count: number): JsonObject[] {
  const { modules } = server.context.course.catalog;
  const out: JsonObject[] = [];
  for (let i = 0; i < count; i += 1) {
    counter += 1;
    const module = modules[counter % modules.length];
    if (!module) throw new Error('The course has no modules.');
    const env = { base: BASE, actor, id: randomUUID(), timestamp: new Date(Date.UTC(2026, 0, 1) + counter * 1000).toISOString() };
    const ref = { moduleId: module.id, moduleVersion: 1, locale: 'lv' };
    const lesson: LessonRef = { ...ref, lessonId: module.lessons[counter % Math.max(1, module.lessons.length)]?.id ?? 'lesson' };
    const attemptKey = `${JSON.stringify(actor)}\u0000${module.id}\u0000${Math.floor(counter / 4000)}`;
    const attempt = attempts.get(attemptKey) ?? randomUUID();
    attempts.set(attemptKey, attempt);
    const questions = server.context.course.questionIds.get(module.id) ?? ['q1'];
    const statement =
      counter % 1000 === 0
        ? buildStatement.quizResult(env, ref, attempt, 3, 4, 70, 120_000)
        : counter % 100 === 0
          ? buildStatement.answered(env, ref, attempt, questions[counter % questions.length] ?? 'q1', 'a', counter % 3 !== 0)
          : counter % 5 === 0
            ? buildStatement.completedLesson(env, lesson)
            : buildStatement.readingProgress(env, lesson, counter % 101, 30_000);
    out.push(statement as unknown as JsonObject);
  }
  return out;
}

type HistoryLatency = { history: number; p50: number; p95: number; reportMs: number };

/**
 * Pushes of `size` statements by learners with `history` statements already stored (stored
 * first in batches of 500, as syncs would), taken in turns once every history is stored, so
 * each learner's pushes meet the same database; then one read of each learner's report.
 */
async function historyPushLatency(target: Target, histories: readonly number[], pushes: number, size: number): Promise<HistoryLatency[]> {
  const { server, url } = await start(target);
  try {
    const people = await learnersWithSessions(server, histories.length);
    const push = (cookie: string, statements: JsonObject[]) => pushAs(url, cookie, statements);
    for (const [i, history] of histories.entries()) {
      const person = people[i];
      if (!person) throw new Error('No learner made.');
      for (let done = 0; done < history; done += 500)
        await push(person.cookie, courseStatements(server, person.agent, Math.min(500, history - done)));
    }
    const samples = histories.map((): number[] => []);
    for (let round = 0; round < pushes; round += 1) {
      for (const [i, person] of people.entries()) {
        const body = courseStatements(server, person.agent, size);
        const started = performance.now();
        await push(person.cookie, body);
        samples[i]?.push(performance.now() - started);
      }
    }
    const results: HistoryLatency[] = [];
    for (const [i, person] of people.entries()) {
      const sorted = [...(samples[i] ?? [])].sort((a, b) => a - b);
      const started = performance.now();
      const report = await fetch(`${url}/api/learners/${String((person.agent.account as JsonObject).name)}/report`, {
        headers: { cookie: person.cookie, 'x-requested-with': 'biblio-study' },
      });
      await report.arrayBuffer();
      if (report.status !== 200) throw new Error(`Report failed: ${report.status}`);
      results.push({
        history: histories[i] ?? 0,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        reportMs: performance.now() - started,
      });
    }
    return results;
  } finally {
    await server.app.close();
  }
}

/** One request of `learners` statements, one per learner, from an unlimited xAPI client: how long the summaries of a wide batch hold the statement lock. */
async function wideBatch(target: Target, learners: number, rounds: number): Promise<number[]> {
  const { server, url } = await start(target);
  try {
    await createXapiClient(server.context.store.db, { key: 'wide-client', secret: 'wide client secret', cohortId: null });
    const people = await learnersWithSessions(server, learners);
    const auth = `Basic ${Buffer.from('wide-client:wide client secret').toString('base64')}`;
    const times: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const body = people.flatMap((person) => courseStatements(server, person.agent, 1));
      const started = performance.now();
      const response = await fetch(`${url}/xapi/statements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', authorization: auth },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`Wide push failed: ${response.status}`);
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await server.app.close();
  }
}

export async function benchIngest(): Promise<void> {
  await benchHttpIngest();
  await benchConcurrentPushes();
  await benchHistory();
}

/** Section 1: ingest over HTTP against raw batched inserts, on SQLite. */
export async function benchHttpIngest(): Promise<void> {
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
}

/** Section 2: pushes of 20 statements by 200 learners at once, on both databases. */
export async function benchConcurrentPushes(): Promise<void> {
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
}

/** Section 3: a push by a learner with a long history against one with a handful, on both databases. */
export async function benchHistory(): Promise<void> {
  const targets: (() => Promise<Target>)[] = [async () => sqliteTarget(), postgresTarget];
  console.log('\nPush of 20 statements by one learner with a handful or 40,000 earlier statements (30 pushes each, in turns; same run)');
  for (const make of targets) {
    let target: Target;
    try {
      target = await make();
    } catch (error) {
      // Said, not skipped in silence: the comparison must not go missing from the figures unnoticed.
      console.log(`  PostgreSQL at 127.0.0.1:5432 is unreachable: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    try {
      const rows = await historyPushLatency(target, [10, 40_000], 30, 20);
      for (const row of rows)
        console.log(
          `  ${target.name.padEnd(11)} ${row.history.toLocaleString('en').padStart(6)} earlier statements: p50 ${row.p50.toFixed(1).padStart(6)} ms   p95 ${row.p95.toFixed(1).padStart(6)} ms   report ${row.reportMs.toFixed(0).padStart(5)} ms`,
        );
      const [few, many] = rows;
      if (few && many)
        console.log(`  ${target.name.padEnd(11)} ratio 40,000 / handful (p50): ${(many.p50 / few.p50).toFixed(2)} (target about 1)`);
      const wide = await wideBatch(target, 1000, 3);
      console.log(
        `  ${target.name.padEnd(11)} one request of 1,000 statements for 1,000 learners: ${wide.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
      );
    } finally {
      await target.cleanup();
    }
  }
}
