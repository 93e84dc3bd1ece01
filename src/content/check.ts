/*
 * `npm run modules:check`: validates `modules/` as the build does, and is stricter: a
 * warning (a missing translation, a lesson outside the word range) fails it too, because
 * published content must be complete in every content language. It also fails when the
 * course's quizzes show an answer pattern above its limit (./quiz-patterns.ts), and prints
 * the course's figures either way. Module package imports apply the same rules (./validate.ts).
 */
import { resolve } from 'node:path';
import { formatProblems } from './problems';
import { formatQuizPatterns } from './quiz-patterns';
import { courseTotals, formatCourseTotals } from './totals';
import { readTree } from './tree';
import { checkCourse } from './validate';

const root = resolve(process.argv[2] ?? 'modules');
const { compiled, patterns, patternProblems, problems } = checkCourse({ tree: readTree(root), label: root });
const { catalog, course } = compiled;

console.log([...formatCourseTotals(courseTotals(catalog, course)), ...formatQuizPatterns(patterns)].map((line) => `  ${line}`).join('\n'));
if (problems.length) {
  if (compiled.problems.length) console.error(formatProblems(compiled.problems));
  for (const { params } of patternProblems) console.error(`error: quiz answer patterns: ${params.detail}`);
  console.error(`\nmodules:check found ${problems.length} problem(s) in ${root}`);
  process.exit(1);
}
console.log(`modules:check: ${catalog.modules.length} modules, ${catalog.curricula.length} curricula: all valid.`);
