import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../src/shared/content/compiled';
import { presentQuiz, readOptionOrder, shownOptionOrder, shuffleBySeed } from '../../../src/shared/learning/quiz';
import { buildStatement } from '../../../src/shared/xapi/build';
import { validateStatement } from '../../../src/shared/xapi/validate';
import { QUIZ_OPTION_ORDER_EXTENSION } from '../../../src/shared/xapi/verbs';
import { at } from './statements';

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, text: `Option ${i + 1}` }));
const questions: QuizQuestion[] = [
  { id: 'single', type: 'single', text: 'S', explanation: '', options: options(4), answer: 'o2' },
  { id: 'multiple', type: 'multiple', text: 'M', explanation: '', options: options(5), answer: ['o1', 'o3'] },
  { id: 'truefalse', type: 'truefalse', text: 'T', explanation: '', answer: true },
  { id: 'order', type: 'order', text: 'O', explanation: '', options: options(4) },
  { id: 'two', type: 'single', text: '2', explanation: '', options: options(2), answer: 'o1' },
  { id: 'last', type: 'multiple', text: 'L', explanation: '', options: options(3), answer: ['o2'] },
];
const quiz = { questions };
const seeds = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('what one attempt shows', () => {
  it('is the same for the same seed', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        expect(presentQuiz(quiz, seed)).toEqual(presentQuiz(quiz, seed));
      }),
    );
  });

  it('keeps every question and every option exactly once, and gives true/false no order', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const shown = presentQuiz(quiz, seed);
        expect(shown.questions.map((q) => q.id).sort()).toEqual(questions.map((q) => q.id).sort());
        for (const question of questions) {
          if (question.type === 'truefalse') expect(shown.optionOrder[question.id]).toBeUndefined();
          else expect([...shown.optionOrder[question.id]!].sort()).toEqual(question.options.map((o) => o.id).sort());
        }
      }),
    );
  });

  it('differs between seeds, in the order of questions and of each question’s options', () => {
    const shown = seeds.map((seed) => presentQuiz(quiz, seed));
    expect(new Set(shown.map((s) => s.questions.map((q) => q.id).join())).size).toBeGreaterThan(20);
    for (const id of ['single', 'multiple', 'order', 'last'])
      expect(new Set(shown.map((s) => s.optionOrder[id]!.join())).size, id).toBeGreaterThan(3);
    // Any place is possible for a choice, the written one included: a two-option question is not always reversed.
    expect(new Set(shown.map((s) => s.optionOrder.two!.join()))).toEqual(new Set(['o1,o2', 'o2,o1']));
  });

  it('never starts an ordering question in the right order', () => {
    for (const seed of seeds) expect(presentQuiz(quiz, seed).optionOrder.order).not.toEqual(['o1', 'o2', 'o3', 'o4']);
  });

  it('keeps the questions in the order written when the quiz says shuffle: false', () => {
    for (const seed of seeds) expect(presentQuiz({ questions, shuffle: false }, seed).questions).toEqual(questions);
  });

  it('draws from a pool before it shuffles', () => {
    for (const seed of seeds) {
      const shown = presentQuiz({ questions, draw: 3 }, seed);
      expect(shown.questions).toHaveLength(3);
      expect(Object.keys(shown.optionOrder).every((id) => shown.questions.some((q) => q.id === id))).toBe(true);
    }
  });
});

describe('the order a review or a resume shows', () => {
  const single = questions[0]!;

  it('is the recorded one, whatever the shuffle would give today', () => {
    const recorded = { single: ['o4', 'o3', 'o2', 'o1'] };
    expect(shownOptionOrder(single, { id: 'any', optionOrder: recorded })).toEqual(['o4', 'o3', 'o2', 'o1']);
    const { optionOrder } = presentQuiz(quiz, 'attempt-1');
    for (const question of questions)
      if (question.type !== 'truefalse')
        expect(shownOptionOrder(question, { id: 'attempt-1', optionOrder })).toEqual(optionOrder[question.id]);
  });

  it('is the written one for choices and the old seeded one for ordering, when nothing was recorded', () => {
    expect(shownOptionOrder(single, { id: 'old', optionOrder: undefined })).toEqual(['o1', 'o2', 'o3', 'o4']);
    const order = shownOptionOrder(questions[3]!, { id: 'old', optionOrder: undefined });
    expect(order).toEqual(shownOptionOrder(questions[3]!, { id: 'old', optionOrder: {} }));
    expect(order).not.toEqual(['o1', 'o2', 'o3', 'o4']);
  });

  it('ignores a recorded order that no longer holds the question’s options', () => {
    expect(shownOptionOrder(single, { id: 'x', optionOrder: { single: ['o1', 'o2', 'o9', 'o4'] } })).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(shownOptionOrder(single, { id: 'x', optionOrder: { single: ['o1', 'o2'] } })).toEqual(['o1', 'o2', 'o3', 'o4']);
  });

  it('reads only a map of option id lists from a statement', () => {
    expect(readOptionOrder({ q1: ['b', 'a'] })).toEqual({ q1: ['b', 'a'] });
    expect(readOptionOrder(['b', 'a'])).toBeUndefined();
    expect(readOptionOrder({ q1: [1, 2] })).toBeUndefined();
    expect(readOptionOrder('q1')).toBeUndefined();
    expect(readOptionOrder(undefined)).toBeUndefined();
  });

  it('shuffles any list with any seed without losing an item', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.integer(), { maxLength: 9 }), (seed, items) => {
        expect([...shuffleBySeed(items, seed)].sort()).toEqual([...items].sort());
      }),
    );
  });

  it('is kept in the start statement as a valid xAPI context extension, read back as it was', () => {
    const { questions: shown, optionOrder } = presentQuiz(quiz, 'attempt-1');
    const started = buildStatement.startedQuiz(at('00000000-0000-4000-8000-000000000001', '2026-03-01T10:00:00.000Z'), {
      module: { moduleId: 'online-safety', moduleVersion: 1, locale: 'en' },
      attemptId: '00000000-0000-4000-8000-000000000002',
      questionIds: shown.map((q) => q.id),
      optionOrder,
    });
    const sent = JSON.parse(JSON.stringify(started)) as typeof started;
    expect(validateStatement(sent)).toMatchObject({ ok: true });
    expect(readOptionOrder(sent.context?.extensions?.[QUIZ_OPTION_ORDER_EXTENSION])).toEqual(optionOrder);
  });
});
