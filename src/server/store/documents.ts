/*
 * Keeps xAPI documents (State, Activity Profile, Agent Profile; shared/xapi/documents.ts) as
 * octets with their content type, a SHA-1 ETag and the time they were last written, one row per
 * place and document id. A write replaces the row in one statement (insert or update on the
 * key), so two writers never leave two rows; preconditions are checked in the same transaction
 * as the write, so an If-Match write cannot overwrite a change it has not seen.
 * xAPI puts no limit on the length of an activity IRI or a document id, and a PostgreSQL index
 * key holds about 2,700 bytes, so the key is SHA-256 hashes (migration 0014): of the place
 * (kind, agent, activity), the registration as it is (a UUID or ''), and of the document id.
 * The full values keep their own columns and every read and delete compares them as well, so a
 * document is only ever found by its own values.
 */
import { createHash } from 'node:crypto';
import type { ExpressionBuilder, Transaction } from 'kysely';
import type { Database } from './schema';
import type { Store } from './database';
import type { DocumentContent, DocumentPlace } from '../../shared/xapi/documents';

export type StoredDocument = DocumentContent & { etag: string; updated: string };

export const etagOf = (content: Uint8Array): string => createHash('sha1').update(content).digest('hex');

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** The hashed key columns of a document: its place without the registration, and its id. */
export function documentKeys(document: { place: DocumentPlace; documentId: string }): { place_key: string; document_key: string } {
  const { kind, agentKey, activityId } = document.place;
  return { place_key: sha256(JSON.stringify([kind, agentKey, activityId])), document_key: sha256(document.documentId) };
}

type Db = Store['db'] | Transaction<Database>;
type Where = ExpressionBuilder<Database, 'xapi_documents'>;

/**
 * The rows of a place (in every registration when `registration` is undefined), and of one
 * document id when given: by the key, then by the full values.
 */
function matching(eb: Where, target: { place: DocumentPlace; registration: string | undefined; documentId: string | undefined }) {
  const { place, registration, documentId } = target;
  const keys = documentKeys({ place, documentId: documentId ?? '' });
  return eb.and([
    eb('place_key', '=', keys.place_key),
    eb('kind', '=', place.kind),
    eb('agent_key', '=', place.agentKey),
    eb('activity_id', '=', place.activityId),
    ...(registration === undefined ? [] : [eb('registration', '=', registration)]),
    ...(documentId === undefined ? [] : [eb('document_key', '=', keys.document_key), eb('document_id', '=', documentId)]),
  ]);
}

export async function readDocument(db: Db, place: DocumentPlace, documentId: string): Promise<StoredDocument | undefined> {
  const row = await db
    .selectFrom('xapi_documents')
    .where((eb) => matching(eb, { place, registration: place.registration, documentId }))
    .select(['content', 'content_type', 'etag', 'updated'])
    .executeTakeFirst();
  return row ? { content: row.content, contentType: row.content_type, etag: row.etag, updated: row.updated } : undefined;
}

/** The ids of the documents at a place, written after `since` when given. */
export async function documentIds(db: Db, place: DocumentPlace, since: string | undefined): Promise<string[]> {
  let query = db
    .selectFrom('xapi_documents')
    .where((eb) => matching(eb, { place, registration: place.registration, documentId: undefined }))
    .select('document_id')
    .orderBy('document_id');
  if (since !== undefined) query = query.where('updated', '>', since);
  return (await query.execute()).map((row) => row.document_id);
}

/** Stores a document (replacing one with the same id); returns its ETag. */
export async function writeDocument(
  db: Db,
  target: { place: DocumentPlace; documentId: string; document: DocumentContent },
): Promise<string> {
  const { place, documentId, document } = target;
  const etag = etagOf(document.content);
  const content = Buffer.from(document.content);
  const updated = new Date().toISOString();
  await db
    .insertInto('xapi_documents')
    .values({
      ...documentKeys({ place, documentId }),
      kind: place.kind,
      agent_key: place.agentKey,
      activity_id: place.activityId,
      registration: place.registration,
      document_id: documentId,
      content_type: document.contentType,
      content,
      etag,
      updated,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['place_key', 'registration', 'document_key'])
        .doUpdateSet({ content, content_type: document.contentType, etag, updated }),
    )
    .execute();
  return etag;
}

/**
 * Deletes one document, or every document at the place when `documentId` is undefined; then a
 * place without a registration means every registration (all of an agent's states in an activity).
 */
export async function deleteDocuments(db: Db, place: DocumentPlace, documentId: string | undefined): Promise<void> {
  const registration = documentId === undefined && place.registration === '' ? undefined : place.registration;
  await db
    .deleteFrom('xapi_documents')
    .where((eb) => matching(eb, { place, registration, documentId }))
    .execute();
}
