/*
 * Attachments on the Statement API (xAPI-Data.md 2.4.11, 2.6; xAPI-Communication.md 1.5.2).
 * In: a multipart/mixed request is the statements (first part, application/json) and one part
 * per attachment content with X-Experience-API-Hash and Content-Transfer-Encoding: binary.
 * Every attachment without a fileUrl needs a part with its hash; every part must belong to an
 * attachment; content, hash, length and media type must agree; a signature attachment must
 * carry a well-formed JWS of the statement (shared/xapi/signature.ts), and with an `x5c`
 * header the signature must verify against that certificate. application/json requests may
 * only carry attachments with a fileUrl. All of it is checked before anything is stored.
 * Out: `attachments=true` answers multipart/mixed: the JSON, then each distinct content carried
 * by the statements answered (never content a reader cannot see a statement for).
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { HttpError } from './accounts';
import { boundaryOf, mediaType, parseMultipart, writeMultipart } from './xapi-multipart';
import type { JsonObject } from '../../shared/xapi/validate';
import { readSignedStatement, SIGNATURE_CONTENT_TYPE, SIGNATURE_USAGE, type SignedStatement } from '../../shared/xapi/signature';
import type { Store } from '../store/database';
import { attachmentContents, attachmentSizes, type StatementAttachments } from '../store/attachments';

/** Attachment content as received: its part's position (1 = the statements) and headers. */
export type AttachmentPart = { position: number; sha2: string; contentType: string | undefined; content: Buffer };

/** The body of a multipart/mixed statement request (made by the content type parser). */
export class MultipartStatements {
  constructor(
    readonly json: unknown,
    readonly parts: AttachmentPart[],
  ) {}
}

const HASHES: Record<number, string> = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

export function readMultipartStatements(body: Buffer, contentType: string): MultipartStatements {
  const [first, ...rest] = parseMultipart(body, boundaryOf(contentType));
  if (!first || mediaType(first.headers.get('content-type') ?? '').type !== 'application/json') {
    throw new HttpError(
      400,
      'The first part of a multipart/mixed statement request must be the statements, with Content-Type: application/json.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(first.body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The first part of the multipart/mixed request is not valid JSON.');
  }
  const parts = rest.map((part, index): AttachmentPart => {
    const where = `Multipart part ${index + 2}`;
    const hash = part.headers.get('x-experience-api-hash')?.toLowerCase();
    if (!hash) throw new HttpError(400, `${where} has no X-Experience-API-Hash header (the SHA-2 of its content).`);
    const algorithm = /^[0-9a-f]+$/.test(hash) ? HASHES[hash.length] : undefined;
    if (!algorithm) throw new HttpError(400, `${where}: X-Experience-API-Hash must be a SHA-2 hash in hexadecimal.`);
    const encoding = part.headers.get('content-transfer-encoding');
    if (encoding?.toLowerCase() !== 'binary') {
      throw new HttpError(400, `${where} must have the header Content-Transfer-Encoding: binary${encoding ? `, not ${encoding}` : ''}.`);
    }
    const declared = part.headers.get('content-length');
    if (declared !== undefined && declared !== String(part.body.length)) {
      throw new HttpError(400, `${where}: its Content-Length ${declared} is not the ${part.body.length} octets it contains.`);
    }
    if (createHash(algorithm).update(part.body).digest('hex') !== hash) {
      throw new HttpError(400, `${where}: its content does not have the SHA-2 hash ${hash} given in X-Experience-API-Hash.`);
    }
    return { position: index + 2, sha2: hash, contentType: part.headers.get('content-type'), content: part.body };
  });
  return new MultipartStatements(json, parts);
}

type Reference = { path: string; attachment: JsonObject; signature: boolean };

function referencesOf(statement: JsonObject, path: string): Reference[] {
  const list = (value: unknown, at: string, top: boolean): Reference[] =>
    Array.isArray(value)
      ? value.map((attachment: JsonObject, index) => ({
          path: `${at}.attachments[${index}]`,
          attachment,
          signature: top && attachment.usageType === SIGNATURE_USAGE,
        }))
      : [];
  const target = statement.object as JsonObject;
  return [
    ...list(statement.attachments, path, true),
    ...(target.objectType === 'SubStatement' ? list(target.attachments, `${path}.object`, false) : []),
  ];
}

const sha2Of = (attachment: JsonObject): string => String(attachment.sha2).toLowerCase();

function verifyCertificates(signed: SignedStatement, path: string): void {
  if (!signed.certificates) return;
  const problem = (why: string) => new HttpError(400, `${path}: the statement signature is malformed: ${why}`);
  let chain: X509Certificate[];
  try {
    chain = signed.certificates.map((der) => new X509Certificate(Buffer.from(der, 'base64')));
  } catch {
    throw problem('its "x5c" header holds something that is not an X.509 certificate');
  }
  chain.slice(1).forEach((issuer, index) => {
    const subject = chain[index] as X509Certificate;
    if (!subject.checkIssued(issuer) || !subject.verify(issuer.publicKey))
      throw problem(`"x5c" certificate ${index + 1} is not issued by the next one`);
  });
  const key = (chain[0] as X509Certificate).publicKey;
  if (key.asymmetricKeyType !== 'rsa') throw problem('its "x5c" certificate does not hold an RSA key');
  const hash = `sha${signed.algorithm.slice(2)}`;
  if (!verify(hash, Buffer.from(signed.signingInput, 'ascii'), key, signed.signature)) {
    throw problem(`its signature does not verify with the "x5c" certificate (${signed.algorithm})`);
  }
}

