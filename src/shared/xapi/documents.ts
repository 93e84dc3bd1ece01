/*
 * The rules of the xAPI 1.0.3 document resources (xAPI-Communication.md 2.3, 2.4, 2.6, 2.7:
 * State, Activity Profile, Agent Profile) that do not depend on storage: which parameters each
 * method takes and how they are checked, the JSON merge of a POST, and ETag preconditions
 * (xAPI-Communication.md 3.1). A problem is reported as `{ code, message }`; the message names
 * the parameter.
 */
import { agentKey } from './canonical';
import { isIri, isTimestamp, isUuid, MAX_IDENTIFIER_BYTES, validateAgent, type JsonObject } from './validate';

export type DocumentKind = 'state' | 'activity-profile' | 'agent-profile';

/** The largest document stored, in octets: bookmarks, suspend data and settings are small. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export type DocumentProblem = { code: string; message: string };

/** Where a document lives; '' where a kind has no such part (e.g. no agent on an activity profile). */
export type DocumentPlace = { kind: DocumentKind; activityId: string; agentKey: string; registration: string };

/** A checked request: the place, the document id (undefined for "all"/"ids") and `since` for id lists. */
export type DocumentAddress = {
  place: DocumentPlace;
  documentId: string | undefined;
  agent: JsonObject | undefined;
  since: string | undefined;
};

export type DocumentMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

type Query = Record<string, unknown>;

class Problem extends Error {
  constructor(readonly problem: DocumentProblem) {
    super(problem.message);
  }
}

const fail = (code: string, message: string): never => {
  throw new Problem({ code, message });
};

const ID_PARAM: Record<DocumentKind, string> = { state: 'stateId', 'activity-profile': 'profileId', 'agent-profile': 'profileId' };

function allowedParams(kind: DocumentKind, method: DocumentMethod): string[] {
  const place = kind === 'state' ? ['activityId', 'agent', 'registration'] : kind === 'activity-profile' ? ['activityId'] : ['agent'];
  const listing = method === 'GET' ? ['since'] : [];
  return [...place, ID_PARAM[kind], ...listing];
}

function text(query: Query, key: string): string | undefined {
  const value = query[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return fail('bad-parameter', `The parameter "${key}" must be given once.`);
  return value;
}

function required(query: Query, key: string): string {
  return text(query, key) ?? fail('missing-parameter', `The parameter "${key}" is required.`);
}

function agentParam(raw: string): { agent: JsonObject; key: string } {
  let agent: unknown;
  try {
    agent = JSON.parse(raw);
  } catch {
    return fail('bad-parameter', 'The parameter "agent" must be a JSON Agent object.');
  }
  const check = validateAgent(agent, 'agent');
  if (!check.ok) return fail('bad-parameter', `The parameter ${check.error}`);
  if ((agent as JsonObject).objectType === 'Group') return fail('bad-parameter', 'The parameter "agent" must be an Agent, not a Group.');
  return { agent: agent as JsonObject, key: agentKey(agent) ?? '' };
}

function readAddress(kind: DocumentKind, method: DocumentMethod, query: Query): DocumentAddress {
  const allowed = allowedParams(kind, method);
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) fail('unknown-parameter', `The parameter "${key}" is not allowed here (allowed: ${allowed.join(', ')}).`);
  }
  const activityId = kind === 'agent-profile' ? '' : required(query, 'activityId');
  if (new TextEncoder().encode(activityId).length > MAX_IDENTIFIER_BYTES)
    fail('parameter-too-long', `The parameter "activityId" is longer than an IRI may be (${MAX_IDENTIFIER_BYTES} bytes in UTF-8).`);
  if (activityId !== '' && !isIri(activityId)) fail('bad-parameter', 'The parameter "activityId" must be an IRI.');
  const agent = kind === 'activity-profile' ? undefined : agentParam(required(query, 'agent'));
  const registration = kind === 'state' ? text(query, 'registration') : undefined;
  if (registration !== undefined && !isUuid(registration)) fail('bad-parameter', 'The parameter "registration" must be a UUID.');
  // No length limit of its own: the request's limits bound it, and it is stored hashed (store/documents.ts).
  const documentId = text(query, ID_PARAM[kind]);
  // A single document is needed to write, and to delete a profile; state DELETE without it deletes them all.
  if (documentId === undefined && (method === 'PUT' || method === 'POST' || (method === 'DELETE' && kind !== 'state')))
    fail('missing-parameter', `The parameter "${ID_PARAM[kind]}" is required.`);
  const since = text(query, 'since');
  if (since !== undefined) {
    if (documentId !== undefined) fail('bad-parameter', `The parameter "since" lists ids: it cannot be used with "${ID_PARAM[kind]}".`);
    if (!isTimestamp(since)) fail('bad-parameter', 'The parameter "since" must be an ISO 8601 timestamp.');
  }
  return {
    place: { kind, activityId, agentKey: agent?.key ?? '', registration: registration?.toLowerCase() ?? '' },
    documentId,
    agent: agent?.agent,
    since: since === undefined ? undefined : new Date(Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(since) ? since : `${since}Z`)).toISOString(),
  };
}

