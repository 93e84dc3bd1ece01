/*
 * Building attachment requests the way an xAPI client would, by hand (not with the server's own
 * multipart writer): multipart/mixed bodies, attachment objects with real SHA-2 hashes, and
 * JSON Web Signatures of statements made with node:crypto.
 */
import { createHash, createSign, type KeyObject } from 'node:crypto';

export type Json = Record<string, unknown>;

export const USAGE = 'https://library.test/xapi/attachments/essay';
export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';

export const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

/** An attachment object for this content (no fileUrl: the content goes in a part). */
export function attachmentFor(content: Buffer | string, overrides: Json = {}): Json {
  return {
    usageType: USAGE,
    display: { en: 'Essay' },
    contentType: 'text/plain',
    length: Buffer.byteLength(content),
    sha2: sha256(content),
    ...overrides,
  };
}

export type PartSpec = { content: Buffer | string; headers?: Record<string, string> };

/** A part for this content with the headers the specification asks for; `headers` adds or replaces (an empty value drops one). */
export function partFor(content: Buffer | string, headers: Record<string, string> = {}, contentType = 'text/plain'): PartSpec {
  const all: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Transfer-Encoding': 'binary',
    'X-Experience-API-Hash': sha256(content),
    ...headers,
  };
  return { content, headers: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== '')) };
}

/** A multipart/mixed body: the statements as the first part, then the parts. */
export function multipart(
  statements: unknown,
  parts: PartSpec[],
  boundary = "abcABC0123'()+_,-./:=?",
): { payload: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  const all: PartSpec[] = [{ content: JSON.stringify(statements), headers: { 'Content-Type': 'application/json' } }, ...parts];
  for (const part of all) {
    const head = Object.entries(part.headers ?? {})
      .map(([name, value]) => `${name}:${value}\r\n`)
      .join('');
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/mixed; boundary="${boundary}"` };
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** A JWS (Compact Serialization) of `payload` signed with `key`. */
export function signJws(payload: unknown, key: KeyObject | string, options: { alg?: string; x5c?: string[]; header?: Json } = {}): string {
  const alg = options.alg ?? 'RS256';
  const header = { alg, ...(options.x5c ? { x5c: options.x5c } : {}), ...options.header };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const hash = /^RS(256|384|512)$/.test(alg) ? `SHA${alg.slice(2)}` : 'SHA256';
  const signature = createSign(hash).update(input).sign(key);
  return `${input}.${b64url(signature)}`;
}

/** A statement with its signature attachment, and the part carrying the JWS. */
export function signed(statement: Json, jws: string): { statement: Json; part: PartSpec } {
  const signature = attachmentFor(jws, {
    usageType: SIGNATURE_USAGE,
    contentType: 'application/octet-stream',
    display: { en: 'Signature' },
  });
  const attachments = [...((statement.attachments as Json[] | undefined) ?? []), signature];
  return { statement: { ...statement, attachments }, part: partFor(jws, {}, 'application/octet-stream') };
}

/** The base64 DER of a PEM certificate, as `x5c` holds it. */
export const derOf = (pem: string): string => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
