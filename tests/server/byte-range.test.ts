/*
 * The byte ranges a browser asks for when a learner seeks in a lesson's recording
 * (src/server/http/range.ts): one range is honoured, an impossible one is refused, anything
 * else gets the whole file.
 */
import { describe, expect, it } from 'vitest';
import { byteRange } from '../../src/server/http/range';

describe('byte ranges', () => {
  it('gives the bytes asked for, cut at the end of the file', () => {
    expect(byteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(byteRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=999-999', 1000)).toEqual({ start: 999, end: 999 });
  });

  it('gives the last bytes of a suffix range, or the whole file when it asks for more', () => {
    expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('refuses a range that starts past the end, or an empty suffix', () => {
    expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=2000-3000', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=-10', 0)).toBe('unsatisfiable');
  });

  it('ignores what it does not serve: no header, other units, several ranges, malformed ones', () => {
    for (const header of [undefined, '', 'bytes=', 'bytes=-', 'items=0-10', 'bytes=0-10,20-30', 'bytes=10-5', 'bytes=a-b']) {
      expect(byteRange(header, 1000), String(header)).toBeUndefined();
    }
  });
});
