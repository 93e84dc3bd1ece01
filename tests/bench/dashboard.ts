/*
 * Dashboard benchmark (issue 4): server time of GET /api/cohorts/:id/dashboard for a cohort of
 * 1,000 learners x 38 modules (src/server/fixtures.ts), on SQLite and on PostgreSQL
 * (a throwaway schema of `test` at 127.0.0.1:5432). Seeding goes through the same insert path
 * as a sync (statements + derived summaries in one transaction). Loopback HTTP on a listening
 * server, uncompressed, a warm-up then a bounded number of sequential requests. Target p95 <= 150 ms.
 * The server keeps the learners' cells it has read (store/summaries.ts CellsCache) and reads
 * again only rows that changed, so the repeated requests measure a cohort nobody synced in
 * between; the first request of each variant, with nothing kept yet, is printed beside them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { createSession } from '../../src/server/store/users';
import { seedBenchCohort, syntheticCourse } from '../../src/server/fixtures';
import type { CohortDashboard } from '../../src/shared/mentoring/contract';

const BASE = 'https://bench.example/xapi';
const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type DashboardFigures = {
  database: string;
  learners: number;
  modules: number;
  statements: number;
  seedSeconds: number;
  /** The full grid, and with ?cells=touched (not-started cells left out). */
  variants: { name: 'all cells' | 'touched cells'; bytes: number; firstMs: number; p50Ms: number; p95Ms: number }[];
};

type Target = { name: string; env: Record<string, string>; cleanup: () => Promise<void> };

async function pgAdmin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function targets(): Promise<Target[]> {
  const dir = mkdtempSync(join(tmpdir(), 'biblio-bench-dashboard-'));
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  await pgAdmin(`create schema ${schema}`);
  return [
    { name: 'SQLite', env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) },
    {
      name: 'PostgreSQL',
      env: { DATABASE_URL: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}` },
      cleanup: () => pgAdmin(`drop schema if exists ${schema} cascade`),
    },
  ];
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export async function benchDashboard(options: { learners?: number; modules?: number; runs?: number } = {}): Promise<DashboardFigures[]> {
  const learners = options.learners ?? 1000;
  const runs = options.runs ?? 40;
  const course = syntheticCourse(options.modules ?? 38);
  const figures: DashboardFigures[] = [];
  for (const target of await targets()) {
    try {
      const config = loadConfig({ XAPI_BASE: BASE, ...target.env });
      const server = await openServer(config, { serveApp: false, course });
      try {
        const seedStart = performance.now();
        const seeded = await seedBenchCohort(server.context.store, { xapiBase: BASE, course }, learners);
        const seedSeconds = (performance.now() - seedStart) / 1000;
        const session = await createSession(server.context.store.db, seeded.mentor.id, 1);
        const base = `${await server.app.listen({ host: '127.0.0.1', port: 0 })}/api/cohorts/${seeded.cohortId}/dashboard`;
        const headers = { cookie: `biblio_session=${session.token}`, 'accept-encoding': 'identity' };
        const variants: DashboardFigures['variants'] = [];
        for (const [name, url] of [
          ['all cells', base],
          ['touched cells', `${base}?cells=touched`],
        ] as const) {
          // The first request reads every learner's cells from the database; later ones only the rows that changed (none here).
          const firstStart = performance.now();
          let bytes = (await (await fetch(url, { headers })).arrayBuffer()).byteLength;
          const firstMs = performance.now() - firstStart;
          for (let i = 0; i < 2; i += 1) bytes = (await (await fetch(url, { headers })).arrayBuffer()).byteLength;
          // The response is joined from stored pieces: check it is the whole dashboard before timing it.
          const body = (await (await fetch(url, { headers })).json()) as CohortDashboard;
          const cellsExpected = name === 'all cells' ? learners * course.catalog.modules.length : body.cells.length;
          if (body.learners.length !== learners || body.cells.length !== cellsExpected || body.learners.some((l) => !l.hours))
            throw new Error(`The ${name} dashboard is incomplete: ${body.learners.length} learners, ${body.cells.length} cells.`);
          const times: number[] = [];
          for (let i = 0; i < runs; i += 1) {
            const start = performance.now();
            const response = await fetch(url, { headers });
            await response.arrayBuffer();
            if (response.status !== 200) throw new Error(`Dashboard answered ${response.status}`);
            times.push(performance.now() - start);
          }
          times.sort((a, b) => a - b);
          variants.push({ name, bytes, firstMs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) });
        }
        figures.push({
          database: target.name,
          learners,
          modules: course.catalog.modules.length,
          statements: seeded.statements,
          seedSeconds,
          variants,
        });
      } finally {
        await server.app.close();
      }
    } finally {
      await target.cleanup();
    }
  }
  return figures;
}

export function printDashboard(figures: DashboardFigures[]): void {
  console.log('\nCohort dashboard (GET /api/cohorts/:id/dashboard, loopback, uncompressed; target p95 <= 150 ms)');
  for (const f of figures) {
    console.log(
      `  ${f.database}: ${f.learners} learners x ${f.modules} modules (${f.statements.toLocaleString('en')} statements, seeded in ${f.seedSeconds.toFixed(0)} s)`,
    );
    for (const v of f.variants)
      console.log(
        `    ${v.name.padEnd(14)} ${(v.bytes / 1024 / 1024).toFixed(1)} MB: p50 ${v.p50Ms.toFixed(0)} ms, p95 ${v.p95Ms.toFixed(0)} ms (first request, no cells cached yet: ${v.firstMs.toFixed(0)} ms)`,
      );
  }
}

// `npx tsx tests/bench/dashboard.ts` runs it alone.
if (process.argv[1]?.endsWith('dashboard.ts')) {
  benchDashboard().then(printDashboard, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
