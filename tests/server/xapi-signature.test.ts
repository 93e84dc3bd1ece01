/*
 * Signed statements (xAPI-Data.md 2.6), signed here with real RSA keys: a key made with
 * node:crypto, and a test certificate chain in tests/server/fixtures/signing (a CA and a signer
 * it issued, valid until 2126; the signer's private key is there for these tests only), made with
 *   openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 36500 \
 *     -subj "/CN=Biblio Study test CA" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign
 *   openssl req -newkey rsa:2048 -nodes -keyout signer-key.pem -out signer.csr -subj "/CN=Biblio Study test signer"
 *   openssl x509 -req -in signer.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out signer.pem -days 36500
 * Well-formed signatures are stored; malformed ones get 400 with a message and store nothing.
 * SQLite and PostgreSQL.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { basic, countRows, startTestServer, XAPI_HEADERS, type TestServer } from './helpers/server';
import { mboxAgent, statement, type Json } from './helpers/statements';
import { attachmentFor, derOf, multipart, partFor, signed, signJws, SIGNATURE_USAGE, type PartSpec } from './helpers/attachments';
import { createXapiClient } from '../../src/server/store/xapi-clients';
import { boundaryOf, parseMultipart } from '../../src/server/routes/xapi-multipart';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'signing');
const signerKey = readFileSync(join(FIXTURES, 'signer-key.pem'), 'utf8');
const signerCert = derOf(readFileSync(join(FIXTURES, 'signer.pem'), 'utf8'));
const caCert = derOf(readFileSync(join(FIXTURES, 'ca.pem'), 'utf8'));
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe.each(DATABASES)('signed statements on %s', (kind) => {
  let server: TestServer;
  const headers = { ...XAPI_HEADERS, authorization: basic('signing-tool', 'signing tool secret') };

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await createXapiClient(server.ctx.store.db, { key: 'signing-tool', secret: 'signing tool secret', cohortId: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (statements: unknown, parts: PartSpec[]) => {
    const body = multipart(statements, parts);
    return server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const count = () => countRows(server, 'statements');
  /** Signs `payload` (by default the statement itself) and posts the statement with the signature. */
  const postSigned = (s: Json, jws: string = signJws(s, privateKey), extraParts: PartSpec[] = []) => {
    const made = signed(s, jws);
    return post(made.statement, [made.part, ...extraParts]);
  };
  const expectMalformed = async (response: { statusCode: number; body: string }, pattern: RegExp) => {
    expect(response.statusCode, response.body).toBe(400);
    const { message } = JSON.parse(response.body) as { message: string };
    expect(message).toMatch(/statement(s\[\d\])?\.attachments\[\d\]: /);
    expect(message).toMatch(pattern);
  };

  it('stores a statement signed with RS256 and answers it with its signature', async () => {
    const s = statement(mboxAgent('signer'));
    const jws = signJws(s, privateKey);
    const response = await postSigned(s, jws);
    expect(response.statusCode, response.body).toBe(200);
    const answer = await server.app.inject({ method: 'GET', url: `/xapi/statements?statementId=${s.id}&attachments=true`, headers });
    const parts = parseMultipart(answer.rawPayload, boundaryOf(String(answer.headers['content-type'])));
    expect(JSON.parse(parts[0]!.body.toString()).attachments[0].usageType).toBe(SIGNATURE_USAGE);
    expect(parts[1]!.headers.get('content-type')).toBe('application/octet-stream');
    expect(parts[1]!.body.toString()).toBe(jws);
  });

  it.each(['RS256', 'RS384', 'RS512'])('verifies %s against the x5c certificate and its chain', async (alg) => {
    const s = statement(mboxAgent(`x5c-${alg}`));
    expect((await postSigned(s, signJws(s, signerKey, { alg, x5c: [signerCert, caCert] }))).statusCode).toBe(200);
    const alone = statement(mboxAgent(`x5c-${alg}`));
    expect((await postSigned(alone, signJws(alone, signerKey, { alg, x5c: [signerCert] }))).statusCode).toBe(200);
  });

  it('accepts a payload that differs only where statements may differ (id absent, authority, stored, version, definitions, verb display)', async () => {
    const s = statement(mboxAgent('equivalent'), { version: '1.0.0' });
    const { id: _id, ...withoutId } = s;
    const payload = {
      ...withoutId,
      authority: mboxAgent('someone'),
      stored: '2020-01-01T00:00:00Z',
      version: '1.0.3',
      object: { id: (s.object as Json).id },
      verb: { id: (s.verb as Json).id, display: { lv: 'pabeidza' } },
      timestamp: '2024-05-01T12:00:00+02:00',
    };
    const response = await postSigned(s, signJws(payload, privateKey));
    expect(response.statusCode, response.body).toBe(200);
  });

  it('accepts the JWS JSON Serialization with one signature', async () => {
    const s = statement(mboxAgent('json-serialization'));
    const [protectedHeader, payload, signature] = signJws(s, signerKey, { x5c: [signerCert] }).split('.');
    const response = await postSigned(s, JSON.stringify({ payload, protected: protectedHeader, signature }));
    expect(response.statusCode, response.body).toBe(200);
  });

  it('keeps the other attachments in what is signed', async () => {
    const essay = Buffer.from('signed essay');
    const s = statement(mboxAgent('with-essay'), { attachments: [attachmentFor(essay)] });
    expect((await postSigned(s, signJws(s, privateKey), [partFor(essay)])).statusCode).toBe(200);
    const other = statement(mboxAgent('with-essay'), { attachments: [attachmentFor(essay)] });
    const { attachments: _attachments, ...signedWithout } = other;
    await expectMalformed(await postSigned(other, signJws(signedWithout, privateKey), [partFor(essay)]), /"attachments" differs/);
  });

  it('does not verify a signature without a certificate to verify it with (x5c is optional)', async () => {
    const s = statement(mboxAgent('no-x5c'));
    const [header, payload] = signJws(s, privateKey).split('.');
    const response = await postSigned(s, `${header}.${payload}.${Buffer.from('not really a signature').toString('base64url')}`);
    expect(response.statusCode).toBe(200);
  });

  it.each([
    [
      'a payload that is another statement',
      (s: Json) => signJws({ ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } }, privateKey),
      /payload is not the statement it signs: its "verb" differs/,
    ],
    [
      'a payload with another id',
      (s: Json) => signJws({ ...s, id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }, privateKey),
      /its id 3f2504e0-4f89-41d3-9a0c-0305e82c3301 is not the statement's id/,
    ],
    [
      'a payload that is not a statement',
      () => signJws({ hello: 'world' }, privateKey),
      /payload is not a valid statement \(payload: has a property "hello"/,
    ],
    [
      'an HMAC algorithm',
      (s: Json) => signJws(s, privateKey, { header: { alg: 'HS256' } }),
      /algorithm "alg" must be RS256, RS384, RS512, not "HS256"/,
    ],
    ['no algorithm', (s: Json) => signJws(s, privateKey, { header: { alg: undefined } }), /must be RS256, RS384, RS512, not null/],
    ['critical header extensions', (s: Json) => signJws(s, privateKey, { header: { crit: ['exp'], exp: 1 } }), /"crit"/],
    ['something that is not a JWS', () => 'hello', /not a JWS in Compact Serialization/],
    [
      'a header that is not base64url',
      (s: Json) => `%%.${signJws(s, privateKey).split('.').slice(1).join('.')}`,
      /protected header is not base64url/,
    ],
    ['an empty signature', (s: Json) => `${signJws(s, privateKey).split('.').slice(0, 2).join('.')}.`, /signature is empty/],
    [
      'a signature that does not verify with x5c',
      (s: Json) => signJws(s, privateKey, { x5c: [signerCert] }),
      /does not verify with the "x5c" certificate/,
    ],
    [
      'a certificate of another key first in x5c',
      (s: Json) => signJws(s, signerKey, { x5c: [caCert, signerCert] }),
      /certificate 1 is not issued by the next one|does not verify/,
    ],
    [
      'a broken chain',
      (s: Json) => signJws(s, signerKey, { x5c: [signerCert, signerCert] }),
      /certificate 1 is not issued by the next one/,
    ],
    ['an x5c that is not a certificate', (s: Json) => signJws(s, signerKey, { x5c: ['AAAA'] }), /not an X.509 certificate/],
    [
      'an x5c that is not a list',
      (s: Json) => signJws(s, signerKey, { header: { x5c: signerCert } }),
      /"x5c" header must be a non-empty array/,
    ],
    ['a JSON Serialization with two signatures', () => JSON.stringify({ payload: 'x', signatures: [{}, {}] }), /exactly one signature/],
  ])('answers 400 to %s and stores nothing', async (_name, makeJws, pattern) => {
    const s = statement(mboxAgent('malformed'));
    const before = await count();
    await expectMalformed(await postSigned(s, makeJws(s)), pattern);
    expect(await count()).toBe(before);
  });

  it('rejects a signature attachment that is not application/octet-stream or not sent as a part', async () => {
    const s = statement(mboxAgent('wrong-type'));
    const jws = signJws(s, privateKey);
    const made = signed(s, jws);
    const attachments = made.statement.attachments as Json[];
    const asText = { ...made.statement, attachments: [{ ...attachments[0], contentType: 'text/plain' }] };
    await expectMalformed(
      await post(asText, [partFor(jws, {}, 'text/plain')]),
      /a signature attachment must have the contentType application\/octet-stream/,
    );
    const byUrl = { ...made.statement, attachments: [{ ...attachments[0], fileUrl: 'https://files.test/signature.jws' }] };
    const json = await server.app.inject({ method: 'POST', url: '/xapi/statements', headers, payload: byUrl });
    await expectMalformed(json, /statement signature \(JWS\) must be sent as a part of a multipart\/mixed request/);
  });

  it('stores nothing of a batch in which one signature is malformed', async () => {
    const good = statement(mboxAgent('batch-signed'));
    const bad = statement(mboxAgent('batch-signed'));
    const goodSigned = signed(good, signJws(good, privateKey));
    const badSigned = signed(bad, signJws({ ...bad, result: { success: true } }, privateKey));
    const before = await count();
    const response = await post([goodSigned.statement, badSigned.statement], [goodSigned.part, badSigned.part]);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).message).toMatch(/^statements\[1\]\.attachments\[0\]: .*"result" differs/);
    expect(await count()).toBe(before);
  });
});
