/*
 * Video and audio in lessons: played by the browser's own controls with captions in the
 * lesson's language and a link to them as a transcript; refused without WebVTT captions per
 * language, with a file that is not what its name says, or too large; listed apart in the
 * catalogue (stored offline only on request) and counted apart in the storage sizes.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/content/compile';
import { publishImages } from '../../../src/content/images';
import type { Catalog, ModuleContent } from '../../../src/shared/content/compiled';
import { writeFixture } from './fixtures';

const lesson = (body: string) => `---\ntitle: First\nminutes: 5\n---\n\n## Start\n\n${body}\n`;
const ascii = (text: string) => new TextEncoder().encode(text);
/** The start of an MP4 (an `ftyp` box) and of an MP3 (an ID3 tag): what the checks read. */
const MP4 = new Uint8Array([0, 0, 0, 24, ...ascii('ftypisom'), 0, 0, 2, 0, ...ascii('isomiso2mp41'), ...new Array<number>(64).fill(7)]);
const MP3 = new Uint8Array([...ascii('ID3'), 4, 0, 0, 0, 0, 0, 0, ...new Array<number>(64).fill(9)]);
const vtt = (line: string) => `WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n${line}\n`;

const errors = (root: string) =>
  compileContent(root)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.file}: ${p.message}`);

const withVideo = {
  'alpha/media/visit.mp4': MP4,
  'alpha/media/visit.en.vtt': vtt('Welcome to the library.'),
  'alpha/media/visit.lv.vtt': vtt('Laipni lūgti bibliotēkā.'),
  'alpha/en/01-first.md': lesson('![A visit to the computer corner of the library](media/visit.mp4)'),
  'alpha/lv/01-first.md': lesson('![Apmeklējums bibliotēkas datoru stūrītī](media/visit.mp4)'),
};

describe('video and audio in lessons', () => {
  it('plays a video with captions in the lesson language and links them as its transcript', () => {
    const result = compileContent(writeFixture(withVideo));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const catalog = JSON.parse(result.files.get('content/catalog.json')!) as Catalog;
    const module = catalog.modules[0]!;
    expect(module.video).toEqual([expect.stringMatching(/^\/content\/media\/alpha\/visit\.[0-9a-f]{10}\.mp4$/)]);
    const video = module.video![0]!;
    expect(new Uint8Array(result.binaries.get(video.slice(1))!)).toEqual(MP4);

    const captions = (locale: string) => module.media[locale as 'en'].find((url) => url.endsWith('.vtt'))!;
    expect(captions('en')).toMatch(/^\/content\/media\/alpha\/visit\.en\.[0-9a-f]{10}\.vtt$/);
    expect(result.files.get(captions('lv').slice(1))).toBe(vtt('Laipni lūgti bibliotēkā.'));
    // The recording itself is not stored with the module; its captions are.
    expect(module.media.en).not.toContain(video);

    const html = (locale: string) =>
      (JSON.parse(result.files.get(`content/modules/alpha/${locale}.json`)!) as ModuleContent).lessons[0]!.html;
    expect(html('en')).toContain(
      `<video controls preload="metadata" aria-label="A visit to the computer corner of the library" src="${video}">` +
        `<track kind="captions" src="${captions('en')}" srclang="en" label="English" default /></video> ` +
        `<a href="${captions('en')}" rel="noopener noreferrer">Transcript: A visit to the computer corner of the library</a>`,
    );
    expect(html('lv')).toContain(`<track kind="captions" src="${captions('lv')}" srclang="lv" label="Latviešu" default />`);
    expect(html('lv')).toContain('>Atšifrējums: Apmeklējums bibliotēkas datoru stūrītī</a>');
  });

  it('plays audio with the audio player', () => {
    const root = writeFixture({
      'alpha/media/greeting.mp3': MP3,
      'alpha/media/greeting.en.vtt': vtt('Good morning.'),
      'alpha/en/01-first.md': lesson('![A librarian greets a visitor](media/greeting.mp3)'),
    });
    const result = compileContent(root);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const html = (JSON.parse(result.files.get('content/modules/alpha/en.json')!) as ModuleContent).lessons[0]!.html;
    expect(html).toMatch(
      /<audio controls preload="metadata" aria-label="A librarian greets a visitor" src="[^"]+\.mp3"><track kind="captions"/,
    );
  });

  it('counts video apart in what storing the module takes', async () => {
    const result = compileContent(writeFixture(withVideo));
    await publishImages(result);
    const catalog = JSON.parse(result.files.get('content/catalog.json')!) as Catalog;
    const module = catalog.modules[0]!;
    const json = Buffer.byteLength(result.files.get('content/modules/alpha/lv.json')!);
    const captions = Buffer.byteLength(vtt('Laipni lūgti bibliotēkā.'));
    expect(module.storage?.lv).toEqual({ bytes: json + captions, videoBytes: MP4.byteLength });
  });

  it.each([
    [
      'a language without captions',
      { ...withVideo, 'alpha/media/visit.lv.vtt': null },
      'alpha/lv/01-first.md: plays "media/visit.mp4" without captions in this lesson\'s language: add media/visit.lv.vtt (WebVTT), which is also its transcript',
    ],
    [
      'captions that are not WebVTT',
      { ...withVideo, 'alpha/media/visit.en.vtt': '1\n00:00:00,000 --> 00:00:03,000\nWelcome.\n' },
      'alpha/en/01-first.md: plays "media/visit.mp4", whose captions media/visit.en.vtt are not WebVTT: the file must start with the line WEBVTT',
    ],
    [
      'a file that is not what its name says',
      { ...withVideo, 'alpha/media/visit.mp4': MP3 },
      'alpha/en/01-first.md: plays "media/visit.mp4", which is not an MP4, WebM or MP3 file matching its extension (judged by its content, not its name)',
    ],
    [
      'a recording over 15 MB',
      { ...withVideo, 'alpha/media/visit.mp4': new Uint8Array(15 * 1024 * 1024 + 1) },
      'alpha/en/01-first.md: plays "media/visit.mp4", which is 16 MB; a recording is at most 15 MB',
    ],
    [
      'a recording without a title',
      { ...withVideo, 'alpha/en/01-first.md': lesson('![](media/visit.mp4)') },
      'alpha/en/01-first.md: shows "media/visit.mp4" without alt text: write what it shows, ![...](media/visit.mp4)',
    ],
  ])('refuses %s, naming the lesson', (_, files, message) => {
    expect(errors(writeFixture(files))).toContain(message);
  });

  it('refuses a recording as a cover', () => {
    const root = writeFixture(withVideo);
    appendFileSync(join(root, 'alpha/module.yaml'), '\ncover: media/visit.mp4\n');
    expect(errors(root)).toContain(
      'alpha/module.yaml: cover: shows "media/visit.mp4", a recording; a cover is an image (.svg, .jpg, .png or .webp)',
    );
  });
});
