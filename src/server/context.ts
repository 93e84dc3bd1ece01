/*
 * What every route needs: the store, the configuration, the sign-in limiter and the cache of
 * recently verified HTTP Basic credentials (so an xAPI client sending a batch every second
 * does not pay for scrypt every time; entries live 60 s and are dropped on password resets), and
 * the course catalogue the mentor views and derived summaries are computed with.
 */
import type { ServerConfig } from './config';
import type { Store } from './store/database';
import { AttemptLimiter } from './auth/rate-limit';
import type { Principal } from './auth/principal';
import { loadCourse, type Course } from './course';

export type AppContext = {
  store: Store;
  config: ServerConfig;
  limiter: AttemptLimiter;
  verifiedBasic: Map<string, { principal: Principal; until: number }>;
  /** The course catalogue (mentor views, derived summaries). */
  course: Course;
};

export function createContext(store: Store, config: ServerConfig, course: Course = loadCourse()): AppContext {
  return {
    store,
    config,
    course,
    limiter: new AttemptLimiter(config.loginMaxAttempts, config.loginWindowMinutes * 60_000),
    verifiedBasic: new Map(),
  };
}
