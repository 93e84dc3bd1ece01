import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../src/shared/content/compiled';
import { encodeResponse, isCorrect, seededShuffle } from '../../../src/shared/learning/quiz';

const options = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B' },
  { id: 'c', text: 'C' },
];

describe('quiz scoring', () => {
  const single: QuizQuestion = { id: 's', type: 'single', text: '', explanation: '', options, answer: 'b' };
  const multiple: QuizQuestion = { id: 'm', type: 'multiple', text: '', explanation: '', options, answer: ['a', 'c'] };
  const truefalse: QuizQuestion = { id: 't', type: 'truefalse', text: '', explanation: '', answer: false };
  const order: QuizQuestion = { id: 'o', type: 'order', text: '', explanation: '', options };

  it('scores single choice', () => {
    expect(isCorrect(single, { kind: 'choice', ids: ['b'] })).toBe(true);
    expect(isCorrect(single, { kind: 'choice', ids: ['a'] })).toBe(false);
  });

  it('scores multiple choice only when exactly the right set is chosen', () => {
    expect(isCorrect(multiple, { kind: 'choice', ids: ['c', 'a'] })).toBe(true);
    expect(isCorrect(multiple, { kind: 'choice', ids: ['a'] })).toBe(false);
    expect(isCorrect(multiple, { kind: 'choice', ids: ['a', 'b', 'c'] })).toBe(false);
  });

  it('scores true/false and ordering', () => {
    expect(isCorrect(truefalse, { kind: 'truefalse', value: false })).toBe(true);
    expect(isCorrect(truefalse, { kind: 'truefalse', value: true })).toBe(false);
    expect(isCorrect(order, { kind: 'order', ids: ['a', 'b', 'c'] })).toBe(true);
    expect(isCorrect(order, { kind: 'order', ids: ['b', 'a', 'c'] })).toBe(false);
  });

  it('encodes responses in the xAPI interaction format', () => {
    expect(encodeResponse({ kind: 'choice', ids: ['a', 'c'] })).toBe('a[,]c');
    expect(encodeResponse({ kind: 'truefalse', value: true })).toBe('true');
  });

  it('shuffles deterministically and never returns the original order', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 8 }), (seed, items) => {
        const shuffled = seededShuffle(items, seed);
        expect(shuffled).toEqual(seededShuffle(items, seed));
        expect([...shuffled].sort()).toEqual([...items].sort());
        expect(shuffled).not.toEqual(items);
      }),
    );
  });
});
