import { toCsv } from '../../shared/mentoring/csv';

/** Offers rows as a CSV file (UTF-8 with BOM, so spreadsheet programs read every alphabet). Returns the Blob. */
export function downloadCsv(fileName: string, rows: readonly (readonly string[])[]): Blob {
  const blob = new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return blob;
}

/** A file-name-safe slug: letters of any alphabet, digits and dashes. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'export'
  );
}
