import { describe, expect, it } from 'vitest';
import { answerParts, rightAnswerParts } from '../../../../src/client/features/mentor/quizAnswers';
import type { QuizQuestion } from '../../../../src/shared/content/compiled';

const words = { true: 'Patiess', false: 'Aplams', none: 'Nav atbildes' };
const options = [
  { id: 'a', text: 'Paroles pārvaldnieks' },
  { id: 'b', text: 'Lapiņa pie monitora' },
  { id: 'c', text: 'Divfaktoru autentifikācija' },
];
const single: QuizQuestion = { id: 'q1', type: 'single', text: 'Q1', explanation: '', options, answer: 'a' };
const multiple: QuizQuestion = { id: 'q2', type: 'multiple', text: 'Q2', explanation: '', options, answer: ['a', 'c'] };
const truefalse: QuizQuestion = { id: 'q3', type: 'truefalse', text: 'Q3', explanation: '', answer: false };
const order: QuizQuestion = { id: 'q4', type: 'order', text: 'Q4', explanation: '', options };

describe('answerParts', () => {
  it('turns xAPI responses into the option texts of the content, in the order given', () => {
    expect(answerParts(single, 'b', words)).toEqual({ list: 'choices', parts: ['Lapiņa pie monitora'] });
    expect(answerParts(multiple, 'c[,]a', words)).toEqual({
      list: 'choices',
      parts: ['Divfaktoru autentifikācija', 'Paroles pārvaldnieks'],
    });
    expect(answerParts(truefalse, 'true', words)).toEqual({ list: 'choices', parts: ['Patiess'] });
    expect(answerParts(truefalse, 'false', words)).toEqual({ list: 'choices', parts: ['Aplams'] });
    expect(answerParts(order, 'b[,]a[,]c', words)).toEqual({
      list: 'steps',
      parts: ['Lapiņa pie monitora', 'Paroles pārvaldnieks', 'Divfaktoru autentifikācija'],
    });
  });

  it('shows what it cannot resolve as it is, and says when there was no answer', () => {
    expect(answerParts(single, 'z', words).parts).toEqual(['z']);
    expect(answerParts(truefalse, 'a', words).parts).toEqual(['a']);
    expect(answerParts(undefined, 'a[,]b', words).parts).toEqual(['a[,]b']);
    expect(answerParts(single, '', words).parts).toEqual(['Nav atbildes']);
  });
});

describe('rightAnswerParts', () => {
  it('gives the right answer in the same words', () => {
    expect(rightAnswerParts(single, words).parts).toEqual(['Paroles pārvaldnieks']);
    expect(rightAnswerParts(multiple, words).parts).toEqual(['Paroles pārvaldnieks', 'Divfaktoru autentifikācija']);
    expect(rightAnswerParts(truefalse, words).parts).toEqual(['Aplams']);
    expect(rightAnswerParts(order, words)).toEqual({
      list: 'steps',
      parts: ['Paroles pārvaldnieks', 'Lapiņa pie monitora', 'Divfaktoru autentifikācija'],
    });
  });
});
