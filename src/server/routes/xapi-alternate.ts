/*
 * The alternate request syntax (xAPI-Communication.md 1.3), for clients that can only POST a
 * form: `POST /xapi/statements?method=PUT|POST|GET` (no other query parameter) with an
 * application/x-www-form-urlencoded body. The form fields Authorization,
 * X-Experience-API-Version, Content-Type, Content-Length, If-Match and If-None-Match (names in
 * any case, like HTTP headers) are treated as those headers, overriding the HTTP ones; `content`
 * is the request content (UTF-8; application/json, since binary attachments cannot be sent this
 * way); every other field is a query parameter. The result is handed to the same handlers as the
 * usual syntax, so validation, authorization and answers are the same. Authentication is HTTP
 * Basic (in the form or the header) or the session cookie; a cookie still needs the CSRF header,
 * which the specification keeps in the HTTP header and which a cross-site form cannot send, and
 * credentials that are not in the form are refused from another site's page (refuseCrossSite).
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

export type AlternateMethod = 'PUT' | 'POST' | 'GET';
const METHODS: AlternateMethod[] = ['PUT', 'POST', 'GET'];

/** Form fields that stand for request headers (lower case, as Node keeps header names). */
const HEADER_FIELDS = ['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match'];

export type AlternateRequest = { method: AlternateMethod; query: Query; body: unknown };

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

/**
 * Reads an alternate-syntax request: checks the method, the query and the form, sets the
 * header fields as the request's headers (so authentication reads them as usual) and checks the
 * version header. Returns the intended method, its query parameters and its content.
 */
export function readAlternate(request: FastifyRequest): AlternateRequest {
  const query = request.query as Query;
  const requested = query.method;
  if (requested === undefined) {
    throw new HttpError(
      400,
      'An application/x-www-form-urlencoded request must use the alternate request syntax: POST /xapi/statements?method=PUT|POST|GET.',
    );
  }
  const extra = Object.keys(query).find((key) => key !== 'method');
  if (extra !== undefined) {
    throw new HttpError(400, `With the alternate request syntax, "method" is the only query parameter; send "${extra}" as a form field.`);
  }
  const method = METHODS.find((allowed) => allowed === requested);
  if (method === undefined) {
    throw new HttpError(400, `The parameter "method" must be ${METHODS.join(', ')}, not ${JSON.stringify(requested)}.`);
  }
  if (!(request.body instanceof FormFields)) {
    throw new HttpError(400, 'The alternate request syntax (?method=) needs an application/x-www-form-urlencoded body.');
  }

  const params: Query = {};
  const headers = new Map<string, string>();
  let content: string | undefined;
  for (const [name, value] of request.body.fields) {
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
  checkVersionHeader(request);

  const length = headers.get('content-length');
  if (length !== undefined && (!/^\d{1,10}$/.test(length) || Number(length) !== Buffer.byteLength(content ?? '', 'utf8'))) {
    throw new HttpError(400, `The form field Content-Length (${length.slice(0, 20)}) is not the length in octets of the "content" field.`);
  }
  if (method === 'GET') {
    if (content !== undefined) throw new HttpError(400, 'method=GET takes no "content" form field.');
    return { method, query: params, body: undefined };
  }
  if (content === undefined) return { method, query: params, body: undefined };
  const type = mediaType(headers.get('content-type') ?? 'application/json').type;
  if (type !== 'application/json') {
    throw new HttpError(
      400,
      `The "content" form field must be application/json, not ${type}: attachment content cannot be sent with the alternate request syntax.`,
    );
  }
  try {
    return { method, query: params, body: JSON.parse(content) as unknown };
  } catch {
    throw new HttpError(400, 'The "content" form field is not valid JSON.');
  }
}
