/*
 * Photographs and screenshots in lessons (`![alt](media/x.jpg|png|webp)`): what a file really
 * is, told by its first bytes and never by its name, and its size in pixels read from its
 * header, so the compiler can write an <img> with a srcset without decoding the picture. The
 * widths it is published in are planned here too; ./images.ts makes them (with sharp).
 */

export type RasterType = 'jpeg' | 'png' | 'webp';

/** One published width of one image: made from `source` when the course is published. */
export type PlannedVariant = { source: Uint8Array; width: number };

/** A photograph that big is not meant for a lesson column; resized down it stays below ~150 KB. */
export const MAX_RASTER_BYTES = 2 * 1024 * 1024;
/** Beyond this many pixels a side, decoding costs more memory than an import should take. */
export const MAX_RASTER_SIDE = 8000;
/** The widths an image is published in (WebP), never wider than the original. */
export const IMAGE_WIDTHS = [480, 960, 1440] as const;
/** The lesson column is at most 42rem wide (--measure) and the full width of a phone below that. */
export const IMAGE_SIZES = '(min-width: 42rem) 42rem, 100vw';

const startsWith = (bytes: Uint8Array, at: number, expected: readonly number[]): boolean =>
  expected.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The type of a JPEG, PNG or WebP by its signature; undefined for anything else. */
export function rasterType(bytes: Uint8Array): RasterType | undefined {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) return 'webp';
  return undefined;
}

type Size = { width: number; height: number };

function pngSize(view: DataView): Size | undefined {
  // IHDR is the first chunk: width and height at bytes 16 and 20.
  if (view.byteLength < 24) return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** JPEG start-of-frame markers (baseline, progressive, ...), which carry the size; not DHT, JPG or DAC. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(view: DataView): Size | undefined {
  let at = 2;
  while (at + 9 < view.byteLength) {
    if (view.getUint8(at) !== 0xff) return undefined;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (SOF.has(marker)) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

function webpSize(view: DataView): Size | undefined {
  if (view.byteLength < 30) return undefined;
  const chunk = String.fromCharCode(view.getUint8(12), view.getUint8(13), view.getUint8(14), view.getUint8(15));
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const triple = (at: number) => view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getUint8(at + 2) << 16);
    return { width: triple(24) + 1, height: triple(27) + 1 };
  }
  return undefined;
}

/** The size in pixels its header gives, or undefined when the header cannot be read. */
export function rasterSize(bytes: Uint8Array, type: RasterType): Size | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = type === 'png' ? pngSize(view) : type === 'jpeg' ? jpegSize(view) : webpSize(view);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** The widths an image `width` pixels wide is published in: the standard ones below it, and itself up to the largest. */
export function variantWidths(width: number): number[] {
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] ?? width;
  const below = IMAGE_WIDTHS.filter((w) => w < width);
  return [...below, Math.min(width, largest)].filter((w, index, all) => all.indexOf(w) === index);
}

/**
 * The width stored for offline study and given as `src`: the second (960, or the original
 * when it is narrower than 960 and wider than 480), which fills the lesson column on any screen.
 */
export function storedWidth(widths: readonly number[]): number {
  return widths[Math.min(1, widths.length - 1)] ?? 0;
}
