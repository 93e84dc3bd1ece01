/*
 * The xAPI document resources (xAPI-Communication.md 2.3, 2.4, 2.6, 2.7):
 * /xapi/activities/state, /xapi/activities/profile and /xapi/agents/profile. A document is any
 * content type, kept as octets (store/documents.ts) and answered with its Content-Type, a quoted
 * SHA-1 ETag and Last-Modified. PUT replaces, POST merges JSON objects one level deep, GET
 * answers one document or (without an id) the list of ids, `since` filtering by last write;
 * DELETE removes one, or for State all of an agent's states in an activity. If-Match and
 * If-None-Match are honoured on every write (412); a PUT on an existing profile without either
 * is 409. The parameters and the merge are checked in shared/xapi/documents.ts, who may do what
 * in auth/document-access.ts. HEAD answers like GET without the body (Fastify's HEAD routes).
 * Every method can also be asked for with the alternate request syntax (xapi-alternate.ts):
 * POST <path>?method=PUT|POST|GET|DELETE with a form whose `content` is the document (UTF-8) and
 * whose Content-Type, If-Match and If-None-Match fields stand for those headers.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import { HttpError } from './accounts';
import { principalFor } from './xapi-principal';
import { ALTERNATE_METHODS, readAlternate, type AlternateHeaders } from './xapi-alternate';
import type { Query } from './xapi-request';
import { documentProblem } from '../auth/document-access';
import {
  documentAddress,
  MAX_DOCUMENT_BYTES,
  mergeDocument,
  preconditionProblem,
  type DocumentAddress,
  type DocumentKind,
  type DocumentMethod,
} from '../../shared/xapi/documents';
import { deleteDocuments, documentIds, readDocument, writeDocument } from '../store/documents';

const PATHS: Record<DocumentKind, string> = {
  state: '/xapi/activities/state',
  'activity-profile': '/xapi/activities/profile',
  'agent-profile': '/xapi/agents/profile',
};

export const isDocumentPath = (path: string): boolean => Object.values(PATHS).includes(path);

/** One document request, from the usual syntax or the alternate one (query, content and header fields from the form). */
type DocumentCall = {
  kind: DocumentKind;
  method: DocumentMethod;
  request: FastifyRequest;
  reply: FastifyReply;
  query: Query;
  content: Buffer;
  headers: AlternateHeaders;
};

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The call as the usual syntax makes it: everything from the HTTP request. */
function usualCall(call: Pick<DocumentCall, 'kind' | 'method' | 'request' | 'reply'>): DocumentCall {
  const { request } = call;
  return {
    ...call,
    query: request.query as Query,
    content: request.body instanceof Buffer ? request.body : Buffer.alloc(0),
    headers: {
      contentType: header(request, 'content-type'),
      ifMatch: header(request, 'if-match'),
      ifNoneMatch: header(request, 'if-none-match'),
    },
  };
}

/** Checks the parameters and the principal's right; the address of the document(s). */
async function authorize(ctx: AppContext, { kind, method, request, reply, query }: DocumentCall): Promise<DocumentAddress> {
  const principal = await principalFor(ctx, request, reply);
  const check = documentAddress(kind, { method, query });
  if (!check.ok) throw new HttpError(400, check.problem);
  const problem = await documentProblem(ctx, { principal, kind, agentKey: check.address.place.agentKey, writing: method !== 'GET' });
  if (problem) throw new HttpError(403, { code: 'document-not-allowed', message: problem });
  return check.address;
}

async function getDocument(ctx: AppContext, call: DocumentCall): Promise<FastifyReply> {
  const { place, documentId, since } = await authorize(ctx, call);
  const { reply } = call;
  if (documentId === undefined) return reply.code(200).send(await documentIds(ctx.store.db, place, since));
  const document = await readDocument(ctx.store.db, place, documentId);
  if (!document) throw new HttpError(404, { code: 'no-document', message: 'There is no such document.' });
  return reply
    .code(200)
    .header('Content-Type', document.contentType)
    .header('ETag', `"${document.etag}"`)
    .header('Last-Modified', new Date(document.updated).toUTCString())
    .send(Buffer.from(document.content));
}

