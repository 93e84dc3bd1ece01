/*
 * Why the server refused a record, in the person's language. The sync engine keeps the
 * server's answer as "<status> <body>" (the body is `{ error, message }` in English); this
 * turns it into a sentence, and keeps the server's words for a coordinator to look into.
 */
import type { TFunction } from 'i18next';
import { NOTE_MAX_LENGTH } from '../../../shared/learning/notes';

export function refusalText(t: TFunction<'common'>, problem: string): string {
  const match = /^(\d{3})\s*([\s\S]*)$/.exec(problem);
  const status = match ? Number(match[1]) : undefined;
  let code: unknown;
  try {
    code = (JSON.parse(match?.[2] ?? '') as { error?: unknown }).error;
  } catch {
    code = undefined;
  }
  if (code === 'note-too-long') return t('sync.refusedNoteTooLong', { max: NOTE_MAX_LENGTH });
  if (status === 403) return t('sync.refusedNotAllowed');
  if (status === 409) return t('sync.refusedConflict');
  if (status === 400) return t('sync.refusedInvalid');
  return t('sync.refusedOther', { status: status ?? '?' });
}
