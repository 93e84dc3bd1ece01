/*
 * Answer patterns over the whole course's quizzes. A learner who has not read the lessons
 * must not be able to pass by picking "always b", "the longest option" or "the first box":
 * modules:check measures these cues over every quiz at once (a single quiz has too few
 * questions to judge) and fails when one is above its limit. Positions are counted, not
 * option ids: an id is the stable name that learners' recorded answers refer to (renaming it
 * would make old attempts show the wrong option), while the position is what a learner sees.
 */
import { CONTENT_LOCALES, type ContentLocale } from '../shared/content/locales';
import type { QuestionSource } from '../shared/content/schema';

/** Shares of questions above which an answer pattern fails modules:check. */
export const QUIZ_PATTERN_LIMITS = {
  /** Single choice: the share of questions whose answer is at one position. */
  singleAnswerPosition: 0.4,
  /** Single choice: the share whose answer is the longest option, in each language. */
  longestIsAnswer: 0.45,
  /** Multiple choice: the share in which the option at one position is correct. */
  multiplePosition: 0.7,
} as const;

type Count = { count: number; of: number };

export type QuizPatterns = {
  single: number;
  /** Per option position (0 = first), how many single-choice answers are there. */
  answerPositions: number[];
  /** Per language, how many single-choice answers are longer than every other option. */
  longestIsAnswer: Record<ContentLocale, number>;
  multiple: number;
  /** Per option position (0 = first), how often it is correct among the questions that have it. */
  positions: Count[];
};

function isLongest(question: Extract<QuestionSource, { type: 'single' }>, locale: ContentLocale): boolean {
  const length = (option: (typeof question.options)[number]) => (option.text[locale] ?? option.text.en).trim().length;
  const answer = question.options.find((o) => o.id === question.answer);
  if (!answer) return false;
  return question.options.every((o) => o === answer || length(o) < length(answer));
}

export function quizPatterns(questions: readonly QuestionSource[]): QuizPatterns {
  const answerPositions: number[] = [];
  const longestIsAnswer = Object.fromEntries(CONTENT_LOCALES.map((l) => [l, 0])) as Record<ContentLocale, number>;
  const positions: Count[] = [];
  let single = 0;
  let multiple = 0;
  for (const question of questions) {
    if (question.type === 'single') {
      single += 1;
      const at = question.options.findIndex((o) => o.id === question.answer);
      if (at >= 0) answerPositions[at] = (answerPositions[at] ?? 0) + 1;
      for (const locale of CONTENT_LOCALES) if (isLongest(question, locale)) longestIsAnswer[locale] += 1;
    } else if (question.type === 'multiple') {
      multiple += 1;
      for (const [index, option] of question.options.entries()) {
        const position = (positions[index] ??= { count: 0, of: 0 });
        position.of += 1;
        if (question.answer.includes(option.id)) position.count += 1;
      }
    }
  }
  return { single, answerPositions: Array.from(answerPositions, (count) => count ?? 0), longestIsAnswer, multiple, positions };
}

const percent = (count: number, of: number): string => `${of ? Math.round((count / of) * 100) : 0}%`;
const over = (count: number, of: number, limit: number): boolean => of > 0 && count / of > limit;

/** One message per pattern above its limit; empty when the course passes. */
export function quizPatternProblems(patterns: QuizPatterns): string[] {
  const problems: string[] = [];
  for (const [index, count] of patterns.answerPositions.entries()) {
    if (over(count, patterns.single, QUIZ_PATTERN_LIMITS.singleAnswerPosition))
      problems.push(
        `option ${index + 1} is the answer to ${count} of ${patterns.single} single-choice questions (${percent(count, patterns.single)}); at most ${QUIZ_PATTERN_LIMITS.singleAnswerPosition * 100}% may share one position`,
      );
  }
  for (const locale of CONTENT_LOCALES) {
    const count = patterns.longestIsAnswer[locale];
    if (over(count, patterns.single, QUIZ_PATTERN_LIMITS.longestIsAnswer))
      problems.push(
        `the longest option (${locale}) is the answer to ${count} of ${patterns.single} single-choice questions (${percent(count, patterns.single)}); at most ${QUIZ_PATTERN_LIMITS.longestIsAnswer * 100}%`,
      );
  }
  for (const [index, { count, of }] of patterns.positions.entries()) {
    if (over(count, of, QUIZ_PATTERN_LIMITS.multiplePosition))
      problems.push(
        `option ${index + 1} is correct in ${count} of ${of} multiple-choice questions (${percent(count, of)}); at most ${QUIZ_PATTERN_LIMITS.multiplePosition * 100}% per position`,
      );
  }
  return problems;
}

/** The figures as lines for modules:check's report. */
export function formatQuizPatterns(patterns: QuizPatterns): string[] {
  const answers = patterns.answerPositions.map((count, index) => `${index + 1}: ${count} (${percent(count, patterns.single)})`);
  const longest = CONTENT_LOCALES.map((l) => `${l} ${percent(patterns.longestIsAnswer[l], patterns.single)}`);
  const positions = patterns.positions.map(({ count, of }, index) => `${index + 1}: ${count}/${of} (${percent(count, of)})`);
  return [
    `single choice: ${patterns.single} questions; answer by position ${answers.join(', ')}; answer is the longest option: ${longest.join(', ')}`,
    `multiple choice: ${patterns.multiple} questions; correct by position ${positions.join(', ')}`,
  ];
}
