/*
 * What every route needs: the store, the configuration, the sign-in limits (shared counters
 * and the password queue, auth/sign-in-limits.ts), the HTTP Basic credentials this process has
 * verified, and the course catalogue the mentor views and derived summaries are computed with
 * (read again after an import, course.ts).
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
import { CourseSnapshot, loadCourse, type Course } from './course';
import { CourseCheck, type CourseCheckOptions } from './modules/course-check';

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
  /** The course catalogue as last read (tests, start-up); a request asks `currentCourse`. */
  readonly course: Course;
  /**
   * The course catalogue now (mentor views, derived summaries): an import by this process shows
   * at the next request, one by another process within a second (modules/course-check.ts).
   */
  currentCourse: () => Promise<Course>;
  /** The process's one look at whether the course changed, shared by the course and the content under /content/. */
  courseCheck: CourseCheck;
};

/**
 * The context of one server process. With `course` (tests, the demo, benchmarks) the course is
 * that one for good; without, it is the database's, followed across imports, and `onCourseChange`
 * hears of every change that makes the stored summaries stale.
 */
export async function createContext({
  store,
  config,
  course,
  onCourseChange,
  courseCheck: checkOptions = {},
}: {
  store: Store;
  config: ServerConfig;
  course?: Course;
  onCourseChange?: (course: Course) => void;
  courseCheck?: CourseCheckOptions;
}): Promise<AppContext> {
  const counts = new RateCounts(store.db);
  const queue = new PasswordQueue({ atOnce: config.passwordChecksAtOnce, waiting: CHECKS_WAITING, perClient: CHECKS_WAITING_PER_ADDRESS });
  const courseCheck = new CourseCheck({ store, ...checkOptions });
  const snapshot = course
    ? undefined
    : await CourseSnapshot.open({ store, check: courseCheck, fallback: () => loadCourse(), onChange: onCourseChange });
  return {
    store,
    config,
    get course() {
      return snapshot?.known ?? (course as Course);
    },
    currentCourse: async () => (snapshot ? snapshot.current() : (course as Course)),
    courseCheck,
    counts,
    signInLimits: new SignInLimits(counts, queue, {
      maxFailures: config.loginMaxAttempts,
      maxPerAddress: config.loginMaxPerAddress,
      windowMs: config.loginWindowMinutes * 60_000,
    }),
    verifiedBasic: { key: randomBytes(32), verified: new Set() },
  };
}
