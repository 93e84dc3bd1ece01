/*
 * How often a client may make the server check a password (README, "Security"):
 * - per client address, every check and every new password hashed (sign-in, HTTP Basic
 *   credentials this process has not verified yet, setup, sign-up) counts: at most
 *   LOGIN_MAX_PER_ADDRESS in LOGIN_WINDOW_MINUTES, across all logins. The routes count it with
 *   @fastify/rate-limit, HTTP Basic through `takeAddress`; both on the same shared counter.
 * - per client address and login, failed checks count: at most LOGIN_MAX_ATTEMPTS in the
 *   window; a successful sign-in clears them. The login is normalised as the account lookup
 *   normalises it (trimmed, lower case), so " anna" and "ANNA" are the same count.
 * - the scrypt work itself waits in the password queue (auth/password-queue.ts).
 * The counters are in the database (store/rate-counts.ts), so several server processes on one
 * PostgreSQL enforce one limit.
 */
import type { FastifyRequest } from 'fastify';
import type { errorResponseBuilderContext, FastifyRateLimitOptions } from '@fastify/rate-limit';
import { HttpError } from '../routes/accounts';
import { normaliseLogin } from '../store/users';
import { rateLimitStore, type RateCounts } from '../store/rate-counts';
import { BusyError, type PasswordQueue } from './password-queue';

export type SignInLimitOptions = { maxPerAddress: number; maxFailures: number; windowMs: number };

export const TOO_MANY_SIGN_INS = 'too-many-sign-ins';

/** The key of the per-address count, shared by the route limits and HTTP Basic. */
export const addressKey = (request: FastifyRequest): string => `password-checks|${request.ip}`;

const loginKey = (address: string, login: string): string => `failed-sign-ins|${address}|${normaliseLogin(login)}`;

function tooMany(retryAfterMs: number, message: string): HttpError {
  return new HttpError(429, { code: TOO_MANY_SIGN_INS, message, retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}

export class SignInLimits {
  constructor(
    private readonly counts: RateCounts,
    private readonly queue: PasswordQueue,
    readonly options: SignInLimitOptions,
  ) {}

  /**
   * @fastify/rate-limit's options for the routes that check or hash a password (`config: {
   * rateLimit: {} }` on the route): each request counts against the client address.
   */
  routeLimits(): FastifyRateLimitOptions {
    return {
      global: false,
      max: this.options.maxPerAddress,
      timeWindow: this.options.windowMs,
      keyGenerator: addressKey,
      store: rateLimitStore(this.counts),
      errorResponseBuilder: (_request: FastifyRequest, context: errorResponseBuilderContext) =>
        new HttpError(429, {
          code: TOO_MANY_SIGN_INS,
          message: 'Too many sign-in attempts from this address. Try again later.',
          retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)),
        }),
    };
  }

  /** Counts one password check against the client address; throws 429 when the address is over its limit. */
  async takeAddress(request: FastifyRequest): Promise<void> {
    const window = await this.counts.hit(addressKey(request), this.options.windowMs);
    if (window.count > this.options.maxPerAddress) {
      throw tooMany(window.resetAt - Date.now(), 'Too many sign-in attempts from this address. Try again later.');
    }
  }

  /**
   * Runs one password check (`verify`) for `login` from this client, within the limits: 429
   * when this address and login have failed too often, 503 when too many checks are waiting.
   */
  async check(request: FastifyRequest, check: { login: string; verify: () => Promise<boolean> }): Promise<boolean> {
    const key = loginKey(request.ip, check.login);
    const failures = await this.counts.peek(key);
    if (failures && failures.count >= this.options.maxFailures) {
      throw tooMany(failures.resetAt - Date.now(), 'Too many failed sign-in attempts. Try again later.');
    }
    let ok: boolean;
    try {
      ok = await this.queue.run(request.ip, check.verify);
    } catch (error) {
      if (error instanceof BusyError) {
        throw new HttpError(503, { code: 'busy', message: 'The server is busy checking passwords. Try again in a moment.', retryAfter: 1 });
      }
      throw error;
    }
    if (ok) await this.counts.clear(key);
    else await this.counts.hit(key, this.options.windowMs);
    return ok;
  }

  /** For failures that are not password checks (invalid invite codes): 429 when `what` failed too often from this address. */
  async refuseAfterFailures(request: FastifyRequest, what: string): Promise<void> {
    const failures = await this.counts.peek(`failed-${what}|${request.ip}`);
    if (failures && failures.count >= this.options.maxFailures) {
      throw tooMany(failures.resetAt - Date.now(), 'Too many failed attempts. Try again later.');
    }
  }

  async recordFailure(request: FastifyRequest, what: string): Promise<void> {
    await this.counts.hit(`failed-${what}|${request.ip}`, this.options.windowMs);
  }
}
