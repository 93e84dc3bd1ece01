/* `npm run admin -- <command>`: the operator's commands, on SQLite and PostgreSQL. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin-commands';
import { openStore, type Store } from '../../src/server/store/database';
import { findUserByLogin } from '../../src/server/store/users';
import { verifyPassword } from '../../src/server/auth/password';
import { findXapiClient } from '../../src/server/store/xapi-clients';
import { listInvites } from '../../src/server/store/cohorts';
import { beforeAllOrFail, createTestDatabase, DATABASES, type TestDatabase } from './helpers/databases';

describe.each(DATABASES)('admin CLI on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeAllOrFail(async () => {
    database = await createTestDatabase(kind);
    store = await openStore({ dataDir: database.env.DATA_DIR ?? '', databaseUrl: database.env.DATABASE_URL });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  const admin = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(argv, { ...database.env }, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('creates a user with a role, and refuses a taken login or a bad role', async () => {
    const created = await admin(
      'create-user',
      '--login',
      'Dace',
      '--name',
      'Dace Ozola',
      '--role',
      'coordinator',
      '--password',
      'first password',
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(/Created coordinator "dace"/);
    const user = await findUserByLogin(store.db, 'dace');
    expect(user?.role).toBe('coordinator');
    expect(await verifyPassword('first password', user!.passwordHash)).toBe(true);

    const taken = await admin('create-user', '--login', 'dace', '--name', 'Other', '--role', 'learner', '--password', 'other password');
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/taken/);
    const badRole = await admin('create-user', '--login', 'x1x', '--name', 'X', '--role', 'admin', '--password', 'whatever pw');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/--role must be one of learner, mentor, coordinator/);
    const missing = await admin('create-user', '--login', 'x2x');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--name is required/);
    const unknownOption = await admin('create-user', '--colour', 'red');
    expect(unknownOption.code).toBe(2);
  });

  it('resets a password', async () => {
    expect((await admin('reset-password', '--login', 'dace', '--password', 'second password')).code).toBe(0);
    const user = await findUserByLogin(store.db, 'dace');
    expect(await verifyPassword('second password', user!.passwordHash)).toBe(true);
    const unknown = await admin('reset-password', '--login', 'nobody', '--password', 'second password');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no user with the login "nobody"/);
    expect((await admin('reset-password', '--login', 'dace', '--password', 'short')).code).toBe(2);
  });

  it('creates cohorts, invites and xAPI clients (optionally limited to a cohort)', async () => {
    const cohort = await admin('create-cohort', '--name', 'Riga');
    expect(cohort.code).toBe(0);
    const cohortId = /id ([0-9a-f-]{36})/.exec(cohort.out)![1]!;
    const invite = await admin('create-invite', '--cohort', cohortId, '--role', 'learner', '--uses', '5');
    expect(invite.code).toBe(0);
    const invites = await listInvites(store.db, cohortId);
    expect(invites).toHaveLength(1);
    expect(invite.out).toContain(invites[0]!.code);
    expect(invites[0]!.maxUses).toBe(5);
    expect((await admin('create-invite', '--cohort', 'nope', '--role', 'learner')).code).toBe(1);

    expect((await admin('create-xapi-client', '--key', 'analytics', '--secret', 'a long secret value')).code).toBe(0);
    expect((await admin('create-xapi-client', '--key', 'branch', '--secret', 'a long secret value', '--cohort', cohortId)).code).toBe(0);
    expect((await findXapiClient(store.db, 'branch'))?.cohortId).toBe(cohortId);
    // The right to review is given only explicitly.
    expect((await findXapiClient(store.db, 'branch'))?.mayReview).toBe(false);
    const reviewer = await admin('create-xapi-client', '--key', 'assessor', '--secret', 'a long secret value', '--may-review');
    expect(reviewer).toMatchObject({ code: 0 });
    expect(reviewer.out).toMatch(/may review/);
    expect((await findXapiClient(store.db, 'assessor'))?.mayReview).toBe(true);
    expect((await admin('create-xapi-client', '--key', 'analytics', '--secret', 'another long secret')).code).toBe(1);
    expect((await admin('create-xapi-client', '--key', 'weak', '--secret', 'short')).code).toBe(2);
    expect((await admin('create-xapi-client', '--key', 'xyz', '--secret', 'a long secret value', '--cohort', 'nope')).code).toBe(1);
  });

  it('stops with exit code 2 on bad configuration or an unknown command', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(['list-users'], { DATABASE_URL: 'mysql://x' }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/DATABASE_URL must start with postgres:\/\//);
    expect((await admin('make-coffee')).code).toBe(2);
  });

  it('runs as `tsx src/server/cli.ts` with the same environment', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'list-users'], {
      env: { ...process.env, DATA_DIR: '', DATABASE_URL: '', ...database.env },
    });
    expect(stdout).toMatch(/^dace\tcoordinator\tDace Ozola\t/m);
  });
});
