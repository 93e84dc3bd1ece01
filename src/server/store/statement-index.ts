/*
 * What a stored statement can be found by. Each statement gets rows (kind, value) in the
 * statement_index table; queries and the "who sees what" rule are EXISTS lookups on it.
 *   agent            actor; object when it is an Agent/Group              (query `agent`)
 *   related_agent    authority, context instructor/team, SubStatement agents (`related_agents`)
 *   member           members of any Group above                           (who sees what only)
 *   activity         object Activity                                      (query `activity`)
 *   related_activity context activities; SubStatement object and context (`related_activities`)
 *   verb, registration
 * A statement whose object is a StatementRef also gets all rows of the statement it targets
 * (xAPI-Communication.md 2.1.3: it "meets the filter condition if the targeted Statement meets
 * the filter condition"), whichever of the two arrives first (see store/statements.ts).
 */
import type { JsonObject } from '../../shared/xapi/validate';
import { agentKey } from '../../shared/xapi/canonical';

export type IndexKind = 'agent' | 'related_agent' | 'member' | 'activity' | 'related_activity' | 'verb' | 'registration';
export type IndexRow = { kind: IndexKind; value: string };

export const AGENT_KINDS: IndexKind[] = ['agent'];
export const RELATED_AGENT_KINDS: IndexKind[] = ['agent', 'related_agent'];
export const VISIBILITY_KINDS: IndexKind[] = ['agent', 'related_agent', 'member'];
export const ACTIVITY_KINDS: IndexKind[] = ['activity'];
export const RELATED_ACTIVITY_KINDS: IndexKind[] = ['activity', 'related_activity'];

const asObject = (value: unknown): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;

function addActor(rows: IndexRow[], actor: unknown, kind: 'agent' | 'related_agent'): void {
  const value = asObject(actor);
  if (!value) return;
  const key = agentKey(value);
  if (key) rows.push({ kind, value: key });
  if (Array.isArray(value.member)) {
    for (const member of value.member) {
      const memberKey = agentKey(member);
      if (memberKey) rows.push({ kind: 'member', value: memberKey });
    }
  }
}

function addContextActivities(rows: IndexRow[], context: JsonObject | undefined): void {
  const lists = asObject(context?.contextActivities);
  if (!lists) return;
  for (const list of Object.values(lists)) {
    for (const activity of Array.isArray(list) ? list : [list]) {
      const id = asObject(activity)?.id;
      if (typeof id === 'string') rows.push({ kind: 'related_activity', value: id });
    }
  }
}

function addBody(rows: IndexRow[], statement: JsonObject, sub: boolean): void {
  const agentKind = sub ? 'related_agent' : 'agent';
  addActor(rows, statement.actor, agentKind);
  const target = asObject(statement.object);
  const type = target?.objectType ?? 'Activity';
  if (target && type === 'Activity' && typeof target.id === 'string')
    rows.push({ kind: sub ? 'related_activity' : 'activity', value: target.id });
  if (target && (type === 'Agent' || type === 'Group')) addActor(rows, target, agentKind);
  if (target && type === 'SubStatement') addBody(rows, target, true);
  const context = asObject(statement.context);
  if (context) {
    addActor(rows, context.instructor, 'related_agent');
    addActor(rows, context.team, 'related_agent');
    addContextActivities(rows, context);
  }
}

/** The statement's own rows (without those inherited through a StatementRef). */
export function indexRows(statement: JsonObject): IndexRow[] {
  const rows: IndexRow[] = [];
  addBody(rows, statement, false);
  addActor(rows, statement.authority, 'related_agent');
  const verbId = asObject(statement.verb)?.id;
  if (typeof verbId === 'string') rows.push({ kind: 'verb', value: verbId });
  const registration = asObject(statement.context)?.registration;
  if (typeof registration === 'string') rows.push({ kind: 'registration', value: registration.toLowerCase() });
  return dedupe(rows);
}

export function dedupe(rows: IndexRow[]): IndexRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.kind}\u0000${row.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
