/*
 * A whole server from a configuration: opens (and migrates) the database, builds the app, and
 * closes the database when the app closes, after requests in flight have finished. Used by
 * `npm start`, the benchmarks and end-to-end tests. When an import changes the course (in this
 * process or another on the same database), the learners' summaries made with the old one are
 * rebuilt in the background, one learner at a time; stopping ends that after the learner in hand.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import { buildApp } from './app';
import { createContext, type AppContext } from './context';
import { openStore } from './store/database';
import { deleteExpiredSessions } from './store/users';
import { rebuildStale } from './store/summaries';
import type { Course } from './course';
import type { CourseCheckOptions } from './modules/course-check';

export type Server = { app: FastifyInstance; context: AppContext };

export async function openServer(
  config: ServerConfig,
  options: { logger?: boolean; serveApp?: boolean; course?: Course; courseCheck?: CourseCheckOptions } = {},
): Promise<Server> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const stopping = new AbortController();
  let rebuilding = Promise.resolve();
  const rebuild = (course: Course) =>
    rebuildStale({ db: store.db, dialect: store.dialect, deps: { xapiBase: config.xapiBase, course }, signal: stopping.signal });
  try {
    await deleteExpiredSessions(store.db);
    const context = await createContext({
      store,
      config,
      ...(options.course ? { course: options.course } : {}),
      ...(options.courseCheck ? { courseCheck: options.courseCheck } : {}),
      onCourseChange: () => {
        // One rebuild at a time, each with the course as it is when it starts.
        rebuilding = rebuilding
          .then(async () => {
            if (!stopping.signal.aborted) await rebuild(context.course);
          })
          .catch((error: unknown) => console.error('Rebuilding the summaries after a course change failed:', error));
      },
    });
    await rebuild(context.course);
    const app = await buildApp({
      context,
      logger: options.logger ?? false,
      ...(options.serveApp === false ? {} : { distDir: config.distDir }),
    });
    app.addHook('onClose', async () => {
      stopping.abort();
      await rebuilding;
      await store.close();
    });
    return { app, context };
  } catch (error) {
    await store.close();
    throw error;
  }
}
