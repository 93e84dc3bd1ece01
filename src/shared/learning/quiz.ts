/*
 * Quiz answers as xAPI interaction responses (the specification's `[,]` delimiter for
 * choice and sequencing) and their scoring. One point per fully right question.
 */
import type { QuizQuestion } from '../content/compiled';

export type QuizResponse = { kind: 'choice'; ids: string[] } | { kind: 'truefalse'; value: boolean } | { kind: 'order'; ids: string[] };

export const RESPONSE_DELIMITER = '[,]';

export function encodeResponse(response: QuizResponse): string {
  return response.kind === 'truefalse' ? String(response.value) : response.ids.join(RESPONSE_DELIMITER);
}

export function isCorrect(question: QuizQuestion, response: QuizResponse): boolean {
  switch (question.type) {
    case 'single':
      return response.kind === 'choice' && response.ids.length === 1 && response.ids[0] === question.answer;
    case 'multiple': {
      if (response.kind !== 'choice') return false;
      const given = new Set(response.ids);
      return given.size === question.answer.length && question.answer.every((id) => given.has(id));
    }
    case 'truefalse':
      return response.kind === 'truefalse' && response.value === question.answer;
    case 'order':
      return (
        response.kind === 'order' &&
        response.ids.length === question.options.length &&
        question.options.every((o, i) => response.ids[i] === o.id)
      );
  }
}

/** A stable Fisher-Yates shuffle of `items` from a seed: any order, the original one included. */
export function shuffleBySeed<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (const char of seed) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  const next = (): number => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** A stable shuffle of `items` from a seed (the attempt id), never the original order when it has 2+ items. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const result = shuffleBySeed(items, seed);
  if (result.length > 1 && result.every((item, i) => item === items[i])) result.push(result.shift() as T);
  return result;
}

/**
 * The questions one attempt shows: `count` of the pool drawn at random from the attempt id
 * (so the same attempt always draws the same ones), kept in the pool's order. The whole pool
 * when `count` is absent or not smaller than it.
 */
export function drawQuestions<T extends { id: string }>(pool: readonly T[], draw: { count: number | undefined; seed: string }): T[] {
  if (draw.count === undefined || draw.count >= pool.length) return [...pool];
  const drawn = new Set(seededShuffle(pool, draw.seed).slice(0, Math.max(0, draw.count)));
  return pool.filter((question) => drawn.has(question));
}

/** A response as `encodeResponse` recorded it, read back for its question; undefined when it no longer fits the question. */
export function decodeResponse(question: QuizQuestion, response: string): QuizResponse | undefined {
  if (question.type === 'truefalse') {
    if (response !== 'true' && response !== 'false') return undefined;
    return { kind: 'truefalse', value: response === 'true' };
  }
  const ids = response === '' ? [] : response.split(RESPONSE_DELIMITER);
  const known = new Set(question.options.map((o) => o.id));
  if (!ids.every((id) => known.has(id))) return undefined;
  return question.type === 'order' ? { kind: 'order', ids } : { kind: 'choice', ids };
}

/** Per choice or ordering question, its option ids in the order an attempt shows them. */
export type OptionOrder = Record<string, string[]>;

/**
 * The order an attempt shows a question's options in when its start did not record one:
 * ordering questions shuffled from the attempt id (never already right), the others as written.
 */
export function unrecordedOptionOrder(question: QuizQuestion, attemptId: string): string[] {
  if (question.type === 'truefalse') return [];
  const ids = question.options.map((o) => o.id);
  return question.type === 'order' ? seededShuffle(ids, `${attemptId}/${question.id}`) : ids;
}

/**
 * What one attempt shows, from its id as the seed: the drawn questions, shuffled unless the
 * quiz says `shuffle: false`, and each question's options shuffled (true/false stays true
 * first; an ordering question never starts in the right order).
 */
export function presentQuiz(
  quiz: { questions: readonly QuizQuestion[]; draw?: number; shuffle?: boolean },
  seed: string,
): { questions: QuizQuestion[]; optionOrder: OptionOrder } {
  const drawn = drawQuestions(quiz.questions, { count: quiz.draw, seed });
  const questions = quiz.shuffle === false ? drawn : shuffleBySeed(drawn, `${seed}/questions`);
  const optionOrder: OptionOrder = {};
  for (const question of questions) {
    if (question.type === 'truefalse') continue;
    const ids = question.options.map((o) => o.id);
    const key = `${seed}/${question.id}`;
    optionOrder[question.id] = question.type === 'order' ? seededShuffle(ids, key) : shuffleBySeed(ids, key);
  }
  return { questions, optionOrder };
}

/**
 * The order to show a question's options in for an attempt: the recorded one when it still
 * holds exactly the question's options, else `unrecordedOptionOrder`.
 */
export function shownOptionOrder(question: QuizQuestion, attempt: { id: string; optionOrder: OptionOrder | undefined }): string[] {
  if (question.type === 'truefalse') return [];
  const recorded = attempt.optionOrder?.[question.id];
  const ids = question.options.map((o) => o.id);
  if (recorded && recorded.length === ids.length && ids.every((id) => recorded.includes(id))) return [...recorded];
  return unrecordedOptionOrder(question, attempt.id);
}

/** The option order an attempt's start recorded (its extension value), or undefined when it is not one. */
export function readOptionOrder(value: unknown): OptionOrder | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const order: OptionOrder = {};
  for (const [questionId, ids] of Object.entries(value)) {
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return undefined;
    order[questionId] = ids.filter((id): id is string => typeof id === 'string');
  }
  return order;
}