/** Checks a document request's parameters (unknown ones, missing ones, malformed ones). */
export function documentAddress(
  kind: DocumentKind,
  request: { method: DocumentMethod; query: Query },
): { ok: true; address: DocumentAddress } | { ok: false; problem: DocumentProblem } {
  try {
    return { ok: true, address: readAddress(kind, request.method, request.query) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.problem };
    throw error;
  }
}

export const isJsonType = (contentType: string): boolean => /^application\/json\s*(;|$)/i.test(contentType.trim());

function jsonObject(content: Uint8Array, contentType: string): JsonObject | undefined {
  if (!isJsonType(contentType)) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(content));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

export type DocumentContent = { content: Uint8Array; contentType: string };

/**
 * The document a POST leaves (xAPI-Communication.md 2.3.2): with no stored document, the posted
 * one as it is; otherwise both must be JSON objects (application/json) and the result has the
 * stored properties overwritten one level deep by the posted ones.
 */
export function mergeDocument(
  stored: DocumentContent | undefined,
  posted: DocumentContent,
): { ok: true; document: DocumentContent } | { ok: false; problem: DocumentProblem } {
  if (stored === undefined) return { ok: true, document: posted };
  const before = jsonObject(stored.content, stored.contentType);
  const after = jsonObject(posted.content, posted.contentType);
  if (!before || !after) {
    return {
      ok: false,
      problem: {
        code: 'merge-not-json',
        message: !after
          ? 'POST merges JSON: the posted document must be a JSON object sent as application/json; use PUT to replace the document.'
          : 'POST merges JSON, but the stored document is not a JSON object; use PUT to replace it.',
      },
    };
  }
  return {
    ok: true,
    document: { content: new TextEncoder().encode(JSON.stringify({ ...before, ...after })), contentType: 'application/json' },
  };
}

/** The entity tags in an If-Match / If-None-Match value ("*" stays "*"), without quotes or W/. */
function tags(header: string): string[] {
  return header
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase(),
    )
    .filter((tag) => tag !== '');
}

export type Preconditions = { ifMatch: string | undefined; ifNoneMatch: string | undefined };

/**
 * Whether a write may go ahead given the stored document's ETag (without quotes; undefined when
 * there is none): 412 when a precondition fails; 409 when `mustHave` (a PUT on a profile) and
 * the document exists but neither header was sent (xAPI-Communication.md 3.1).
 */
export function preconditionProblem(
  conditions: Preconditions,
  current: { etag: string | undefined; mustHave: boolean },
): { status: 409 | 412; problem: DocumentProblem } | undefined {
  const { ifMatch, ifNoneMatch } = conditions;
  if (ifMatch !== undefined) {
    const wanted = tags(ifMatch);
    if (current.etag === undefined || !(wanted.includes('*') || wanted.includes(current.etag))) {
      return {
        status: 412,
        problem: { code: 'etag-mismatch', message: 'If-Match does not match the stored document: it changed, or does not exist.' },
      };
    }
  }
  if (ifNoneMatch !== undefined && current.etag !== undefined) {
    const unwanted = tags(ifNoneMatch);
    if (unwanted.includes('*') || unwanted.includes(current.etag)) {
      return { status: 412, problem: { code: 'document-exists', message: 'If-None-Match: the document already exists.' } };
    }
  }
  if (current.mustHave && current.etag !== undefined && ifMatch === undefined && ifNoneMatch === undefined) {
    return {
      status: 409,
      problem: {
        code: 'precondition-required',
        message: 'The document exists: send If-Match with its ETag (or If-None-Match: * to create only) to replace it.',
      },
    };
  }
  return undefined;
}
