import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/content/compile';
import { quizPatternProblems, quizPatterns } from '../../../src/content/quiz-patterns';
import type { Catalog, ModuleContent } from '../../../src/shared/content/compiled';
import { writeFixture } from './fixtures';

const fixtureQuestions = (count: number) =>
  `questions:\n${Array.from({ length: count }, (_, i) => `  - id: q${i}\n    type: truefalse\n    text: { en: Q${i} }\n    answer: true\n    explanation: { en: E }`).join('\n')}`;

const errors = (root: string) =>
  compileContent(root)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.file}: ${p.message}`);

describe('content compiler', () => {
  it('compiles a valid tree into a catalogue and per-language module files', () => {
    const result = compileContent(writeFixture());
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const catalog = JSON.parse(result.files.get('content/catalog.json')!) as Catalog;
    expect(catalog.modules.map((m) => m.id)).toEqual(['alpha']);
    expect(catalog.modules[0]!.lessons.map((l) => l.id)).toEqual(['first', 'second']);
    expect(catalog.modules[0]!.languages).toEqual(['en']);
    expect(catalog.curricula[0]!.hours).toEqual({ online: 2 });

    const lv = JSON.parse(result.files.get('content/modules/alpha/lv.json')!) as ModuleContent;
    expect(lv.title).toBe('Alfa');
    expect(lv.lessons.map((l) => [l.title, l.locale, l.fallback])).toEqual([
      ['Pirmā', 'lv', false],
      ['Second', 'en', true],
    ]);
    expect(lv.quiz?.fallback).toBe(true);
    const en = JSON.parse(result.files.get('content/modules/alpha/en.json')!) as ModuleContent;
    expect(en.lessons[0]!.html).toBe('<h2>Start</h2>\n<p>Hello <strong>world</strong>.</p>');
    expect(result.files.has('content/search/uk.json')).toBe(true);
  });

  it('warns about missing translations and short lessons, which modules:check treats as failures', () => {
    const messages = compileContent(writeFixture()).problems.map((p) => `${p.severity} ${p.message}`);
    expect(messages.some((m) => m.startsWith('warning') && m.includes('missing lessons'))).toBe(true);
    expect(messages.some((m) => m.startsWith('warning') && m.includes('words; a lesson has 500 to 900'))).toBe(true);
  });

  it.each([
    ['a YAML syntax error', { 'alpha/module.yaml': 'id: [alpha' }, 'alpha/module.yaml: is not valid YAML'],
    [
      'an answer that is not an option',
      {
        'alpha/quiz.yaml':
          'passMark: 50\nquestions:\n  - id: q\n    type: single\n    text: { en: Q }\n    options: [{ id: a, text: { en: A } }, { id: b, text: { en: B } }]\n    answer: z\n    explanation: { en: E }',
      },
      'alpha/quiz.yaml: questions.0 (q): answer "z" is not one of the options (a, b)',
    ],
    [
      'raw HTML in a lesson',
      { 'alpha/en/02-second.md': '---\ntitle: Second\nminutes: 5\n---\n\n<script>alert(1)</script>\n' },
      'alpha/en/02-second.md: contains raw HTML',
    ],
    [
      'a top-level heading',
      { 'alpha/en/02-second.md': '---\ntitle: Second\nminutes: 5\n---\n\n# Big\n' },
      'alpha/en/02-second.md: uses a top-level "#" heading',
    ],
    [
      'a non-https link',
      { 'alpha/en/02-second.md': '---\ntitle: Second\nminutes: 5\n---\n\nSee [this](http://example.com).\n' },
      'only https:// links and links to /modules/<id>[/lessons/<id>] are allowed',
    ],
    ['missing frontmatter', { 'alpha/en/02-second.md': 'No frontmatter here' }, 'alpha/en/02-second.md: starts without frontmatter'],
    [
      'a bad lesson file name',
      { 'alpha/en/third.md': '---\ntitle: T\nminutes: 5\n---\n\nText' },
      'alpha/en/third.md: lesson files are named NN-slug.md',
    ],
    [
      'a translation without an English original',
      { 'alpha/lv/03-extra.md': '---\ntitle: T\nminutes: 5\n---\n\nText' },
      'alpha/lv/03-extra.md: has no English original',
    ],
    [
      'an unknown module in a curriculum',
      { 'curricula.yaml': 'curricula:\n  - id: c\n    title: { en: C }\n    summary: { en: C }\n    modules: [alpha, ghost]\n' },
      'curricula.yaml: curricula.0 (c): no module "ghost"',
    ],
  ])('names the file and the problem for %s', (_name, overrides, expected) => {
    expect(errors(writeFixture(overrides)).join('\n')).toContain(expected);
  });

  it('accepts a question pool that draws fewer questions than it holds, and refuses a draw above the pool', () => {
    const quiz = (draw: number) =>
      `passMark: 50\ndraw: ${draw}\nquestions:\n  - id: q1\n    type: truefalse\n    text: { en: Q1 }\n    answer: true\n    explanation: { en: E }\n  - id: q2\n    type: truefalse\n    text: { en: Q2 }\n    answer: false\n    explanation: { en: E }`;
    expect(errors(writeFixture({ 'alpha/quiz.yaml': quiz(1) }))).toEqual([]);
    expect(errors(writeFixture({ 'alpha/quiz.yaml': quiz(2) }))).toEqual([]);
    expect(errors(writeFixture({ 'alpha/quiz.yaml': quiz(3) })).join('\n')).toContain(
      'alpha/quiz.yaml: draw: must not exceed the number of questions',
    );
  });

  it('keeps a quiz that says shuffle: false in the order written, and refuses a shuffle that is not true or false', () => {
    const quiz = (shuffle: string) =>
      `passMark: 50\nshuffle: ${shuffle}\nquestions:\n  - id: q1\n    type: truefalse\n    text: { en: Q1 }\n    answer: true\n    explanation: { en: E }`;
    const kept = compileContent(writeFixture({ 'alpha/quiz.yaml': quiz('false') }));
    expect(kept.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect((JSON.parse(kept.files.get('content/modules/alpha/en.json')!) as ModuleContent).quiz?.shuffle).toBe(false);
    expect(errors(writeFixture({ 'alpha/quiz.yaml': quiz('sometimes') })).join('\n')).toContain('alpha/quiz.yaml: shuffle');
  });

  it("warns when a pathway's module has an assignment in an hour category the pathway does not require", () => {
    const root = writeFixture({
      'alpha/assignment.yaml': 'title: { en: T }\ninstructions: { en: I }\ncategory: project\nhours: 4',
    });
    const warnings = compileContent(root).problems.filter((p) => p.severity === 'warning');
    expect(warnings.map((p) => `${p.file}: ${p.message}`)).toContain(
      'curricula.yaml: curricula.0 (basics): the assignment of "alpha" counts towards project hours, which the pathway does not require',
    );
  });

  it('rejects a competence id that is not in DigComp 2.2 or EntreComp', () => {
    const root = writeFixture({
      'alpha/module.yaml':
        'id: alpha\nversion: 1\ntitle: { en: A }\nsummary: { en: S }\nminutes: 5\nlevel: 2\ncompetences: [digcomp:6.1]\noutcomes: { en: [a, b, c] }',
    });
    expect(errors(root).join('\n')).toContain('alpha/module.yaml: competences.0: is not a DigComp 2.2');
  });

  it('rejects missing and circular prerequisites', () => {
    const root = writeFixture({
      'alpha/module.yaml':
        'id: alpha\nversion: 1\ntitle: { en: A }\nsummary: { en: S }\nminutes: 5\nlevel: 2\ncompetences: [digcomp:1.1]\nprerequisites: [beta, nowhere]\noutcomes: { en: [a, b, c] }',
      'beta/module.yaml':
        'id: beta\nversion: 1\ntitle: { en: B }\nsummary: { en: S }\nminutes: 5\nlevel: 2\ncompetences: [digcomp:1.1]\nprerequisites: [alpha]\noutcomes: { en: [a, b, c] }',
      'beta/en/01-only.md': '---\ntitle: Only\nminutes: 5\n---\n\nText',
    });
    const all = errors(root).join('\n');
    expect(all).toContain('prerequisites: no module "nowhere"');
    expect(all).toContain('prerequisites form a cycle');
  });

  it('accepts the real course content without errors or warnings', () => {
    expect(compileContent('modules').problems).toEqual([]);
  });

  it("keeps the real course's quizzes within the answer-pattern limits", () => {
    expect(quizPatternProblems(quizPatterns(compileContent('modules').course.questions))).toEqual([]);
  });
});

describe('links between lessons', () => {
  it('accepts links to existing modules and lessons and rejects broken ones', () => {
    const ok = writeFixture({
      'alpha/en/02-second.md': '---\ntitle: Second\nminutes: 5\n---\n\nSee [the first lesson](/modules/alpha/lessons/first).\n',
    });
    expect(errors(ok)).toEqual([]);
    const broken = writeFixture({
      'alpha/en/02-second.md': '---\ntitle: Second\nminutes: 5\n---\n\nSee [nothing](/modules/alpha/lessons/missing).\n',
    });
    expect(errors(broken).join('\n')).toContain('alpha/en/02-second.md: links to "/modules/alpha/lessons/missing", which does not exist');
  });

  it('warns about a module with too few lessons or a thin quiz', () => {
    const warnings = compileContent(writeFixture())
      .problems.filter((p) => p.severity === 'warning')
      .map((p) => p.message);
    expect(warnings).toContain('has 2 lesson(s); a module has at least 3');
    expect(warnings).toContain('has 2 questions; a quiz has at least 8');
    expect(warnings).toContain('uses 2 question type(s); mix at least 3 (single, multiple, truefalse, order)');
  });

  it('warns about a lesson under 500 or over 900 words, counting its words as a learner reads them', () => {
    const lesson = (words: number) => `---\ntitle: First\nminutes: 5\n---\n\n## Start\n\n${'word '.repeat(words - 1)}**word**\n`;
    const wordWarnings = (words: number) =>
      compileContent(writeFixture({ 'alpha/en/01-first.md': lesson(words) }))
        .problems.filter((p) => p.file === 'alpha/en/01-first.md')
        .map((p) => `${p.severity} ${p.message}`);
    // "Start" is a word too: the heading is part of what a learner reads.
    expect(wordWarnings(498)).toEqual(['warning has 499 words; a lesson has 500 to 900']);
    expect(wordWarnings(499)).toEqual([]);
    expect(wordWarnings(899)).toEqual([]);
    expect(wordWarnings(900)).toEqual(['warning has 901 words; a lesson has 500 to 900']);
  });

  it('warns about a pool too small to make retakes differ, or a draw too small to measure', () => {
    const warnings = compileContent(writeFixture({ 'alpha/quiz.yaml': `passMark: 50\ndraw: 1\n${fixtureQuestions(2)}` }))
      .problems.filter((p) => p.severity === 'warning')
      .map((p) => p.message);
    expect(warnings).toContain('draw: an attempt shows 1 questions; it shows at least 8');
    expect(warnings).toContain('has a pool of 2 questions; a quiz that draws holds at least 12');
    const pool = compileContent(writeFixture({ 'alpha/quiz.yaml': `passMark: 50\ndraw: 8\n${fixtureQuestions(12)}` })).problems;
    expect(pool.map((p) => p.message).filter((m) => m.startsWith('draw:') || m.includes('pool'))).toEqual([]);
  });
});

describe('curricula', () => {
  it('rejects a pathway that lists a module before its prerequisite', () => {
    const root = writeFixture({
      'curricula.yaml': 'curricula:\n  - id: c\n    title: { en: C }\n    summary: { en: C }\n    modules: [beta, alpha]\n',
      'beta/module.yaml':
        'id: beta\nversion: 1\ntitle: { en: B }\nsummary: { en: S }\nminutes: 5\nlevel: 2\ncompetences: [digcomp:1.1]\nprerequisites: [alpha]\noutcomes: { en: [a, b, c] }',
      'beta/en/01-only.md': '---\ntitle: Only\nminutes: 5\n---\n\nText',
    });
    expect(errors(root).join('\n')).toContain('curricula.yaml: curricula.0 (c): "beta" comes before its prerequisite "alpha"');
  });
});
