/*
 * Keeps xAPI client credentials (HTTP Basic key and the scrypt hash of its secret), optionally
 * limited to one cohort, and whether the client was given the right to review learners' work.
 * A key is unique: creating it again fails with ConflictError and leaves the existing secret
 * in place.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { ConflictError, NotFoundError, isUniqueViolation } from './errors';
import { hashPassword } from '../auth/password';
import { findCohort } from './cohorts';

export type XapiClient = { key: string; cohortId: string | null; mayReview: boolean; secretHash: string };

export type NewXapiClient = { key: string; secret: string; cohortId: string | null; mayReview?: boolean };

export async function createXapiClient(db: Kysely<Database>, client: NewXapiClient): Promise<void> {
  if (client.cohortId !== null && !(await findCohort(db, client.cohortId)))
    throw new NotFoundError(`There is no cohort ${client.cohortId}.`);
  try {
    await db
      .insertInto('xapi_clients')
      .values({
        key: client.key,
        secret_hash: await hashPassword(client.secret),
        cohort_id: client.cohortId,
        may_review: client.mayReview === true ? 1 : 0,
        created_at: new Date().toISOString(),
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`An xAPI client with the key "${client.key}" exists already.`);
    throw error;
  }
}

export async function findXapiClient(db: Kysely<Database>, key: string): Promise<XapiClient | undefined> {
  const row = await db.selectFrom('xapi_clients').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? { key: row.key, cohortId: row.cohort_id, mayReview: Number(row.may_review) === 1, secretHash: row.secret_hash } : undefined;
}
