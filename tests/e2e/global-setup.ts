/*
 * Global setup of the e2e project: builds the PWA when dist/ is missing or stale (so
 * `vitest run --project e2e` works on its own), then serves it with the real Fastify
 * server on a free port. Tests read the address with `inject('baseURL')`.
 */
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../src/server/app';
import { buildIfNeeded } from '../../src/server/build-if-needed';
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
  const app = await buildApp({ distDir });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  project.provide('baseURL', address);
  return async () => {
    await app.close();
  };
}
