import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/content/compile';
import { courseTotals, formatCourseTotals } from '../../../src/content/totals';
import { writeFixture } from './fixtures';

describe('course totals', () => {
  it('counts modules, lessons, words per language, questions and hours per pathway', () => {
    const { catalog, course } = compileContent(
      writeFixture({
        'alpha/assignment.yaml': 'title: { en: T }\ninstructions: { en: I }\ncategory: online\nhours: 1.5',
        'alpha/quiz.yaml':
          'passMark: 50\ndraw: 1\nquestions:\n  - id: q1\n    type: truefalse\n    text: { en: Q1 }\n    answer: true\n    explanation: { en: E }\n  - id: q2\n    type: truefalse\n    text: { en: Q2 }\n    answer: false\n    explanation: { en: E }',
      }),
    );
    const totals = courseTotals(catalog, course);
    expect(totals).toMatchObject({ modules: 1, lessons: 2, questions: 2, questionsShown: 1 });
    // "Start Hello world." + "Second lesson text." in English; "Sveika, pasaule." in Latvian.
    expect(totals.words).toEqual({ en: 6, lv: 2, bg: 0, uk: 0 });
    expect(totals.pathways).toEqual([
      { id: 'basics', modules: 1, studyHours: 0.3, assignmentHours: { online: 1.5 }, requiredHours: { online: 2 } },
    ]);
    expect(formatCourseTotals(totals)).toEqual([
      '1 modules, 2 lessons, 2 quiz questions (1 shown in one attempt at every quiz)',
      'words: en 6, lv 2, bg 0, uk 0',
      'pathway basics: 1 modules, 0.3 h study in the app; assignments: online 1.5 h; required: online 2 h',
    ]);
  });
});
