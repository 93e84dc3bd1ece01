/*
 * The operator's commands behind `npm run admin -- <command>` (see cli.ts). They use the same
 * configuration (environment) and database as the server. Exit codes: 0 done, 1 refused
 * (e.g. login taken, no such user), 2 usage or configuration error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { openStore, type Store } from './store/database';
import { ConflictError, NotFoundError } from './store/errors';
import { findUserByLogin, insertUser, listUsers, loginProblem, nameProblem, setPassword } from './store/users';
import { createCohort, createInvite } from './store/cohorts';
import { createXapiClient } from './store/xapi-clients';
import { passwordProblem } from './auth/password';
import { ROLES, type Role } from './store/schema';
import {
  curriculaYaml,
  exportModule,
  importModule,
  listCurricula,
  listModules,
  replaceCurricula,
  retireModule,
  seedModules,
} from './modules/service';
import type { ContentProblem } from '../content/problems';

export type Io = { out: (line: string) => void; err: (line: string) => void };

class UsageError extends Error {}
/** A module package refused or held back: its problems are printed already. */
class RefusedError extends Error {}

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --login LOGIN --name NAME --role learner|mentor|coordinator --password PASSWORD
  reset-password --login LOGIN --password PASSWORD
  create-xapi-client --key KEY --secret SECRET [--cohort COHORT_ID] [--may-review]
      --cohort: reads and writes only that cohort's learners and mentors
      --may-review: may record reviews (reviewed) of learners' work (of its cohort's, with --cohort)
  create-cohort --name NAME
  create-invite --cohort COHORT_ID --role learner|mentor [--uses N] [--days N]
  list-users
  list-modules
  export-module --id MODULE_ID --out FILE.zip
  import-module --file FILE.zip [--force]
      --force: import even when lessons that learners have progress on disappear
  retire-module --id MODULE_ID     hide from the catalogue and pathways; progress is kept
  restore-module --id MODULE_ID
  export-curricula --out FILE.yaml    the pathways, as modules/curricula.yaml holds them
  import-curricula --file FILE.yaml   replace the pathways (checked as modules:check does)

The database is the one the server uses: DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL).
Module commands first fill an empty database with the repository's modules/, as the server's first start does.`;

const MODULE_COMMANDS = new Set([
  'list-modules',
  'export-module',
  'import-module',
  'retire-module',
  'restore-module',
  'export-curricula',
  'import-curricula',
]);

/** Option values; a flag given (e.g. --may-review) reads as 'yes'. */
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
      const mayReview = options['may-review'] === 'yes';
      await createXapiClient(db, { key, secret, cohortId: options.cohort ?? null, mayReview });
      const scope = options.cohort ? ` limited to cohort ${options.cohort}` : " (reads all statements but learners' private ones)";
      io.out(`Created xAPI client "${key}"${scope}${mayReview ? ", may review learners' work" : ''}.`);
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
      return runModuleCommand({ store, command, options, io });
  }
}

async function runModuleCommand({
  store,
  command,
  options,
  io,
}: {
  store: Store;
  command: string;
  options: Options;
  io: Io;
}): Promise<void> {
  if (!MODULE_COMMANDS.has(command)) throw new UsageError(`Unknown command "${command}".`);
  await seedModules(store);
  switch (command) {
    case 'list-modules':
      io.out('id\tversion\tlanguages\tbytes\timported at\timported by\tstate');
      for (const m of await listModules(store))
        io.out(
          [
            m.id,
            m.version,
            m.languages.join(','),
            m.sizeBytes,
            m.importedAt,
            m.importedBy ?? '(seed)',
            m.retired ? 'retired' : 'active',
          ].join('\t'),
        );
      return;
    case 'export-module': {
      const id = required(options, 'id');
      const out = required(options, 'out');
      const exported = await exportModule(store, id);
      if (!exported) throw new NotFoundError(`There is no module "${id}".`);
      writeFileSync(out, exported.zip);
      io.out(`Wrote ${id} version ${exported.version} to ${out} (${exported.zip.byteLength} bytes).`);
      return;
    }
    case 'import-module': {
      const file = required(options, 'file');
      let zip: Uint8Array;
      try {
        zip = readFileSync(file);
      } catch {
        throw new UsageError(`--file: cannot read "${file}".`);
      }
      const result = await importModule(store, { zip, force: options.force === 'yes', by: 'admin CLI', label: file });
      if (result.outcome === 'refused') refuse({ problems: result.problems, io, what: 'imported' });
      if (result.outcome === 'lessons-removed') {
        for (const r of result.removedLessons)
          io.err(`${r.learners} learner(s) have progress on lesson "${r.lessonId}", which this version removes.`);
        throw new RefusedError(
          'Not imported: run again with --force to import it anyway (their progress stays counted against the version it was made on).',
        );
      }
      const m = result.module;
      io.out(`${result.created ? 'Imported' : 'Updated'} ${m.id} version ${m.version} (${m.languages.join(', ')}).`);
      return;
    }
    case 'export-curricula': {
      const out = required(options, 'out');
      writeFileSync(out, curriculaYaml(await listCurricula(store)));
      io.out(`Wrote the pathways to ${out}.`);
      return;
    }
    case 'import-curricula': {
      const file = required(options, 'file');
      let yaml: Uint8Array;
      try {
        yaml = readFileSync(file);
      } catch {
        throw new UsageError(`--file: cannot read "${file}".`);
      }
      const result = await replaceCurricula(store, { yaml, by: 'admin CLI' });
      if (result.outcome === 'refused') refuse({ problems: result.problems, io, what: 'saved' });
      io.out(`Saved ${result.curricula.length} pathway(s): ${result.curricula.map((c) => c.id).join(', ')}.`);
      return;
    }
    case 'retire-module':
    case 'restore-module': {
      const id = required(options, 'id');
      const retired = command === 'retire-module';
      if (!(await retireModule(store, { id, retired }))) throw new NotFoundError(`There is no module "${id}".`);
      io.out(retired ? `Retired ${id}: hidden from the catalogue and pathways; progress is kept.` : `Restored ${id}.`);
      return;
    }
  }
}

function refuse({ problems, io, what }: { problems: ContentProblem[]; io: Io; what: string }): never {
  for (const p of problems) io.err(`${p.severity}: ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`);
  throw new RefusedError(`Not ${what}: ${problems.length} problem(s); nothing was changed.`);
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
      options: {
        ...Object.fromEntries(
          ['login', 'name', 'role', 'password', 'key', 'secret', 'cohort', 'uses', 'days', 'id', 'out', 'file'].map((name) => [
            name,
            { type: 'string' as const },
          ]),
        ),
        'may-review': { type: 'boolean' as const },
        force: { type: 'boolean' as const },
      },
    });
    const { 'may-review': mayReview, force, ...values } = parsed.values;
    options = { ...(values as Options), 'may-review': mayReview === true ? 'yes' : undefined, force: force === true ? 'yes' : undefined };
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
    if (error instanceof ConflictError || error instanceof NotFoundError || error instanceof RefusedError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}
