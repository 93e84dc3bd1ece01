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
import { NOTE_MAX_LENGTH, noteTooLong } from '../../shared/learning/notes';
import { HttpError } from './accounts';
import { principalFor } from './xapi-principal';
import { isDocumentPath, registerDocumentRoutes } from './xapi-documents';
import { registerResourceRoutes } from './xapi-resources';
import { readAccess, writeProblem, writeRights, type WriteRights } from '../auth/access';
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
import { acceptedLanguages, formatCanonical } from './xapi-language';
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
import { ALTERNATE_METHODS, alternateJson, FormFields, isAlternate, readAlternate, readForm } from './xapi-alternate';
import { mediaType } from './xapi-multipart';

/**
 * The most statements one POST may carry. A batch is stored in one transaction under the
 * statement lock every writer waits for, and its summary work (store/summaries.ts) grows with
 * the statements in it and the modules they touch, so this caps what one request can hold up.
 * The app sends 100 at a time (sync/engine.ts BATCH_SIZE).
 */
export const MAX_STATEMENTS_PER_REQUEST = 1000;

/** One Statement API request, from the usual syntax or the alternate one. */
type Call = { request: FastifyRequest; reply: FastifyReply; query: Query; body: unknown };

const CONSISTENT_THROUGH = 'X-Experience-API-Consistent-Through';

/** GET (or HEAD) /xapi/statements, in the usual or the alternate syntax. */
function isStatementRead(request: FastifyRequest): boolean {
  if (request.url.split('?')[0] !== '/xapi/statements') return false;
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  return request.method === 'POST' && (request.query as Query).method === 'GET';
}

/** The statements JSON and, for multipart/mixed, the attachment parts (undefined for JSON). */
function payloadOf(body: unknown): { json: unknown; parts: AttachmentPart[] | undefined } {
  if (body instanceof MultipartStatements) return { json: body.json, parts: body.parts };
  if (body instanceof FormFields) {
    throw new HttpError(400, 'A form (application/x-www-form-urlencoded) is accepted only as POST /xapi/statements?method=PUT|POST|GET.');
  }
  return { json: body, parts: undefined };
}

/** A statement as the `format` parameter asks; `canonical` keeps the languages Accept-Language prefers. */
function present(statement: JsonObject, view: { format: Format; languages: string[] }): JsonObject {
  if (view.format === 'ids') return formatIds(statement);
  return view.format === 'canonical' ? formatCanonical(statement, view.languages) : statement;
}

/** A principal's write: who it is and what it may write (auth/access.ts). */
type Author = { principal: Principal; rights: WriteRights };

