/*
 * The xAPI 1.0.3 Statement API (xAPI-Communication.md 2.1) at /xapi/statements, and
 * /xapi/about. Every /xapi request must carry X-Experience-API-Version 1.0.x (except /about)
 * and every answer carries X-Experience-API-Version: 1.0.3. Requests are authenticated by the
 * session cookie (plus the CSRF header for writes) or HTTP Basic; what a principal may read
 * and write is decided in auth/access.ts. Unknown query parameters are rejected with 400, as
 * the specification requires; `cursor` is this server's own parameter inside `more` links.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { isIri, isTimestamp, isUuid, validateAgent, validateStatement, type JsonObject } from '../../shared/xapi/validate';
import { agentKey } from '../../shared/xapi/canonical';
import { HttpError, requirePrincipal } from './accounts';
import { readAccess, isPrivilegedWriter, writeProblem } from '../auth/access';
import { csrfProblem } from '../auth/csrf';
import type { Principal } from '../auth/principal';
import {
  consistentThrough,
  getStatement,
  queryStatements,
  storeStatements,
  StatementRejected,
  type IncomingStatement,
  type StatementFilter,
} from '../store/statements';
import { ACTIVITY_KINDS, AGENT_KINDS, RELATED_ACTIVITY_KINDS, RELATED_AGENT_KINDS } from '../store/statement-index';
import { formatIds } from './xapi-format';
import { summaryHook } from '../store/summaries';

export const XAPI_VERSION = '1.0.3';
export const SUPPORTED_VERSIONS = ['1.0.3', '1.0.2', '1.0.1', '1.0.0'];
export const MAX_PAGE = 500;

type Query = Record<string, unknown>;

function checkVersionHeader(request: FastifyRequest): void {
  const header = request.headers['x-experience-api-version'];
  if (header === undefined) throw new HttpError(400, 'The X-Experience-API-Version header is missing; send "1.0.3".');
  if (typeof header !== 'string' || !/^1\.0(\.\d+)?$/.test(header.trim())) {
    throw new HttpError(
      400,
      `X-Experience-API-Version "${String(header)}" is not supported; this LRS speaks ${SUPPORTED_VERSIONS.join(', ')}.`,
    );
  }
}

async function principalFor(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<Principal> {
  const principal = await requirePrincipal(ctx, request, reply);
  if (principal.kind === 'user' && principal.via === 'session') {
    const problem = csrfProblem(request);
    if (problem) throw new HttpError(403, problem);
  }
  return principal;
}

function onlyParams(query: Query, allowed: string[]): void {
  for (const [key, value] of Object.entries(query)) {
    if (!allowed.includes(key))
      throw new HttpError(400, `The parameter "${key}" is not allowed here (allowed: ${allowed.join(', ') || 'none'}).`);
    if (typeof value !== 'string') throw new HttpError(400, `The parameter "${key}" must be given once.`);
  }
}

function bool(query: Query, key: string): boolean | undefined {
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

function formatParam(query: Query): 'ids' | 'exact' | 'canonical' {
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

type ParsedQuery = { filter: StatementFilter; format: 'ids' | 'exact' | 'canonical'; attachments: boolean };

function parseQuery(query: Query): ParsedQuery {
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

type Cursor = { q: Record<string, string>; after: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.after === 'number' && Number.isInteger(value.after) && typeof value.q === 'object' && value.q !== null) return value;
  } catch {
    // Falls through to the error below.
  }
  throw new HttpError(400, 'The parameter "cursor" is not one this server made; start the query again.');
}

function sendStatementResult(reply: FastifyReply, body: unknown, attachments: boolean): FastifyReply {
  if (!attachments) return reply.type('application/json; charset=utf-8').send(body);
  // No attachment content is stored (fileUrl attachments only), so the multipart answer has the JSON part alone.
  const boundary = `biblio-${randomUUID()}`;
  const text = `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n--${boundary}--\r\n`;
  return reply.type(`multipart/mixed; boundary=${boundary}`).send(text);
}

function present(statement: JsonObject, format: 'ids' | 'exact' | 'canonical'): JsonObject {
  return format === 'ids' ? formatIds(statement) : statement;
}

function prepare(principal: Principal, body: unknown, path: string): IncomingStatement {
  const check = validateStatement(body, path);
  if (!check.ok) throw new HttpError(400, check.error);
  const problem = writeProblem(principal, check.statement, path);
  if (problem) throw new HttpError(403, problem);
  return { ...check.statement, id: typeof check.statement.id === 'string' ? check.statement.id : randomUUID() };
}

async function save(ctx: AppContext, principal: Principal, statements: IncomingStatement[]): Promise<string[]> {
  try {
    return await storeStatements(ctx.store, statements, {
      authority: principal.agent,
      privileged: isPrivilegedWriter(principal),
      afterStore: summaryHook({ xapiBase: ctx.config.xapiBase, course: ctx.course }),
    });
  } catch (error) {
    if (error instanceof StatementRejected) throw new HttpError(error.status, error.message);
    throw error;
  }
}

export function registerXapiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/xapi/') && request.url !== '/xapi') return;
    reply.header('X-Experience-API-Version', XAPI_VERSION);
    const path = request.url.split('?')[0];
    if (path !== '/xapi/about' && request.method !== 'OPTIONS') checkVersionHeader(request);
  });

  app.get('/xapi/about', async () => ({ version: SUPPORTED_VERSIONS }));

  app.put('/xapi/statements', async (request, reply) => {
    const principal = await principalFor(ctx, request, reply);
    const query = request.query as Query;
    onlyParams(query, ['statementId']);
    const statementId = query.statementId;
    if (typeof statementId !== 'string') throw new HttpError(400, 'PUT needs the statementId parameter.');
    if (!isUuid(statementId)) throw new HttpError(400, 'The parameter "statementId" must be a UUID.');
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpError(400, 'PUT takes one statement (a JSON object).');
    const id = (body as JsonObject).id;
    if (id !== undefined && (typeof id !== 'string' || id.toLowerCase() !== statementId.toLowerCase())) {
      throw new HttpError(400, 'statement.id does not match the statementId parameter.');
    }
    const statement = prepare(principal, { ...body, id: id ?? statementId }, 'statement');
    await save(ctx, principal, [statement]);
    return reply.code(204).send();
  });

  app.post('/xapi/statements', async (request, reply) => {
    const principal = await principalFor(ctx, request, reply);
    onlyParams(request.query as Query, []);
    const body = request.body;
    if (typeof body !== 'object' || body === null) throw new HttpError(400, 'POST takes a statement or an array of statements.');
    const statements = Array.isArray(body)
      ? body.map((item: unknown, index) => prepare(principal, item, `statements[${index}]`))
      : [prepare(principal, body, 'statement')];
    const ids = await save(ctx, principal, statements);
    return reply.code(200).send(ids);
  });

  app.get('/xapi/statements', async (request, reply) => {
    const principal = await principalFor(ctx, request, reply);
    const query = request.query as Query;
    const access = await readAccess(ctx, principal);

    if (query.statementId !== undefined || query.voidedStatementId !== undefined) {
      onlyParams(query, ['statementId', 'voidedStatementId', 'format', 'attachments']);
      if (query.statementId !== undefined && query.voidedStatementId !== undefined) {
        throw new HttpError(400, 'Use statementId or voidedStatementId, not both.');
      }
      const voided = query.voidedStatementId !== undefined;
      const id = String(voided ? query.voidedStatementId : query.statementId);
      if (!isUuid(id)) throw new HttpError(400, `The parameter "${voided ? 'voidedStatementId' : 'statementId'}" must be a UUID.`);
      const format = formatParam(query);
      const attachments = bool(query, 'attachments') ?? false;
      const through = await consistentThrough(ctx.store);
      const statement = await getStatement(ctx.store, id, voided, access);
      reply.header('X-Experience-API-Consistent-Through', through);
      if (!statement)
        throw new HttpError(
          404,
          voided ? 'There is no voided statement with this id that you may see.' : 'There is no statement with this id that you may see.',
        );
      reply.header('Last-Modified', new Date(String(statement.stored)).toUTCString());
      return sendStatementResult(reply, present(statement, format), attachments);
    }

    let parsed: ParsedQuery;
    let after: number | undefined;
    let params: Record<string, string>;
    if (query.cursor !== undefined) {
      onlyParams(query, ['cursor']);
      const cursor = decodeCursor(String(query.cursor));
      params = cursor.q;
      parsed = parseQuery(params);
      after = cursor.after;
    } else {
      parsed = parseQuery(query);
      params = query as Record<string, string>;
    }
    const through = await consistentThrough(ctx.store);
    const page = await queryStatements(ctx.store, { ...parsed.filter, ...(after === undefined ? {} : { after }) }, access);
    reply.header('X-Experience-API-Consistent-Through', through);
    const more = page.next === undefined ? '' : `/xapi/statements?cursor=${encodeCursor({ q: params, after: page.next })}`;
    return sendStatementResult(reply, { statements: page.statements.map((s) => present(s, parsed.format)), more }, parsed.attachments);
  });
}
