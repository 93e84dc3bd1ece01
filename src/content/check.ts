/*
 * `npm run modules:check`: validates `modules/` as the build does, and is stricter: a
 * warning (a missing translation, a lesson outside the word range) fails it too, because
 * published content must be complete in every content language.
 */
import { resolve } from 'node:path';
import { compileContent, formatProblems } from './compile';

const root = resolve(process.argv[2] ?? 'modules');
const { problems, catalog } = compileContent(root);
if (problems.length) {
  console.error(formatProblems(problems));
  console.error(`\nmodules:check found ${problems.length} problem(s) in ${root}`);
  process.exit(1);
}
const lessons = catalog.modules.reduce((sum, m) => sum + m.lessons.length, 0);
console.log(`modules:check: ${catalog.modules.length} modules, ${lessons} lessons, ${catalog.curricula.length} curricula: all valid.`);
