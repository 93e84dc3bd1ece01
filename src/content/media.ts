/*
 * Illustrations in lessons: `![what it shows](media/<name>.svg)` names a file in the module's
 * `media/` folder. The compiler checks each file (SVG only, size, nothing that could run or
 * fetch anything), gives it a URL with a hash of its content (so a cached copy is never
 * stale and can be kept forever), and the lesson's HTML gets an `<img>` with that URL, its
 * alt text and its size from the viewBox (so the page does not jump while it loads).
 * Images are shown with `<img>`, where a browser never runs an SVG's scripts; the checks
 * refuse such content anyway, so an author learns about it from the build.
 */
import { createHash } from 'node:crypto';
import type { ProblemCode, ProblemDetail } from './problems';
import type { TreeReader } from './tree';

/** What a lesson may reference: `media/` + a lower-case file name ending in `.svg`. */
export const MEDIA_REFERENCE = /^media\/([a-z0-9][a-z0-9._-]*)\.svg$/;
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

export type ResolvedMedia = { url: string; width: number; height: number };
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
  private readonly resolved = new Map<string, ResolvedMedia | ProblemDetail>();
  private readonly byUrl = new Map<string, ResolvedMedia>();

  constructor(
    private readonly reader: TreeReader,
    private readonly moduleId: string,
    /** The module's folder in the tree. */
    private readonly folder: string,
  ) {}

  /** The published image, or the problem with the reference (said from the lesson's point of view). */
  resolve(reference: string): ResolvedMedia | ProblemDetail {
    const known = this.resolved.get(reference);
    if (known !== undefined) return known;
    const result = this.read(reference);
    this.resolved.set(reference, result);
    if ('url' in result) this.byUrl.set(result.url, result);
    return result;
  }

  /** A published image by its URL (one `resolve` has returned). */
  published(url: string): ResolvedMedia | undefined {
    return this.byUrl.get(url);
  }

  private read(reference: string): ResolvedMedia | ProblemDetail {
    const match = MEDIA_REFERENCE.exec(reference);
    if (!match) return { code: 'mediaReference', params: { reference } };
    const file = `${this.folder}/${reference}`;
    if (!this.reader.has(file)) return { code: 'mediaMissing', params: { reference, module: this.moduleId } };
    const source = this.reader.text(file);
    const problem = svgProblem({ source, bytes: this.reader.size(file), reference });
    if (problem) return problem;
    const size = svgSize(source) ?? { width: 1, height: 1 };
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
    const path = `content/media/${this.moduleId}/${match[1] ?? 'image'}.${hash}.svg`;
    this.files.set(path, { path, source });
    return { url: `/${path}`, ...size };
  }
}
