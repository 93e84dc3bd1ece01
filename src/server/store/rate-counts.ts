/*
 * Rate-limit counters in the database, so that every server process sharing one PostgreSQL
 * (several processes behind a load balancer) counts against one limit; on SQLite there is one
 * process anyway, and the same code runs. Each key counts in a fixed window: the first hit
 * opens it, hits inside it add one, the first hit after it opens a new one. A hit is one
 * atomic upsert, so concurrent hits from several processes never lose a count. Keys are stored
 * as their sha256, so a key built from anything a client sends (a login, an address) fits the
 * index. Expired rows are deleted now and then.
 *
 * `rateLimitStore` adapts the counters to @fastify/rate-limit's store interface, so the
 * plugin's route limits and the direct counts (HTTP Basic, see auth/sign-in-limits.ts) share
 * the same rows.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { sha256 } from '../auth/password';

export type Window = { count: number; resetAt: number };

/** How many hits pass between two deletions of expired rows. */
const PRUNE_EVERY = 500;

export class RateCounts {
  private hitsSincePrune = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit on `key` and answers the window it fell in. */
  async hit(key: string, windowMs: number): Promise<Window> {
    const now = this.now();
    await this.pruneNowAndThen(now);
    const row = await this.db
      .insertInto('rate_counts')
      .values({ key: sha256(key), count: 1, reset_at: now + windowMs })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((eb) => {
          const expired = eb('rate_counts.reset_at', '<=', now);
          return {
            count: eb
              .case()
              .when(expired)
              .then(1)
              .else(eb('rate_counts.count', '+', 1))
              .end(),
            reset_at: eb
              .case()
              .when(expired)
              .then(now + windowMs)
              .else(eb.ref('rate_counts.reset_at'))
              .end(),
          };
        }),
      )
      .returning(['count', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), resetAt: Number(row.reset_at) };
  }

  /** The current window of `key` without counting, or undefined when it has none open. */
  async peek(key: string): Promise<Window | undefined> {
    const row = await this.db
      .selectFrom('rate_counts')
      .select(['count', 'reset_at'])
      .where('key', '=', sha256(key))
      .where('reset_at', '>', this.now())
      .executeTakeFirst();
    return row ? { count: Number(row.count), resetAt: Number(row.reset_at) } : undefined;
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('rate_counts').where('key', '=', sha256(key)).execute();
  }

  private async pruneNowAndThen(now: number): Promise<void> {
    this.hitsSincePrune += 1;
    if (this.hitsSincePrune < PRUNE_EVERY) return;
    this.hitsSincePrune = 0;
    await this.db.deleteFrom('rate_counts').where('reset_at', '<=', now).execute();
  }
}

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** A store class for @fastify/rate-limit (its `store` option) backed by these counters. */
export function rateLimitStore(counts: RateCounts, now: () => number = Date.now) {
  return class DatabaseRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      counts.hit(key, timeWindow).then(
        (window) => callback(null, { current: window.count, ttl: Math.max(0, window.resetAt - now()) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore();
    }
  };
}
