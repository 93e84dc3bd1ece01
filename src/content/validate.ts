/*
 * The one validator of course content: the rules of `npm run modules:check`, over a course
 * held as a tree (a modules/ folder, or the server's modules with one package put in). It
 * compiles the course and adds the course-wide quiz answer patterns, so every caller refuses
 * exactly what modules:check refuses: any error or warning.
 */
import { compileTree, type CompileResult } from './compile';
import { problem, type ContentProblem } from './problems';
import { quizPatternProblems, quizPatterns, type QuizPatterns } from './quiz-patterns';
import type { ContentTree } from './tree';

export type CourseCheck = {
  compiled: CompileResult;
  patterns: QuizPatterns;
  /** Problems of the course's quiz answer patterns (about the course, not one file). */
  patternProblems: ContentProblem[];
  /** Every problem: what the compiler found, then the answer patterns. */
  problems: ContentProblem[];
};

export function checkCourse({ tree, label }: { tree: ContentTree; label: string }): CourseCheck {
  const compiled = compileTree({ tree, label });
  const patterns = quizPatterns(compiled.course.questions);
  const patternProblems = quizPatternProblems(patterns).map((detail) =>
    problem({ file: label, severity: 'error' }, { code: 'quizPattern', params: { detail } }),
  );
  return { compiled, patterns, patternProblems, problems: [...compiled.problems, ...patternProblems] };
}
