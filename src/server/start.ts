/*
 * `npm start`: build the PWA if needed, then serve it. Stops cleanly on SIGINT/SIGTERM:
 * requests in flight finish before the process exits.
 */
import { buildApp } from './app';
import { buildIfNeeded } from './build-if-needed';
import { ConfigError, loadConfig } from './config';

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
  const app = await buildApp({ distDir: config.distDir, logger: process.env.LOG_REQUESTS === '1' });
  const address = await app.listen({ port: config.port, host: config.host });
  console.log(`Biblio Study is running at ${address.replace('0.0.0.0', 'localhost')}`);

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
