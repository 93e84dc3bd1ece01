/*
 * A whole server from a configuration: opens (and migrates) the database, builds the app, and
 * closes the database when the app closes, after requests in flight have finished. Used by
 * `npm start`, the benchmarks and end-to-end tests.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import { buildApp } from './app';
import { createContext, type AppContext } from './context';
import { openStore } from './store/database';
import { deleteExpiredSessions } from './store/users';
import { rebuildStaleSummaries } from './store/summaries';
import { loadStoredCourse, type Course } from './course';

export type Server = { app: FastifyInstance; context: AppContext };

export async function openServer(
  config: ServerConfig,
  options: { logger?: boolean; serveApp?: boolean; course?: Course } = {},
): Promise<Server> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await deleteExpiredSessions(store.db);
    const context = createContext(store, config, options.course ?? (await loadStoredCourse(store)));
    await rebuildStaleSummaries(store.db, store.dialect, { xapiBase: config.xapiBase, course: context.course });
    const app = await buildApp({
      context,
      logger: options.logger ?? false,
      ...(options.serveApp === false ? {} : { distDir: config.distDir }),
    });
    app.addHook('onClose', async () => {
      await store.close();
    });
    return { app, context };
  } catch (error) {
    await store.close();
    throw error;
  }
}
