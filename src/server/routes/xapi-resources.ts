/*
 * The Activities, Agents and About resources (xAPI-Communication.md 2.5, 2.8, 2.9): GET
 * /xapi/activities?activityId= answers the Activity with the definition gathered from every
 * statement the reader may see, GET /xapi/agents?agent= the Person object (shared/xapi/gathered.ts),
 * both read from what was gathered when the statements were stored (store/gathered.ts), so an
 * answer costs a few rows however many statements name the activity. Each is also answered to
 * the alternate request syntax (POST <path>?method=GET with a form).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from './accounts';
import { principalFor } from './xapi-principal';
import { readAccess } from '../auth/access';
import { gatheredLeaves } from '../store/gathered';
import { activityFromLeaves, personFromLeaves } from '../../shared/xapi/gathered';
import { agentKey } from '../../shared/xapi/canonical';
import { isIri, validateAgent, type JsonObject } from '../../shared/xapi/validate';
import { onlyParams, SUPPORTED_VERSIONS, type Query } from './xapi-request';
import { ALTERNATE_METHODS, readAlternate, readForm } from './xapi-alternate';

/** One read, from the usual syntax or the alternate one (its query from the form). */
type ReadCall = { request: FastifyRequest; reply: FastifyReply; query: Query };

async function getActivity(ctx: AppContext, { request, reply, query }: ReadCall): Promise<JsonObject> {
  const access = await readAccess(ctx, await principalFor(ctx, request, reply));
  onlyParams(query, ['activityId']);
  const id = query.activityId;
  if (typeof id !== 'string') throw new HttpError(400, { code: 'missing-parameter', message: 'The parameter "activityId" is required.' });
  if (!isIri(id)) throw new HttpError(400, { code: 'bad-parameter', message: 'The parameter "activityId" must be an IRI.' });
  return activityFromLeaves(id, await gatheredLeaves(ctx.store.db, { kind: 'activity', key: id }, access));
}

async function getPerson(ctx: AppContext, { request, reply, query }: ReadCall): Promise<JsonObject> {
  const access = await readAccess(ctx, await principalFor(ctx, request, reply));
  onlyParams(query, ['agent']);
  if (typeof query.agent !== 'string')
    throw new HttpError(400, { code: 'missing-parameter', message: 'The parameter "agent" is required.' });
  let agent: unknown;
  try {
    agent = JSON.parse(query.agent);
  } catch {
    throw new HttpError(400, { code: 'bad-parameter', message: 'The parameter "agent" must be a JSON Agent object.' });
  }
  const check = validateAgent(agent, 'agent');
  if (!check.ok) throw new HttpError(400, { code: 'bad-parameter', message: `The parameter ${check.error}` });
  if ((agent as JsonObject).objectType === 'Group')
    throw new HttpError(400, { code: 'bad-parameter', message: 'The parameter "agent" must be an Agent, not a Group.' });
  const key = agentKey(agent) ?? '';
  return personFromLeaves(agent as JsonObject, await gatheredLeaves(ctx.store.db, { kind: 'agent', key }, access));
}

// About takes no parameters and no credentials (xAPI-Communication.md 2.9).
const getAbout = async (): Promise<JsonObject> => ({ version: SUPPORTED_VERSIONS });

const READS: [`/xapi/${string}`, (ctx: AppContext, call: ReadCall) => Promise<JsonObject>][] = [
  ['/xapi/activities', getActivity],
  ['/xapi/agents', getPerson],
  ['/xapi/about', getAbout],
];

/** Activities, Agents and About, in their own scope so that a form (the alternate request syntax) is parsed there. */
export function registerResourceRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
      try {
        done(null, readForm(body as Buffer));
      } catch (error) {
        done(error as FastifyError, undefined);
      }
    });
    for (const [path, read] of READS) {
      scope.get(path, async (request, reply) => read(ctx, { request, reply, query: request.query as Query }));
      scope.post(path, async (request, reply) => {
        const alternate = readAlternate(request, { path, methods: ALTERNATE_METHODS.read, versionFree: path === '/xapi/about' });
        return read(ctx, { request, reply, query: alternate.query });
      });
    }
  });
}
