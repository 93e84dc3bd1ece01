/*
 * `npm start` builds the PWA first when `dist/` is missing or older than its sources, so
 * `npm install && npm start` is all a fresh machine needs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src/client', 'src/shared', 'src/content', 'modules', 'locales', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function needsBuild(root: string, distDir: string): boolean {
  const built = join(distDir, 'index.html');
  if (!existsSync(built) || !existsSync(join(distDir, 'sw.js'))) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > builtAt);
}

export async function buildIfNeeded(root: string, distDir: string): Promise<boolean> {
  if (!needsBuild(root, distDir)) return false;
  console.log('Building the app (first start, or sources changed)…');
  // A production build whatever the caller's environment (React picks its dev runtime otherwise).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ root, mode: 'production', logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  return true;
}
