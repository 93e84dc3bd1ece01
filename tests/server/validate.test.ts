/* Table-driven statement validation cases from xAPI 1.0.3 (xAPI-Data.md part two). */
import { describe, expect, it } from 'vitest';
import { validateStatement } from '../../src/shared/xapi/validate';

const agent = { objectType: 'Agent', mbox: 'mailto:anna@example.org' };
const base = {
  id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  actor: agent,
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  object: { id: 'https://library.test/xapi/activities/module/m1' },
};
const withProps = (props: Record<string, unknown>) => ({ ...base, ...props });
const attachment = {
  usageType: 'https://x.test/u',
  display: { en: 'f' },
  contentType: 'text/plain',
  length: 3,
  sha2: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3a94a8fe5ccb19ba61c4c0873',
};

const valid: [string, unknown][] = [
  ['minimal statement with an Activity object and no objectType', withProps({})],
  ['no id (the LRS assigns one)', { actor: agent, verb: base.verb, object: base.object }],
  ['actor with mbox_sha1sum', withProps({ actor: { mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' } })],
  ['actor with openid', withProps({ actor: { openid: 'http://openid.example.org/12345' } })],
  ['actor with account', withProps({ actor: { account: { homePage: 'https://library.test', name: 'u-1' } } })],
  ['an activity id with escapes, and a 2048-byte IRI', withProps({ object: { id: `https://x.test/%C3%A4${'a'.repeat(2048 - 21)}` } })],
  ['identified Group actor without members', withProps({ actor: { objectType: 'Group', mbox: 'mailto:team@example.org' } })],
  [
    'anonymous Group actor with members',
    withProps({ actor: { objectType: 'Group', member: [agent, { account: { homePage: 'https://x.test', name: 'b' } }] } }),
  ],
  ['Agent as object', withProps({ object: { objectType: 'Agent', mbox: 'mailto:bob@example.org' } })],
  ['StatementRef as object', withProps({ object: { objectType: 'StatementRef', id: '9e13cefd-53d3-4eac-b5ed-2cf6693903bb' } })],
  [
    'SubStatement as object',
    withProps({
      object: { objectType: 'SubStatement', actor: agent, verb: base.verb, object: base.object, timestamp: '2024-05-01T10:00:00Z' },
    }),
  ],
  [
    'voiding statement',
    withProps({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: base.id } }),
  ],
  ['score within ranges', withProps({ result: { score: { scaled: -1, raw: 5, min: 0, max: 10 }, success: true, completion: false } })],
  ['duration with fractions', withProps({ result: { duration: 'PT1H2M3.25S' } })],
  ['duration in weeks', withProps({ result: { duration: 'P2W' } })],
  ['timestamp with offset', withProps({ timestamp: '2024-05-01T12:00:00.123+02:00' })],
  ['timestamp without fraction', withProps({ timestamp: '2024-02-29T23:59:59Z' })],
  ['context with revision and platform on an Activity', withProps({ context: { revision: '2', platform: 'web', language: 'lv-LV' } })],
  ['contextActivities as a single object', withProps({ context: { contextActivities: { parent: { id: 'https://x.test/a' } } } })],
  ['context team Group and instructor', withProps({ context: { team: { objectType: 'Group', member: [agent] }, instructor: agent } })],
  ['registration UUID in upper case', withProps({ context: { registration: 'EC531277-B57B-4C15-8D91-D292C5B2B8F7' } })],
  ['extensions with IRI keys', withProps({ result: { extensions: { 'https://w3id.org/x/ext': { any: ['json'] } } } })],
  [
    'language map with private-use and script tags',
    withProps({ verb: { id: base.verb.id, display: { 'zh-Hant-TW': 'x', 'x-klingon': 'y', 'sr-Latn': 'z' } } }),
  ],
  ['version 1.0.0', withProps({ version: '1.0.0' })],
  [
    'interaction activity definition',
    withProps({
      object: {
        id: 'https://x.test/q1',
        definition: {
          interactionType: 'choice',
          correctResponsesPattern: ['a'],
          choices: [{ id: 'a', description: { en: 'A' } }, { id: 'b' }],
        },
      },
    }),
  ],
  ['attachment with fileUrl', withProps({ attachments: [{ ...attachment, fileUrl: 'https://x.test/f' }] })],
  ['attachment without fileUrl (its content comes as a multipart part)', withProps({ attachments: [attachment] })],
  [
    'attachment with a SHA-512 hash in capitals and a media type with parameters',
    withProps({ attachments: [{ ...attachment, sha2: 'AB'.repeat(64), contentType: 'text/plain; charset="utf-8"' }] }),
  ],
  [
    'attachments on a SubStatement',
    withProps({ object: { objectType: 'SubStatement', actor: agent, verb: base.verb, object: base.object, attachments: [attachment] } }),
  ],
];

const invalid: [string, unknown, RegExp][] = [
  ['not an object', 'hello', /statement: must be an object/],
  ['an array', [base], /statement: must be an object/],
  ['no actor', { verb: base.verb, object: base.object }, /must have an actor/],
  ['no verb', { actor: agent, object: base.object }, /must have a verb/],
  ['no object', { actor: agent, verb: base.verb }, /must have an object/],
  ['unknown top-level property', withProps({ foo: 1 }), /property "foo" that is not allowed/],
  ['null property', withProps({ result: null }), /statement\.result: must not be null/],
  ['id not a UUID', withProps({ id: 'not-a-uuid' }), /statement\.id: must be a UUID/],
  ['actor without IFI', withProps({ actor: { objectType: 'Agent', name: 'Anna' } }), /exactly one of mbox/],
  ['actor with two IFIs', withProps({ actor: { mbox: 'mailto:a@b.c', openid: 'http://o.test/a' } }), /has mbox and openid/],
  ['mbox without mailto:', withProps({ actor: { mbox: 'anna@example.org' } }), /mbox: must be "mailto:"/],
  ['mbox_sha1sum not hex', withProps({ actor: { mbox_sha1sum: 'xyz' } }), /40 hexadecimal/],
  ['account without homePage', withProps({ actor: { account: { name: 'a' } } }), /must have a homePage/],
  ['account homePage not an IRL', withProps({ actor: { account: { homePage: 'library', name: 'a' } } }), /homePage: must be an IRL/],
  [
    'anonymous Group without members',
    withProps({ actor: { objectType: 'Group', name: 'x' } }),
    /anonymous Group .* must have a member list/,
  ],
  [
    'Group inside a Group',
    withProps({ actor: { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@x.test' }] } }),
    /must not contain Groups/,
  ],
  ['Agent objectType wrong case', withProps({ actor: { objectType: 'agent', mbox: 'mailto:a@b.c' } }), /objectType: must be "Agent"/],
  ['verb id not an IRI', withProps({ verb: { id: 'completed' } }), /verb\.id: must be an absolute IRI/],
  [
    'verb display not a language map',
    withProps({ verb: { id: base.verb.id, display: { 'not a tag!': 'x' } } }),
    /not an RFC 5646 language tag/,
  ],
  ['verb display value not a string', withProps({ verb: { id: base.verb.id, display: { en: 5 } } }), /must be a string/],
  ['activity without id', withProps({ object: { objectType: 'Activity' } }), /must have an id/],
  [
    'unknown objectType',
    withProps({ object: { objectType: 'Thing', id: 'https://x.test' } }),
    /must be Activity, Agent, Group, StatementRef or SubStatement/,
  ],
  ['StatementRef id not a UUID', withProps({ object: { objectType: 'StatementRef', id: 'abc' } }), /object\.id: must be a UUID/],
  [
    'SubStatement with an id',
    withProps({ object: { objectType: 'SubStatement', id: base.id, actor: agent, verb: base.verb, object: base.object } }),
    /property "id" that is not allowed/,
  ],
  [
    'nested SubStatement',
    withProps({
      object: {
        objectType: 'SubStatement',
        actor: agent,
        verb: base.verb,
        object: { objectType: 'SubStatement', actor: agent, verb: base.verb, object: base.object },
      },
    }),
    /must not contain a SubStatement/,
  ],
  ['scaled above 1', withProps({ result: { score: { scaled: 1.5 } } }), /scaled: must be from -1 to 1/],
  ['raw above max', withProps({ result: { score: { raw: 11, min: 0, max: 10 } } }), /raw: must not be greater than max/],
  ['raw below min', withProps({ result: { score: { raw: -1, min: 0 } } }), /raw: must not be less than min/],
  ['max not above min', withProps({ result: { score: { min: 5, max: 5 } } }), /max: must be greater than min/],
  ['success not boolean', withProps({ result: { success: 'yes' } }), /success: must be true or false/],
  ['bad duration', withProps({ result: { duration: '1 hour' } }), /duration: must be an ISO 8601 duration/],
  ['empty duration', withProps({ result: { duration: 'PT' } }), /duration/],
  ['bad timestamp', withProps({ timestamp: '01/05/2024' }), /timestamp: must be an ISO 8601 timestamp/],
  ['timestamp with -00:00', withProps({ timestamp: '2024-05-01T10:00:00-00:00' }), /-00:00/],
  ['impossible date', withProps({ timestamp: '2023-02-29T10:00:00Z' }), /timestamp/],
  ['registration not a UUID', withProps({ context: { registration: '123' } }), /registration: must be a UUID/],
  [
    'revision with an Agent object',
    withProps({ object: { objectType: 'Agent', mbox: 'mailto:b@x.test' }, context: { revision: '1' } }),
    /revision: may only be used when the object is an Activity/,
  ],
  [
    'platform with a StatementRef object',
    withProps({ object: { objectType: 'StatementRef', id: base.id }, context: { platform: 'x' } }),
    /platform: may only be used/,
  ],
  ['team that is an Agent', withProps({ context: { team: agent } }), /team: must be a Group/],
  ['unknown contextActivities key', withProps({ context: { contextActivities: { sibling: [] } } }), /"sibling" that is not allowed/],
  ['context language not a tag', withProps({ context: { language: 'english please' } }), /language: must be an RFC 5646/],
  ['extension key not an IRI', withProps({ context: { extensions: { color: 'red' } } }), /extension key "color" must be an absolute IRI/],
  ['version 2.0.0', withProps({ version: '2.0.0' }), /version: must be a 1\.0\.x version/],
  [
    'voiding with an Activity object',
    withProps({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }),
    /voiding statement .* must have a StatementRef/,
  ],
  ['attachments not an array', withProps({ attachments: attachment }), /attachments: must be an array/],
  ['attachment without display', withProps({ attachments: [{ ...attachment, display: undefined }] }), /an attachment must have display/],
  ['attachment sha2 not a SHA-2 hash', withProps({ attachments: [{ ...attachment, sha2: 'abc' }] }), /sha2: must be a SHA-2 hash/],
  ['attachment sha2 of SHA-1 length', withProps({ attachments: [{ ...attachment, sha2: 'a'.repeat(40) }] }), /sha2: must be a SHA-2/],
  ['attachment contentType not a media type', withProps({ attachments: [{ ...attachment, contentType: 'text' }] }), /Internet Media Type/],
  ['attachment length a fraction', withProps({ attachments: [{ ...attachment, length: 1.5 }] }), /length: must be a whole number/],
  ['attachment length negative', withProps({ attachments: [{ ...attachment, length: -1 }] }), /length: must be a whole number/],
  ['attachment length as a string', withProps({ attachments: [{ ...attachment, length: '3' }] }), /length: must be a number/],
  ['attachment fileUrl not an IRL', withProps({ attachments: [{ ...attachment, fileUrl: 'file' }] }), /fileUrl: must be an IRL/],
  [
    'attachment usageType not an IRI',
    withProps({ attachments: [{ ...attachment, usageType: 'essay' }] }),
    /usageType: must be an absolute IRI/,
  ],
  [
    'interaction components without interactionType',
    withProps({ object: { id: 'https://x.test/q', definition: { choices: [{ id: 'a' }] } } }),
    /needs an interactionType/,
  ],
  [
    'unknown interactionType',
    withProps({ object: { id: 'https://x.test/q', definition: { interactionType: 'essay' } } }),
    /interactionType: must be one of/,
  ],
  ['score as a string', withProps({ result: { score: { raw: '5' } } }), /raw: must be a number/],
  [
    'an extension nested deeper than 64 levels',
    withProps({ result: { extensions: { 'https://x.test/e': JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown } } }),
    /statement\.result\.extensions\["https:\/\/x\.test\/e"\](\[0\])+: is nested more than 64 levels deep/,
  ],
  [
    'the NUL character in a string',
    withProps({ actor: { ...agent, name: 'An\u0000na' } }),
    /statement\.actor\.name: must not contain the NUL/,
  ],
  ['the NUL character in a property name', withProps({ result: { extensions: { 'https://x.test/\u0000': 1 } } }), /NUL character/],
  ['an activity id with a broken % escape', withProps({ object: { id: 'https://x.test/a%2' } }), /object\.id: must be an absolute IRI/],
  [
    'an activity id with a control character',
    withProps({ object: { id: 'https://x.test/a\u0007' } }),
    /object\.id: must be an absolute IRI/,
  ],
  [
    'a verb id longer than 2048 bytes',
    withProps({ verb: { id: `https://x.test/${'v'.repeat(2048)}` } }),
    /verb\.id: must be at most 2048 bytes/,
  ],
  [
    'an account whose homePage and name together exceed 2048 bytes',
    withProps({ actor: { account: { homePage: `https://x.test/${'h'.repeat(1000)}`, name: 'n'.repeat(1100) } } }),
    /statement\.actor: its identifier .* at most 2048 bytes/,
  ],
];

describe('validateStatement', () => {
  it.each(valid)('accepts %s', (_name, statement) => {
    const check = validateStatement(statement);
    expect(check.ok ? 'ok' : check.error).toBe('ok');
  });

  it.each(invalid)('rejects %s', (_name, statement, message) => {
    const check = validateStatement(statement);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(message);
  });

  it('names the statement in a batch by its position', () => {
    const check = validateStatement(withProps({ actor: {} }), 'statements[3]');
    expect(check.ok ? '' : check.error).toMatch(/^statements\[3\]\.actor: /);
  });
});
