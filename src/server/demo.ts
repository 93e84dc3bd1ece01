/* `npm run demo`: demo cohort with logins (see demo-seed.ts and the README). */
import { runDemo } from './demo-seed';

runDemo(process.env, (line) => console.log(line)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
