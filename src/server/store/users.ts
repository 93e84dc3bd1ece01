/*
 * Keeps accounts (users) and their sign-in sessions. Logins are stored lower-cased and are
 * unique: creating a second account with a taken login fails with ConflictError, it never
 * replaces the first. Sessions are stored by the sha256 of their token only, so a copy of the
 * database does not let anyone sign in; resetting a password ends all of that user's sessions.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, Role } from './schema';
import { ConflictError, isUniqueViolation } from './errors';
import { hashPassword, newToken, sha256 } from '../auth/password';

export type User = { id: string; login: string; name: string; role: Role; createdAt: string };

type UserRow = Database['users'];

const toUser = (row: Pick<UserRow, 'id' | 'login' | 'name' | 'role' | 'created_at'>): User => ({
  id: row.id,
  login: row.login,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
});

export const normaliseLogin = (login: string): string => login.trim().toLowerCase();

export const LOGIN_RULE = 'A login is 3 to 64 characters: letters, digits, and . _ @ -';

export function loginProblem(login: unknown): string | undefined {
  if (typeof login !== 'string' || !/^[a-z0-9._@-]{3,64}$/i.test(login.trim())) return LOGIN_RULE;
  return undefined;
}

export function nameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim().length < 1 || name.trim().length > 100) return 'A name is 1 to 100 characters.';
  return undefined;
}

export type NewUser = { login: string; name: string; role: Role; password: string };

/** Inserts a user; `db` may be a transaction. Throws ConflictError when the login is taken. */
export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<User> {
  const row = {
    id: randomUUID(),
    login: normaliseLogin(user.login),
    name: user.name.trim(),
    role: user.role,
    password_hash: await hashPassword(user.password),
    created_at: new Date().toISOString(),
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The login "${row.login}" is taken.`);
    throw error;
  }
  return toUser(row);
}

export async function countCoordinators(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('role', '=', 'coordinator')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findUserByLogin(db: Kysely<Database>, login: string): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db.selectFrom('users').selectAll().where('login', '=', normaliseLogin(login)).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(['id', 'login', 'name', 'role', 'created_at']).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').select(['id', 'login', 'name', 'role', 'created_at']).orderBy('login').execute();
  return rows.map(toUser);
}

/** Sets a new password and ends every session of that user. Returns false when there is no such user. */
export async function setPassword(db: Kysely<Database>, userId: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).executeTakeFirst();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return Number(result.numUpdatedRows) > 0;
  });
}

export async function createSession(db: Kysely<Database>, userId: string, days: number): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: sha256(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, expiresAt };
}

export async function findSessionUser(db: Kysely<Database>, token: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.login', 'users.name', 'users.role', 'users.created_at', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= new Date().toISOString()) return undefined;
  return toUser(row);
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', new Date().toISOString()).execute();
}
