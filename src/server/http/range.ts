/*
 * One byte range of a file (RFC 9110 §14): what a browser asks for when a learner seeks in a
 * lesson's video or audio. Only a single `bytes=` range is honoured; anything else (another
 * unit, several ranges, a malformed header) is ignored and the whole file is sent, as the RFC
 * allows.
 */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

export function byteRange(header: string | undefined, size: number): ByteRange {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    return length === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return undefined;
  return start >= size ? 'unsatisfiable' : { start, end };
}
