/*
 * Global setup of the e2e project: builds the PWA when dist/ is missing or stale (so
 * `vitest run --project e2e` works on its own), then runs the real server (embedded SQLite
 * in a fresh temporary folder) on a free port. Tests read the address with `inject('baseURL')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfNeeded } from '../../src/server/build-if-needed';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { distDir, repoRoot } from './repo';

declare module 'vitest' {
  // Declaration merging needs an interface: vitest's ProvidedContext is one.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  await buildIfNeeded(repoRoot, distDir);
  const dataDir = mkdtempSync(join(tmpdir(), 'biblio-e2e-'));
  const { DATABASE_URL: _ignored, ...env } = process.env;
  // Every browser of the run signs in from 127.0.0.1, far more often than one person's address would.
  const limits = { LOGIN_MAX_PER_ADDRESS: env.LOGIN_MAX_PER_ADDRESS ?? '100000' };
  const { app } = await openServer(loadConfig({ ...env, ...limits, DATA_DIR: dataDir, DIST_DIR: distDir }, repoRoot));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  project.provide('baseURL', address);
  return async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
