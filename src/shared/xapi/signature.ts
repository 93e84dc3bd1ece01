/*
 * Signed statements (xAPI-Data.md 2.6): a JSON Web Signature (RFC 7515) sent as an attachment
 * with usageType SIGNATURE_USAGE. `readSignedStatement` does the checks that need no
 * cryptography: the JWS decodes (Compact Serialization, or the JSON Serialization with one
 * signature), its algorithm is RS256, RS384 or RS512, and its payload is a valid statement that
 * is logically equivalent to the statement received (the comparison rules of Data 2.3.1, as for
 * 409, ignoring the signature attachment, which cannot be part of what it signs, and the id
 * when the payload has none). Verifying the signature against an `x5c` certificate needs
 * cryptography and is the server's part. Pure: no Node or browser APIs beyond atob/TextDecoder.
 */
import { canonicalJson, comparableStatement } from './canonical';
import { validateStatement, type JsonObject } from './validate';

export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';
export const SIGNATURE_CONTENT_TYPE = 'application/octet-stream';
export const SIGNATURE_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export type SignedStatement = {
  algorithm: SignatureAlgorithm;
  /** The `x5c` certificate chain (base64 DER, signer first), when the header has one. */
  certificates: string[] | undefined;
  /** ASCII(BASE64URL(protected header) "." BASE64URL(payload)): what the signature covers. */
  signingInput: string;
  signature: Uint8Array;
};

export type SignatureCheck = { ok: true; signed: SignedStatement } | { ok: false; error: string };

class Malformed extends Error {}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function base64url(text: string, what: string): Uint8Array {
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new Malformed(`its ${what} is not base64url`);
  const binary = atob(
    text
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(text.length / 4) * 4, '='),
  );
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function json(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Malformed(`its ${what} is not UTF-8 JSON`);
  }
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

type Parts = { protectedHeader: string; payload: string; signature: string; unprotected: JsonObject };

function parts(jws: string): Parts {
  const text = jws.trim();
  if (!text.startsWith('{')) {
    const pieces = text.split('.');
    if (pieces.length !== 3) throw new Malformed('it is not a JWS in Compact Serialization (three base64url parts separated by dots)');
    const [protectedHeader = '', payload = '', signature = ''] = pieces;
    return { protectedHeader, payload, signature, unprotected: {} };
  }
  const value = json(new TextEncoder().encode(text), 'JSON Serialization');
  if (!isObject(value)) throw new Malformed('its JSON Serialization is not an object');
  const signatures = Array.isArray(value.signatures) ? value.signatures : [value];
  if (signatures.length !== 1) throw new Malformed('its JSON Serialization must carry exactly one signature');
  const only: unknown = signatures[0];
  if (!isObject(only) || typeof value.payload !== 'string' || typeof only.protected !== 'string' || typeof only.signature !== 'string') {
    throw new Malformed('its JSON Serialization needs "payload", "protected" and "signature" strings');
  }
  if (only.header !== undefined && !isObject(only.header)) throw new Malformed('its unprotected "header" is not an object');
  return { protectedHeader: only.protected, payload: value.payload, signature: only.signature, unprotected: only.header ?? {} };
}

function certificates(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && BASE64.test(item))) {
    throw new Malformed('its "x5c" header must be a non-empty array of base64 DER certificates');
  }
  return value as string[];
}

/** The received statement without its signature attachments, as it was before it was signed. */
function unsigned(statement: JsonObject): JsonObject {
  const { attachments, ...rest } = statement;
  const kept = Array.isArray(attachments) ? attachments.filter((item) => !isObject(item) || item.usageType !== SIGNATURE_USAGE) : [];
  return kept.length > 0 ? { ...rest, attachments: kept } : rest;
}

function difference(payload: JsonObject, received: JsonObject): string | undefined {
  if (typeof payload.id === 'string' && payload.id.toLowerCase() !== String(received.id ?? '').toLowerCase()) {
    return `its id ${payload.id} is not the statement's id ${String(received.id ?? '(none)')}`;
  }
  const signed = comparableStatement(unsigned(payload));
  const sent = comparableStatement(unsigned(received));
  const keys = [...new Set([...Object.keys(signed), ...Object.keys(sent)])].sort();
  const differing = keys.find((key) => canonicalJson(signed[key] ?? null) !== canonicalJson(sent[key] ?? null));
  return differing === undefined ? undefined : `its "${differing}" differs from the statement's`;
}

/**
 * Decodes a signature attachment's content (the JWS) and checks it against the statement it came
 * with. `path` names the attachment in messages (e.g. `statements[0].attachments[1]`).
 */
export function readSignedStatement(jws: string, statement: JsonObject, path: string): SignatureCheck {
  try {
    const { protectedHeader, payload, signature, unprotected } = parts(jws);
    const header = json(base64url(protectedHeader, 'protected header'), 'protected header');
    if (!isObject(header)) throw new Malformed('its protected header is not a JSON object');
    const headers: JsonObject = { ...unprotected, ...header };
    const algorithm = headers.alg;
    if (!SIGNATURE_ALGORITHMS.some((allowed) => allowed === algorithm)) {
      throw new Malformed(`its algorithm "alg" must be ${SIGNATURE_ALGORITHMS.join(', ')}, not ${JSON.stringify(algorithm ?? null)}`);
    }
    if (headers.crit !== undefined) throw new Malformed('it lists critical header extensions ("crit"), which this LRS does not understand');
    const signatureBytes = base64url(signature, 'signature');
    if (signatureBytes.length === 0) throw new Malformed('its signature is empty');
    const signed = json(base64url(payload, 'payload'), 'payload');
    const check = validateStatement(signed, 'payload');
    if (!check.ok) throw new Malformed(`its payload is not a valid statement (${check.error})`);
    const problem = difference(check.statement, statement);
    if (problem) throw new Malformed(`its payload is not the statement it signs: ${problem}`);
    return {
      ok: true,
      signed: {
        algorithm: algorithm as SignatureAlgorithm,
        certificates: certificates(headers.x5c),
        signingInput: `${protectedHeader}.${payload}`,
        signature: signatureBytes,
      },
    };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, error: `${path}: the statement signature is malformed: ${error.message}` };
    throw error;
  }
}
