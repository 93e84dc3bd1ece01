/*
 * `npm run bench`: prints figures, never pass/fail. Builds the app first when needed.
 */
import { existsSync } from 'node:fs';
import { buildIfNeeded } from '../../src/server/build-if-needed';
import { measureRoutes } from './bundle';
import { benchFold } from './fold';
import { benchIngest } from './ingest';
import { benchDashboard, printDashboard } from './dashboard';
import { benchGridRender, CHROMIUM_PATH, printGridRender } from './grid-render';
import { benchSignIn, printSignIn } from './sign-in';
import { benchLighthouse, printLighthouse } from './lighthouse';
import { benchCourseCheck, printCourseCheck } from './course-check';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  await buildIfNeeded(process.cwd(), 'dist');
  const sizes = measureRoutes('dist');
  console.log('\nJavaScript per route (gzip, level 9)');
  console.log(
    `  ${sizes.initial.route.padEnd(24)} ${kb(sizes.initial.gzipBytes).padStart(10)}  (${sizes.initial.files} files; target <= 150 KB)`,
  );
  for (const route of sizes.lazy)
    console.log(`  + ${route.route.padEnd(22)} ${kb(route.gzipBytes).padStart(10)}  (${route.files} files beyond the entry)`);

  if (existsSync(CHROMIUM_PATH)) printLighthouse(await benchLighthouse({ distDir: 'dist' }));
  else console.log(`\nLighthouse: not measured, no browser at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);

  const fold = benchFold();
  console.log(
    `\nFold of ${fold.count.toLocaleString('en')} statements: median ${fold.medianMs.toFixed(1)} ms, best ${fold.minMs.toFixed(1)} ms (target <= 300 ms)`,
  );

  await benchIngest();
  printDashboard(await benchDashboard());
  printSignIn(await benchSignIn());
  printCourseCheck(await benchCourseCheck());

  if (existsSync(CHROMIUM_PATH)) printGridRender(await benchGridRender({ distDir: 'dist' }));
  else console.log(`\nCohort grid in Chromium: not measured, no browser at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
