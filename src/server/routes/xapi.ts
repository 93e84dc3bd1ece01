/*
 * The xAPI 1.0.3 Statement API (xAPI-Communication.md 2.1) at /xapi/statements, and
 * /xapi/about. Every /xapi request must carry X-Experience-API-Version 1.0.x (except /about; an
 * alternate-syntax request may carry it in its form) and every answer carries
 * X-Experience-API-Version: 1.0.3. Requests are authenticated by the session cookie (plus the
 * CSRF header for writes) or HTTP Basic; what a principal may read and write is decided in
 * auth/access.ts. Statements come as application/json, as multipart/mixed with attachment
 * content (xapi-attachments.ts), or through the alternate request syntax (xapi-alternate.ts);
 * the parsers for those two content types are registered for /xapi only. Unknown query
 * parameters are rejected with 400, as the specification requires (xapi-request.ts).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { isUuid, validateStatement, type JsonObject } from '../../shared/xapi/validate';
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
} from '../store/statements';
import type { StatementAttachments } from '../store/attachments';
import { formatIds } from './xapi-format';
import { summaryHook } from '../store/summaries';
import {
  bool,
  checkVersionHeader,
  decodeCursor,
  encodeCursor,
  formatParam,
  onlyParams,
  parseQuery,
  XAPI_VERSION,
  SUPPORTED_VERSIONS,
  type Format,
  type ParsedQuery,
  type Query,
} from './xapi-request';
import {
  ATTACHMENT_PAGE_BYTES,
  attachmentParts,
  matchAttachments,
  MultipartStatements,
  readMultipartStatements,
  sendStatementResult,
  type AnswerParts,
  type AttachmentPart,
} from './xapi-attachments';
import { FormFields, isAlternate, readAlternate, readForm } from './xapi-alternate';
import { mediaType } from './xapi-multipart';

/** One Statement API request, from the usual syntax or the alternate one. */
type Call = { request: FastifyRequest; reply: FastifyReply; query: Query; body: unknown };

