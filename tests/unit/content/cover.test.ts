/*
 * Module covers: `cover: media/<name>.svg` in module.yaml, or else the first illustration the
 * lessons show in each language. The catalogue carries each language's cover with its size, and
 * lists it in `media` so it is stored with the module for offline study.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/content/compile';
import type { Catalog } from '../../../src/shared/content/compiled';
import { writeFixture } from './fixtures';

const lesson = (body: string) => `---\ntitle: First\nminutes: 5\n---\n\n## Start\n\n${body}\n`;
const diagram = (label: string, width = 640, height = 320) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#fff"/><text x="20" y="40">${label}</text></svg>`;
const moduleYaml = (extra: string) =>
  [
    'id: alpha',
    'version: 2',
    'title: { en: Alpha, lv: Alfa, bg: Алфа, uk: Альфа }',
    'summary: { en: About alpha, lv: Par alfu, bg: За алфа, uk: Про альфу }',
    'minutes: 20',
    'level: 2',
    'competences: [digcomp:2.6]',
    'outcomes:',
    '  en: [One, Two, Three]',
    extra,
  ].join('\n');

const illustrated = {
  'alpha/media/steps-en.svg': diagram('Sign'),
  'alpha/media/steps-lv.svg': diagram('Parakstīt'),
  'alpha/media/later.svg': diagram('Later'),
  'alpha/en/01-first.md': lesson('![Three steps](media/steps-en.svg)'),
  'alpha/en/02-second.md': lesson('![Later](media/later.svg)'),
  'alpha/lv/01-first.md': lesson('![Trīs soļi](media/steps-lv.svg)'),
};

const catalogOf = (root: string) => JSON.parse(compileContent(root).files.get('content/catalog.json')!) as Catalog;

describe('module covers', () => {
  it("falls back to the first illustration of each language's lessons", () => {
    const module = catalogOf(writeFixture(illustrated)).modules[0]!;
    expect(module.cover.en).toEqual({ url: module.media.en[0], width: 640, height: 320 });
    expect(module.cover.en?.url).toMatch(/\/steps-en\.[0-9a-f]{10}\.svg$/);
    expect(module.cover.lv?.url).toMatch(/\/steps-lv\.[0-9a-f]{10}\.svg$/);
    // Bulgarian has no lessons of its own, so it shows the English ones and their first illustration.
    expect(module.cover.bg).toEqual(module.cover.en);
  });

  it('uses the cover module.yaml names in every language, stored with the module', () => {
    const root = writeFixture({
      ...illustrated,
      'alpha/module.yaml': moduleYaml('cover: media/cover.svg'),
      'alpha/media/cover.svg': diagram('', 400, 240),
    });
    const result = compileContent(root);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const module = (JSON.parse(result.files.get('content/catalog.json')!) as Catalog).modules[0]!;
    for (const locale of ['en', 'lv', 'bg', 'uk'] as const) {
      expect(module.cover[locale]).toEqual({
        url: expect.stringMatching(/^\/content\/media\/alpha\/cover\.[0-9a-f]{10}\.svg$/),
        width: 400,
        height: 240,
      });
      expect(module.media[locale]).toContain(module.cover[locale]?.url);
    }
    expect(result.files.get(module.cover.en!.url.slice(1))).toBe(diagram('', 400, 240));
  });

  it('has no cover when no lesson shows an illustration', () => {
    expect(catalogOf(writeFixture()).modules[0]!.cover).toEqual({});
  });

  it.each([
    ['a missing file', 'cover: media/none.svg', {}, 'which does not exist in alpha/media/'],
    ['a GIF', 'cover: media/photo.gif', {}, 'media/<name>.svg'],
    ['an unsafe SVG', 'cover: media/bad.svg', { 'alpha/media/bad.svg': diagram('<script>alert(1)</script>') }, 'contains a <script>'],
  ])('refuses %s as a cover, naming module.yaml', (_name, line, files, message) => {
    const problems = compileContent(writeFixture({ ...illustrated, ...files, 'alpha/module.yaml': moduleYaml(line) })).problems;
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file}: ${p.message}`)).toEqual([
      expect.stringMatching(new RegExp(`^alpha/module\\.yaml: cover: .*${message.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')}`)),
    ]);
  });

  it('fails modules:check on a cover that does not exist', async () => {
    const root = writeFixture({ ...illustrated, 'alpha/module.yaml': moduleYaml('cover: media/none.svg') });
    const run = promisify(execFile)('npx', ['tsx', 'src/content/check.ts', root]);
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('error: alpha/module.yaml: cover: shows "media/none.svg", which does not exist in alpha/media/');
  }, 30_000);
});
