/*
 * Storage errors that callers turn into answers (409, 400), and recognising a unique-key
 * violation the same way on SQLite and PostgreSQL.
 */
export class ConflictError extends Error {}
export class NotFoundError extends Error {}

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
