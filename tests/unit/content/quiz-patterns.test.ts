import { describe, expect, it } from 'vitest';
import { quizPatternProblems, quizPatterns } from '../../../src/content/quiz-patterns';
import type { QuestionSource } from '../../../src/shared/content/schema';

const text = (en: string) => ({ en, lv: en, bg: en, uk: en });

function single(answer: string, lengths: number[]): QuestionSource {
  return {
    id: `s-${answer}-${lengths.join('-')}`,
    type: 'single',
    text: text('Q'),
    explanation: text('E'),
    options: lengths.map((length, i) => ({ id: 'abcd'[i]!, text: text('x'.repeat(length)) })),
    answer,
  };
}

function multiple(answer: string[]): QuestionSource {
  return {
    id: `m-${answer.join('')}`,
    type: 'multiple',
    text: text('Q'),
    explanation: text('E'),
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: text(id) })),
    answer,
  };
}

describe('quiz answer patterns over the course', () => {
  it('counts answer positions, longest answers per language and correct positions', () => {
    const patterns = quizPatterns([single('b', [5, 9, 5]), single('a', [5, 5, 5]), multiple(['a', 'c']), multiple(['a'])]);
    expect(patterns.single).toBe(2);
    expect(patterns.answerPositions).toEqual([1, 1]);
    // A tie is no cue: only an answer longer than every other option counts.
    expect(patterns.longestIsAnswer).toEqual({ en: 1, lv: 1, bg: 1, uk: 1 });
    expect(patterns.positions).toEqual([
      { count: 2, of: 2 },
      { count: 0, of: 2 },
      { count: 1, of: 2 },
      { count: 0, of: 2 },
    ]);
  });

  it('counts where the answer is shown, not its id (ids stay stable for recorded answers)', () => {
    const reordered = single('b', [5, 5, 5]);
    if (reordered.type !== 'single') throw new Error('single');
    reordered.options.reverse(); // c, b, a: the answer "b" is still second
    const moved = single('a', [5, 5, 5]);
    if (moved.type !== 'single') throw new Error('single');
    moved.options.reverse(); // c, b, a: the answer "a" is now third
    expect(quizPatterns([reordered, moved]).answerPositions).toEqual([0, 1, 1]);
  });

  it('measures length in each language, falling back to English where a text is missing', () => {
    const question = single('a', [3, 5]);
    if (question.type !== 'single') throw new Error('single');
    question.options[0]!.text = { en: 'xxx', lv: 'xxxxxxxxxx' };
    const patterns = quizPatterns([question]);
    expect(patterns.longestIsAnswer).toEqual({ en: 0, lv: 1, bg: 0, uk: 0 });
  });

  it('accepts a course within the limits', () => {
    const balanced = [single('a', [5, 6, 7]), single('b', [8, 5, 6]), single('c', [5, 6, 4]), multiple(['a', 'b']), multiple(['c', 'd'])];
    expect(quizPatternProblems(quizPatterns(balanced))).toEqual([]);
  });

  it('fails "always b", "the longest" and "always the first box" above their limits', () => {
    const problems = quizPatternProblems(
      quizPatterns([single('b', [5, 9, 5]), single('b', [5, 9]), single('a', [9, 5]), multiple(['a']), multiple(['a', 'b'])]),
    );
    expect(problems).toEqual([
      'option 2 is the answer to 2 of 3 single-choice questions (67%); at most 40% may share one position',
      ...['en', 'lv', 'bg', 'uk'].map(
        (l) => `the longest option (${l}) is the answer to 3 of 3 single-choice questions (100%); at most 45%`,
      ),
      'option 1 is correct in 2 of 2 multiple-choice questions (100%); at most 70% per position',
    ]);
  });

  it('allows exactly the limit', () => {
    // 2 of 5 single answers are first (40%), position 1 is right in 7 of 10 multiple (70%).
    const questions = [
      single('a', [1, 2]),
      single('a', [1, 2]),
      single('b', [1, 1]),
      single('c', [1, 1, 1]),
      single('d', [1, 1, 1, 1]),
      ...Array.from({ length: 7 }, () => multiple(['a'])),
      ...Array.from({ length: 3 }, () => multiple(['b'])),
    ];
    expect(quizPatternProblems(quizPatterns(questions))).toEqual([]);
  });
});
