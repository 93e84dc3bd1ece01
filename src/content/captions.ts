/*
 * Video and audio in lessons: `![title of the recording](media/<name>.mp4|webm|mp3)`. A recording
 * is accepted only with a WebVTT captions file (its transcript) in the lesson's language,
 * `media/<name>.<lang>.vtt`, so a learner who cannot hear it, or studies in a quiet library,
 * still gets everything it says. The file type is told by its first bytes, not its name.
 */

export type RecordingType = 'mp4' | 'webm' | 'mp3';

/** A recording larger than this does not belong in a module package (whose zip is at most 20 MB). */
export const MAX_RECORDING_BYTES = 15 * 1024 * 1024;
/** A transcript of an hour of speech is about 60 KB. */
export const MAX_CAPTIONS_BYTES = 256 * 1024;

const bytesAt = (bytes: Uint8Array, at: number, expected: readonly number[]): boolean =>
  expected.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The type of an MP4, WebM or MP3 by its signature; undefined for anything else. */
export function recordingType(bytes: Uint8Array): RecordingType | undefined {
  if (bytesAt(bytes, 4, ascii('ftyp'))) return 'mp4';
  if (bytesAt(bytes, 0, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  // An ID3 tag, or an MPEG audio frame sync (11 bits set).
  if (bytesAt(bytes, 0, ascii('ID3')) || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  return undefined;
}

/** Whether `text` starts as WebVTT must: an optional byte-order mark, `WEBVTT`, then a space, a tab or a line end. */
export function isWebVtt(text: string): boolean {
  return /^\uFEFF?WEBVTT(?:[ \t]|\r?\n|$)/.test(text);
}

/** The Content-Type each recording and captions file is served with. */
export const RECORDING_CONTENT_TYPES = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  vtt: 'text/vtt; charset=utf-8',
} as const;
