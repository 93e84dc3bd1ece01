import { VERBS } from '../xapi/verbs';

/**
 * How long a lesson note may be, in characters (UTF-16 code units, as the note field counts
 * them). A note is a personal aide-mémoire kept on the device and synced as a statement;
 * 10,000 characters is about four printed pages, far more than a note needs and small enough
 * that My learning and every sync stay light. The note field saves nothing longer, and the
 * server refuses a longer `noted` statement (noteTooLong). Notes stored before the limit
 * existed keep all their text.
 */
export const NOTE_MAX_LENGTH = 10_000;

/**
 * The length of a `noted` statement's text when it is over NOTE_MAX_LENGTH, else undefined.
 * Takes any statement-shaped value, as the server has it before it is typed.
 */
export function noteTooLong(statement: { verb?: unknown; result?: unknown }): number | undefined {
  const verb = statement.verb as { id?: unknown } | undefined;
  if (verb?.id !== VERBS.noted) return undefined;
  const text = (statement.result as { response?: unknown } | undefined)?.response;
  return typeof text === 'string' && text.length > NOTE_MAX_LENGTH ? text.length : undefined;
}

/** How much of a long note My learning shows before "Show the whole note". */
export const NOTE_PREVIEW_LENGTH = 600;

/** The start of a note for a preview, cut at a word boundary where one is near. */
export function notePreview(text: string, length: number = NOTE_PREVIEW_LENGTH): string | undefined {
  if (text.length <= length) return undefined;
  const cut = text.slice(0, length);
  const space = cut.search(/\s\S*$/);
  return (space > length * 0.8 ? cut.slice(0, space) : cut).trimEnd();
}
