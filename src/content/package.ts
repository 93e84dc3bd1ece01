/*
 * Module packages: a zip of one module's folder exactly as in `modules/<id>/` (its files at
 * the top of the zip, or inside one folder). Reading refuses what could harm the server
 * before anything is unpacked: entries that point outside the folder (`../`, absolute
 * paths), links, encrypted or unusual compression, unknown file types, files over the size
 * limits, and zip bombs (more entries, more unpacked bytes or a higher compression ratio than
 * real content has; an entry that unpacks to more than it declares). The central directory
 * is read here, and each entry is inflated by Node's zlib with its declared size as the cap.
 * Validation of the content itself is ./validate.ts, the rules of modules:check.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { CONTENT_LOCALES } from '../shared/content/locales';
import { MAX_SVG_BYTES } from './media';
import { MAX_RASTER_BYTES } from './raster';
import { MAX_CAPTIONS_BYTES, MAX_RECORDING_BYTES } from './captions';
import { problem, type ContentProblem, type ProblemDetail } from './problems';

/** Limits on a package and its entries; a module's folder is about 250 KB today. */
export const PACKAGE_LIMITS = {
  zipBytes: 20 * 1024 * 1024,
  entries: 1000,
  unpackedBytes: 50 * 1024 * 1024,
  /** Text and SVG compress about 3 to 10 to 1; far beyond this is a zip bomb. */
  ratio: 100,
  /** Below this size a high ratio is harmless (a file of blank lines). */
  ratioFloorBytes: 64 * 1024,
  textBytes: 256 * 1024,
  svgBytes: MAX_SVG_BYTES,
  rasterBytes: MAX_RASTER_BYTES,
  recordingBytes: MAX_RECORDING_BYTES,
  captionsBytes: MAX_CAPTIONS_BYTES,
} as const;

export type ModulePackage = {
  /** The folder the files were in, or the id module.yaml names when they were at the top. */
  folder: string;
  /** The module's files by their path inside its folder. */
  files: Map<string, Uint8Array>;
};

export type PackageRead = { ok: true; package: ModulePackage } | { ok: false; problems: ContentProblem[] };

const MODULE_FILES = new Set(['module.yaml', 'quiz.yaml', 'assignment.yaml']);
const LESSON_PATH = new RegExp(`^(?:${CONTENT_LOCALES.join('|')})/[^/]+\\.md$`);
const MEDIA_PATH = /^media\/[^/]+\.svg$/;
const RASTER_PATH = /^media\/[^/]+\.(?:jpe?g|png|webp)$/;
const RECORDING_PATH = /^media\/[^/]+\.(?:mp4|webm|mp3)$/;
const CAPTIONS_PATH = /^media\/[^/]+\.vtt$/;
/** What operating systems add to a zip they make; skipped, never unpacked. */
const SYSTEM_FILE = /(?:^|\/)(?:__MACOSX\/.*|\.DS_Store|Thumbs\.db|desktop\.ini)$/;

const SIGNATURE = { end: 0x06054b50, central: 0x02014b50, local: 0x04034b50 } as const;
const UNIX = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;

type Entry = {
  name: string;
  method: number;
  encrypted: boolean;
  crc: number;
  packedBytes: number;
  bytes: number;
  link: boolean;
  localOffset: number;
};

/** The maximum size of the file at `path` (inside the module), or undefined if a module holds no such file. */
function sizeLimit(path: string): number | undefined {
  if (MODULE_FILES.has(path) || LESSON_PATH.test(path)) return PACKAGE_LIMITS.textBytes;
  if (MEDIA_PATH.test(path)) return PACKAGE_LIMITS.svgBytes;
  if (RASTER_PATH.test(path)) return PACKAGE_LIMITS.rasterBytes;
  if (RECORDING_PATH.test(path)) return PACKAGE_LIMITS.recordingBytes;
  if (CAPTIONS_PATH.test(path)) return PACKAGE_LIMITS.captionsBytes;
  return undefined;
}

function findEnd(zip: Uint8Array, view: DataView): number | undefined {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === SIGNATURE.end) return at;
  }
  return undefined;
}

function readCentralDirectory(zip: Uint8Array): Entry[] | ProblemDetail {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length >= 22 ? findEnd(zip, view) : undefined;
  if (end === undefined) return { code: 'packageNotZip', params: {} };
  const count = view.getUint16(end + 10, true);
  if (count > PACKAGE_LIMITS.entries) return { code: 'packageTooManyEntries', params: { found: count, max: PACKAGE_LIMITS.entries } };
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== SIGNATURE.central) return { code: 'packageNotZip', params: {} };
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > zip.length) return { code: 'packageNotZip', params: {} };
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const mode = view.getUint32(at + 38, true) >>> 16;
    entries.push({
      name: decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)).replaceAll('\\', '/'),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      packedBytes: view.getUint32(at + 20, true),
      bytes: view.getUint32(at + 24, true),
      link: madeBy === UNIX && (mode & FILE_TYPE_MASK) === SYMLINK,
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return entries;
}

function unsafePath(name: string): boolean {
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..' || part === '.');
}

