/*
 * Illustrations in lessons: `![what it shows](media/<name>.svg|jpg|png|webp)` names a file in
 * the module's `media/` folder. The compiler checks each file (an SVG: size, nothing that could
 * run or fetch anything; a photograph: its type by its first bytes, its size in bytes and
 * pixels), gives it a URL with a hash of its content (so a cached copy is never stale and can
 * be kept forever), and the lesson's HTML gets an `<img>` with that URL, its alt text and its
 * size (so the page does not jump while it loads). A photograph is published as WebP in a few
 * widths (./raster.ts plans them, ./images.ts makes them) and shown with a srcset.
 * Images are shown with `<img>`, where a browser never runs an SVG's scripts; the checks
 * refuse such content anyway, so an author learns about it from the build.
 */
import { createHash } from 'node:crypto';
import bg from '../../locales/bg/modules.json';
import en from '../../locales/en/modules.json';
import lv from '../../locales/lv/modules.json';
import uk from '../../locales/uk/modules.json';
import type { ContentLocale } from '../shared/content/locales';
import { isWebVtt, MAX_RECORDING_BYTES, RECORDING_CONTENT_TYPES, recordingType, type RecordingType } from './captions';
import type { ProblemCode, ProblemDetail } from './problems';
import { MAX_RASTER_BYTES, MAX_RASTER_SIDE, rasterSize, rasterType, storedWidth, variantWidths, type PlannedVariant } from './raster';
import type { TreeReader } from './tree';

/** What a lesson may reference: `media/` + a lower-case file name ending in `.svg` or a photograph's extension. */
export const MEDIA_REFERENCE = /^media\/([a-z0-9][a-z0-9._-]*)\.(svg|jpe?g|png|webp|mp4|webm|mp3)$/;
const RECORDING_REFERENCE = /\.(?:mp4|webm|mp3)$/;

/** The words a lesson's player needs, in the lesson's language (locales/<lng>/modules.json, `lessonMedia`). */
const PLAYER_WORDS: Record<ContentLocale, { language: string; transcript: string }> = {
  en: en.lessonMedia,
  lv: lv.lessonMedia,
  bg: bg.lessonMedia,
  uk: uk.lessonMedia,
};
const CONTENT_TYPES: Record<string, string> = {
  ...RECORDING_CONTENT_TYPES,
  svg: 'image/svg+xml',
  webp: 'image/webp',
  json: 'application/json; charset=utf-8',
};

/** The Content-Type a published content file is served with, by its extension. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[/\.([a-z0-9]+)$/.exec(path)?.[1] ?? ''] ?? 'application/octet-stream';
}

/** An illustration is a diagram, not a photograph: a larger SVG is almost always an embedded bitmap. */
export const MAX_SVG_BYTES = 200 * 1024;

