import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../src/shared/content/compiled';
import { decodeResponse, drawQuestions, encodeResponse, isCorrect, seededShuffle } from '../../../src/shared/learning/quiz';

const options = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B' },
  { id: 'c', text: 'C' },
];

describe('question pools', () => {
  const pool = Array.from({ length: 12 }, (_, i) => ({ id: `q${String(i + 1).padStart(2, '0')}` }));

  it('draws the given number of distinct questions, in the order of the pool', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: 12 }), (seed, count) => {
        const drawn = drawQuestions(pool, { count, seed });
        expect(drawn).toHaveLength(count);
        expect(drawn.map((q) => q.id)).toEqual(pool.filter((q) => drawn.includes(q)).map((q) => q.id));
      }),
    );
  });

  it('draws the same questions for the same attempt, and different ones across attempts', () => {
    expect(drawQuestions(pool, { count: 8, seed: 'attempt-1' })).toEqual(drawQuestions(pool, { count: 8, seed: 'attempt-1' }));
    const draws = new Set(
      Array.from({ length: 20 }, (_, i) =>
        drawQuestions(pool, { count: 8, seed: `attempt-${i}` })
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(draws.size).toBeGreaterThan(1);
  });

  it('shows the whole quiz without a draw or with a draw as large as the pool', () => {
    expect(drawQuestions(pool, { count: undefined, seed: 's' })).toEqual(pool);
    expect(drawQuestions(pool, { count: 12, seed: 's' })).toEqual(pool);
  });
});

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

  it('reads a recorded response back for its question, and refuses one that no longer fits', () => {
    expect(decodeResponse(multiple, encodeResponse({ kind: 'choice', ids: ['a', 'c'] }))).toEqual({ kind: 'choice', ids: ['a', 'c'] });
    expect(decodeResponse(order, 'c[,]a[,]b')).toEqual({ kind: 'order', ids: ['c', 'a', 'b'] });
    expect(decodeResponse(truefalse, 'false')).toEqual({ kind: 'truefalse', value: false });
    expect(decodeResponse(single, 'z')).toBeUndefined();
    expect(decodeResponse(truefalse, 'maybe')).toBeUndefined();
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
