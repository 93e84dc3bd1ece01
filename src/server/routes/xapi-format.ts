/*
 * The `format=ids` view of a statement (xAPI-Communication.md 2.1.3): Agents and Groups keep
 * only objectType and their identifier (anonymous Groups keep their members, reduced the same
 * way), Activities only objectType and id, Verbs only id.
 */
import type { JsonObject } from '../../shared/xapi/validate';

const asObject = (value: unknown): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;

function actorIds(value: unknown): unknown {
  const actor = asObject(value);
  if (!actor) return value;
  const out: JsonObject = { objectType: actor.objectType ?? 'Agent' };
  for (const key of ['mbox', 'mbox_sha1sum', 'openid', 'account']) if (actor[key] !== undefined) out[key] = actor[key];
  if (Array.isArray(actor.member) && Object.keys(out).length === 1) out.member = actor.member.map(actorIds);
  return out;
}

function activityIds(value: unknown): unknown {
  const activity = asObject(value);
  return activity ? { objectType: 'Activity', id: activity.id } : value;
}

function bodyIds(statement: JsonObject): JsonObject {
  const out: JsonObject = { ...statement, actor: actorIds(statement.actor) };
  const verb = asObject(statement.verb);
  if (verb) out.verb = { id: verb.id };
  const target = asObject(statement.object);
  if (target) {
    const type = target.objectType ?? 'Activity';
    if (type === 'Activity') out.object = activityIds(target);
    else if (type === 'Agent' || type === 'Group') out.object = actorIds(target);
    else if (type === 'SubStatement') out.object = bodyIds(target);
  }
  const context = asObject(statement.context);
  if (context) {
    const c: JsonObject = { ...context };
    if (c.instructor !== undefined) c.instructor = actorIds(c.instructor);
    if (c.team !== undefined) c.team = actorIds(c.team);
    const lists = asObject(c.contextActivities);
    if (lists) {
      c.contextActivities = Object.fromEntries(
        Object.entries(lists).map(([key, list]) => [key, (Array.isArray(list) ? list : [list]).map(activityIds)]),
      );
    }
    out.context = c;
  }
  return out;
}

export function formatIds(statement: JsonObject): JsonObject {
  const out = bodyIds(statement);
  if (statement.authority !== undefined) out.authority = actorIds(statement.authority);
  return out;
}
