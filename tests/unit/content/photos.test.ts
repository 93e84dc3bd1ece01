/*
 * Photographs in lessons: checked by their bytes (type, size in bytes and pixels) with a clear
 * problem, shown with a srcset of WebP widths that are never wider than the original, made by
 * the same code for the build and an import, and measured into the catalogue's storage sizes.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/content/compile';
import { publishImages } from '../../../src/content/images';
import { rasterSize, rasterType, storedWidth, variantWidths } from '../../../src/content/raster';
import type { Catalog, ModuleContent } from '../../../src/shared/content/compiled';
import { writeFixture } from './fixtures';
import { makePhoto } from './photo';

const lesson = (body: string) => `---\ntitle: First\nminutes: 5\n---\n\n## Start\n\n${body}\n`;
const problems = (root: string) =>
  compileContent(root)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.file}: ${p.message}`);

let photo: Uint8Array;
beforeAll(async () => {
  photo = await makePhoto({ width: 1200, height: 800, format: 'jpeg' });
});

describe('photographs in lessons', () => {
  it('reads the type and the size from the bytes, whatever the name says', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const bytes = format === 'jpeg' ? photo : await makePhoto({ width: 300, height: 200, format });
      expect(rasterType(bytes)).toBe(format);
      expect(rasterSize(bytes, format)).toEqual(format === 'jpeg' ? { width: 1200, height: 800 } : { width: 300, height: 200 });
    }
    expect(rasterType(new TextEncoder().encode('<svg></svg>'))).toBeUndefined();
  });

  it('plans the widths below the original and the original up to 1440, never wider', () => {
    expect(variantWidths(3000)).toEqual([480, 960, 1440]);
    expect(variantWidths(1200)).toEqual([480, 960, 1200]);
    expect(variantWidths(960)).toEqual([480, 960]);
    expect(variantWidths(300)).toEqual([300]);
    expect(storedWidth([480, 960, 1440])).toBe(960);
    expect(storedWidth([300])).toBe(300);
  });

  it('shows a photograph with a srcset of WebP widths and stores the middle one with the module', () => {
    const root = writeFixture({
      'alpha/media/reading-room.jpg': photo,
      'alpha/en/01-first.md': lesson('![A reading room with four public computers](media/reading-room.jpg)'),
    });
    const result = compileContent(root);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const en = JSON.parse(result.files.get('content/modules/alpha/en.json')!) as ModuleContent;
    const url = (width: number) => expect.stringMatching(new RegExp(`^/content/media/alpha/reading-room\\.[0-9a-f]{10}-${width}\\.webp$`));
    const html = en.lessons[0]!.html;
    const src = /src="([^"]+)"/.exec(html)?.[1];
    expect(src).toEqual(url(960));
    const base = src!.replace(/-960\.webp$/, '');
    expect(html).toBe(
      `<h2>Start</h2>\n<p><img src="${src}" srcset="${base}-480.webp 480w, ${base}-960.webp 960w, ${base}-1200.webp 1200w" ` +
        `sizes="(min-width: 42rem) 42rem, 100vw" alt="A reading room with four public computers" width="1200" height="800" loading="lazy" decoding="async" /></p>`,
    );
    const catalog = JSON.parse(result.files.get('content/catalog.json')!) as Catalog;
    expect(catalog.modules[0]!.media.en).toEqual([src]);
    expect([...result.images.keys()].sort()).toEqual([`${base}-1200.webp`, `${base}-480.webp`, `${base}-960.webp`].map((p) => p.slice(1)));
  });

  it('makes the WebP widths when published and measures what storing the module takes', async () => {
    const root = writeFixture({
      'alpha/media/reading-room.png': await makePhoto({ width: 1000, height: 500, format: 'png' }),
      'alpha/en/01-first.md': lesson('![A reading room](media/reading-room.png)'),
    });
    const result = compileContent(root);
    await publishImages(result);
    const sizes = await Promise.all(
      [...result.binaries].map(async ([path, bytes]) => {
        const meta = await sharp(bytes).metadata();
        return { width: Number(/-(\d+)\.webp$/.exec(path)?.[1]), format: meta.format, actual: meta.width, height: meta.height };
      }),
    );
    expect(sizes.sort((a, b) => a.width - b.width)).toEqual([
      { width: 480, format: 'webp', actual: 480, height: 240 },
      { width: 960, format: 'webp', actual: 960, height: 480 },
      { width: 1000, format: 'webp', actual: 1000, height: 500 },
    ]);
    const catalog = JSON.parse(result.files.get('content/catalog.json')!) as Catalog;
    const stored = [...result.binaries].find(([path]) => path.endsWith('-960.webp'))![1];
    const json = Buffer.byteLength(result.files.get('content/modules/alpha/en.json')!);
    expect(catalog.modules[0]!.storage?.en).toEqual({ bytes: json + stored.byteLength, videoBytes: 0 });
  });

  it.each([
    ['no alt text', { 'alpha/media/p.jpg': 'photo', 'alpha/en/01-first.md': lesson('![](media/p.jpg)') }, 'without alt text'],
    [
      'a file that is not a photograph, whatever its name',
      { 'alpha/media/p.png': new TextEncoder().encode('GIF89a not really'), 'alpha/en/01-first.md': lesson('![A photo](media/p.png)') },
      'is not a JPEG, PNG or WebP image (judged by its content, not its name)',
    ],
    [
      'a file over 2 MB',
      { 'alpha/media/p.jpg': 'huge', 'alpha/en/01-first.md': lesson('![A photo](media/p.jpg)') },
      'a photograph is at most 2048 KB',
    ],
    ['a GIF', { 'alpha/en/01-first.md': lesson('![A photo](media/p.gif)') }, 'media/<name>.svg, .jpg, .png or .webp'],
  ])('refuses %s', (_, files, message) => {
    const resolved = Object.fromEntries(
      Object.entries(files).map(([path, value]) => [
        path,
        value === 'photo' ? photo : value === 'huge' ? new Uint8Array(2 * 1024 * 1024 + 1).fill(0xff) : value,
      ]),
    );
    expect(problems(writeFixture(resolved))).toEqual([expect.stringContaining(message)]);
  });
});
