/*
 * Which question of an unfinished quiz attempt this device last moved on to with "Next
 * question", kept in `meta` under `quiz-step:<moduleId>`. The answers themselves are
 * statements; this only tells a checked answer (its feedback still on screen) from one the
 * learner has already moved past, so that a reload shows the same step. Not learning state:
 * nothing to sync, and each "Next question" replaces it. Another device, or a lost write,
 * has none: the attempt then continues at its last answer, with the feedback shown again.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useAccountKey } from './identity';
import { db } from './schema';

/** The attempt and the index (in the attempt's order) of the question shown after "Next question". */
export type QuizStep = { attemptId: string; index: number };

const metaKey = (moduleId: string) => `quiz-step:${moduleId}`;

function isQuizStep(value: unknown): value is QuizStep {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Record<string, unknown>;
  return typeof step.attemptId === 'string' && typeof step.index === 'number';
}

/** Remembers that the learner moved on to question `index` of the attempt. Works offline (device only). */
export async function rememberQuizStep(moduleId: string, step: QuizStep): Promise<void> {
  await db().meta.put({ key: metaKey(moduleId), value: { attemptId: step.attemptId, index: step.index } });
}

/** The step this device last moved on to in the module's quiz (null when none); undefined while loading. */
export function useQuizStep(moduleId: string): QuizStep | null | undefined {
  const key = useAccountKey();
  return useLiveQuery(async () => {
    const value = (await db().meta.get(metaKey(moduleId)))?.value;
    return isQuizStep(value) ? value : null;
  }, [key, moduleId]);
}
