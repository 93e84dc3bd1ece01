/*
 * Keeps attachment content (xAPI Data 2.4.11) received in multipart/mixed statement requests:
 * the raw octets once per SHA-2 hash (`attachments`), and which statement carried which hash
 * (`statement_attachments`). Both are written inside the transaction that stores the
 * statements (store/statements.ts), so a rejected batch leaves no content behind, and only for
 * statements stored by that transaction (a statement already stored is never changed).
 * Reading goes through the statements: content is answered only with a statement that carried
 * it and that the reader may see, so knowing a hash is not enough to fetch someone's file.
 * Same hash means same octets, so a second upload of known content adds only the link.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export type AttachmentUpload = { sha2: string; contentType: string; content: Buffer };

/** Content to store with a batch, and the statement ids (lower case) that carried each hash. */
export type StatementAttachments = { uploads: AttachmentUpload[]; links: { statementId: string; sha2: string }[] };

export const NO_ATTACHMENTS: StatementAttachments = { uploads: [], links: [] };

/** Stores the content linked to `storedIds` (the statements this transaction inserted). */
export async function saveAttachments(
  trx: Transaction<Database>,
  attachments: StatementAttachments,
  storedIds: Set<string>,
): Promise<void> {
  const links = attachments.links.filter((link) => storedIds.has(link.statementId));
  if (links.length === 0) return;
  const needed = new Set(links.map((link) => link.sha2));
  const now = new Date().toISOString();
  for (const upload of attachments.uploads) {
    if (!needed.has(upload.sha2)) continue;
    await trx
      .insertInto('attachments')
      .values({
        sha2: upload.sha2,
        content_type: upload.contentType,
        length: upload.content.length,
        content: upload.content,
        created_at: now,
      })
      .onConflict((conflict) => conflict.column('sha2').doNothing())
      .execute();
  }
  await trx
    .insertInto('statement_attachments')
    .values(links.map((link) => ({ statement_id: link.statementId, sha2: link.sha2 })))
    .onConflict((conflict) => conflict.columns(['statement_id', 'sha2']).doNothing())
    .execute();
}

/** The hashes and sizes of the content carried by these statements. */
export async function attachmentSizes(
  db: Kysely<Database>,
  statementIds: string[],
): Promise<{ statementId: string; sha2: string; length: number }[]> {
  if (statementIds.length === 0) return [];
  const rows = await db
    .selectFrom('statement_attachments as l')
    .innerJoin('attachments as a', 'a.sha2', 'l.sha2')
    .select(['l.statement_id', 'l.sha2', 'a.length'])
    .where(
      'l.statement_id',
      'in',
      statementIds.map((id) => id.toLowerCase()),
    )
    .execute();
  return rows.map((row) => ({ statementId: row.statement_id, sha2: row.sha2, length: Number(row.length) }));
}

/** The content of these hashes. */
export async function attachmentContents(
  db: Kysely<Database>,
  sha2s: string[],
): Promise<Map<string, { contentType: string; content: Buffer }>> {
  if (sha2s.length === 0) return new Map();
  const rows = await db.selectFrom('attachments').select(['sha2', 'content_type', 'content']).where('sha2', 'in', sha2s).execute();
  return new Map(rows.map((row) => [row.sha2, { contentType: row.content_type, content: Buffer.from(row.content) }]));
}
