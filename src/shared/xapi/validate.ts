/*
 * xAPI 1.0.3 statement validation (xAPI-Data.md, part two, "Statements"), used by the server on
 * every statement it receives. Strict where the specification says MUST: unknown properties,
 * nulls, malformed IRIs/UUIDs/timestamps/durations/language tags and broken Agent/Group/
 * SubStatement rules are rejected. The first problem found is reported as `path: what is wrong`,
 * e.g. `statements[3].actor: must have exactly one of mbox, mbox_sha1sum, openid, account`.
 */
import { agentKey } from './canonical';
import { jsonLimitProblem } from './json-limits';

export type JsonObject = { [key: string]: unknown };

export type StatementCheck = { ok: true; statement: JsonObject } | { ok: false; error: string };

class Invalid extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/**
 * An absolute IRI: a scheme, a colon, no white space or control characters, and `%` only as
 * the start of a two-digit hexadecimal escape (RFC 3987 pct-encoded).
 */
/* eslint-disable no-control-regex -- control characters are exactly what these exclude */
const IRI = /^[a-z][a-z0-9+.-]*:(?:[^\s\u0000-\u001f\u007f<>"{}|\\^`%]|%[0-9a-f]{2})+$/i;
const IRL = /^[a-z][a-z0-9+.-]*:\/\/(?:[^\s\u0000-\u001f\u007f<>"{}|\\^`%]|%[0-9a-f]{2})+$/i;
/* eslint-enable no-control-regex */
/**
 * The longest IRI, and the longest Agent identifier (mbox, openid, or account homePage and name
 * together), in UTF-8 bytes. Both are stored in database indexes, and a PostgreSQL btree entry
 * holds at most 2,704 bytes.
 */
export const MAX_IDENTIFIER_BYTES = 2048;

function tooLong(text: string): boolean {
  // A UTF-16 code unit is at most 3 bytes of UTF-8, so short text needs no encoding.
  return text.length * 3 > MAX_IDENTIFIER_BYTES && new TextEncoder().encode(text).length > MAX_IDENTIFIER_BYTES;
}

const isIriText = (text: string): boolean => IRI.test(text) && !tooLong(text);
/** RFC 5646 in practice: language[-script][-region][-variant...][-x-private], or private use / grandfathered. */
const LANGUAGE_TAG =
  /^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wy-z\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$|^x(?:-[a-z\d]{1,8})+$|^i-[a-z]{2,8}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DURATION =
  /^P(?:\d+(?:\.\d+)?W|(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?)$/;
const SHA1 = /^[0-9a-f]{40}$/i;
/** SHA-224, SHA-256, SHA-384 or SHA-512 in hexadecimal. */
const SHA2 = /^(?:[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
/** RFC 2045 `type/subtype` with optional `; parameter=value` pairs. */
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:\s*;\s*[a-z0-9!#$&^_.+-]+=(?:[^";\s]+|"(?:[^"\\]|\\.)*"))*\s*$/i;
const MAILTO = /^mailto:[^@\s]+@[^@\s]+$/i;

const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
];
const INTERACTION_COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'];

function fail(path: string, message: string): never {
  throw new Invalid(`${path}: ${message}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

function object(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `must be an object, not ${describe(value)}`);
  return value as JsonObject;
}

function onlyKeys(value: JsonObject, path: string, allowed: readonly string[]): void {
  for (const [key, child] of Object.entries(value)) {
    if (!allowed.includes(key)) fail(path, `has a property "${key}" that is not allowed here (allowed: ${allowed.join(', ')})`);
    if (child === null) fail(`${path}.${key}`, 'must not be null');
  }
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, `must be a string, not ${describe(value)}`);
  return value;
}

function iri(value: unknown, path: string): string {
  const text = string(value, path);
  if (tooLong(text)) fail(path, `must be at most ${MAX_IDENTIFIER_BYTES} bytes long (UTF-8)`);
  if (!IRI.test(text)) {
    fail(
      path,
      `must be an absolute IRI (with a scheme, e.g. "https://...", and % only in escapes such as %20), not ${JSON.stringify(text).slice(0, 80)}`,
    );
  }
  return text;
}

function irl(value: unknown, path: string): string {
  const text = string(value, path);
  if (tooLong(text)) fail(path, `must be at most ${MAX_IDENTIFIER_BYTES} bytes long (UTF-8)`);
  if (!IRL.test(text)) {
    fail(
      path,
      `must be an IRL (a URL such as "https://...", with % only in escapes such as %20), not ${JSON.stringify(text).slice(0, 80)}`,
    );
  }
  return text;
}

function uuid(value: unknown, path: string): string {
  const text = string(value, path);
  if (!UUID.test(text))
    fail(path, `must be a UUID (e.g. "3f2504e0-4f89-41d3-9a0c-0305e82c3301"), not ${JSON.stringify(text).slice(0, 80)}`);
  return text;
}

function boolean(value: unknown, path: string): void {
  if (typeof value !== 'boolean') fail(path, `must be true or false, not ${describe(value)}`);
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `must be a number, not ${describe(value)}`);
  return value;
}

export function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, , zone] = match;
  if (zone === '-00:00') return false;
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (d > daysInMonth) return false;
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return false;
  return !Number.isNaN(Date.parse(zone ? text : `${text}Z`));
}

function timestamp(value: unknown, path: string): string {
  const text = string(value, path);
  if (!isTimestamp(text)) {
    fail(
      path,
      `must be an ISO 8601 timestamp such as "2024-05-01T12:30:00.000Z" (offset -00:00 is not allowed), not ${JSON.stringify(text).slice(0, 80)}`,
    );
  }
  return text;
}

function languageMap(value: unknown, path: string): void {
  const map = object(value, path);
  for (const [tag, text] of Object.entries(map)) {
    if (!LANGUAGE_TAG.test(tag)) fail(path, `"${tag.slice(0, 40)}" is not an RFC 5646 language tag`);
    if (typeof text !== 'string') fail(`${path}["${tag}"]`, `must be a string, not ${describe(text)}`);
  }
}

function extensions(value: unknown, path: string): void {
  const map = object(value, path);
  for (const key of Object.keys(map)) {
    if (!isIriText(key)) fail(path, `extension key "${key.slice(0, 60)}" must be an absolute IRI of at most ${MAX_IDENTIFIER_BYTES} bytes`);
  }
}

function inverseFunctionalIdentifier(value: JsonObject, path: string, required: boolean): void {
  const present = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((key) => value[key] !== undefined);
  if (present.length > 1) fail(path, `must have exactly one of mbox, mbox_sha1sum, openid, account (has ${present.join(' and ')})`);
  if (present.length === 0 && required) fail(path, 'must have exactly one of mbox, mbox_sha1sum, openid, account');
  if (value.mbox !== undefined) {
    const mbox = string(value.mbox, `${path}.mbox`);
    if (!MAILTO.test(mbox))
      fail(`${path}.mbox`, `must be "mailto:" followed by an email address, not ${JSON.stringify(mbox).slice(0, 80)}`);
  }
  if (value.mbox_sha1sum !== undefined && !SHA1.test(string(value.mbox_sha1sum, `${path}.mbox_sha1sum`))) {
    fail(`${path}.mbox_sha1sum`, 'must be 40 hexadecimal characters (the SHA-1 of the mailto IRI)');
  }
  if (value.openid !== undefined) iri(value.openid, `${path}.openid`);
  if (value.account !== undefined) {
    const account = object(value.account, `${path}.account`);
    onlyKeys(account, `${path}.account`, ['homePage', 'name']);
    if (account.homePage === undefined) fail(`${path}.account`, 'must have a homePage');
    if (account.name === undefined) fail(`${path}.account`, 'must have a name');
    irl(account.homePage, `${path}.account.homePage`);
    string(account.name, `${path}.account.name`);
  }
  const key = agentKey(value);
  if (key !== undefined && tooLong(key)) {
    fail(
      path,
      `its identifier (mbox, mbox_sha1sum, openid, or account homePage and name together) must be at most ${MAX_IDENTIFIER_BYTES} bytes long`,
    );
  }
}

function agent(value: unknown, path: string): void {
  const agent = object(value, path);
  onlyKeys(agent, path, ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
  if (agent.objectType !== undefined && agent.objectType !== 'Agent') fail(`${path}.objectType`, 'must be "Agent"');
  if (agent.name !== undefined) string(agent.name, `${path}.name`);
  inverseFunctionalIdentifier(agent, path, true);
}

function group(value: unknown, path: string): void {
  const group = object(value, path);
  onlyKeys(group, path, ['objectType', 'name', 'member', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
  if (group.objectType !== 'Group') fail(`${path}.objectType`, 'must be "Group"');
  if (group.name !== undefined) string(group.name, `${path}.name`);
  inverseFunctionalIdentifier(group, path, false);
  const identified = ['mbox', 'mbox_sha1sum', 'openid', 'account'].some((key) => group[key] !== undefined);
  if (group.member === undefined) {
    if (!identified) fail(path, 'an anonymous Group (no mbox, mbox_sha1sum, openid or account) must have a member list');
    return;
  }
  if (!Array.isArray(group.member)) fail(`${path}.member`, `must be an array of Agents, not ${describe(group.member)}`);
  if (!identified && group.member.length === 0) fail(`${path}.member`, 'an anonymous Group must have at least one member');
  group.member.forEach((member: unknown, index) => {
    const memberPath = `${path}.member[${index}]`;
    if (object(member, memberPath).objectType === 'Group') fail(memberPath, 'a Group must not contain Groups');
    agent(member, memberPath);
  });
}

function actor(value: unknown, path: string): void {
  if (object(value, path).objectType === 'Group') group(value, path);
  else agent(value, path);
}

/** xAPI-Data.md 2.4.9: an Agent, or for OAuth the anonymous Group of the client and the user, exactly two Agents. */
function authority(value: unknown, path: string): void {
  actor(value, path);
  const authority = value as JsonObject;
  if (authority.objectType !== 'Group') return;
  if (['mbox', 'mbox_sha1sum', 'openid', 'account'].some((key) => authority[key] !== undefined))
    fail(path, 'a Group as authority must be anonymous (no mbox, mbox_sha1sum, openid or account)');
  if (!Array.isArray(authority.member) || authority.member.length !== 2)
    fail(`${path}.member`, 'a Group as authority must have exactly two Agents (the client and the user)');
}

function interactionComponents(value: unknown, path: string): void {
  if (!Array.isArray(value)) fail(path, `must be an array of interaction components, not ${describe(value)}`);
  const ids = new Set<string>();
  value.forEach((component: unknown, index) => {
    const componentPath = `${path}[${index}]`;
    const c = object(component, componentPath);
    onlyKeys(c, componentPath, ['id', 'description']);
    const id = string(c.id, `${componentPath}.id`);
    if (ids.has(id)) fail(componentPath, `repeats the id "${id.slice(0, 40)}"`);
    ids.add(id);
    if (c.description !== undefined) languageMap(c.description, `${componentPath}.description`);
  });
}

function activityDefinition(value: unknown, path: string): void {
  const definition = object(value, path);
  onlyKeys(definition, path, [
    'name',
    'description',
    'type',
    'moreInfo',
    'extensions',
    'interactionType',
    'correctResponsesPattern',
    ...INTERACTION_COMPONENT_LISTS,
  ]);
  if (definition.name !== undefined) languageMap(definition.name, `${path}.name`);
  if (definition.description !== undefined) languageMap(definition.description, `${path}.description`);
  if (definition.type !== undefined) iri(definition.type, `${path}.type`);
  if (definition.moreInfo !== undefined) irl(definition.moreInfo, `${path}.moreInfo`);
  if (definition.extensions !== undefined) extensions(definition.extensions, `${path}.extensions`);
  const interaction = definition.interactionType;
  if (interaction !== undefined && !INTERACTION_TYPES.includes(string(interaction, `${path}.interactionType`))) {
    fail(`${path}.interactionType`, `must be one of ${INTERACTION_TYPES.join(', ')}`);
  }
  if (definition.correctResponsesPattern !== undefined) {
    if (interaction === undefined) fail(path, 'correctResponsesPattern needs an interactionType');
    const pattern = definition.correctResponsesPattern;
    if (!Array.isArray(pattern)) fail(`${path}.correctResponsesPattern`, 'must be an array of strings');
    pattern.forEach((item: unknown, index) => string(item, `${path}.correctResponsesPattern[${index}]`));
  }
  for (const list of INTERACTION_COMPONENT_LISTS) {
    if (definition[list] === undefined) continue;
    if (interaction === undefined) fail(path, `${list} needs an interactionType`);
    interactionComponents(definition[list], `${path}.${list}`);
  }
}

function activity(value: unknown, path: string): void {
  const activity = object(value, path);
  onlyKeys(activity, path, ['objectType', 'id', 'definition']);
  if (activity.objectType !== undefined && activity.objectType !== 'Activity') fail(`${path}.objectType`, 'must be "Activity"');
  if (activity.id === undefined) fail(path, 'an Activity must have an id');
  iri(activity.id, `${path}.id`);
  if (activity.definition !== undefined) activityDefinition(activity.definition, `${path}.definition`);
}

function statementRef(value: unknown, path: string): void {
  const ref = object(value, path);
  onlyKeys(ref, path, ['objectType', 'id']);
  if (ref.objectType !== 'StatementRef') fail(`${path}.objectType`, 'must be "StatementRef"');
  if (ref.id === undefined) fail(path, 'a StatementRef must have an id');
  uuid(ref.id, `${path}.id`);
}

function score(value: unknown, path: string): void {
  const score = object(value, path);
  onlyKeys(score, path, ['scaled', 'raw', 'min', 'max']);
  if (score.scaled !== undefined) {
    const scaled = number(score.scaled, `${path}.scaled`);
    if (scaled < -1 || scaled > 1) fail(`${path}.scaled`, `must be from -1 to 1, not ${scaled}`);
  }
  const min = score.min === undefined ? undefined : number(score.min, `${path}.min`);
  const max = score.max === undefined ? undefined : number(score.max, `${path}.max`);
  const raw = score.raw === undefined ? undefined : number(score.raw, `${path}.raw`);
  if (min !== undefined && max !== undefined && max <= min) fail(`${path}.max`, `must be greater than min (${min}), not ${max}`);
  if (raw !== undefined && min !== undefined && raw < min) fail(`${path}.raw`, `must not be less than min (${min}), not ${raw}`);
  if (raw !== undefined && max !== undefined && raw > max) fail(`${path}.raw`, `must not be greater than max (${max}), not ${raw}`);
}

function result(value: unknown, path: string): void {
  const result = object(value, path);
  onlyKeys(result, path, ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
  if (result.score !== undefined) score(result.score, `${path}.score`);
  if (result.success !== undefined) boolean(result.success, `${path}.success`);
  if (result.completion !== undefined) boolean(result.completion, `${path}.completion`);
  if (result.response !== undefined) string(result.response, `${path}.response`);
  if (result.duration !== undefined && !DURATION.test(string(result.duration, `${path}.duration`))) {
    fail(`${path}.duration`, `must be an ISO 8601 duration such as "PT1M30S", not ${JSON.stringify(result.duration).slice(0, 60)}`);
  }
  if (result.extensions !== undefined) extensions(result.extensions, `${path}.extensions`);
}

function contextActivities(value: unknown, path: string): void {
  const lists = object(value, path);
  onlyKeys(lists, path, ['parent', 'grouping', 'category', 'other']);
  for (const [key, list] of Object.entries(lists)) {
    if (Array.isArray(list)) list.forEach((item: unknown, index) => activity(item, `${path}.${key}[${index}]`));
    else activity(list, `${path}.${key}`);
  }
}

function context(value: unknown, path: string, objectType: string): void {
  const context = object(value, path);
  onlyKeys(context, path, [
    'registration',
    'instructor',
    'team',
    'contextActivities',
    'revision',
    'platform',
    'language',
    'statement',
    'extensions',
  ]);
  if (context.registration !== undefined) uuid(context.registration, `${path}.registration`);
  if (context.instructor !== undefined) actor(context.instructor, `${path}.instructor`);
  if (context.team !== undefined) {
    if (object(context.team, `${path}.team`).objectType !== 'Group') fail(`${path}.team`, 'must be a Group (objectType "Group")');
    group(context.team, `${path}.team`);
  }
  if (context.contextActivities !== undefined) contextActivities(context.contextActivities, `${path}.contextActivities`);
  for (const key of ['revision', 'platform'] as const) {
    if (context[key] === undefined) continue;
    string(context[key], `${path}.${key}`);
    if (objectType !== 'Activity') fail(`${path}.${key}`, `may only be used when the object is an Activity (it is a ${objectType})`);
  }
  if (context.language !== undefined && !LANGUAGE_TAG.test(string(context.language, `${path}.language`))) {
    fail(`${path}.language`, `must be an RFC 5646 language tag, not ${JSON.stringify(context.language).slice(0, 40)}`);
  }
  if (context.statement !== undefined) statementRef(context.statement, `${path}.statement`);
  if (context.extensions !== undefined) extensions(context.extensions, `${path}.extensions`);
}

function attachments(value: unknown, path: string): void {
  if (!Array.isArray(value)) fail(path, `must be an array, not ${describe(value)}`);
  value.forEach((item: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    const attachment = object(item, itemPath);
    onlyKeys(attachment, itemPath, ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);
    for (const key of ['usageType', 'display', 'contentType', 'length', 'sha2']) {
      if (attachment[key] === undefined) fail(itemPath, `an attachment must have ${key}`);
    }
    iri(attachment.usageType, `${itemPath}.usageType`);
    languageMap(attachment.display, `${itemPath}.display`);
    if (attachment.description !== undefined) languageMap(attachment.description, `${itemPath}.description`);
    if (!MEDIA_TYPE.test(string(attachment.contentType, `${itemPath}.contentType`))) {
      fail(
        `${itemPath}.contentType`,
        `must be an Internet Media Type such as "image/png", not ${JSON.stringify(attachment.contentType).slice(0, 60)}`,
      );
    }
    const length = number(attachment.length, `${itemPath}.length`);
    if (!Number.isInteger(length) || length < 0) fail(`${itemPath}.length`, 'must be a whole number of octets');
    if (!SHA2.test(string(attachment.sha2, `${itemPath}.sha2`))) {
      fail(`${itemPath}.sha2`, 'must be a SHA-2 hash (SHA-224, SHA-256, SHA-384 or SHA-512) in hexadecimal');
    }
    // Without a fileUrl the content must come in the same multipart/mixed request: checked with the request (server).
    if (attachment.fileUrl !== undefined) irl(attachment.fileUrl, `${itemPath}.fileUrl`);
  });
}

/** Returns the object's type ("Activity" when objectType is absent). */
function statementObject(value: unknown, path: string, inSubStatement: boolean): string {
  const target = object(value, path);
  const type = target.objectType ?? 'Activity';
  switch (type) {
    case 'Activity':
      activity(target, path);
      break;
    case 'Agent':
      agent(target, path);
      break;
    case 'Group':
      group(target, path);
      break;
    case 'StatementRef':
      statementRef(target, path);
      break;
    case 'SubStatement':
      if (inSubStatement) fail(path, 'a SubStatement must not contain a SubStatement');
      subStatement(target, path);
      break;
    default:
      fail(`${path}.objectType`, `must be Activity, Agent, Group, StatementRef or SubStatement, not ${describe(type)}`);
  }
  return type as string;
}

function verb(value: unknown, path: string): void {
  const verb = object(value, path);
  onlyKeys(verb, path, ['id', 'display']);
  if (verb.id === undefined) fail(path, 'a verb must have an id');
  iri(verb.id, `${path}.id`);
  if (verb.display !== undefined) languageMap(verb.display, `${path}.display`);
}

function subStatement(value: JsonObject, path: string): void {
  onlyKeys(value, path, ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']);
  body(value, path, true);
}

function body(value: JsonObject, path: string, inSubStatement: boolean): void {
  if (value.actor === undefined) fail(path, 'must have an actor');
  if (value.verb === undefined) fail(path, 'must have a verb');
  if (value.object === undefined) fail(path, 'must have an object');
  actor(value.actor, `${path}.actor`);
  verb(value.verb, `${path}.verb`);
  const objectType = statementObject(value.object, `${path}.object`, inSubStatement);
  if (value.result !== undefined) result(value.result, `${path}.result`);
  if (value.context !== undefined) context(value.context, `${path}.context`, objectType);
  if (value.timestamp !== undefined) timestamp(value.timestamp, `${path}.timestamp`);
  if (value.attachments !== undefined) attachments(value.attachments, `${path}.attachments`);
}

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

function statement(value: unknown, path: string): JsonObject {
  const statement = object(value, path);
  onlyKeys(statement, path, [
    'id',
    'actor',
    'verb',
    'object',
    'result',
    'context',
    'timestamp',
    'stored',
    'authority',
    'version',
    'attachments',
  ]);
  if (statement.id !== undefined) uuid(statement.id, `${path}.id`);
  body(statement, path, false);
  if (statement.stored !== undefined) timestamp(statement.stored, `${path}.stored`);
  if (statement.authority !== undefined) authority(statement.authority, `${path}.authority`);
  if (statement.version !== undefined && !/^1\.0(\.\d+)?$/.test(string(statement.version, `${path}.version`))) {
    fail(`${path}.version`, `must be a 1.0.x version such as "1.0.3", not ${JSON.stringify(statement.version).slice(0, 20)}`);
  }
  const verbId = (statement.verb as JsonObject).id;
  if (verbId === VOIDED && (statement.object as JsonObject).objectType !== 'StatementRef') {
    fail(`${path}.object`, 'a voiding statement (verb voided) must have a StatementRef as its object');
  }
  return statement;
}

/** Checks one statement against xAPI 1.0.3. `path` names it in the message (e.g. `statements[2]`). */
export function validateStatement(value: unknown, path = 'statement'): StatementCheck {
  const limit = jsonLimitProblem(value, path);
  if (limit) return { ok: false, error: limit.message };
  try {
    return { ok: true, statement: statement(value, path) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    if (error instanceof RangeError) return { ok: false, error: `${path}: is nested too deeply` };
    throw error;
  }
}

export function validateAgent(value: unknown, path = 'agent'): { ok: true } | { ok: false; error: string } {
  const limit = jsonLimitProblem(value, path);
  if (limit) return { ok: false, error: limit.message };
  try {
    actor(value, path);
    return { ok: true };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}

export const isUuid = (text: string): boolean => UUID.test(text);
export const isIri = isIriText;
export const VOIDED_VERB = VOIDED;