/** Markup an SVG shown in a lesson may not contain, with the problem told to the author. */
const UNSAFE_SVG: { pattern: RegExp; code: ProblemCode }[] = [
  { pattern: /<script/i, code: 'svgScript' },
  { pattern: /<foreignObject/i, code: 'svgForeignObject' },
  { pattern: /<!(?:DOCTYPE|ENTITY)/i, code: 'svgDoctype' },
  { pattern: /\son[a-z]+\s*=/i, code: 'svgEventHandler' },
  { pattern: /\s(?:xlink:)?href\s*=\s*["'](?!#)/i, code: 'svgExternalLink' },
  { pattern: /url\(\s*["']?(?!#)/i, code: 'svgExternalUrl' },
  { pattern: /@import/i, code: 'svgImport' },
  { pattern: /<image\b/i, code: 'svgBitmap' },
];

/** One width of a photograph, for the srcset. */
export type ImageCandidate = { url: string; width: number };
/** `srcset`: the widths of a photograph (absent for an SVG, which has one file for every screen). */
/** A video or audio recording as a lesson plays it, with its captions in the lesson's language. */
export type Recording = {
  kind: 'video' | 'audio';
  captions: string;
  srclang: ContentLocale;
  /** The captions language's name in itself, and the transcript link's text: in the lesson's language. */
  label: string;
  transcript: string;
};
export type ResolvedMedia = { url: string; width: number; height: number; srcset?: ImageCandidate[]; recording?: Recording };
export type MediaFile = { path: string; source: string };

function svgSize(source: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(source)?.[0];
  if (!root) return undefined;
  const viewBox = /\bviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/i.exec(root);
  if (!viewBox) return undefined;
  const width = Math.round(Number(viewBox[1]));
  const height = Math.round(Number(viewBox[2]));
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Why the SVG a lesson shows as `reference` cannot be shown, or undefined when it can. */
export function svgProblem({ source, bytes, reference }: { source: string; bytes: number; reference: string }): ProblemDetail | undefined {
  if (bytes > MAX_SVG_BYTES) return { code: 'svgTooLarge', params: { reference, kb: Math.ceil(bytes / 1024), max: MAX_SVG_BYTES / 1024 } };
  if (!/<svg\b/i.test(source)) return { code: 'svgNotSvg', params: { reference } };
  for (const { pattern, code } of UNSAFE_SVG) if (pattern.test(source)) return { code, params: { reference } };
  if (!svgSize(source)) return { code: 'svgNoViewBox', params: { reference } };
  return undefined;
}

/**
 * The media of one module: resolves a lesson's reference to a checked, revisioned URL and
 * collects the files to publish. A file used by several lessons or languages is read once.
 */
export class ModuleMedia {
  readonly files = new Map<string, MediaFile>();
  /** The WebP widths to make, by path: publishing makes them (./images.ts). */
  readonly images = new Map<string, PlannedVariant>();
  /** Video and audio files as they are, by path: published beside the images, stored offline only on request. */
  readonly recordings = new Map<string, Uint8Array>();
  private readonly resolved = new Map<string, ResolvedMedia | ProblemDetail>();
  private readonly byUrl = new Map<string, ResolvedMedia>();

  constructor(
    private readonly reader: TreeReader,
    private readonly moduleId: string,
    /** The module's folder in the tree. */
    private readonly folder: string,
  ) {}

  /** The published image, or the problem with the reference (said from the lesson's point of view). */
  resolve(reference: string, locale?: ContentLocale): ResolvedMedia | ProblemDetail {
    // A recording is played with the captions of the lesson's language, so it resolves per language.
    const key = RECORDING_REFERENCE.test(reference) ? `${reference} ${locale ?? ''}` : reference;
    const known = this.resolved.get(key);
    if (known !== undefined) return known;
    const result = this.read(reference, locale);
    this.resolved.set(key, result);
    if ('url' in result && !result.recording) this.byUrl.set(result.url, result);
    return result;
  }

  /** A published image by its URL (one `resolve` has returned). */
  published(url: string): ResolvedMedia | undefined {
    return this.byUrl.get(url);
  }

  private read(reference: string, locale: ContentLocale | undefined): ResolvedMedia | ProblemDetail {
    const match = MEDIA_REFERENCE.exec(reference);
    if (!match) return { code: 'mediaReference', params: { reference } };
    const file = `${this.folder}/${reference}`;
    if (!this.reader.has(file)) return { code: 'mediaMissing', params: { reference, module: this.moduleId } };
    const name = match[1] ?? 'image';
    const extension = match[2] ?? '';
    if (extension === 'mp4' || extension === 'webm' || extension === 'mp3') {
      if (!locale) return { code: 'recordingNotImage', params: { reference } };
      return this.readRecording({ reference, name, extension, locale });
    }
    if (match[2] !== 'svg') return this.readRaster({ reference, name, bytes: this.reader.tree.get(file) ?? new Uint8Array() });
    const source = this.reader.text(file);
    const problem = svgProblem({ source, bytes: this.reader.size(file), reference });
    if (problem) return problem;
    const size = svgSize(source) ?? { width: 1, height: 1 };
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
    const path = `content/media/${this.moduleId}/${name}.${hash}.svg`;
    this.files.set(path, { path, source });
    return { url: `/${path}`, ...size };
  }

  /** A photograph: checked by its bytes, planned in its widths; `url` is the width stored for offline study. */
  private readRaster({ reference, name, bytes }: { reference: string; name: string; bytes: Uint8Array }): ResolvedMedia | ProblemDetail {
    if (bytes.byteLength > MAX_RASTER_BYTES)
      return { code: 'imageTooLarge', params: { reference, kb: Math.ceil(bytes.byteLength / 1024), max: MAX_RASTER_BYTES / 1024 } };
    const type = rasterType(bytes);
    if (!type) return { code: 'imageNotRaster', params: { reference } };
    const size = rasterSize(bytes, type);
    if (!size) return { code: 'imageUnreadable', params: { reference } };
    if (Math.max(size.width, size.height) > MAX_RASTER_SIDE)
      return { code: 'imageTooManyPixels', params: { reference, width: size.width, height: size.height, max: MAX_RASTER_SIDE } };
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    const widths = variantWidths(size.width);
    const srcset = widths.map((width) => {
      const path = `content/media/${this.moduleId}/${name}.${hash}-${width}.webp`;
      this.images.set(path, { source: bytes, width });
      return { url: `/${path}`, width };
    });
    const largest = widths[widths.length - 1] ?? size.width;
    const stored = storedWidth(widths);
    return {
      url: srcset.find((candidate) => candidate.width === stored)?.url ?? '',
      width: largest,
      height: Math.round((size.height * largest) / size.width),
      srcset,
    };
  }

  /** A recording: checked by its bytes, published with the captions of the lesson's language, which it needs. */
  private readRecording({
    reference,
    name,
    extension,
    locale,
  }: {
    reference: string;
    name: string;
    extension: RecordingType;
    locale: ContentLocale;
  }): ResolvedMedia | ProblemDetail {
    const bytes = this.reader.tree.get(`${this.folder}/${reference}`) ?? new Uint8Array();
    if (bytes.byteLength > MAX_RECORDING_BYTES)
      return {
        code: 'recordingTooLarge',
        params: { reference, mb: Math.ceil(bytes.byteLength / 1024 / 1024), max: MAX_RECORDING_BYTES / 1024 / 1024 },
      };
    if (recordingType(bytes) !== extension) return { code: 'recordingNotMedia', params: { reference } };
    const captions = `media/${name}.${locale}.vtt`;
    const captionsFile = `${this.folder}/${captions}`;
    if (!this.reader.has(captionsFile)) return { code: 'captionsMissing', params: { reference, captions } };
    const text = this.reader.text(captionsFile);
    if (!isWebVtt(text)) return { code: 'captionsNotWebVtt', params: { reference, captions } };
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    const path = `content/media/${this.moduleId}/${name}.${hash}.${extension}`;
    this.recordings.set(path, bytes);
    const captionsHash = createHash('sha256').update(text).digest('hex').slice(0, 10);
    const captionsPath = `content/media/${this.moduleId}/${name}.${locale}.${captionsHash}.vtt`;
    this.files.set(captionsPath, { path: captionsPath, source: text });
    const words = PLAYER_WORDS[locale];
    return {
      url: `/${path}`,
      width: 0,
      height: 0,
      recording: {
        kind: extension === 'mp3' ? 'audio' : 'video',
        captions: `/${captionsPath}`,
        srclang: locale,
        label: words.language,
        transcript: words.transcript,
      },
    };
  }
}
