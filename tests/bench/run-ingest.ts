/*
 * `npx tsx tests/bench/run-ingest.ts [http|pushes|history]...`: the statement ingest
 * benchmarks of `npm run bench` (tests/bench/ingest.ts) alone, all three sections or the ones
 * named, without building the app: for measuring a change to the write path, run it before and
 * after the change, twice each, as the machine's load moves the figures.
 */
import { benchConcurrentPushes, benchHistory, benchHttpIngest } from './ingest';

const SECTIONS: Record<string, () => Promise<void>> = { http: benchHttpIngest, pushes: benchConcurrentPushes, history: benchHistory };

async function main(): Promise<void> {
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) throw new Error(`Unknown section(s): ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}.`);
  for (const name of named.length > 0 ? named : Object.keys(SECTIONS)) await SECTIONS[name]?.();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
