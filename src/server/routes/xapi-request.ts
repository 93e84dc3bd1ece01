/*
 * Reading an xAPI request's version header and parameters (xAPI-Communication.md 2.1.3, 3.2,
 * 3.3), shared by the usual syntax and the alternate request syntax (xapi-alternate.ts), whose
 * parameters and headers come from a form. Every problem is a 400 that names the parameter.
 * `cursor` is this server's own parameter inside `more` links.
 */
import type { FastifyRequest } from 'fastify';
import { isIri, isTimestamp, isUuid, validateAgent } from '../../shared/xapi/validate';
import { agentKey } from '../../shared/xapi/canonical';
import { HttpError } from './accounts';
import type { StatementFilter } from '../store/statements';
import { ACTIVITY_KINDS, AGENT_KINDS, RELATED_ACTIVITY_KINDS, RELATED_AGENT_KINDS } from '../store/statement-index';

export const XAPI_VERSION = '1.0.3';
export const SUPPORTED_VERSIONS = ['1.0.3', '1.0.2', '1.0.1', '1.0.0'];
export const MAX_PAGE = 500;

export type Query = Record<string, unknown>;

export function checkVersionHeader(request: FastifyRequest): void {
  const header = request.headers['x-experience-api-version'];
  if (header === undefined) throw new HttpError(400, 'The X-Experience-API-Version header is missing; send "1.0.3".');
  if (typeof header !== 'string' || !/^1\.0(\.\d+)?$/.test(header.trim())) {
    throw new HttpError(
      400,
      `X-Experience-API-Version "${String(header)}" is not supported; this LRS speaks ${SUPPORTED_VERSIONS.join(', ')}.`,
    );
  }
}

export function onlyParams(query: Query, allowed: string[]): void {
  for (const [key, value] of Object.entries(query)) {
    if (!allowed.includes(key))
      throw new HttpError(400, `The parameter "${key}" is not allowed here (allowed: ${allowed.join(', ') || 'none'}).`);
    if (typeof value !== 'string') throw new HttpError(400, `The parameter "${key}" must be given once.`);
  }
}

export function bool(query: Query, key: string): boolean | undefined {
  const value = query[key];
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new HttpError(400, `The parameter "${key}" must be true or false.`);
}

function timestampParam(query: Query, key: string): string | undefined {
  const value = query[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isTimestamp(value)) throw new HttpError(400, `The parameter "${key}" must be an ISO 8601 timestamp.`);
  return new Date(Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`)).toISOString();
}

export type Format = 'ids' | 'exact' | 'canonical';

export function formatParam(query: Query): Format {
  const format = query.format ?? 'exact';
  if (format !== 'ids' && format !== 'exact' && format !== 'canonical')
    throw new HttpError(400, 'The parameter "format" must be ids, exact or canonical.');
  return format;
}

const QUERY_PARAMS = [
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
];

export type ParsedQuery = { filter: StatementFilter; format: Format; attachments: boolean };

export function parseQuery(query: Query): ParsedQuery {
  onlyParams(query, QUERY_PARAMS);
  const filter: StatementFilter = { ascending: bool(query, 'ascending') ?? false, limit: MAX_PAGE };
  if (query.agent !== undefined) {
    let agent: unknown;
    try {
      agent = JSON.parse(String(query.agent));
    } catch {
      throw new HttpError(400, 'The parameter "agent" must be a JSON Agent or identified Group.');
    }
    const check = validateAgent(agent, 'agent');
    if (!check.ok) throw new HttpError(400, `The parameter ${check.error}`);
    const key = agentKey(agent);
    if (!key) throw new HttpError(400, 'The parameter "agent" must identify an Agent or Group (mbox, mbox_sha1sum, openid or account).');
    filter.agent = { key, kinds: bool(query, 'related_agents') ? RELATED_AGENT_KINDS : AGENT_KINDS };
  } else bool(query, 'related_agents');
  if (query.verb !== undefined) {
    if (!isIri(String(query.verb))) throw new HttpError(400, 'The parameter "verb" must be an IRI.');
    filter.verb = String(query.verb);
  }
  if (query.activity !== undefined) {
    if (!isIri(String(query.activity))) throw new HttpError(400, 'The parameter "activity" must be an IRI.');
    filter.activity = { id: String(query.activity), kinds: bool(query, 'related_activities') ? RELATED_ACTIVITY_KINDS : ACTIVITY_KINDS };
  } else bool(query, 'related_activities');
  if (query.registration !== undefined) {
    if (!isUuid(String(query.registration))) throw new HttpError(400, 'The parameter "registration" must be a UUID.');
    filter.registration = String(query.registration);
  }
  const since = timestampParam(query, 'since');
  const until = timestampParam(query, 'until');
  if (since) filter.since = since;
  if (until) filter.until = until;
  if (query.limit !== undefined) {
    if (!/^\d{1,9}$/.test(String(query.limit)))
      throw new HttpError(400, 'The parameter "limit" must be a whole number (0 means the server maximum).');
    const limit = Number(query.limit);
    filter.limit = limit === 0 ? MAX_PAGE : Math.min(limit, MAX_PAGE);
  }
  return { filter, format: formatParam(query), attachments: bool(query, 'attachments') ?? false };
}

export type Cursor = { q: Record<string, string>; after: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.after === 'number' && Number.isInteger(value.after) && typeof value.q === 'object' && value.q !== null) return value;
  } catch {
    // Falls through to the error below.
  }
  throw new HttpError(400, 'The parameter "cursor" is not one this server made; start the query again.');
}
