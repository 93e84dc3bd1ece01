import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationMs, toDuration } from '../../../src/shared/learning/duration';

describe('durations', () => {
  it.each([
    ['PT1H2M3.5S', 3_723_500],
    ['PT45S', 45_000],
    ['P1DT1H', 90_000_000],
    ['PT0S', 0],
    ['garbage', 0],
    ['P', 0],
    ['PT', 0],
  ])('%s is %d ms', (iso, ms) => {
    expect(durationMs(iso)).toBe(ms);
  });

  it('round-trips at centisecond precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 3_600_000 }), (ms) => {
        expect(durationMs(toDuration(ms))).toBe(Math.round(ms / 10) * 10);
      }),
    );
  });
});
