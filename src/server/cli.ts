/*
 * `npm run admin -- <command>`: operator commands (create users, reset passwords, xAPI client
 * credentials, cohorts, invites). See admin-commands.ts and the README.
 */
import { runAdmin } from './admin-commands';

runAdmin(process.argv.slice(2), process.env, { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