/**
 * Checks the attachments of prepared statements against the parts that came with them (`parts`
 * undefined: an application/json request) and returns what to store with them.
 */
export function matchAttachments(
  statements: { statement: JsonObject; path: string }[],
  parts: AttachmentPart[] | undefined,
): StatementAttachments {
  const references = statements.flatMap(({ statement, path }) => referencesOf(statement, path).map((ref) => ({ ...ref, statement })));
  const byHash = new Map<string, AttachmentPart[]>();
  for (const part of parts ?? []) byHash.set(part.sha2, [...(byHash.get(part.sha2) ?? []), part]);
  const referenced = new Set(references.map((ref) => sha2Of(ref.attachment)));
  const stray = (parts ?? []).find((part) => !referenced.has(part.sha2));
  if (stray)
    throw new HttpError(
      400,
      `Multipart part ${stray.position} (X-Experience-API-Hash ${stray.sha2}) belongs to no attachment of the statements.`,
    );

  const result: StatementAttachments = { uploads: [], links: [] };
  const uploaded = new Set<string>();
  for (const { path, attachment, signature, statement } of references) {
    const sha2 = sha2Of(attachment);
    const candidates = byHash.get(sha2) ?? [];
    if (signature && mediaType(String(attachment.contentType)).type !== SIGNATURE_CONTENT_TYPE) {
      throw new HttpError(400, `${path}: a signature attachment must have the contentType ${SIGNATURE_CONTENT_TYPE}.`);
    }
    if (candidates.length === 0) {
      if (parts === undefined && attachment.fileUrl === undefined) {
        throw new HttpError(400, `${path}: has no fileUrl, so its content must be sent as a part of a multipart/mixed request.`);
      }
      if (signature) throw new HttpError(400, `${path}: a statement signature (JWS) must be sent as a part of a multipart/mixed request.`);
      if (attachment.fileUrl === undefined)
        throw new HttpError(400, `${path}: has no fileUrl and no part with X-Experience-API-Hash ${sha2}.`);
      continue;
    }
    const wanted = mediaType(String(attachment.contentType)).type;
    const part = candidates.find((candidate) => candidate.contentType === undefined || mediaType(candidate.contentType).type === wanted);
    if (!part)
      throw new HttpError(
        400,
        `${path}: its contentType ${String(attachment.contentType)} is not the Content-Type of the part with its hash.`,
      );
    if (attachment.length !== part.content.length) {
      throw new HttpError(
        400,
        `${path}: its length is ${String(attachment.length)}, but the part with its hash has ${part.content.length} octets.`,
      );
    }
    if (signature) {
      const check = readSignedStatement(part.content.toString('utf8'), statement, path);
      if (!check.ok) throw new HttpError(400, check.error);
      verifyCertificates(check.signed, path);
    }
    if (!uploaded.has(sha2))
      result.uploads.push({ sha2, contentType: part.contentType ?? String(attachment.contentType), content: part.content });
    uploaded.add(sha2);
    result.links.push({ statementId: String(statement.id).toLowerCase(), sha2 });
  }
  return result;
}

/** Content of a multipart answer: at most this much per page of a query (a single statement has all its content). */
export const ATTACHMENT_PAGE_BYTES = 32 * 1024 * 1024;

export type AnswerParts = { count: number; parts: { headers: [string, string][]; body: Buffer }[] };

/**
 * The content carried by these statements, once per hash. With a budget, only the first
 * statements whose content fits are kept (always at least one); `count` says how many.
 */
export async function attachmentParts(store: Store, statements: JsonObject[], budget = Number.POSITIVE_INFINITY): Promise<AnswerParts> {
  const sizes = await attachmentSizes(
    store.db,
    statements.map((statement) => String(statement.id)),
  );
  const chosen = new Map<string, number>();
  let total = 0;
  let count = 0;
  for (const statement of statements) {
    const own = sizes.filter((size) => size.statementId === String(statement.id).toLowerCase() && !chosen.has(size.sha2));
    const added = own.reduce((sum, size) => sum + size.length, 0);
    if (count > 0 && total + added > budget) break;
    for (const size of own) chosen.set(size.sha2, size.length);
    total += added;
    count += 1;
  }
  const kept = statements.slice(0, count);
  const declared = new Map<string, string>();
  for (const statement of kept) {
    for (const { attachment } of referencesOf(statement, ''))
      if (!declared.has(sha2Of(attachment))) declared.set(sha2Of(attachment), String(attachment.contentType));
  }
  const contents = await attachmentContents(store.db, [...chosen.keys()]);
  const parts = [...contents].map(([sha2, { contentType, content }]) => ({
    headers: [
      ['Content-Type', declared.get(sha2) ?? contentType],
      ['Content-Transfer-Encoding', 'binary'],
      ['X-Experience-API-Hash', sha2],
    ] satisfies [string, string][],
    body: content,
  }));
  return { count, parts };
}

/** A statement or StatementResult: JSON, or with `parts` multipart/mixed with the JSON first. */
export function sendStatementResult(reply: FastifyReply, body: unknown, parts: AnswerParts['parts'] | undefined): FastifyReply {
  if (!parts) return reply.type('application/json; charset=utf-8').send(body);
  const json = { headers: [['Content-Type', 'application/json']] satisfies [string, string][], body: Buffer.from(JSON.stringify(body)) };
  const multipart = writeMultipart([json, ...parts]);
  return reply.type(`multipart/mixed; boundary=${multipart.boundary}`).send(multipart.body);
}
