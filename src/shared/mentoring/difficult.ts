/*
 * Difficult questions of a module's quiz: per question, among each learner's FIRST finished
 * attempt that showed it (earliest by time, then attempt id; with a question pool an attempt
 * shows only the questions it drew), how many answered it, how many got it right, and the
 * most common wrong response. Worst first (lowest share right; questions
 * nobody answered last). Pure, order-independent, idempotent: it folds each learner's
 * statements with foldLearning.
 */
import type { Statement } from '../xapi/types';
import { agentKey } from '../xapi/canonical';
import { foldLearning } from '../learning/fold';
import type { DifficultQuestion } from './contract';

export function difficultQuestions(
  statements: Iterable<Statement>,
  moduleId: string,
  questionIds?: readonly string[],
  learnerKey: (actor: Statement['actor']) => string | undefined = agentKey,
): DifficultQuestion[] {
  const byLearner = new Map<string, Statement[]>();
  for (const s of statements) {
    const learner = learnerKey(s.actor);
    if (learner === undefined) continue;
    const list = byLearner.get(learner) ?? [];
    list.push(s);
    byLearner.set(learner, list);
  }
  type Tally = { learners: number; right: number; wrong: Map<string, number> };
  const tallies = new Map<string, Tally>();
  const tallyOf = (questionId: string): Tally => {
    let tally = tallies.get(questionId);
    if (!tally) {
      tally = { learners: 0, right: 0, wrong: new Map() };
      tallies.set(questionId, tally);
    }
    return tally;
  };
  for (const id of questionIds ?? []) tallyOf(id);
  const known = questionIds ? new Set(questionIds) : undefined;

  for (const list of byLearner.values()) {
    // foldLearning sorts attempts by (at, moduleId, attemptId), so the first answer met to a
    // question is from the first attempt that showed it.
    const counted = new Set<string>();
    for (const attempt of foldLearning(list).attempts) {
      if (attempt.moduleId !== moduleId) continue;
      for (const answer of attempt.answers) {
        if (counted.has(answer.questionId) || (known && !known.has(answer.questionId))) continue;
        counted.add(answer.questionId);
        const tally = tallyOf(answer.questionId);
        tally.learners += 1;
        if (answer.success) tally.right += 1;
        else tally.wrong.set(answer.response, (tally.wrong.get(answer.response) ?? 0) + 1);
      }
    }
  }

  const result: DifficultQuestion[] = [...tallies.entries()].map(([questionId, tally]) => {
    let commonWrongAnswer: string | null = null;
    let commonWrongCount = 0;
    for (const [response, count] of tally.wrong) {
      if (count > commonWrongCount || (count === commonWrongCount && commonWrongAnswer !== null && response < commonWrongAnswer)) {
        commonWrongAnswer = response;
        commonWrongCount = count;
      }
    }
    return {
      moduleId,
      questionId,
      learners: tally.learners,
      firstTimeRight: tally.right,
      share: tally.learners > 0 ? tally.right / tally.learners : 0,
      commonWrongAnswer,
      commonWrongCount,
    };
  });
  return result.sort((a, b) => {
    if ((a.learners === 0) !== (b.learners === 0)) return a.learners === 0 ? 1 : -1;
    if (a.share !== b.share) return a.share - b.share;
    return a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0;
  });
}
