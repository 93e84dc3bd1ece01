/*
 * A check on every request's query values, route parameters and JSON body before a route sees
 * them: no NUL character (PostgreSQL text cannot hold one, so it failed deep in a query) and
 * nothing nested deeper than MAX_JSON_DEPTH (code that recurses over JSON would overflow the
 * stack). A problem is a 400 whose `error` code names it (`nul-character`, `nested-too-deep`)
 * and whose message names the parameter or the place in the body. Bodies parsed into other
 * shapes (multipart/mixed, forms) carry statements, which the statement validator checks the
 * same way.
 */
import type { FastifyRequest } from 'fastify';
import { jsonLimitProblem } from '../../shared/xapi/json-limits';
import { HttpError } from '../routes/accounts';

function isPlainJson(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export async function guardInput(request: FastifyRequest): Promise<void> {
  const problem =
    jsonLimitProblem(request.query, 'query') ??
    jsonLimitProblem(request.params, 'path') ??
    (isPlainJson(request.body) || typeof request.body === 'string' ? jsonLimitProblem(request.body, 'body') : undefined);
  if (problem) throw new HttpError(400, problem);
}
