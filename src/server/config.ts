/*
 * Server configuration, from environment variables only. A bad value stops the server at
 * start with a message naming the variable and saying why (see README, "Configuration").
 */
import { resolve } from 'node:path';
import { DEFAULT_XAPI_BASE } from '../shared/xapi/activities';

export type CookieSecure = 'auto' | 'always' | 'never';

export type ServerConfig = {
  port: number;
  host: string;
  /** The built PWA (`npm run build` output). */
  distDir: string;
  /** Where the embedded SQLite database lives (ignored when `databaseUrl` is set). */
  dataDir: string;
  /** `postgres://...` to use PostgreSQL instead of the embedded SQLite. */
  databaseUrl: string | undefined;
  /** Base IRI of activity ids and of learners' xAPI accounts (no trailing slash). */
  xapiBase: string;
  sessionDays: number;
  cookieSecure: CookieSecure;
  /** Passed to Fastify's `trustProxy`: false, true, or a comma-separated list of proxy addresses/CIDRs. */
  trustProxy: boolean | string;
  /** Failed sign-ins per client address and login in the window. */
  loginMaxAttempts: number;
  /** Password checks (sign-ins, unverified HTTP Basic, setup, sign-up) per client address in the window, across logins. */
  loginMaxPerAddress: number;
  loginWindowMinutes: number;
  /** Password checks (scrypt) running at once in this process; more wait in a queue. */
  passwordChecksAtOnce: number;
  /** A request (headers and body) must arrive whole within this time, or it is answered 408 and closed. */
  requestTimeoutSeconds: number;
};

/** Long enough for the 8 MB body limit at about 600 kbit/s. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;

export class ConfigError extends Error {}

function port(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 8080;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not "${raw}"`);
  }
  return value;
}

function host(env: NodeJS.ProcessEnv): string {
  const raw = env.HOST;
  if (raw === undefined || raw === '') return '0.0.0.0';
  if (/\s/.test(raw)) throw new ConfigError(`HOST must be a host name or IP address, not "${raw}"`);
  return raw;
}

function databaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql:// (SQLite is used when it is unset), not "${url.protocol}//"`,
    );
  }
  return raw;
}

function xapiBase(env: NodeJS.ProcessEnv): string {
  const raw = env.XAPI_BASE;
  if (raw === undefined || raw === '') return DEFAULT_XAPI_BASE;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`XAPI_BASE must be an absolute http(s) URL such as https://library.example/xapi, not "${raw}"`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ConfigError(`XAPI_BASE must be an http(s) URL without query or fragment, not "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, whole: boolean): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  const pattern = whole ? /^\d+$/ : /^\d+(\.\d+)?$/;
  if (!pattern.test(raw) || !(value > 0) || value > max) {
    throw new ConfigError(`${name} must be a ${whole ? 'whole ' : ''}number greater than 0 and at most ${max}, not "${raw}"`);
  }
  return value;
}

function cookieSecure(env: NodeJS.ProcessEnv): CookieSecure {
  const raw = (env.COOKIE_SECURE ?? '').toLowerCase();
  if (raw === '' || raw === 'auto') return 'auto';
  if (raw === 'true' || raw === '1') return 'always';
  if (raw === 'false' || raw === '0') return 'never';
  throw new ConfigError(`COOKIE_SECURE must be auto, true or false, not "${env.COOKIE_SECURE}"`);
}

function trustProxy(env: NodeJS.ProcessEnv): boolean | string {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(raw) && /[.:]/.test(raw)) return raw;
  throw new ConfigError(
    `TRUST_PROXY must be true, false, or a comma-separated list of proxy addresses (e.g. 127.0.0.1,10.0.0.0/8), not "${raw}"`,
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): ServerConfig {
  return {
    port: port(env),
    host: host(env),
    distDir: resolve(root, env.DIST_DIR || 'dist'),
    dataDir: resolve(root, env.DATA_DIR || 'data'),
    databaseUrl: databaseUrl(env),
    xapiBase: xapiBase(env),
    sessionDays: positiveNumber(env, 'SESSION_DAYS', 30, 3650, false),
    cookieSecure: cookieSecure(env),
    trustProxy: trustProxy(env),
    loginMaxAttempts: positiveNumber(env, 'LOGIN_MAX_ATTEMPTS', 10, 10_000, true),
    loginMaxPerAddress: positiveNumber(env, 'LOGIN_MAX_PER_ADDRESS', 100, 1_000_000, true),
    loginWindowMinutes: positiveNumber(env, 'LOGIN_WINDOW_MINUTES', 15, 24 * 60, false),
    passwordChecksAtOnce: positiveNumber(env, 'PASSWORD_CHECKS_AT_ONCE', 2, 64, true),
    requestTimeoutSeconds: positiveNumber(env, 'REQUEST_TIMEOUT_SECONDS', DEFAULT_REQUEST_TIMEOUT_SECONDS, 3600, false),
  };
}
