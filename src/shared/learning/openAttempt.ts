/*
 * The quiz attempt a learner can resume: their most recently started attempt at a module's
 * quiz, when it has no result yet, with the questions it drew and the answers already given.
 * Only the latest start counts, so starting again leaves an earlier attempt behind for good.
 * A function of the statement set, like the fold: order and duplicates never change it.
 */
import type { Statement } from '../xapi/types';
import { parseActivityId } from '../xapi/activities';
import { QUIZ_OPTION_ORDER_EXTENSION, QUIZ_QUESTIONS_EXTENSION, verbName } from '../xapi/verbs';
import { isLater, voidedIds } from './fold';
import { readOptionOrder, type OptionOrder } from './quiz';

export type OpenAttempt = {
  attemptId: string;
  /** The drawn questions, in the order shown. */
  questionIds: string[];
  /** Each question's option ids in the order shown; absent when the start did not record them. */
  optionOrder?: OptionOrder;
  /** The latest answer to each question answered so far. */
  answers: Record<string, { response: string; success: boolean }>;
};

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export function openQuizAttempt(statements: Iterable<Statement>, moduleId: string): OpenAttempt | undefined {
  const unique = new Map<string, Statement>();
  for (const s of statements) unique.set(s.id, s);
  const voided = voidedIds(unique.values());
  const live = [...unique.values()].filter((s) => !voided.has(s.id) && s.object.objectType === 'Activity');

  let latestStart: Statement | undefined;
  const finished = new Set<string>();
  for (const s of live) {
    const ref = parseActivityId(s.object.id);
    const registration = s.context?.registration;
    if (ref?.kind !== 'quiz' || ref.moduleId !== moduleId || !registration) continue;
    const verb = verbName(s.verb.id);
    if (verb === 'passed' || verb === 'failed') finished.add(registration);
    if (
      verb === 'attempted' &&
      isStringList(s.context?.extensions?.[QUIZ_QUESTIONS_EXTENSION]) &&
      (!latestStart || isLater(s, latestStart))
    )
      latestStart = s;
  }
  const attemptId = latestStart?.context?.registration;
  const questionIds = latestStart?.context?.extensions?.[QUIZ_QUESTIONS_EXTENSION];
  if (!attemptId || finished.has(attemptId) || !isStringList(questionIds)) return undefined;

  const latest = new Map<string, Statement>();
  for (const s of live) {
    const ref = parseActivityId(s.object.id);
    if (ref?.kind !== 'question' || ref.moduleId !== moduleId || s.context?.registration !== attemptId) continue;
    if (verbName(s.verb.id) !== 'answered') continue;
    const previous = latest.get(ref.questionId);
    if (!previous || isLater(s, previous)) latest.set(ref.questionId, s);
  }
  const answers: OpenAttempt['answers'] = {};
  for (const [questionId, s] of latest) answers[questionId] = { response: s.result?.response ?? '', success: s.result?.success === true };
  const optionOrder = readOptionOrder(latestStart?.context?.extensions?.[QUIZ_OPTION_ORDER_EXTENSION]);
  return { attemptId, questionIds, ...(optionOrder ? { optionOrder } : {}), answers };
}
