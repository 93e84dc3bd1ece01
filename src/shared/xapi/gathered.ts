/*
 * What an LRS gathers from statements for the Activities and Agents resources
 * (xAPI-Communication.md 2.5, 2.8; xAPI-Data.md 2.4.4.1): the canonical definition of an
 * Activity, merged from its definitions in statements oldest first, so the newest wins field by
 * field and language by language (a definition that names only `en` keeps the `lv` name already
 * gathered); and the Person object of an Agent: every name it was given, with its identifier.
 *
 * Both are kept as leaves, each with the order of the statement that last set it (its seq, then
 * its place in the statement): a definition field, or one key of a map field (name,
 * description, extensions); a name of an agent. Merging two sets of leaves keeps the later leaf,
 * so leaves merged from any grouping of statements, in any order, equal the merge of those
 * statements oldest first. The server keeps them per audience (server/store/gathered.ts).
 */
import { agentKey } from './canonical';
import type { JsonObject } from './validate';

const asObject = (value: unknown): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;

/** Leaf name -> [order, value]. Orders are seq + place / PLACES. */
export type Leaves = Record<string, [number, unknown]>;

/** Places of activities (or agents) in one statement that keep their order; more share the last. */
const PLACES = 1024;

/** Fields whose values are maps (language maps, extensions): merged key by key. */
const MAP_FIELDS = ['name', 'description', 'extensions'];

/** Leaf names: a whole field, a map field's presence (an empty map), one key of a map field. */
const FIELD = 'f';
const MAP = 'm';
const KEY = 'k';
const SEP = '\u0000';

/** Every Activity object in a statement, in order: object, SubStatement, context activities. */
function activitiesOf(statement: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const body = (part: JsonObject | undefined): void => {
    if (!part) return;
    const target = asObject(part.object);
    if (target && (target.objectType ?? 'Activity') === 'Activity' && typeof target.id === 'string') found.push(target);
    if (target?.objectType === 'SubStatement') body(target);
    const lists = asObject(asObject(part.context)?.contextActivities);
    for (const list of Object.values(lists ?? {})) {
      for (const activity of Array.isArray(list) ? list : [list]) {
        const object = asObject(activity);
        if (object && typeof object.id === 'string') found.push(object);
      }
    }
  };
  body(statement);
  return found;
}

/** Puts a leaf unless a later one is there. */
function put(leaves: Leaves, name: string, leaf: [number, unknown]): void {
  const before = leaves[name];
  if (before === undefined || before[0] <= leaf[0]) leaves[name] = leaf;
}

/** Merges `from` into `into` (the later leaf wins); returns `into`. */
export function mergeLeaves(into: Leaves, from: Leaves): Leaves {
  for (const [name, leaf] of Object.entries(from)) put(into, name, leaf);
  return into;
}

/** The definition leaves of every activity in a statement stored with this seq, by activity id. */
export function definitionLeaves(statement: JsonObject, seq: number): Map<string, Leaves> {
  const byId = new Map<string, Leaves>();
  activitiesOf(statement).forEach((activity, place) => {
    const definition = asObject(activity.definition);
    if (!definition) return;
    const order = seq + Math.min(place, PLACES - 1) / PLACES;
    const leaves = byId.get(String(activity.id)) ?? {};
    for (const [field, value] of Object.entries(definition)) {
      const map = MAP_FIELDS.includes(field) ? asObject(value) : undefined;
      if (!map) {
        put(leaves, `${FIELD}${SEP}${field}`, [order, value]);
        continue;
      }
      put(leaves, `${MAP}${SEP}${field}`, [order, true]);
      for (const [key, text] of Object.entries(map)) put(leaves, `${KEY}${SEP}${field}${SEP}${key}`, [order, text]);
    }
    byId.set(String(activity.id), leaves);
  });
  return byId;
}

/** The Activity with the definition its leaves make (only its id when none). */
export function activityFromLeaves(id: string, leaves: Leaves): JsonObject {
  const definition: JsonObject = {};
  const names = Object.keys(leaves).sort((a, b) => (leaves[a]?.[0] ?? 0) - (leaves[b]?.[0] ?? 0));
  for (const name of names) {
    const [kind, field = '', key = ''] = name.split(SEP);
    const value = leaves[name]?.[1];
    if (kind === FIELD) definition[field] = value;
    else {
      const map = asObject(definition[field]) ?? {};
      if (kind === KEY) map[key] = value;
      definition[field] = map;
    }
  }
  return Object.keys(definition).length === 0 ? { objectType: 'Activity', id } : { objectType: 'Activity', id, definition };
}

/** The names given to agents in a statement stored with this seq, by agent key (actor, object, instructor, team, members, SubStatement). */
export function nameLeaves(statement: JsonObject, seq: number): Map<string, Leaves> {
  const byKey = new Map<string, Leaves>();
  let place = 0;
  const visit = (value: unknown): void => {
    const actor = asObject(value);
    if (!actor) return;
    const key = agentKey(actor);
    if (key !== undefined && typeof actor.name === 'string') {
      const leaves = byKey.get(key) ?? {};
      put(leaves, actor.name, [seq + Math.min(place, PLACES - 1) / PLACES, true]);
      byKey.set(key, leaves);
      place += 1;
    }
    if (Array.isArray(actor.member)) actor.member.forEach(visit);
  };
  const sub = asObject(statement.object);
  for (const part of [statement, sub?.objectType === 'SubStatement' ? sub : undefined]) {
    if (!part) continue;
    visit(part.actor);
    visit(part.object);
    visit(asObject(part.context)?.instructor);
    visit(asObject(part.context)?.team);
  }
  return byKey;
}

const IDENTIFIERS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

/** The Person object of `agent` (an Agent as given in the request): its names, the latest given first. */
export function personFromLeaves(agent: JsonObject, leaves: Leaves): JsonObject {
  const names = Object.keys(leaves).sort((a, b) => (leaves[b]?.[0] ?? 0) - (leaves[a]?.[0] ?? 0));
  if (typeof agent.name === 'string' && !names.includes(agent.name)) names.push(agent.name);
  const person: JsonObject = { objectType: 'Person' };
  if (names.length > 0) person.name = names;
  for (const field of IDENTIFIERS) if (agent[field] !== undefined) person[field] = [agent[field]];
  return person;
}
