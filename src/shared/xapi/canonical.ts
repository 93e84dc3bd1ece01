/*
 * Identity and sameness of xAPI things, independent of how the JSON was written.
 * - `agentKey`: one string per Agent or identified Group, from its inverse functional
 *   identifier ("account::<homePage>::<name>", "mbox::mailto:...", ...). Two agents are the same
 *   exactly when their keys are equal (xAPI-Communication.md 2.1.3, "agent").
 * - `comparableStatement`: the statement reduced to what xAPI-Data.md 2.3.1 "Statement
 *   Comparison Requirements" says to compare: without id, authority, stored, version, Activity
 *   Definitions and Verb displays (the exceptions to immutability, Data 2.3.1); timestamps as
 *   instants; UUIDs in lower case; Group members unordered.
 * - `canonicalJson`: JSON with sorted keys, so equal values give equal text.
 */
type Json = { [key: string]: unknown };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function agentKey(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const kind = value.objectType === 'Group' ? 'group:' : '';
  if (typeof value.mbox === 'string') return `${kind}mbox::${value.mbox.toLowerCase()}`;
  if (typeof value.mbox_sha1sum === 'string') return `${kind}mbox_sha1sum::${value.mbox_sha1sum.toLowerCase()}`;
  if (typeof value.openid === 'string') return `${kind}openid::${value.openid}`;
  const account = value.account;
  if (isObject(account) && typeof account.homePage === 'string' && typeof account.name === 'string') {
    return `${kind}account::${account.homePage}::${account.name}`;
  }
  return undefined;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined && value[key] !== null)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function comparableActor(actor: unknown): unknown {
  if (!isObject(actor) || !Array.isArray(actor.member)) return actor;
  return { ...actor, member: actor.member.map(canonicalJson).sort() };
}

function comparableActivity(activity: unknown): unknown {
  if (!isObject(activity)) return activity;
  const { definition: _definition, ...rest } = activity;
  return { ...rest, objectType: 'Activity' };
}

function comparableTimestamp(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const millis = Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`);
  // Sub-millisecond digits survive; only the notation of the instant is normalised.
  const fraction = /\.(\d+)/.exec(value)?.[1] ?? '';
  return Number.isNaN(millis) ? value : `${new Date(millis).toISOString().slice(0, 19)}.${fraction.padEnd(3, '0')}`;
}

function comparableBody(statement: Json): Json {
  const out: Json = { ...statement, actor: comparableActor(statement.actor) };
  if (isObject(statement.verb)) out.verb = { id: statement.verb.id };
  const target = statement.object;
  if (isObject(target)) {
    const type = target.objectType ?? 'Activity';
    if (type === 'Activity') out.object = comparableActivity(target);
    else if (type === 'StatementRef' && typeof target.id === 'string') out.object = { ...target, id: target.id.toLowerCase() };
    else if (type === 'SubStatement') out.object = comparableBody(target);
    else out.object = comparableActor(target);
  }
  if (statement.timestamp !== undefined) out.timestamp = comparableTimestamp(statement.timestamp);
  const context = statement.context;
  if (isObject(context)) {
    const c: Json = { ...context };
    if (typeof c.registration === 'string') c.registration = c.registration.toLowerCase();
    if (c.instructor !== undefined) c.instructor = comparableActor(c.instructor);
    if (c.team !== undefined) c.team = comparableActor(c.team);
    if (isObject(c.statement) && typeof c.statement.id === 'string') c.statement = { ...c.statement, id: c.statement.id.toLowerCase() };
    if (isObject(c.contextActivities)) {
      c.contextActivities = Object.fromEntries(
        Object.entries(c.contextActivities).map(([key, list]) => [key, (Array.isArray(list) ? list : [list]).map(comparableActivity)]),
      );
    }
    out.context = c;
  }
  return out;
}

export function comparableStatement(statement: Json): Json {
  const { id: _id, authority: _authority, stored: _stored, version: _version, ...rest } = statement;
  return comparableBody(rest);
}
