/*
 * The operator's commands behind `npm run admin -- <command>` (see cli.ts). They use the same
 * configuration (environment) and database as the server. Exit codes: 0 done, 1 refused
 * (e.g. login taken, no such user), 2 usage or configuration error.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { openStore, type Store } from './store/database';
import { ConflictError, NotFoundError } from './store/errors';
import { findUserByLogin, insertUser, listUsers, loginProblem, nameProblem, setPassword } from './store/users';
import { createCohort, createInvite } from './store/cohorts';
import { createXapiClient } from './store/xapi-clients';
import { passwordProblem } from './auth/password';
import { ROLES, type Role } from './store/schema';

export type Io = { out: (line: string) => void; err: (line: string) => void };

class UsageError extends Error {}

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --login LOGIN --name NAME --role learner|mentor|coordinator --password PASSWORD
  reset-password --login LOGIN --password PASSWORD
  create-xapi-client --key KEY --secret SECRET [--cohort COHORT_ID]
  create-cohort --name NAME
  create-invite --cohort COHORT_ID --role learner|mentor [--uses N] [--days N]
  list-users

The database is the one the server uses: DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL).`;

type Options = Record<string, string | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (value === undefined || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}

function check(problem: string | undefined, option: string): void {
  if (problem) throw new UsageError(`--${option}: ${problem}`);
}

function wholeNumber(options: Options, name: string, fallback: number): number {
  const raw = options[name];
  if (raw === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0) throw new UsageError(`--${name} must be a number greater than 0.`);
  return Number(raw);
}

async function run(store: Store, command: string, options: Options, io: Io): Promise<void> {
  const db = store.db;
  switch (command) {
    case 'create-user': {
      const login = required(options, 'login');
      const name = required(options, 'name');
      const role = required(options, 'role');
      const password = required(options, 'password');
      check(loginProblem(login), 'login');
      check(nameProblem(name), 'name');
      check(passwordProblem(password), 'password');
      if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
      const user = await insertUser(db, { login, name, role: role as Role, password });
      io.out(`Created ${user.role} "${user.login}" (id ${user.id}).`);
      return;
    }
    case 'reset-password': {
      const login = required(options, 'login');
      const password = required(options, 'password');
      check(passwordProblem(password), 'password');
      const user = await findUserByLogin(db, login);
      if (!user) throw new NotFoundError(`There is no user with the login "${login}".`);
      await setPassword(db, user.id, password);
      io.out(`Password of "${user.login}" reset; their sessions were ended.`);
      return;
    }
    case 'create-xapi-client': {
      const key = required(options, 'key');
      const secret = required(options, 'secret');
      if (!/^[A-Za-z0-9._~-]{3,100}$/.test(key))
        throw new UsageError('--key must be 3 to 100 characters: letters, digits and . _ ~ - (no colon).');
      if (secret.length < 12) throw new UsageError('--secret must be at least 12 characters.');
      await createXapiClient(db, { key, secret, cohortId: options.cohort ?? null });
      io.out(`Created xAPI client "${key}"${options.cohort ? ` limited to cohort ${options.cohort}` : ' (reads all statements)'}.`);
      return;
    }
    case 'create-cohort': {
      const name = required(options, 'name');
      check(nameProblem(name), 'name');
      const cohort = await createCohort(db, name);
      io.out(`Created cohort "${cohort.name}" with id ${cohort.id}`);
      return;
    }
    case 'create-invite': {
      const cohortId = required(options, 'cohort');
      const role = required(options, 'role');
      if (role !== 'learner' && role !== 'mentor') throw new UsageError('--role must be learner or mentor.');
      const uses = wholeNumber(options, 'uses', 30);
      if (!Number.isInteger(uses)) throw new UsageError('--uses must be a whole number.');
      const days = wholeNumber(options, 'days', 30);
      const invite = await createInvite(db, {
        cohortId,
        role,
        maxUses: uses,
        expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
      });
      io.out(`Invite code for ${role}s: ${invite.code} (up to ${uses} sign-ups, until ${invite.expiresAt})`);
      return;
    }
    case 'list-users':
      for (const user of await listUsers(db)) io.out(`${user.login}\t${user.role}\t${user.name}\t${user.id}`);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

export async function runAdmin(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  let options: Options;
  try {
    const parsed = parseArgs({
      args: rest,
      strict: true,
      options: Object.fromEntries(
        ['login', 'name', 'role', 'password', 'key', 'secret', 'cohort', 'uses', 'days'].map((name) => [name, { type: 'string' as const }]),
      ),
    });
    options = parsed.values as Options;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  let store: Store;
  try {
    const config = loadConfig(env);
    store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
  } catch (error) {
    io.err(error instanceof ConfigError ? `Configuration error: ${error.message}` : error instanceof Error ? error.message : String(error));
    return 2;
  }
  try {
    await run(store, command, options, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConflictError || error instanceof NotFoundError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}
