import { describe, expect, it } from 'vitest';
import { openQuizAttempt } from '../../../src/shared/learning/openAttempt';
import { buildStatement } from '../../../src/shared/xapi/build';
import { at } from './statements';

const module = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en' };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const time = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const start = (n: number, attemptId: string, questionIds: string[]) =>
  buildStatement.startedQuiz(at(uuid(n), time(n)), { module, attemptId, questionIds });
const answer = (n: number, attemptId: string, questionId: string, response: string) =>
  buildStatement.answered(at(uuid(n), time(n)), module, attemptId, questionId, response, response === 'a');
const result = (n: number, attemptId: string) => buildStatement.quizResult(at(uuid(n), time(n)), module, attemptId, 1, 2, 70, 60_000);

describe('the quiz attempt a learner can resume', () => {
  it('is the started attempt without a result, with its draw and the latest answer to each question', () => {
    const statements = [start(1, 'r1', ['q3', 'q1']), answer(2, 'r1', 'q3', 'b'), answer(3, 'r1', 'q3', 'a')];
    const expected = { attemptId: 'r1', questionIds: ['q3', 'q1'], answers: { q3: { response: 'a', success: true } } };
    expect(openQuizAttempt(statements, 'online-safety')).toEqual(expected);
    expect(openQuizAttempt([...statements, ...statements].reverse(), 'online-safety')).toEqual(expected);
    expect(openQuizAttempt(statements, 'privacy-on-public-computers')).toBeUndefined();
  });

  it('carries the option order its start recorded, so a resume shows the options as first shown', () => {
    const optionOrder = { q1: ['c', 'a', 'b'], q3: ['b', 'a'] };
    const started = buildStatement.startedQuiz(at(uuid(1), time(1)), { module, attemptId: 'r1', questionIds: ['q3', 'q1'], optionOrder });
    expect(openQuizAttempt([started], 'online-safety')?.optionOrder).toEqual(optionOrder);
    expect(openQuizAttempt([start(1, 'r1', ['q1'])], 'online-safety')?.optionOrder).toBeUndefined();
  });

  it('is none once the attempt has a result', () => {
    expect(openQuizAttempt([start(1, 'r1', ['q1']), answer(2, 'r1', 'q1', 'a'), result(3, 'r1')], 'online-safety')).toBeUndefined();
  });

  it('is only ever the latest start: starting again leaves an earlier attempt behind', () => {
    const statements = [start(1, 'r1', ['q1', 'q2']), answer(2, 'r1', 'q1', 'a'), start(3, 'r2', ['q2', 'q3'])];
    expect(openQuizAttempt(statements, 'online-safety')?.attemptId).toBe('r2');
    expect(openQuizAttempt([...statements, result(4, 'r2')], 'online-safety')).toBeUndefined();
  });
});
