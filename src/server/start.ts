/*
 * `npm start`: build the PWA if needed, open the database (SQLite under DATA_DIR, or
 * PostgreSQL with DATABASE_URL; migrations run first; an empty one gets the modules of
 * modules/), then serve. Stops cleanly on
 * SIGINT/SIGTERM: requests in flight finish, then the database is closed.
 */
import { buildIfNeeded } from './build-if-needed';
import { ConfigError, loadConfig } from './config';
import { openServer } from './server';
import { countCoordinators } from './store/users';
import { seedModules } from './modules/service';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  await buildIfNeeded(process.cwd(), config.distDir);
  const { app, context } = await openServer(config, { logger: process.env.LOG_REQUESTS === '1' });
  // An empty database gets the repository's course, through the checks an import passes.
  const seeded = await seedModules(context.store);
  if (seeded) console.log(`Stored the ${seeded} modules of modules/ in the empty database.`);
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('0.0.0.0', 'localhost');
  console.log(`Biblio Study is running at ${shown} (data: ${context.store.location})`);
  if ((await countCoordinators(context.store.db)) === 0) {
    console.log(
      `No coordinator yet: open ${shown}/setup to create the first one, or run "npm run admin -- create-user --role coordinator ...".`,
    );
  }

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: finishing requests in flight, then stopping.`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