/** The folder the module's files are in: '' when module.yaml is at the top, else the one folder all share. */
function moduleRoot(names: string[]): string | undefined {
  if (names.includes('module.yaml')) return '';
  const tops = new Set(names.map((name) => name.split('/')[0] ?? ''));
  const [top] = tops;
  return tops.size === 1 && top && names.includes(`${top}/module.yaml`) ? top : undefined;
}

function checkEntry(entry: Entry, path: string): ProblemDetail | undefined {
  if (entry.link) return { code: 'entryLink', params: {} };
  if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) return { code: 'entryCompression', params: {} };
  const limit = sizeLimit(path);
  if (limit === undefined) return { code: 'entryType', params: {} };
  if (entry.bytes > limit) return { code: 'entryTooLarge', params: { kb: Math.ceil(entry.bytes / 1024), max: limit / 1024 } };
  if (entry.bytes >= PACKAGE_LIMITS.ratioFloorBytes && entry.bytes > PACKAGE_LIMITS.ratio * Math.max(entry.packedBytes, 1))
    return { code: 'entryRatio', params: { max: PACKAGE_LIMITS.ratio } };
  return undefined;
}

function unpack(zip: Uint8Array, entry: Entry): Uint8Array | ProblemDetail {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== SIGNATURE.local) return { code: 'entryDamaged', params: {} };
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.packedBytes > zip.length) return { code: 'entryDamaged', params: {} };
  const packed = zip.subarray(start, start + entry.packedBytes);
  let bytes: Uint8Array;
  if (entry.method === 0) {
    bytes = packed;
  } else {
    try {
      bytes = inflateRawSync(packed, { maxOutputLength: Math.max(entry.bytes, 1) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { code: code === 'ERR_BUFFER_TOO_LARGE' ? 'entrySizeMismatch' : 'entryDamaged', params: {} };
    }
  }
  if (bytes.length !== entry.bytes) return { code: 'entrySizeMismatch', params: {} };
  if (crc32(bytes) >>> 0 !== entry.crc) return { code: 'entryDamaged', params: {} };
  return bytes;
}

/** The id module.yaml gives, when it can be read; a package with its files at the top is named by it. */
function declaredId(bytes: Uint8Array | undefined): string {
  try {
    const data: unknown = parseYaml(new TextDecoder().decode(bytes));
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return id;
  } catch {
    // The validator reports the YAML; the folder is only a name here.
  }
  return 'module';
}

/** Unpacks a module package, or says everything that is wrong with it (file = the entry's name). */
export function readPackage(zip: Uint8Array, label = 'package.zip'): PackageRead {
  const refuse = (detail: ProblemDetail, file = label): PackageRead => ({ ok: false, problems: [problem({ file }, detail)] });
  if (zip.length > PACKAGE_LIMITS.zipBytes)
    return refuse({
      code: 'packageTooLarge',
      params: { mb: Math.ceil(zip.length / 1024 / 1024), max: PACKAGE_LIMITS.zipBytes / 1024 / 1024 },
    });
  const directory = readCentralDirectory(zip);
  if (!Array.isArray(directory)) return refuse(directory);

  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const entry of directory) {
    if (unsafePath(entry.name)) problems.push(problem({ file: entry.name }, { code: 'entryUnsafePath', params: {} }));
    else if (seen.has(entry.name)) problems.push(problem({ file: entry.name }, { code: 'entryTwice', params: {} }));
    else if (!SYSTEM_FILE.test(entry.name) && !(entry.name.endsWith('/') && entry.bytes === 0 && !entry.link)) entries.push(entry);
    seen.add(entry.name);
  }
  const unpackedBytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  if (unpackedBytes > PACKAGE_LIMITS.unpackedBytes)
    problems.push(
      problem({ file: label }, { code: 'packageUnpackedTooLarge', params: { max: PACKAGE_LIMITS.unpackedBytes / 1024 / 1024 } }),
    );
  const root = moduleRoot(entries.map((entry) => entry.name));
  if (root === undefined) {
    problems.push(problem({ file: label }, { code: 'packageNoModule', params: {} }));
    return { ok: false, problems };
  }
  const prefix = root ? `${root}/` : '';
  for (const entry of entries) {
    const detail = checkEntry(entry, entry.name.slice(prefix.length));
    if (detail) problems.push(problem({ file: entry.name }, detail));
  }
  if (problems.length) return { ok: false, problems };

  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const bytes = unpack(zip, entry);
    if ('code' in bytes) problems.push(problem({ file: entry.name }, bytes));
    else files.set(entry.name.slice(prefix.length), bytes);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, package: { folder: root || declaredId(files.get('module.yaml')), files } };
}

/** A fixed time for every entry, so the same module always makes the same package. */
const PACKAGE_TIME = new Date('2000-01-01T00:00:00Z');

/** Zips a module's files into its folder, in path order. */
export function writePackage({ folder, files }: ModulePackage): Uint8Array {
  const entries = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return zipSync(Object.fromEntries(entries.map(([path, bytes]) => [`${folder}/${path}`, bytes])), { level: 9, mtime: PACKAGE_TIME });
}
