/*
 * The state of one quiz attempt in the quiz view, and how an attempt left unfinished (a
 * reload, another device) is picked up again from its statements: the same drawn questions in
 * the same order, each with its options in the order first shown, and the answers already
 * given. It continues at the last answer with its feedback (right or wrong, the explanation),
 * as "Check answer" left it, unless this device saw the learner move on with "Next question"
 * (db/quizStep.ts): then at the next question, still open.
 */
import type { QuizContent, QuizQuestion } from '../../../shared/content/compiled';
import type { OpenAttempt } from '../../../shared/learning/openAttempt';
import type { QuizStep } from '../../db/quizStep';
import { decodeResponse, type OptionOrder, type QuizResponse } from '../../../shared/learning/quiz';

/**
 * `questions`: the ones this attempt drew from the quiz's pool, in the order shown;
 * `optionOrder`: as recorded at its start (absent for attempts started before it was recorded).
 */
export type Attempt = {
  id: string;
  questions: QuizQuestion[];
  optionOrder: OptionOrder | undefined;
  index: number;
  responses: Record<string, QuizResponse>;
  checked: boolean;
  correct: number;
};

/**
 * The attempt to continue, or undefined when the quiz no longer has every question it drew.
 * `step`: the question this device last moved on to, if any.
 */
export function resumeAttempt({ quiz, open, step }: { quiz: QuizContent; open: OpenAttempt; step: QuizStep | null }): Attempt | undefined {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const questions = open.questionIds.flatMap((id) => byId.get(id) ?? []);
  if (questions.length === 0 || questions.length !== open.questionIds.length) return undefined;
  const responses: Record<string, QuizResponse> = {};
  let correct = 0;
  for (const question of questions) {
    const answer = open.answers[question.id];
    const response = answer ? decodeResponse(question, answer.response) : undefined;
    if (!answer || !response) continue;
    responses[question.id] = response;
    if (answer.success) correct += 1;
  }
  const next = questions.findIndex((q) => responses[q.id] === undefined);
  const base = { id: open.attemptId, questions, optionOrder: open.optionOrder, responses, correct };
  // Every question answered: the last one's feedback shows, and the result is one step away.
  if (next === -1) return { ...base, index: questions.length - 1, checked: true };
  const movedOn = step?.attemptId === open.attemptId && step.index === next;
  if (next === 0 || movedOn) return { ...base, index: next, checked: false };
  // Checked, and perhaps never read: the answer and its feedback show again, "Next question" goes on.
  return { ...base, index: next - 1, checked: true };
}
