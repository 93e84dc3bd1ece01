/*
 * Lighthouse on the learner's first page (`/`, a first visit: Lighthouse clears storage and
 * the service worker before each run) beside the smallest React 19 page Vite builds, in the
 * same run and the same browser, so a slow or busy machine moves both figures together.
 *
 * Lighthouse's default config is the mobile one: a Moto G Power sized screen, simulated slow
 * 4G (150 ms RTT, 1.6 Mbps) and a 4x slower CPU. Both pages are served by the production
 * server (compression, cache headers, the same static handler). The React page is built at
 * bench time into a temporary folder inside node_modules/.cache, where it finds react and
 * react-dom. Each page is measured RUNS times, alternating; medians are printed. Figures only,
 * never pass/fail; the targets are performance >= 0.95 and LCP <= 2.5 s.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { freePort } from '../e2e/ports';

export const RUNS = 3;

export type PageFigures = {
  label: string;
  performance: number[];
  lcpMs: number[];
  fcpMs: number[];
  tbtMs: number[];
  /** The element of the largest paint, per run (its CSS selector), so a change of it shows. */
  lcpElements: string[];
};

type LcpElementDetails = { items?: Array<{ items?: Array<{ node?: { selector?: string } }> }> };

/** The selector of the largest paint's element, from the `largest-contentful-paint-element` audit's first table. */
function lcpElement(details: unknown): string {
  return (details as LcpElementDetails | undefined)?.items?.[0]?.items?.[0]?.node?.selector ?? 'not reported';
}

const SMALLEST_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>React</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/main.tsx"></script>
  </body>
</html>
`;

const SMALLEST_MAIN = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Hello, React</h1>
      <p>The smallest page a React 19 app built with Vite shows.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`;

/** Builds the smallest React 19 page with Vite into `<dir>/dist` and returns that folder. */
export async function buildSmallestReactPage(dir: string): Promise<string> {
  writeFileSync(join(dir, 'index.html'), SMALLEST_HTML);
  writeFileSync(join(dir, 'main.tsx'), SMALLEST_MAIN);
  const outDir = join(dir, 'dist');
  await build({ root: dir, configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Serves a built folder with the production server (its own empty data folder). */
async function serve(distDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'biblio-bench-lighthouse-'));
  const { app } = await openServer(loadConfig({ DATA_DIR: dataDir, DIST_DIR: distDir }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `${url}/`,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Lighthouse (default mobile config, performance only) RUNS times on the app's `/` and on the smallest React page. */
export async function benchLighthouse(options: { distDir: string; runs?: number }): Promise<PageFigures[]> {
  const runs = options.runs ?? RUNS;
  const cacheDir = resolve('node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const smallDir = mkdtempSync(join(cacheDir, 'bench-smallest-react-'));
  const port = await freePort();
  const servers: Array<{ url: string; close: () => Promise<void> }> = [];
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const app = await serve(resolve(options.distDir));
    servers.push(app);
    const smallest = await serve(await buildSmallestReactPage(smallDir));
    servers.push(smallest);
    const pages: Array<{ url: string; figures: PageFigures }> = [
      { url: app.url, figures: { label: 'Biblio Study /', performance: [], lcpMs: [], fcpMs: [], tbtMs: [], lcpElements: [] } },
      {
        url: smallest.url,
        figures: { label: 'smallest React 19 page', performance: [], lcpMs: [], fcpMs: [], tbtMs: [], lcpElements: [] },
      },
    ];
    for (let run = 0; run < runs; run += 1) {
      for (const { url, figures } of pages) {
        const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
        figures.performance.push(lhr.categories.performance?.score ?? Number.NaN);
        figures.lcpMs.push(lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN);
        figures.fcpMs.push(lhr.audits['first-contentful-paint']?.numericValue ?? Number.NaN);
        figures.tbtMs.push(lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN);
        figures.lcpElements.push(lcpElement(lhr.audits['largest-contentful-paint-element']?.details));
      }
    }
    return pages.map((page) => page.figures);
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
    rmSync(smallDir, { recursive: true, force: true });
  }
}

export function printLighthouse(pages: PageFigures[]): void {
  const runs = pages[0]?.performance.length ?? 0;
  console.log(
    `\nLighthouse mobile (simulated slow 4G, 4x CPU), first visit, median of ${runs} runs each (targets: performance >= 0.95, LCP <= 2.5 s)`,
  );
  for (const page of pages) {
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `  ${page.label.padEnd(24)} performance ${median(page.performance).toFixed(2)}  LCP ${seconds(median(page.lcpMs))}  FCP ${seconds(median(page.fcpMs))}  TBT ${Math.round(median(page.tbtMs))} ms` +
        `  (performance per run: ${page.performance.map((p) => p.toFixed(2)).join(', ')})`,
    );
    console.log(`  ${''.padEnd(24)} largest paint: ${[...new Set(page.lcpElements)].join('; ')}`);
  }
}

// `npx tsx tests/bench/lighthouse.ts` measures only this (the app must be built: npm run build).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  benchLighthouse({ distDir: process.argv[2] ?? 'dist' }).then(printLighthouse, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
