/*
 * Makes the WebP widths a compiled course publishes for its photographs (planned by
 * ./media.ts and ./raster.ts), then measures what each module takes to store offline. The
 * compiler itself stays synchronous and only plans; the build (./vite-plugin.ts) and an
 * import on the server (src/server/modules/service.ts) both call `publishImages`, so a
 * module gets the same files either way. sharp (libvips) ships its prebuilt binary inside
 * its npm packages; nothing is downloaded at install time.
 */
import sharp from 'sharp';
import { CONTENT_LOCALES, type ContentLocale } from '../shared/content/locales';
import type { CatalogModule, ModuleStorage } from '../shared/content/compiled';
import { contentPaths } from '../shared/content/compiled';
import type { CompileResult } from './compile';
import { MAX_RASTER_SIDE, type PlannedVariant } from './raster';

/** Quality 78 keeps photographs free of visible artefacts at about a tenth of the PNG's size. */
const WEBP = { quality: 78, effort: 4 } as const;

export async function encodeVariant({ source, width }: PlannedVariant): Promise<Uint8Array> {
  const output = await sharp(source, { limitInputPixels: MAX_RASTER_SIDE * MAX_RASTER_SIDE })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp(WEBP)
    .toBuffer();
  return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
}

function storage(module: CatalogModule, result: CompileResult): Record<ContentLocale, ModuleStorage> {
  const sizeOf = (url: string): number => {
    const path = url.slice(1);
    return result.binaries.get(path)?.byteLength ?? Buffer.byteLength(result.files.get(path) ?? '');
  };
  const videoBytes = (module.video ?? []).reduce((sum, url) => sum + sizeOf(url), 0);
  const out = {} as Record<ContentLocale, ModuleStorage>;
  for (const locale of CONTENT_LOCALES) {
    const json = sizeOf(contentPaths.module(module.id, locale));
    const media = module.media[locale].reduce((sum, url) => sum + sizeOf(url), 0);
    out[locale] = { bytes: json + media, videoBytes };
  }
  return out;
}

/**
 * Makes the planned image widths of the modules `ids` (every module when absent; an import
 * makes only its own module's), one at a time as libvips uses the cores itself, adds them to
 * `result.binaries`, and writes those modules' storage sizes into the catalogue.
 */
export async function publishImages(result: CompileResult, ids?: readonly string[]): Promise<void> {
  const wanted = (id: string): boolean => !ids || ids.includes(id);
  for (const [path, planned] of result.images) {
    const moduleId = path.split('/')[2] ?? '';
    if (wanted(moduleId) && !result.binaries.has(path)) result.binaries.set(path, await encodeVariant(planned));
  }
  for (const module of result.catalog.modules) if (wanted(module.id)) module.storage = storage(module, result);
  result.files.set(contentPaths.catalog.slice(1), JSON.stringify(result.catalog));
}
