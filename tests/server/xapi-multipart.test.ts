/*
 * The multipart/mixed reader and writer on their own (no database): the specification's own
 * example, binary safety, and every way a body can be malformed getting a 400 that says where.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryOf, mediaType, parseMultipart, writeMultipart } from '../../src/server/routes/xapi-multipart';
import { HttpError } from '../../src/server/routes/accounts';

/** xAPI-Communication.md 1.5.2, "Example" (statement shortened). */
const SPEC_BOUNDARY = "abcABC0123'()+_,-./:=?";
const SPEC_EXAMPLE = [
  '',
  `--${SPEC_BOUNDARY}`,
  'Content-Type:application/json',
  '',
  '{"actor":{"mbox":"mailto:sample.agent@example.com"}}',
  `--${SPEC_BOUNDARY}`,
  'Content-Type:text/plain',
  'Content-Transfer-Encoding:binary',
  'X-Experience-API-Hash:495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
  '',
  'here is a simple attachment',
  `--${SPEC_BOUNDARY}--`,
].join('\r\n');

function rejects(run: () => unknown, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).statusCode).toBe(400);
    expect((error as HttpError).message).toMatch(message);
    return;
  }
  throw new Error('expected a 400');
}

describe('multipart/mixed', () => {
  it("reads the specification's example, quoted boundary and all", () => {
    const boundary = boundaryOf(`multipart/mixed; boundary="${SPEC_BOUNDARY}"`);
    expect(boundary).toBe(SPEC_BOUNDARY);
    const parts = parseMultipart(Buffer.from(SPEC_EXAMPLE), boundary);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(parts[0]!.body.toString())).toEqual({ actor: { mbox: 'mailto:sample.agent@example.com' } });
    expect(parts[1]!.headers.get('x-experience-api-hash')).toBe('495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a');
    expect(parts[1]!.body.toString()).toBe('here is a simple attachment');
  });

  it('reads media types and their parameters', () => {
    expect(mediaType('Multipart/Mixed; Boundary=abc; charset="utf-8"')).toEqual({
      type: 'multipart/mixed',
      params: new Map([
        ['boundary', 'abc'],
        ['charset', 'utf-8'],
      ]),
    });
    expect(mediaType('text/plain').type).toBe('text/plain');
    expect(mediaType('multipart/mixed; boundary="a;b=c"').params.get('boundary')).toBe('a;b=c');
  });

  it('keeps any octets, including CRLF, dashes and bytes that are not UTF-8, through write and read', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 5 }), (bodies) => {
        const written = writeMultipart(bodies.map((body, index) => ({ headers: [['X-Index', String(index)]], body: Buffer.from(body) })));
        const parts = parseMultipart(written.body, written.boundary);
        expect(parts.map((part) => [...part.body])).toEqual(bodies.map((body) => [...body]));
        expect(parts.map((part) => part.headers.get('x-index'))).toEqual(bodies.map((_body, index) => String(index)));
      }),
      { numRuns: 200 },
    );
  });

  it('writes CRLF delimiters, headers, an empty line and the close delimiter', () => {
    const written = writeMultipart([
      { headers: [['Content-Type', 'application/json']], body: Buffer.from('{}') },
      { headers: [['X-Experience-API-Hash', 'ab']], body: Buffer.from([0, 255]) },
    ]);
    const b = written.boundary;
    expect(b).toMatch(/^xapi-[0-9a-f-]{36}$/);
    const expected = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Type: application/json\r\n\r\n{}\r\n--${b}\r\nX-Experience-API-Hash: ab\r\n\r\n`),
      Buffer.from([0, 255]),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    expect(written.body.equals(expected)).toBe(true);
  });

  it('reads a part without headers, a preamble, transport padding, an epilogue and folded header lines', () => {
    const body = Buffer.from('preamble\r\n--b \t\r\n\r\nno headers\r\n--b\r\nX-Long: one\r\n two\r\n\r\nx\r\n--b--\r\nepilogue');
    const parts = parseMultipart(body, 'b');
    expect(parts.map((part) => part.body.toString())).toEqual(['no headers', 'x']);
    expect(parts[1]!.headers.get('x-long')).toBe('one two');
  });

  it.each([
    ['no boundary parameter', () => boundaryOf('multipart/mixed'), /needs a boundary parameter/],
    ['an empty boundary', () => boundaryOf('multipart/mixed; boundary=""'), /needs a boundary parameter/],
    ['a boundary too long', () => boundaryOf(`multipart/mixed; boundary=${'a'.repeat(71)}`), /1 to 70/],
    ['a boundary with a forbidden character', () => boundaryOf('multipart/mixed; boundary=a<b'), /1 to 70/],
    ['no delimiter at all', () => parseMultipart(Buffer.from('just text'), 'b'), /has no part/],
    ['only the close delimiter', () => parseMultipart(Buffer.from('--b--\r\n'), 'b'), /has no part/],
    ['no closing delimiter', () => parseMultipart(Buffer.from('--b\r\n\r\nbody'), 'b'), /not closed/],
    ['LF instead of CRLF', () => parseMultipart(Buffer.from('--b\nContent-Type: x\n\nbody\n--b--'), 'b'), /must end with CRLF/],
    ['headers without the empty line', () => parseMultipart(Buffer.from('--b\r\nContent-Type: x\r\n--b--'), 'b'), /empty line/],
    ['a header line without a colon', () => parseMultipart(Buffer.from('--b\r\nnonsense\r\n\r\nx\r\n--b--'), 'b'), /is not "Name: value"/],
    ['a header given twice', () => parseMultipart(Buffer.from('--b\r\nA: 1\r\na: 2\r\n\r\nx\r\n--b--'), 'b'), /given twice/],
    ['garbage after a delimiter', () => parseMultipart(Buffer.from('--bX\r\n\r\nx\r\n--b--'), 'b'), /must end with CRLF/],
  ])('rejects %s with 400', (_name, run, message) => rejects(run, message));
});
