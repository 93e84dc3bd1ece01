/*
 * A course whose module plays a recording, for the tests of video and audio offline: the
 * repository's modules/ copied to a folder a server is seeded from, with a silent MP3 (and its
 * WebVTT captions in every language of the module) added to the first lesson of one module.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readTree } from '../../src/content/tree';
import { readLessons, repoRoot } from './repo';
import type { ContentLocale } from '../../src/shared/content/locales';

/** MPEG-1 Layer III, 32 kbit/s, 32 kHz, mono: a frame is 144 bytes and 1152 samples (36 ms). */
const FRAME_HEADER = [0xff, 0xfb, 0x18, 0xc0];
/** A mono frame's side information; all zero, the frame has no audio data and decodes to silence. */
const SIDE_INFO_BYTES = 17;
const FRAME_BYTES = 144;
const FRAME_SECONDS = 1152 / 32_000;

const latin1 = (text: string): number[] => [...text].map((c) => c.charCodeAt(0) & 0xff);

/** An ID3v2.3 tag with a title: bytes a test can recognise at the start of the file. */
function id3Title(title: string): number[] {
  const frame = [...latin1('TIT2'), 0, 0, 0, title.length + 1, 0, 0, 0, ...latin1(title)];
  const size = frame.length;
  return [...latin1('ID3'), 3, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f, ...frame];
}

/**
 * A constant-bitrate MP3 of silence that lasts `seconds`, starting with an ID3 tag naming
 * `title`. The rest of each frame (ancillary data, which a decoder skips) is pseudo-random, so
 * the file does not compress like no real recording does (a package check refuses that).
 */
export function silentMp3({ title, seconds }: { title: string; seconds: number }): Uint8Array {
  const frames = Math.ceil(seconds / FRAME_SECONDS);
  const tag = id3Title(title);
  const bytes = new Uint8Array(tag.length + frames * FRAME_BYTES);
  bytes.set(tag);
  let state = 0x9e3779b9;
  for (let index = 0; index < frames; index++) {
    const start = tag.length + index * FRAME_BYTES;
    bytes.set(FRAME_HEADER, start);
    for (let at = start + FRAME_HEADER.length + SIDE_INFO_BYTES; at < start + FRAME_BYTES; at++) {
      // xorshift32; 0xff is left out, so no byte pair looks like the next frame's sync word.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[at] = (state >>> 0) % 0xff;
    }
  }
  return bytes;
}

/** What a lesson says about the recording, in each language of the module it is added to. */
const RECORDING_WORDS: Partial<Record<ContentLocale, { alt: string; caption: string }>> = {
  en: { alt: 'A librarian reads a scam text message aloud', caption: 'Your parcel is waiting: pay the fee at this link.' },
  lv: { alt: 'Bibliotekāre skaļi nolasa krāpniecisku īsziņu', caption: 'Jūsu sūtījums gaida: samaksājiet maksu, izmantojot šo saiti.' },
  bg: { alt: 'Библиотекарка чете на глас измамно SMS съобщение', caption: 'Пратката ви чака: платете таксата на този линк.' },
  uk: { alt: 'Бібліотекарка читає вголос шахрайське SMS-повідомлення', caption: 'Ваша посилка чекає: сплатіть збір за цим посиланням.' },
};

/**
 * Writes modules/ to `root` with `recording` (an MP3) played in the first lesson of `moduleId`,
 * in each of its languages, with captions in that language; returns the recording's name.
 */
export function writeCourseWithRecording({ root, moduleId, recording }: { root: string; moduleId: string; recording: Uint8Array }): string {
  const name = 'scam-message';
  const files = readTree(join(repoRoot, 'modules'));
  const text = (path: string) => new TextDecoder().decode(files.get(path));
  files.set(`${moduleId}/media/${name}.mp3`, recording);
  for (const [locale, words] of Object.entries(RECORDING_WORDS) as [ContentLocale, { alt: string; caption: string }][]) {
    const [first] = readLessons(moduleId, locale);
    if (!first) throw new Error(`${moduleId} has no lesson in ${locale}`);
    const lesson = `${moduleId}/${locale}/${first.file}`;
    files.set(lesson, new TextEncoder().encode(`${text(lesson)}\n![${words.alt}](media/${name}.mp3)\n`));
    files.set(`${moduleId}/media/${name}.${locale}.vtt`, new TextEncoder().encode(`WEBVTT\n\n00:00.000 --> 00:04.000\n${words.caption}\n`));
  }
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return name;
}
