/*
 * Lesson illustrations: `![alt](media/x.svg)` becomes an <img> with a content-hashed URL, its
 * size and alt text; the catalogue lists each language's illustrations so they are stored for
 * offline study; anything unsafe, missing or without alt text fails with the file named.
 */
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/content/compile';
import type { Catalog, ModuleContent } from '../../../src/shared/content/compiled';
import { writeFixture } from './fixtures';

const lesson = (body: string) => `---\ntitle: First\nminutes: 5\n---\n\n## Start\n\n${body}\n`;
const diagram = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320"><rect width="640" height="320" fill="#fff"/><text x="20" y="40">${label}</text></svg>`;

const errors = (root: string) =>
  compileContent(root)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.file}: ${p.message}`);

describe('lesson illustrations', () => {
  it('publishes each SVG under a content-hashed URL and shows it with its alt text and size', () => {
    const root = writeFixture({
      'alpha/media/steps-en.svg': diagram('Sign'),
      'alpha/media/steps-lv.svg': diagram('Parakstīt'),
      'alpha/en/01-first.md': lesson('![Three steps: open, check, sign](media/steps-en.svg)'),
      'alpha/lv/01-first.md': lesson('![Trīs soļi: atvērt, pārbaudīt, parakstīt](media/steps-lv.svg)'),
    });
    const result = compileContent(root);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const catalog = JSON.parse(result.files.get('content/catalog.json')!) as Catalog;
    const media = catalog.modules[0]!.media;
    expect(media.en).toEqual([expect.stringMatching(/^\/content\/media\/alpha\/steps-en\.[0-9a-f]{10}\.svg$/)]);
    expect(media.lv).toEqual([expect.stringMatching(/^\/content\/media\/alpha\/steps-lv\.[0-9a-f]{10}\.svg$/)]);
    // Bulgarian has no lesson of its own, so it shows the English one and its illustration.
    expect(media.bg).toEqual(media.en);
    expect(result.files.get(media.lv[0]!.slice(1))).toBe(diagram('Parakstīt'));

    const lv = JSON.parse(result.files.get('content/modules/alpha/lv.json')!) as ModuleContent;
    expect(lv.lessons[0]!.html).toContain(
      `<img src="${media.lv[0]}" alt="Trīs soļi: atvērt, pārbaudīt, parakstīt" width="640" height="320" loading="lazy" decoding="async" />`,
    );
  });

  it('gives a changed illustration a new URL, so a stored copy is never stale', () => {
    const url = (label: string) => {
      const root = writeFixture({ 'alpha/media/a.svg': diagram(label), 'alpha/en/01-first.md': lesson('![A diagram](media/a.svg)') });
      return (JSON.parse(compileContent(root).files.get('content/catalog.json')!) as Catalog).modules[0]!.media.en[0];
    };
    expect(url('one')).not.toBe(url('two'));
  });

  it("warns, which fails modules:check, when a language's lessons show no illustration", () => {
    const root = writeFixture({
      'alpha/media/steps-en.svg': diagram('Sign'),
      'alpha/en/01-first.md': lesson('![Three steps: open, check, sign](media/steps-en.svg)'),
    });
    const warnings = compileContent(root)
      .problems.filter((p) => p.severity === 'warning' && p.message.includes('no lesson shows an illustration'))
      .map((p) => p.file);
    // English shows one; the Latvian lesson written for Latvia does not; bg and uk have no lessons of their own.
    expect(warnings).toEqual(['alpha/lv']);
  });

  it.each([
    ['no alt text', { 'alpha/media/a.svg': diagram('x'), 'alpha/en/01-first.md': lesson('![](media/a.svg)') }, 'without alt text'],
    ['a missing file', { 'alpha/en/01-first.md': lesson('![A diagram](media/none.svg)') }, 'which does not exist in alpha/media/'],
    ['an animated GIF', { 'alpha/en/01-first.md': lesson('![A photo](media/photo.gif)') }, 'media/<name>.svg'],
    ['a path out of the module', { 'alpha/en/01-first.md': lesson('![A diagram](../beta/media/a.svg)') }, 'media/<name>.svg'],
    ['an address', { 'alpha/en/01-first.md': lesson('![A diagram](https://example.org/a.svg)') }, 'media/<name>.svg'],
    [
      'a script',
      { 'alpha/media/a.svg': diagram('<script>alert(1)</script>'), 'alpha/en/01-first.md': lesson('![A diagram](media/a.svg)') },
      'contains a <script>',
    ],
    [
      'an event handler',
      {
        'alpha/media/a.svg': '<svg viewBox="0 0 10 10" onload="alert(1)"></svg>',
        'alpha/en/01-first.md': lesson('![A diagram](media/a.svg)'),
      },
      'event-handler attribute',
    ],
    [
      'an outside link',
      {
        'alpha/media/a.svg': '<svg viewBox="0 0 10 10"><use href="https://example.org/x.svg#a"/></svg>',
        'alpha/en/01-first.md': lesson('![A diagram](media/a.svg)'),
      },
      'links to another file',
    ],
    [
      'no viewBox',
      { 'alpha/media/a.svg': '<svg width="10" height="10"></svg>', 'alpha/en/01-first.md': lesson('![A diagram](media/a.svg)') },
      'needs a viewBox',
    ],
    [
      'a file too large',
      {
        'alpha/media/a.svg': diagram('x'.repeat(210 * 1024)),
        'alpha/en/01-first.md': lesson('![A diagram](media/a.svg)'),
      },
      'an illustration is at most 200 KB',
    ],
  ])('refuses %s, naming the lesson', (_name, overrides, message) => {
    const found = errors(writeFixture(overrides));
    expect(found.filter((line) => line.startsWith('alpha/en/01-first.md:') && line.includes(message))).toHaveLength(1);
  });
});
