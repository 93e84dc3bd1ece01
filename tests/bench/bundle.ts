/*
 * Measures the JavaScript each route makes a learner download, gzip-compressed, from the
 * production build's manifest: the home route (entry + its static imports + the home page
 * chunk) and each lazy route on top of that. Target for the home route: <= 150 KB gzip.
 * The home page shows its title and introduction from that; the learner's progress under them
 * (`home progress`: Dexie, the catalogue view) loads right after the first render, and is
 * listed with the lazy routes so both figures are in view.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean; src?: string };
type Manifest = Record<string, ManifestChunk>;

export const ROUTE_CHUNKS: Record<string, string> = {
  home: 'src/client/features/home/HomePage.tsx',
  'home progress': 'src/client/features/home/HomeContent.tsx',
  catalog: 'src/client/features/catalog/CatalogPage.tsx',
  module: 'src/client/features/module/ModulePage.tsx',
  lesson: 'src/client/features/lesson/LessonPage.tsx',
  quiz: 'src/client/features/quiz/QuizPage.tsx',
  learning: 'src/client/features/learning/MyLearningPage.tsx',
  settings: 'src/client/features/settings/SettingsPage.tsx',
};

function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  if (chunk.file.endsWith('.js')) into.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
  return into;
}

export type RouteSize = { route: string; files: number; gzipBytes: number };

export function measureRoutes(distDir = 'dist'): { initial: RouteSize; lazy: RouteSize[] } {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run "npm run build" first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const gzip = (files: Iterable<string>) =>
    [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length, 0);
  const entry = closure(manifest, 'index.html');
  const home = closure(manifest, ROUTE_CHUNKS.home!, new Set(entry));
  const lazy = Object.entries(ROUTE_CHUNKS)
    .filter(([route]) => route !== 'home')
    .map(([route, src]) => {
      const files = [...closure(manifest, src)].filter((file) => !entry.has(file));
      return { route, files: files.length, gzipBytes: gzip(files) };
    });
  return { initial: { route: 'home (initial load)', files: home.size, gzipBytes: gzip(home) }, lazy };
}
