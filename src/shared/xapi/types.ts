/*
 * xAPI 1.0.3 statement types (https://github.com/adlnet/xAPI-Spec, "Statements"), the
 * subset of shapes this product writes and reads. The server (accounts and sync issue)
 * validates incoming statements against the full specification.
 */
export type LanguageMap = Record<string, string>;

export type AgentAccount = { homePage: string; name: string };

export type Agent = {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: AgentAccount;
};

export type Group = {
  objectType: 'Group';
  name?: string;
  member?: Agent[];
  mbox?: string;
  account?: AgentAccount;
};

export type Actor = Agent | Group;

export type Verb = { id: string; display?: LanguageMap };

export type ActivityDefinition = {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  extensions?: Record<string, unknown>;
};

export type Activity = { objectType?: 'Activity'; id: string; definition?: ActivityDefinition };

export type StatementRef = { objectType: 'StatementRef'; id: string };

export type StatementObject = Activity | StatementRef;

export type Score = { scaled?: number; raw?: number; min?: number; max?: number };

export type Result = {
  score?: Score;
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration, e.g. PT1M30S. */
  duration?: string;
  extensions?: Record<string, unknown>;
};

export type ContextActivities = {
  parent?: Activity[];
  grouping?: Activity[];
  category?: Activity[];
  other?: Activity[];
};

export type Context = {
  registration?: string;
  instructor?: Actor;
  team?: Group;
  contextActivities?: ContextActivities;
  revision?: string;
  platform?: string;
  language?: string;
  statement?: StatementRef;
  extensions?: Record<string, unknown>;
};

export type Statement = {
  id: string;
  actor: Actor;
  verb: Verb;
  object: StatementObject;
  result?: Result;
  context?: Context;
  /** When the learning event happened, ISO 8601 in UTC with milliseconds (set on the device). */
  timestamp: string;
  /** Set by the LRS when it stores the statement. */
  stored?: string;
  authority?: Actor;
  version?: string;
};