async function principalFor(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<Principal> {
  const principal = await requirePrincipal(ctx, request, reply);
  if (principal.kind === 'user' && principal.via === 'session') {
    const problem = csrfProblem(request);
    if (problem) throw new HttpError(403, problem);
  }
  return principal;
}

/** The statements JSON and, for multipart/mixed, the attachment parts (undefined for JSON). */
function payloadOf(body: unknown): { json: unknown; parts: AttachmentPart[] | undefined } {
  if (body instanceof MultipartStatements) return { json: body.json, parts: body.parts };
  if (body instanceof FormFields) {
    throw new HttpError(400, 'A form (application/x-www-form-urlencoded) is accepted only as POST /xapi/statements?method=PUT|POST|GET.');
  }
  return { json: body, parts: undefined };
}

function present(statement: JsonObject, format: Format): JsonObject {
  return format === 'ids' ? formatIds(statement) : statement;
}

function prepare(principal: Principal, body: unknown, path: string): IncomingStatement {
  const check = validateStatement(body, path);
  if (!check.ok) throw new HttpError(400, check.error);
  const problem = writeProblem(principal, check.statement, path);
  if (problem) throw new HttpError(403, problem);
  return { ...check.statement, id: typeof check.statement.id === 'string' ? check.statement.id : randomUUID() };
}

async function save(
  ctx: AppContext,
  principal: Principal,
  statements: IncomingStatement[],
  attachments: StatementAttachments,
): Promise<string[]> {
  try {
    return await storeStatements(
      ctx.store,
      statements,
      {
        authority: principal.agent,
        privileged: isPrivilegedWriter(principal),
        afterStore: summaryHook({ xapiBase: ctx.config.xapiBase, course: ctx.course }),
      },
      attachments,
    );
  } catch (error) {
    if (error instanceof StatementRejected) throw new HttpError(error.status, error.message);
    throw error;
  }
}

async function putStatement(ctx: AppContext, { request, reply, query, body }: Call): Promise<FastifyReply> {
  const principal = await principalFor(ctx, request, reply);
  onlyParams(query, ['statementId']);
  const statementId = query.statementId;
  if (typeof statementId !== 'string') throw new HttpError(400, 'PUT needs the statementId parameter.');
  if (!isUuid(statementId)) throw new HttpError(400, 'The parameter "statementId" must be a UUID.');
  const { json, parts } = payloadOf(body);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new HttpError(400, 'PUT takes one statement (a JSON object).');
  const id = (json as JsonObject).id;
  if (id !== undefined && (typeof id !== 'string' || id.toLowerCase() !== statementId.toLowerCase())) {
    throw new HttpError(400, 'statement.id does not match the statementId parameter.');
  }
  const statement = prepare(principal, { ...json, id: id ?? statementId }, 'statement');
  await save(ctx, principal, [statement], matchAttachments([{ statement, path: 'statement' }], parts));
  return reply.code(204).send();
}

async function postStatements(ctx: AppContext, { request, reply, query, body }: Call): Promise<FastifyReply> {
  const principal = await principalFor(ctx, request, reply);
  onlyParams(query, []);
  const { json, parts } = payloadOf(body);
  if (typeof json !== 'object' || json === null) throw new HttpError(400, 'POST takes a statement or an array of statements.');
  const paths = Array.isArray(json) ? json.map((_item: unknown, index) => `statements[${index}]`) : ['statement'];
  const items: unknown[] = Array.isArray(json) ? json : [json];
  const statements = items.map((item, index) => ({ statement: prepare(principal, item, paths[index] ?? ''), path: paths[index] ?? '' }));
  const attachments = matchAttachments(statements, parts);
  const ids = await save(
    ctx,
    principal,
    statements.map(({ statement }) => statement),
    attachments,
  );
  return reply.code(200).send(ids);
}

async function getStatements(ctx: AppContext, { request, reply, query }: Call): Promise<FastifyReply> {
  const principal = await principalFor(ctx, request, reply);
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
    const parts = attachments ? (await attachmentParts(ctx.store, [statement])).parts : undefined;
    return sendStatementResult(reply, present(statement, format), parts);
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
  let { statements, next } = page;
  let parts: AnswerParts['parts'] | undefined;
  if (parsed.attachments) {
    // A page's attachment content is bounded: the statements whose content does not fit move to the next page.
    const answer = await attachmentParts(ctx.store, statements, ATTACHMENT_PAGE_BYTES);
    if (answer.count < statements.length) [statements, next] = [statements.slice(0, answer.count), page.seqs[answer.count - 1]];
    parts = answer.parts;
  }
  const more = next === undefined ? '' : `/xapi/statements?cursor=${encodeCursor({ q: params, after: next })}`;
  return sendStatementResult(reply, { statements: statements.map((s) => present(s, parsed.format)), more }, parts);
}

/** The alternate syntax (and a form sent without `?method=`) is recognised before the version header is checked: it may be in the form. */
function isAlternateBeforeParsing(request: FastifyRequest, path: string | undefined): boolean {
  if (request.method !== 'POST' || path !== '/xapi/statements') return false;
  const type = mediaType(String(request.headers['content-type'] ?? '')).type;
  return (request.query as Query).method !== undefined || type === 'application/x-www-form-urlencoded';
}

export function registerXapiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/xapi/') && request.url !== '/xapi') return;
    reply.header('X-Experience-API-Version', XAPI_VERSION);
    const path = request.url.split('?')[0];
    if (path !== '/xapi/about' && request.method !== 'OPTIONS' && !isAlternateBeforeParsing(request, path)) checkVersionHeader(request);
  });

  app.get('/xapi/about', async () => ({ version: SUPPORTED_VERSIONS }));

  // The Statement API in its own scope, so that its content types and its 413 message stay out of /api.
  void app.register(async (scope) => {
    scope.addContentTypeParser('multipart/mixed', { parseAs: 'buffer' }, (request, body, done) => {
      try {
        done(null, readMultipartStatements(body as Buffer, String(request.headers['content-type'])));
      } catch (error) {
        done(error as FastifyError, undefined);
      }
    });
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
      try {
        done(null, readForm(body as Buffer));
      } catch (error) {
        done(error as FastifyError, undefined);
      }
    });
    scope.setErrorHandler((error: FastifyError, request) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      const megabytes = Math.round((request.routeOptions.bodyLimit ?? 0) / 1024 / 1024);
      throw new HttpError(
        413,
        `The request is larger than this LRS accepts (${megabytes} MB in one request, statements and attachment content together). Send fewer statements per request, or large attachments by fileUrl.`,
      );
    });

    scope.put('/xapi/statements', async (request, reply) =>
      putStatement(ctx, { request, reply, query: request.query as Query, body: request.body }),
    );

    scope.post('/xapi/statements', async (request, reply) => {
      if (!isAlternate(request)) return postStatements(ctx, { request, reply, query: request.query as Query, body: request.body });
      const { method, query, body } = readAlternate(request);
      const call = { request, reply, query, body };
      if (method === 'PUT') return putStatement(ctx, call);
      if (method === 'POST') return postStatements(ctx, call);
      return getStatements(ctx, call);
    });

    scope.get('/xapi/statements', async (request, reply) =>
      getStatements(ctx, { request, reply, query: request.query as Query, body: undefined }),
    );
  });
}
