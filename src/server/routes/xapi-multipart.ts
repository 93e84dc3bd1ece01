/*
 * multipart/mixed (RFC 2046 5.1) on Buffers, binary-safe: the format of statement requests and
 * answers that carry attachment content (xAPI-Communication.md 1.5.2). Parsing is strict where
 * the xAPI specification is ("Don't forget the <CRLF>"): delimiters are CRLF "--" boundary, part
 * headers end with an empty line, and the body must be closed by "--" boundary "--". A problem
 * is a 400 saying where, never a guess at what the sender meant.
 */
import { randomUUID } from 'node:crypto';
import { HttpError } from './accounts';

export type Part = {
  /** Header names in lower case. */
  headers: Map<string, string>;
  body: Buffer;
};

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
/** RFC 2046 bchars: 1 to 70 of them, not ending with a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** The media type (lower case, no parameters) and the parameters of a Content-Type value. */
export function mediaType(value: string): { type: string; params: Map<string, string> } {
  const semicolon = value.indexOf(';');
  const type = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const params = new Map<string, string>();
  const pattern = /;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of value.slice(Math.max(semicolon, 0)).matchAll(pattern)) {
    const raw = (match[2] ?? '').trim();
    const unquoted = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    params.set((match[1] ?? '').toLowerCase(), unquoted);
  }
  return { type, params };
}

export function boundaryOf(contentType: string): string {
  const boundary = mediaType(contentType).params.get('boundary');
  if (boundary === undefined || boundary === '') {
    throw new HttpError(400, 'The Content-Type multipart/mixed needs a boundary parameter, e.g. multipart/mixed; boundary=abc123.');
  }
  if (!BOUNDARY.test(boundary)) {
    throw new HttpError(400, "The multipart boundary must be 1 to 70 letters, digits or '()+_,-./:=? characters (RFC 2046).");
  }
  return boundary;
}

function parseHeaders(text: string, index: number): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split('\r\n')) {
    if (/^[ \t]/.test(line) && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`); // an obsolete folded header line
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0)).trim().toLowerCase();
    if (colon <= 0 || !/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(name)) {
      throw new HttpError(400, `Multipart part ${index + 1}: the header line ${JSON.stringify(line.slice(0, 60))} is not "Name: value".`);
    }
    if (headers.has(name)) throw new HttpError(400, `Multipart part ${index + 1}: the header ${name} is given twice.`);
    headers.set(name, line.slice(colon + 1).trim());
    last = name;
  }
  return headers;
}

/** Splits a multipart/mixed body into its parts. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const dashBoundary = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.concat([CRLF, dashBoundary]);
  let position: number;
  if (body.subarray(0, dashBoundary.length).equals(dashBoundary)) position = 0;
  else {
    const first = body.indexOf(delimiter);
    if (first < 0) throw new HttpError(400, `The multipart body has no part: it never contains the line --${boundary}.`);
    position = first + CRLF.length;
  }
  const parts: Part[] = [];
  for (;;) {
    position += dashBoundary.length;
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break; // "--": the close delimiter
    while (body[position] === 0x20 || body[position] === 0x09) position += 1; // transport padding
    if (!body.subarray(position, position + 2).equals(CRLF)) {
      throw new HttpError(400, `Multipart part ${parts.length + 1}: the line --${boundary} must end with CRLF.`);
    }
    const start = position + CRLF.length;
    const end = body.indexOf(delimiter, start);
    if (end < 0) throw new HttpError(400, `The multipart body is not closed: it must end with the line --${boundary}--.`);
    const raw = body.subarray(start, end);
    if (raw.subarray(0, 2).equals(CRLF)) parts.push({ headers: new Map(), body: raw.subarray(2) });
    else {
      const headerEnd = raw.indexOf(HEADER_END);
      if (headerEnd < 0)
        throw new HttpError(400, `Multipart part ${parts.length + 1}: its headers must end with an empty line (CRLF CRLF).`);
      parts.push({ headers: parseHeaders(raw.subarray(0, headerEnd).toString('utf8'), parts.length), body: raw.subarray(headerEnd + 4) });
    }
    position = end + CRLF.length;
  }
  if (parts.length === 0) throw new HttpError(400, 'The multipart body has no part.');
  return parts;
}

/** Writes parts as a multipart/mixed body with a boundary that occurs in none of them. */
export function writeMultipart(parts: { headers: [string, string][]; body: Buffer }[]): { boundary: string; body: Buffer } {
  let boundary = `xapi-${randomUUID()}`;
  while (parts.some((part) => part.body.includes(boundary))) boundary = `xapi-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = part.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), part.body, CRLF);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, body: Buffer.concat(chunks) };
}
