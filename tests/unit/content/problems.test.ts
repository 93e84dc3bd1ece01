import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/content/compile';
import { writeFixture } from './fixtures';

const errors = (root: string) =>
  compileContent(root)
    .problems.filter((p) => p.severity === 'error')
    .map(({ file, line, code, params }) => ({ file, line, code, params }));

describe('content problems', () => {
  it('gives bad YAML its code and line', () => {
    expect(errors(writeFixture({ 'alpha/assignment.yaml': 'title: { en: A\ninstructions: [' }))).toEqual([
      {
        file: 'alpha/assignment.yaml',
        line: expect.any(Number) as number,
        code: 'yamlInvalid',
        params: { detail: expect.any(String) as string },
      },
    ]);
  });

  it('names the field and the line of a quiz answer that is not an option', () => {
    const quiz = [
      'passMark: 50',
      'questions:',
      '  - id: pick',
      '    type: single',
      '    text: { en: Pick b }',
      '    options:',
      '      - { id: a, text: { en: A } }',
      '      - { id: b, text: { en: B } }',
      '    answer: c',
      '    explanation: { en: Because }',
    ].join('\n');
    expect(errors(writeFixture({ 'alpha/quiz.yaml': quiz }))).toEqual([
      { file: 'alpha/quiz.yaml', line: 9, code: 'answerNotOption', params: { field: 'questions.0 (pick)', answer: 'c', options: 'a, b' } },
    ]);
  });

  it('tells a missing field by its own code, on the line of its parent', () => {
    const found = errors(writeFixture({ 'alpha/en/01-first.md': '---\ntitle: First\n---\n\nText.\n' }));
    expect(found.filter((p) => p.file === 'alpha/en/01-first.md')).toEqual([
      { file: 'alpha/en/01-first.md', line: 2, code: 'fieldRequired', params: { field: 'minutes' } },
    ]);
  });

  it('tells a field of the wrong type from a missing one', () => {
    const found = errors(writeFixture({ 'alpha/en/01-first.md': '---\ntitle: First\nminutes: many\n---\n\nText.\n' }));
    expect(found.filter((p) => p.file === 'alpha/en/01-first.md')).toEqual([
      { file: 'alpha/en/01-first.md', line: 3, code: 'fieldType', params: { field: 'minutes', expected: 'number' } },
    ]);
  });

  it('tells a missing translation as a warning with the languages', () => {
    const warnings = compileContent(writeFixture()).problems.filter((p) => p.code === 'translationMissing' && p.file === 'curricula.yaml');
    expect(warnings.map(({ line, params, message, severity }) => ({ line, params, message, severity }))).toEqual([
      {
        line: 3,
        params: { field: 'curricula.0.title', locales: 'bg, uk' },
        message: 'curricula.0.title: no bg, uk text (English is shown instead)',
        severity: 'warning',
      },
    ]);
  });
});