async function authorFor(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<Author> {
  const principal = await principalFor(ctx, request, reply);
  return { principal, rights: await writeRights(ctx, principal) };
}

function prepare(author: Author, body: unknown, path: string): IncomingStatement {
  const check = validateStatement(body, path);
  if (!check.ok) throw new HttpError(400, check.error);
  // The note field's limit, kept here too for every other writer (an old client, an xAPI tool).
  const noteLength = noteTooLong(check.statement);
  if (noteLength !== undefined)
    throw new HttpError(400, {
      code: 'note-too-long',
      message: `${path}.result.response: a note may be at most ${NOTE_MAX_LENGTH} characters long; this one has ${noteLength}. Shorten it and save it again.`,
    });
  const problem = writeProblem(author.principal, author.rights, { statement: check.statement, path });
  if (problem) throw new HttpError(403, { code: 'actor-not-allowed', message: problem });
  return { ...check.statement, id: typeof check.statement.id === 'string' ? check.statement.id : randomUUID() };
}

async function save(
  ctx: AppContext,
  { principal, rights }: Author,
  statements: IncomingStatement[],
  attachments: StatementAttachments,
): Promise<string[]> {
  try {
    return await storeStatements(
      ctx.store,
      statements,
      {
        authority: principal.agent,
        mayVoid: rights.mayVoid,
        mayReview: rights.mayReview,
        afterStore: summaryHook({ xapiBase: ctx.config.xapiBase, course: await ctx.currentCourse() }),
      },
      attachments,
    );
  } catch (error) {
    if (error instanceof StatementRejected)
      throw new HttpError(error.status, error.code === undefined ? error.message : { code: error.code, message: error.message });
    throw error;
  }
}

async function putStatement(ctx: AppContext, { request, reply, query, body }: Call): Promise<FastifyReply> {
  const author = await authorFor(ctx, request, reply);
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
  const statement = prepare(author, { ...json, id: id ?? statementId }, 'statement');
  await save(ctx, author, [statement], matchAttachments([{ statement, path: 'statement' }], parts));
  return reply.code(204).send();
}

async function postStatements(ctx: AppContext, { request, reply, query, body }: Call): Promise<FastifyReply> {
  const author = await authorFor(ctx, request, reply);
  onlyParams(query, []);
  const { json, parts } = payloadOf(body);
  if (typeof json !== 'object' || json === null) throw new HttpError(400, 'POST takes a statement or an array of statements.');
  const paths = Array.isArray(json) ? json.map((_item: unknown, index) => `statements[${index}]`) : ['statement'];
  const items: unknown[] = Array.isArray(json) ? json : [json];
  if (items.length > MAX_STATEMENTS_PER_REQUEST) {
    throw new HttpError(413, {
      code: 'too-many-statements',
      message: `A request may carry at most ${MAX_STATEMENTS_PER_REQUEST} statements (this one has ${items.length}): send them in several requests.`,
    });
  }
  const statements = items.map((item, index) => ({ statement: prepare(author, item, paths[index] ?? ''), path: paths[index] ?? '' }));
  const attachments = matchAttachments(statements, parts);
  const ids = await save(
    ctx,
    author,
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
    reply.header(CONSISTENT_THROUGH, through);
    if (!statement)
      throw new HttpError(
        404,
        voided ? 'There is no voided statement with this id that you may see.' : 'There is no statement with this id that you may see.',
      );
    reply.header('Last-Modified', new Date(String(statement.stored)).toUTCString());
    const parts = attachments ? (await attachmentParts(ctx.store, [statement])).parts : undefined;
    return sendStatementResult(
      reply,
      present(statement, { format, languages: acceptedLanguages(request.headers['accept-language']) }),
      parts,
    );
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
  reply.header(CONSISTENT_THROUGH, through);
  let { statements, next } = page;
  let parts: AnswerParts['parts'] | undefined;
  if (parsed.attachments) {
    // A page's attachment content is bounded: the statements whose content does not fit move to the next page.
    const answer = await attachmentParts(ctx.store, statements, ATTACHMENT_PAGE_BYTES);
    if (answer.count < statements.length) [statements, next] = [statements.slice(0, answer.count), page.seqs[answer.count - 1]];
    parts = answer.parts;
  }
  const more = next === undefined ? '' : `/xapi/statements?cursor=${encodeCursor({ q: params, after: next })}`;
  const view = { format: parsed.format, languages: acceptedLanguages(request.headers['accept-language']) };
  return sendStatementResult(reply, { statements: statements.map((s) => present(s, view)), more }, parts);
}

/**
 * The alternate syntax (and a form sent without `?method=` where no document is expected) is
 * recognised before the version header is checked: it may be in the form. A form POSTed to a
 * document resource without `?method=` is a document of that content type.
 */
function isAlternateBeforeParsing(request: FastifyRequest, path: string | undefined): boolean {
  if (request.method !== 'POST' || path === undefined) return false;
  if ((request.query as Query).method !== undefined) return true;
  const type = mediaType(String(request.headers['content-type'] ?? '')).type;
  return type === 'application/x-www-form-urlencoded' && !isDocumentPath(path);
}

export function registerXapiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/xapi/') && request.url !== '/xapi') return;
    reply.header('X-Experience-API-Version', XAPI_VERSION);
    const path = request.url.split('?')[0];
    if (path !== '/xapi/about' && request.method !== 'OPTIONS' && !isAlternateBeforeParsing(request, path)) checkVersionHeader(request);
  });

  registerDocumentRoutes(app, ctx);
  registerResourceRoutes(app, ctx);

  // The Statement API in its own scope, so that its content types and its 413 message stay out of /api.
  void app.register(async (scope) => {
    scope.addContentTypeParser('multipart/mixed', { parseAs: 'buffer' }, (request, body, done) => {
      try {
        done(null, readMultipartStatements(body as Buffer, String(request.headers['content-type'])));
      } catch (error) {
        done(error as FastifyError, undefined);
      }
    });
    // xAPI-Communication.md 1.5.2 names multipart/mixed; a form upload is a client's mistake, said as such.
    scope.addContentTypeParser('multipart/form-data', (_request, _payload, done) => {
      done(
        new HttpError(400, {
          code: 'use-multipart-mixed',
          message: 'Statements with attachment content are sent as multipart/mixed, not multipart/form-data.',
        }) as unknown as FastifyError,
        undefined,
      );
    });
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
      try {
        done(null, readForm(body as Buffer));
      } catch (error) {
        done(error as FastifyError, undefined);
      }
    });
    // A read answered 4xx (bad parameters, no credentials) still says how far the store is consistent.
    scope.addHook('onSend', async (request, reply, payload) => {
      if (isStatementRead(request) && !reply.hasHeader(CONSISTENT_THROUGH))
        reply.header(CONSISTENT_THROUGH, await consistentThrough(ctx.store));
      return payload;
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
      const alternate = readAlternate(request, { path: '/xapi/statements', methods: ALTERNATE_METHODS.statements });
      const { method, query } = alternate;
      const call = { request, reply, query, body: alternateJson(alternate) };
      if (method === 'PUT') return putStatement(ctx, call);
      if (method === 'POST') return postStatements(ctx, call);
      return getStatements(ctx, call);
    });

    scope.get('/xapi/statements', async (request, reply) =>
      getStatements(ctx, { request, reply, query: request.query as Query, body: undefined }),
    );
  });
}
