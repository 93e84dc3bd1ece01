/*
 * The alternate request syntax (xAPI-Communication.md 1.3), for clients that can only POST a
 * form: `POST <resource>?method=<intended method>` (no other query parameter) with an
 * application/x-www-form-urlencoded body, on every resource (1.3.s3.b1: "All xAPI requests");
 * each resource names the methods it has (ALTERNATE_METHODS). The form fields Authorization,
 * X-Experience-API-Version, Content-Type, Content-Length, If-Match and If-None-Match (names in
 * any case, like HTTP headers) are treated as those headers, overriding the HTTP ones; `content`
 * is the request content (a UTF-8 string, 1.3.s3.b5); every other field is a query parameter.
 * The result is handed to the same handlers as the usual syntax, so validation, authorization
 * and answers are the same. Authentication is HTTP Basic (in the form or the header) or the
 * session cookie; a cookie still needs the CSRF header, which the specification keeps in the
 * HTTP header and which a cross-site form cannot send, and credentials that are not in the form
 * are refused from another site's page (refuseCrossSite).
 */
import type { FastifyRequest } from 'fastify';
import { HttpError } from './accounts';
import { mediaType } from './xapi-multipart';
import { checkVersionHeader, type Query } from './xapi-request';

/** The body of an application/x-www-form-urlencoded request (made by the content type parser). */
export class FormFields {
  constructor(readonly fields: Map<string, string>) {}
}

export function readForm(body: Buffer): FormFields {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError(400, 'The form is not UTF-8.');
  }
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (fields.has(name)) throw new HttpError(400, `The form field "${name}" is given twice.`);
    fields.set(name, value);
  }
  return new FormFields(fields);
}

export type AlternateMethod = 'PUT' | 'POST' | 'GET' | 'DELETE';

/** The methods each resource has, so the ones it may be asked for with `?method=` (xAPI-Communication.md Appendix B). */
export const ALTERNATE_METHODS = {
  statements: ['PUT', 'POST', 'GET'],
  documents: ['PUT', 'POST', 'GET', 'DELETE'],
  read: ['GET'],
} as const satisfies Record<string, readonly AlternateMethod[]>;

/** Form fields that stand for request headers (lower case, as Node keeps header names). */
const HEADER_FIELDS = ['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match'];

/** The header fields a handler reads from the request itself rather than from its headers. */
export type AlternateHeaders = { contentType: string | undefined; ifMatch: string | undefined; ifNoneMatch: string | undefined };

export type AlternateRequest = { method: AlternateMethod; query: Query; content: string | undefined; headers: AlternateHeaders };

/** The resource an alternate-syntax request is made to: its path (for messages), its methods, and whether it needs the version header (all but About). */
export type AlternateResource = { path: string; methods: readonly AlternateMethod[]; versionFree?: boolean };

/**
 * A form is what any web page can make a browser send to this server, with the credentials the
 * browser keeps for it: the session cookie, or HTTP Basic credentials it remembers. So unless the
 * credentials are in the form itself (the cross-domain use the syntax exists for), a request
 * whose Origin is another site (or "null") is refused. Clients that are not browsers send no Origin.
 */
function refuseCrossSite(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== request.host) {
    throw new HttpError(
      403,
      `Cross-site request refused: Origin ${origin} does not match this server; send the credentials in the form instead.`,
    );
  }
}

/** Whether this POST uses the alternate syntax (or should have: a form body without `method`). */
export function isAlternate(request: FastifyRequest): boolean {
  return (request.query as Query).method !== undefined || request.body instanceof FormFields;
}

/** The form of a request: parsed already (FormFields), or octets sent as a form to a resource that takes any content type. */
function formOf(request: FastifyRequest): FormFields | undefined {
  if (request.body instanceof FormFields) return request.body;
  const type = mediaType(String(request.headers['content-type'] ?? '')).type;
  return request.body instanceof Buffer && type === 'application/x-www-form-urlencoded' ? readForm(request.body) : undefined;
}

/**
 * Reads an alternate-syntax request: checks the method, the query and the form, sets the
 * Authorization and version fields as the request's headers (so authentication reads them as
 * usual) and checks the version header. Returns the intended method, its query parameters, its
 * content (undefined when none) and the header fields a handler reads itself.
 */
export function readAlternate(request: FastifyRequest, resource: AlternateResource): AlternateRequest {
  const query = request.query as Query;
  const requested = query.method;
  const methods = resource.methods;
  if (requested === undefined) {
    throw new HttpError(
      400,
      `An application/x-www-form-urlencoded request must use the alternate request syntax: POST ${resource.path}?method=${methods.join('|')}.`,
    );
  }
  const extra = Object.keys(query).find((key) => key !== 'method');
  if (extra !== undefined) {
    throw new HttpError(400, `With the alternate request syntax, "method" is the only query parameter; send "${extra}" as a form field.`);
  }
  const method = methods.find((allowed) => allowed === requested);
  if (method === undefined) {
    throw new HttpError(400, `The parameter "method" must be ${methods.join(', ')}, not ${JSON.stringify(requested)}.`);
  }
  const form = formOf(request);
  if (form === undefined) {
    throw new HttpError(400, 'The alternate request syntax (?method=) needs an application/x-www-form-urlencoded body.');
  }

  const params: Query = {};
  const headers = new Map<string, string>();
  let content: string | undefined;
  for (const [name, value] of form.fields) {
    if (HEADER_FIELDS.includes(name.toLowerCase())) {
      if (headers.has(name.toLowerCase())) throw new HttpError(400, `The form field "${name}" is given twice.`);
      headers.set(name.toLowerCase(), value);
    } else if (name === 'content') content = value;
    else params[name] = value;
  }
  if (!headers.has('authorization')) refuseCrossSite(request);
  for (const name of ['authorization', 'x-experience-api-version']) {
    const value = headers.get(name);
    if (value !== undefined) request.headers[name] = value;
  }
  if (resource.versionFree !== true) checkVersionHeader(request);

  const length = headers.get('content-length');
  if (length !== undefined && (!/^\d{1,10}$/.test(length) || Number(length) !== Buffer.byteLength(content ?? '', 'utf8'))) {
    throw new HttpError(400, `The form field Content-Length (${length.slice(0, 20)}) is not the length in octets of the "content" field.`);
  }
  if ((method === 'GET' || method === 'DELETE') && content !== undefined)
    throw new HttpError(400, `method=${method} takes no "content" form field.`);
  return {
    method,
    query: params,
    content,
    headers: { contentType: headers.get('content-type'), ifMatch: headers.get('if-match'), ifNoneMatch: headers.get('if-none-match') },
  };
}

/** The content of an alternate-syntax statement request, which must be JSON (attachment content cannot be sent this way). */
export function alternateJson(alternate: AlternateRequest): unknown {
  if (alternate.content === undefined) return undefined;
  const type = mediaType(alternate.headers.contentType ?? 'application/json').type;
  if (type !== 'application/json') {
    throw new HttpError(
      400,
      `The "content" form field must be application/json, not ${type}: attachment content cannot be sent with the alternate request syntax.`,
    );
  }
  try {
    return JSON.parse(alternate.content) as unknown;
  } catch {
    throw new HttpError(400, 'The "content" form field is not valid JSON.');
  }
}
