/** Writes a small, valid `modules/` tree into a temp folder; tests then break one thing at a time. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const lesson = (title: string, body: string) => `---\ntitle: ${title}\nminutes: 5\n---\n\n${body}\n`;

export function writeFixture(overrides: Record<string, string | Uint8Array | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'biblio-modules-'));
  const files: Record<string, string | Uint8Array | null> = {
    'curricula.yaml': `curricula:\n  - id: basics\n    title: { en: Basics, lv: Pamati }\n    summary: { en: The basics }\n    modules: [alpha]\n    hours: { online: 2 }\n`,
    'alpha/module.yaml': [
      'id: alpha',
      'version: 2',
      'title: { en: Alpha, lv: Alfa, bg: Алфа, uk: Альфа }',
      'summary: { en: About alpha, lv: Par alfu, bg: За алфа, uk: Про альфу }',
      'minutes: 20',
      'level: 2',
      'competences: [digcomp:2.6, entrecomp:1.1]',
      'outcomes:',
      '  en: [One, Two, Three]',
      '  lv: [Viens, Divi, Trīs]',
      '  bg: [Едно, Две, Три]',
      '  uk: [Один, Два, Три]',
    ].join('\n'),
    'alpha/en/01-first.md': lesson('First', '## Start\n\nHello **world**.'),
    'alpha/en/02-second.md': lesson('Second', 'Second lesson text.'),
    'alpha/lv/01-first.md': lesson('Pirmā', 'Sveika, pasaule.'),
    'alpha/quiz.yaml': [
      'passMark: 50',
      'questions:',
      '  - id: pick',
      '    type: single',
      '    text: { en: Pick b }',
      '    options:',
      '      - { id: a, text: { en: A } }',
      '      - { id: b, text: { en: B } }',
      '    answer: b',
      '    explanation: { en: Because b }',
      '  - id: tf',
      '    type: truefalse',
      '    text: { en: True? }',
      '    answer: true',
      '    explanation: { en: Yes }',
    ].join('\n'),
    ...overrides,
  };
  for (const [path, content] of Object.entries(files)) {
    if (content === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
