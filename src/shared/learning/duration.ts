/** ISO 8601 durations as xAPI uses them (`PT1H2M3.5S`, `P1DT2H`), to whole milliseconds.
 * Whole milliseconds keep sums exact, so the fold's totals do not depend on order. */
const pattern = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function durationMs(iso: string): number {
  const match = pattern.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return 0;
  const [, d = '0', h = '0', m = '0', s = '0'] = match;
  return Math.round(((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000);
}

/** Milliseconds to an xAPI duration with at most centisecond precision (the spec's minimum). */
export function toDuration(ms: number): string {
  const safe = Math.max(0, Math.round(ms / 10) * 10);
  const hours = Math.floor(safe / 3_600_000);
  const minutes = Math.floor((safe % 3_600_000) / 60_000);
  const seconds = (safe % 60_000) / 1000;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}
