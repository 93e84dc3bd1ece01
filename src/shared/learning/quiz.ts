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

/** A stable shuffle of `items` from a seed (the attempt id), never the original order when it has 2+ items. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
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
  if (result.length > 1 && result.every((item, i) => item === items[i])) result.push(result.shift() as T);
  return result;
}
