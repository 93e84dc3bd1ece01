/*
 * What every route needs: the store, the configuration, the sign-in limits (shared counters
 * and the password queue, auth/sign-in-limits.ts), the HTTP Basic credentials this process has
 * verified, and the course catalogue the mentor views and derived summaries are computed with.
 * A verified credential is remembered by an HMAC of the login, the secret and the stored hash
 * it matched (under a key that lives only in this process), so an xAPI client sending a batch
 * every second pays for scrypt once; the account is still read at every request, so a password
 * reset (also from the CLI, in another process) or a removed account ends Basic access at once.
 */
import { randomBytes } from 'node:crypto';
import type { ServerConfig } from './config';
import type { Store } from './store/database';
import { RateCounts } from './store/rate-counts';
import { PasswordQueue } from './auth/password-queue';
import { SignInLimits } from './auth/sign-in-limits';
import { loadCourse, type Course } from './course';

/** Password checks waiting for their turn, from one client address and from all together. */
const CHECKS_WAITING_PER_ADDRESS = 16;
const CHECKS_WAITING = 64;

export type VerifiedCredentials = { key: Buffer; verified: Set<string> };

export type AppContext = {
  store: Store;
  config: ServerConfig;
  counts: RateCounts;
  signInLimits: SignInLimits;
  verifiedBasic: VerifiedCredentials;
  /** The course catalogue (mentor views, derived summaries). */
  course: Course;
};

export function createContext(store: Store, config: ServerConfig, course: Course = loadCourse()): AppContext {
  const counts = new RateCounts(store.db);
  const queue = new PasswordQueue({ atOnce: config.passwordChecksAtOnce, waiting: CHECKS_WAITING, perClient: CHECKS_WAITING_PER_ADDRESS });
  return {
    store,
    config,
    course,
    counts,
    signInLimits: new SignInLimits(counts, queue, {
      maxFailures: config.loginMaxAttempts,
      maxPerAddress: config.loginMaxPerAddress,
      windowMs: config.loginWindowMinutes * 60_000,
    }),
    verifiedBasic: { key: randomBytes(32), verified: new Set() },
  };
}