/** PUT or POST: checks the preconditions against the stored document and writes, in one transaction. */
async function putOrPost(ctx: AppContext, call: DocumentCall): Promise<FastifyReply> {
  const { place, documentId } = await authorize(ctx, call);
  const { reply, kind, method, headers } = call;
  const id = documentId ?? '';
  const posted = { content: call.content, contentType: headers.contentType ?? 'application/octet-stream' };
  const conditions = { ifMatch: headers.ifMatch, ifNoneMatch: headers.ifNoneMatch };
  const etag = await ctx.store.db.transaction().execute(async (trx) => {
    if (ctx.store.dialect === 'postgres') {
      // Writers of the same place wait for each other, so a precondition holds until the write.
      await sql`select pg_advisory_xact_lock(hashtext(${`${place.kind}\u0001${place.agentKey}\u0001${place.activityId}`}))`.execute(trx);
    }
    const stored = await readDocument(trx, place, id);
    const failed = preconditionProblem(conditions, { etag: stored?.etag, mustHave: method === 'PUT' && kind !== 'state' });
    if (failed) throw new HttpError(failed.status, failed.problem);
    const merged = method === 'POST' ? mergeDocument(stored, posted) : { ok: true as const, document: posted };
    if (!merged.ok) throw new HttpError(400, merged.problem);
    return writeDocument(trx, { place, documentId: id, document: merged.document });
  });
  return reply.code(204).header('ETag', `"${etag}"`).send();
}

async function deleteDocument(ctx: AppContext, call: DocumentCall): Promise<FastifyReply> {
  const { place, documentId } = await authorize(ctx, call);
  const { reply, headers } = call;
  const conditions = { ifMatch: headers.ifMatch, ifNoneMatch: headers.ifNoneMatch };
  await ctx.store.db.transaction().execute(async (trx) => {
    if (documentId !== undefined && (conditions.ifMatch !== undefined || conditions.ifNoneMatch !== undefined)) {
      const stored = await readDocument(trx, place, documentId);
      const failed = preconditionProblem(conditions, { etag: stored?.etag, mustHave: false });
      if (failed) throw new HttpError(failed.status, failed.problem);
    }
    await deleteDocuments(trx, place, documentId);
  });
  return reply.code(204).send();
}

/** The document resources, in their own scope: any content type is taken as octets there. */
export function registerDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      throw new HttpError(413, {
        code: 'document-too-large',
        message: `A document is at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
      });
    });
    for (const kind of Object.keys(PATHS) as DocumentKind[]) {
      const url = PATHS[kind];
      scope.get(url, async (request, reply) => getDocument(ctx, usualCall({ kind, method: 'GET', request, reply })));
      scope.put(url, async (request, reply) => putOrPost(ctx, usualCall({ kind, method: 'PUT', request, reply })));
      scope.delete(url, async (request, reply) => deleteDocument(ctx, usualCall({ kind, method: 'DELETE', request, reply })));
      scope.post(url, async (request, reply) => {
        if ((request.query as Query).method === undefined) return putOrPost(ctx, usualCall({ kind, method: 'POST', request, reply }));
        const alternate = readAlternate(request, { path: url, methods: ALTERNATE_METHODS.documents });
        const call: DocumentCall = {
          kind,
          method: alternate.method,
          request,
          reply,
          query: alternate.query,
          content: Buffer.from(alternate.content ?? '', 'utf8'),
          headers: alternate.headers,
        };
        if (alternate.method === 'GET') return getDocument(ctx, call);
        if (alternate.method === 'DELETE') return deleteDocument(ctx, call);
        return putOrPost(ctx, call);
      });
    }
  });
}
