/*
 * The `format=canonical` view of a statement (xAPI-Communication.md 2.1.3): every language map
 * (Verb display, Activity name and description, interaction component descriptions, attachment
 * display and description, also inside SubStatements and context activities) keeps one
 * language, the one the Accept-Language header prefers (RFC 7231 5.3.5 with q values; "en"
 * matches "en-US" and back). When none matches, the map keeps its first entry, so no map is
 * ever emptied.
 */
import type { JsonObject } from '../../shared/xapi/validate';

const asObject = (value: unknown): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;

/** The languages of an Accept-Language value, most preferred first, lower case ("*" dropped). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((item, index) => {
      const [tag = '', ...params] = item.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((item) => item.tag !== '' && item.tag !== '*' && item.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((item) => item.tag);
}

function pick(map: unknown, languages: string[]): unknown {
  const entries = Object.entries(asObject(map) ?? {});
  if (entries.length <= 1) return map;
  const matches = (key: string, tag: string) => {
    const k = key.toLowerCase();
    return k === tag || k.startsWith(`${tag}-`) || tag.startsWith(`${k}-`);
  };
  for (const tag of languages) {
    const exact = entries.find(([key]) => key.toLowerCase() === tag) ?? entries.find(([key]) => matches(key, tag));
    if (exact) return Object.fromEntries([exact]);
  }
  return Object.fromEntries(entries.slice(0, 1));
}

const MAPS = ['name', 'description'];
const COMPONENTS = ['choices', 'scale', 'source', 'target', 'steps'];

function activity(value: unknown, languages: string[]): unknown {
  const target = asObject(value);
  const definition = asObject(target?.definition);
  if (!target || !definition) return value;
  const out: JsonObject = { ...definition };
  for (const key of MAPS) if (out[key] !== undefined) out[key] = pick(out[key], languages);
  for (const key of COMPONENTS) {
    const list = out[key];
    if (Array.isArray(list))
      out[key] = list.map((component) => {
        const c = asObject(component);
        return c?.description === undefined ? component : { ...c, description: pick(c.description, languages) };
      });
  }
  return { ...target, definition: out };
}

function body(statement: JsonObject, languages: string[]): JsonObject {
  const out: JsonObject = { ...statement };
  const verb = asObject(statement.verb);
  if (verb?.display !== undefined) out.verb = { ...verb, display: pick(verb.display, languages) };
  const target = asObject(statement.object);
  const type = target?.objectType ?? 'Activity';
  if (target && type === 'Activity') out.object = activity(target, languages);
  if (target && type === 'SubStatement') out.object = body(target, languages);
  const context = asObject(statement.context);
  const lists = asObject(context?.contextActivities);
  if (context && lists) {
    out.context = {
      ...context,
      contextActivities: Object.fromEntries(
        Object.entries(lists).map(([key, list]) => [key, (Array.isArray(list) ? list : [list]).map((a) => activity(a, languages))]),
      ),
    };
  }
  if (Array.isArray(statement.attachments)) {
    out.attachments = statement.attachments.map((item) => {
      const a = asObject(item);
      if (!a) return item;
      return {
        ...a,
        display: pick(a.display, languages),
        ...(a.description === undefined ? {} : { description: pick(a.description, languages) }),
      };
    });
  }
  return out;
}

export function formatCanonical(statement: JsonObject, languages: string[]): JsonObject {
  return body(statement, languages);
}
