/*
 * Times the fold of 100,000 statements into a learner's progress (target <= 300 ms in Node):
 * a heavy learner across 38 modules of 10 lessons, with reading progress, completions,
 * notes, bookmarks and quiz attempts in realistic proportions.
 */
import { performance } from 'node:perf_hooks';
import { foldLearning } from '../../src/shared/learning/fold';
import { buildStatement, type StatementEnv } from '../../src/shared/xapi/build';
import type { Statement } from '../../src/shared/xapi/types';

const BASE = 'https://library.example/xapi';
const actor = { objectType: 'Agent' as const, account: { homePage: BASE, name: 'bench-learner' } };

export function makeStatements(count: number): Statement[] {
  const statements: Statement[] = [];
  let n = 0;
  const env = (): StatementEnv => {
    n += 1;
    const hex = n.toString(16).padStart(12, '0');
    return { base: BASE, actor, id: `00000000-0000-4000-8000-${hex}`, timestamp: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString() };
  };
  while (statements.length < count) {
    const i = statements.length;
    const lesson = { moduleId: `module-${i % 38}`, lessonId: `lesson-${i % 10}`, moduleVersion: 1, locale: 'lv' };
    const kind = i % 20;
    if (kind < 12) statements.push(buildStatement.readingProgress(env(), lesson, i % 101, 30_000));
    else if (kind < 14) statements.push(buildStatement.completedLesson(env(), lesson));
    else if (kind < 16) statements.push(buildStatement.note(env(), lesson, `note ${i}`));
    else if (kind === 16) statements.push(buildStatement.bookmark(env(), lesson));
    else if (kind < 19) statements.push(buildStatement.answered(env(), lesson, `attempt-${i % 500}`, `q${i % 8}`, 'a', i % 3 !== 0));
    else statements.push(buildStatement.quizResult(env(), lesson, `attempt-${i % 500}`, i % 9, 8, 70, 300_000));
  }
  return statements;
}

export function benchFold(count = 100_000, runs = 7): { count: number; medianMs: number; minMs: number } {
  const statements = makeStatements(count);
  foldLearning(statements); // warm-up
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    foldLearning(statements);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { count, medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]! };
}
