/*
 * A server in a process of its own, for the tests that kill it (SIGKILL) and start it again
 * on the same port and data folder: the same configuration and startup as `npm start`
 * (src/server/start.ts), without its build step, since the e2e global setup has built dist/
 * already and a rebuild would empty the folder the shared e2e server is serving from.
 */
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';

const config = loadConfig();
const { app } = await openServer(config);
const address = await app.listen({ port: config.port, host: config.host });
console.log(`listening at ${address}`);
