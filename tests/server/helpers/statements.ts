/* Statements for the server tests: valid xAPI 1.0.3, with fresh UUIDs unless one is given. */
import { randomUUID } from 'node:crypto';

export type Json = Record<string, unknown>;

export const VERB = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  commented: 'http://adlnet.gov/expapi/verbs/commented',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
};

export const activity = (n: number | string) => `https://library.test/xapi/activities/module/m${n}`;

export function statement(actor: Json, overrides: Json = {}): Json {
  return {
    id: randomUUID(),
    actor,
    verb: { id: VERB.completed, display: { 'en-US': 'completed' } },
    object: { objectType: 'Activity', id: activity(1), definition: { name: { en: 'Module 1' } } },
    timestamp: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export function voiding(actor: Json, target: string, overrides: Json = {}): Json {
  return statement(actor, {
    verb: { id: VERB.voided, display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id: target },
    ...overrides,
  });
}

export const mboxAgent = (name: string): Json => ({ objectType: 'Agent', mbox: `mailto:${name}@example.org`, name });
