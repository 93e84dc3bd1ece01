/*
 * What looking for a course change costs a request, on SQLite and PostgreSQL with the seeded
 * course: the stamp read on its own (two small queries, what every course-using and /content/
 * request paid before), and the per-process CourseCheck that reads it at most once a second.
 */
import { loadConfig } from '../../src/server/config';
import { CourseCheck, courseStamp } from '../../src/server/modules/course-check';
import { seedModules } from '../../src/server/modules/service';
import { openStore, type Store } from '../../src/server/store/database';
import { postgresTarget, sqliteTarget, type Target } from './ingest';

const CALLS = 2000;

export type CourseCheckFigures = { name: string; stampMs: number; checkMs: number }[];

/** The mean time of `call`, run CALLS times one after another, in milliseconds. */
async function meanMs(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS; i += 1) await call();
  return (performance.now() - start) / CALLS;
}

async function measure(target: Target): Promise<CourseCheckFigures[number]> {
  const config = loadConfig(target.env);
  let store: Store | undefined;
  try {
    store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    await seedModules(store);
    const opened = store;
    const check = new CourseCheck({ store: opened });
    return { name: target.name, stampMs: await meanMs(() => courseStamp(opened)), checkMs: await meanMs(() => check.stamp()) };
  } finally {
    await store?.close();
    await target.cleanup();
  }
}

export async function benchCourseCheck(): Promise<CourseCheckFigures> {
  return [await measure(sqliteTarget()), await measure(await postgresTarget())];
}

export function printCourseCheck(figures: CourseCheckFigures): void {
  console.log(`\nLooking for a course change, per request (mean of ${CALLS} in a row)`);
  for (const { name, stampMs, checkMs } of figures)
    console.log(`  ${name.padEnd(11)} stamp read ${stampMs.toFixed(3)} ms; course check (once a second) ${checkMs.toFixed(4)} ms`);
}
