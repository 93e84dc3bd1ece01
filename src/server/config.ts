/*
 * Server configuration, from environment variables only. A bad value stops the server at
 * start with a message naming the variable and saying why (see README, "Configuration").
 */
import { resolve } from 'node:path';

export type ServerConfig = {
  port: number;
  host: string;
  /** The built PWA (`npm run build` output). */
  distDir: string;
};

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): ServerConfig {
  return { port: port(env), host: host(env), distDir: resolve(root, env.DIST_DIR || 'dist') };
}
