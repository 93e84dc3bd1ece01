/*
 * Quiz answers in words for the mentor: a learner's answer is stored as an xAPI response (option
 * ids joined by `[,]`, or `true` / `false`); the compiled module content in the mentor's
 * language has the question and option texts. Ids the content does not know (a question
 * since removed, content not loaded yet) are shown as they are rather than hidden.
 */
import { useTranslation } from 'react-i18next';
import type { QuizQuestion } from '../../../shared/content/compiled';
import { RESPONSE_DELIMITER } from '../../../shared/learning/quiz';

export type AnswerWords = { true: string; false: string; none: string };

/** An answer as texts: one, several choices (any order), or steps in the order given. */
export type AnswerParts = { list: 'choices' | 'steps'; parts: string[] };

const optionText = (question: Exclude<QuizQuestion, { type: 'truefalse' }>, id: string) =>
  question.options.find((o) => o.id === id)?.text ?? id;

/** What the learner answered, in the words of the content. */
export function answerParts(question: QuizQuestion | undefined, response: string, words: AnswerWords): AnswerParts {
  if (response === '') return { list: 'choices', parts: [words.none] };
  if (!question) return { list: 'choices', parts: [response] };
  if (question.type === 'truefalse')
    return { list: 'choices', parts: [response === 'true' ? words.true : response === 'false' ? words.false : response] };
  const parts = response.split(RESPONSE_DELIMITER).map((id) => optionText(question, id));
  return { list: question.type === 'order' ? 'steps' : 'choices', parts };
}

/** The right answer, in the same words. */
export function rightAnswerParts(question: QuizQuestion, words: AnswerWords): AnswerParts {
  switch (question.type) {
    case 'truefalse':
      return { list: 'choices', parts: [question.answer ? words.true : words.false] };
    case 'single':
      return { list: 'choices', parts: [optionText(question, question.answer)] };
    case 'multiple':
      return { list: 'choices', parts: question.answer.map((id) => optionText(question, id)) };
    case 'order':
      return { list: 'steps', parts: question.options.map((o) => o.text) };
  }
}

/** The words `answerParts` and `rightAnswerParts` use, in the mentor's language. */
export function useAnswerWords(): AnswerWords {
  const { t } = useTranslation();
  return { true: t('mentor.true'), false: t('mentor.false'), none: t('mentor.noAnswer') };
}

/** One answer as text; several choices as a list; ordered steps as a numbered list. */
export function AnswerText({ answer }: { answer: AnswerParts }) {
  if (answer.parts.length === 1) return <>{answer.parts[0]}</>;
  const items = answer.parts.map((part, index) => <li key={index}>{part}</li>);
  return answer.list === 'steps' ? <ol className="answer-list">{items}</ol> : <ul className="answer-list">{items}</ul>;
}
