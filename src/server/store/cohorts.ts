/*
 * Keeps cohorts, who learns in them (cohort_members), who mentors them (cohort_mentors) and
 * the invite codes that let people sign up into them. Adding someone twice is a no-op, not an
 * error. An invite code is used up atomically: two sign-ups racing for its last use cannot
 * both succeed (the `uses < max_uses` guard is part of the UPDATE).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { NotFoundError } from './errors';

export type Cohort = { id: string; name: string; createdAt: string };
export type InviteRole = 'learner' | 'mentor';
export type Invite = { code: string; cohortId: string; role: InviteRole; maxUses: number; uses: number; expiresAt: string | null };

export async function createCohort(db: Kysely<Database>, name: string): Promise<Cohort> {
  const cohort = { id: randomUUID(), name: name.trim(), created_at: new Date().toISOString() };
  await db.insertInto('cohorts').values(cohort).execute();
  return { id: cohort.id, name: cohort.name, createdAt: cohort.created_at };
}

export async function findCohort(db: Kysely<Database>, id: string): Promise<Cohort | undefined> {
  const row = await db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, name: row.name, createdAt: row.created_at } : undefined;
}

export async function listCohorts(db: Kysely<Database>, onlyIds?: string[]): Promise<Cohort[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  let query = db.selectFrom('cohorts').selectAll().orderBy('name');
  if (onlyIds) query = query.where('id', 'in', onlyIds);
  return (await query.execute()).map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
}

async function addTo(db: Kysely<Database>, table: 'cohort_members' | 'cohort_mentors', cohortId: string, userId: string): Promise<void> {
  await db
    .insertInto(table)
    .values({ cohort_id: cohortId, user_id: userId })
    .onConflict((conflict) => conflict.columns(['cohort_id', 'user_id']).doNothing())
    .execute();
}

export const addLearner = (db: Kysely<Database>, cohortId: string, userId: string): Promise<void> =>
  addTo(db, 'cohort_members', cohortId, userId);

export const addMentor = (db: Kysely<Database>, cohortId: string, userId: string): Promise<void> =>
  addTo(db, 'cohort_mentors', cohortId, userId);

export async function cohortIdsOfMentor(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('cohort_mentors').select('cohort_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.cohort_id);
}

export async function cohortIdsOfLearner(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('cohort_members').select('cohort_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.cohort_id);
}

export type CohortPerson = { cohortId: string; userId: string; name: string; login: string };

export async function learnersOf(db: Kysely<Database>, cohortIds: string[]): Promise<CohortPerson[]> {
  if (cohortIds.length === 0) return [];
  const rows = await db
    .selectFrom('cohort_members')
    .innerJoin('users', 'users.id', 'cohort_members.user_id')
    .select(['cohort_members.cohort_id', 'users.id', 'users.name', 'users.login'])
    .where('cohort_members.cohort_id', 'in', cohortIds)
    .orderBy('users.name')
    .execute();
  return rows.map((row) => ({ cohortId: row.cohort_id, userId: row.id, name: row.name, login: row.login }));
}

export async function mentorsOf(db: Kysely<Database>, cohortIds: string[]): Promise<CohortPerson[]> {
  if (cohortIds.length === 0) return [];
  const rows = await db
    .selectFrom('cohort_mentors')
    .innerJoin('users', 'users.id', 'cohort_mentors.user_id')
    .select(['cohort_mentors.cohort_id', 'users.id', 'users.name', 'users.login'])
    .where('cohort_mentors.cohort_id', 'in', cohortIds)
    .orderBy('users.name')
    .execute();
  return rows.map((row) => ({ cohortId: row.cohort_id, userId: row.id, name: row.name, login: row.login }));
}

/** Codes like "K7QM-4WXH-PR": no 0/O/1/I, easy to read out over the phone. */
function newInviteCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export const normaliseInviteCode = (code: string): string => {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 10 ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}` : compact;
};

export type NewInvite = { cohortId: string; role: InviteRole; maxUses: number; expiresAt: string | null };

export async function createInvite(db: Kysely<Database>, invite: NewInvite): Promise<Invite> {
  if (!(await findCohort(db, invite.cohortId))) throw new NotFoundError(`There is no cohort ${invite.cohortId}.`);
  const row = {
    code: newInviteCode(),
    cohort_id: invite.cohortId,
    role: invite.role,
    max_uses: invite.maxUses,
    uses: 0,
    expires_at: invite.expiresAt,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('invite_codes').values(row).execute();
  return { code: row.code, cohortId: row.cohort_id, role: row.role, maxUses: row.max_uses, uses: 0, expiresAt: row.expires_at };
}

export async function listInvites(db: Kysely<Database>, cohortId: string): Promise<Invite[]> {
  const rows = await db.selectFrom('invite_codes').selectAll().where('cohort_id', '=', cohortId).orderBy('created_at').execute();
  return rows.map((row) => ({
    code: row.code,
    cohortId: row.cohort_id,
    role: row.role,
    maxUses: Number(row.max_uses),
    uses: Number(row.uses),
    expiresAt: row.expires_at,
  }));
}

/** Takes one use of an invite inside the caller's transaction; undefined when it is unknown, expired or used up. */
export async function useInvite(trx: Kysely<Database>, code: string): Promise<{ cohortId: string; role: InviteRole } | undefined> {
  const normalised = normaliseInviteCode(code);
  const now = new Date().toISOString();
  const invite = await trx.selectFrom('invite_codes').selectAll().where('code', '=', normalised).executeTakeFirst();
  if (!invite || (invite.expires_at !== null && invite.expires_at <= now)) return undefined;
  const taken = await trx
    .updateTable('invite_codes')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('code', '=', normalised)
    .whereRef('uses', '<', 'max_uses')
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) return undefined;
  return { cohortId: invite.cohort_id, role: invite.role };
}
