/*
 * What the learner report reads, without folding the learner's history on each read: the
 * summary row and the ledgers (store/summaries.ts keeps both in step with every stored batch),
 * and the newest statements of the timeline, chosen and ordered by the database.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { Course } from '../course';
import type { Statement } from '../../shared/xapi/types';
import { VERBS } from '../../shared/xapi/verbs';
import type { QuizAttempt } from '../../shared/learning/fold';
import { learnerTotals, type LearnerTotals, type ModuleRow } from '../../shared/mentoring/dashboard';
import type { AssignmentState, CompletedLesson, HoursEntry } from '../../shared/mentoring/contract';
import { ledgerAssignments, ledgerHours, ledgerLearning, ledgerOnlineSeconds } from '../../shared/mentoring/ledger';
import { loadLedgers } from './ledgers';
import { reviewersOf } from './reviewers';
import { VISIBILITY_KINDS } from './statement-index';

export type LearnerView = {
  lastSyncAt: string | null;
  lastActivityAt: string | null;
  totals: LearnerTotals;
  /** The rows of the modules the learner touched, by module id; the others are not started. */
  rows: Map<string, ModuleRow>;
  attempts: QuizAttempt[];
  /** The lessons completed, with the module version of each one's first completion. */
  lessons: CompletedLesson[];
  assignments: AssignmentState[];
  hours: HoursEntry[];
  onlineSeconds: number;
};

/** One learner's summary and ledgers, read in one snapshot. */
export async function learnerView(
  db: Kysely<Database>,
  deps: { xapiBase: string; course: Course },
  learnerId: string,
): Promise<LearnerView> {
  const { row, ledgers } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({
      row: await trx
        .selectFrom('learner_summaries')
        .select(['last_sync_at', 'last_activity_at', 'modules', 'totals'])
        .where('learner_id', '=', learnerId)
        .executeTakeFirst(),
      ledgers: await loadLedgers(trx, learnerId),
    }));
  const reviewers = await reviewersOf(db, deps.xapiBase, learnerId);
  const modules = [...ledgers.modules.values()];
  const learning = ledgerLearning(modules);
  return {
    lastSyncAt: row?.last_sync_at ?? null,
    lastActivityAt: row?.last_activity_at ?? null,
    totals: row ? (JSON.parse(row.totals) as LearnerTotals) : learnerTotals([], deps.course.catalog.curricula),
    rows: new Map((JSON.parse(row?.modules ?? '[]') as ModuleRow[]).map((r) => [r.moduleId, r])),
    attempts: learning.attempts,
    lessons: learning.lessons
      .filter((lesson) => lesson.completed)
      .map(({ moduleId, lessonId, completedVersion }) => ({
        moduleId,
        lessonId,
        ...(completedVersion === undefined ? {} : { completedVersion }),
      })),
    assignments: ledgerAssignments(modules, reviewers),
    hours: ledgerHours(ledgers.learner, reviewers),
    onlineSeconds: ledgerOnlineSeconds(ledgers.learner),
  };
}

/** The newest `limit` live statements the learner sees (newest first by (timestamp, id)), without those with a `hidden` verb. */
export async function learnerTimeline(db: Kysely<Database>, key: string, hidden: readonly string[], limit: number): Promise<Statement[]> {
  // Chosen and ordered on the narrow columns first: sorting with the statement text along took ~200 ms for 40,000.
  const chosen = await db
    .selectFrom('statements as s')
    .select('s.seq')
    .where('s.voided', '=', 0)
    .where('s.verb_id', 'not in', [VERBS.voided, ...hidden])
    .where('s.seq', 'in', (eb) =>
      eb.selectFrom('statement_index as i').select('i.seq').where('i.kind', 'in', VISIBILITY_KINDS).where('i.value', '=', key),
    )
    .orderBy('s.timestamp', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
  const seqs = chosen.map((row) => Number(row.seq));
  const bySeq = new Map<number, Statement>();
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = await db
      .selectFrom('statements')
      .select(['seq', 'statement'])
      .where('seq', 'in', seqs.slice(i, i + 500))
      .execute();
    for (const row of rows) bySeq.set(Number(row.seq), JSON.parse(row.statement) as Statement);
  }
  return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
}
