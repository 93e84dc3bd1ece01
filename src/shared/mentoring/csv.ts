/*
 * CSV for spreadsheet programs (RFC 4180): fields with a comma, quote, CR or LF are quoted and
 * quotes doubled; lines end with CRLF; the text starts with a UTF-8 byte order mark so Excel
 * and LibreOffice read Cyrillic, Greek and Latvian text correctly. Headers come from the caller
 * (in the user's language). A text cell that a spreadsheet would run as a formula (starting
 * with = + - @ or a tab, e.g. a learner's comment) gets a leading apostrophe (OWASP "CSV
 * injection"); numbers such as -2.5 are left alone.
 */
const needsQuotes = /[",\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;
const numeric = /^[+-]?\d+(\.\d+)?$/;

export function csvField(value: string): string {
  const safe = formulaStart.test(value) && !numeric.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}${rows.length ? '\r\n' : ''}`;
}
