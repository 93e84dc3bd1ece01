/*
 * One learner's `learner_summaries` row from what the mentor views show of them: the touched
 * module rows, hours entries, measured study time, last sync and last activity. The ledgers
 * (store/summaries.ts) and a full refold (the reference the tests hold them to) both end here,
 * so the two can only differ in what they fold, never in how a row is written.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, LearnerSummariesTable } from './schema';
import type { CatalogCurriculum } from '../../shared/content/compiled';
import {
  dashboardCell,
  hoursWaitingSince,
  learnerTotals,
  moduleAttention,
  notStartedCell,
  type ModuleRow,
} from '../../shared/mentoring/dashboard';
import { learnerHours } from '../../shared/mentoring/hours';
import type { DashboardCell, HoursEntry } from '../../shared/mentoring/contract';

/** A module row that says nothing beyond "not started": left out of a summary. */
export const isEmptyRow = (row: ModuleRow): boolean =>
  row.status === 'not-started' && row.assignment === 'none' && row.secondsSpent === 0 && row.attempts === 0;

/**
 * A learner's dashboard cells as JSON text, in catalogue order: every module (untouched ones
 * not started), or with `touchedOnly` only the modules in `touched`. Stored in the summary row
 * and joined as text by the dashboard route; also what a learner without a row gets.
 */
export function cellsJson(
  learnerId: string,
  moduleIds: readonly string[],
  touched: ReadonlyMap<string, ModuleRow>,
  touchedOnly: boolean,
): string {
  const cells: DashboardCell[] = [];
  for (const moduleId of moduleIds) {
    const row = touched.get(moduleId);
    if (row) cells.push(dashboardCell(learnerId, row));
    else if (!touchedOnly) cells.push(notStartedCell(learnerId, moduleId));
  }
  return JSON.stringify(cells);
}

export type SummaryInput = {
  learnerId: string;
  /** The touched (non-empty) rows of catalogue modules, in catalogue order. */
  rows: readonly ModuleRow[];
  hours: readonly HoursEntry[];
  onlineSeconds: number;
  lastSyncAt: string | null;
  lastActivityAt: string | null;
};

export type SummaryCatalog = { moduleIds: readonly string[]; curricula: readonly CatalogCurriculum[]; fingerprint: string };

export type SummaryValues = Omit<LearnerSummariesTable, 'updated_at' | 'version'>;

export function summaryValues(catalog: SummaryCatalog, input: SummaryInput): SummaryValues {
  const byModule = new Map(input.rows.map((row) => [row.moduleId, row]));
  return {
    learner_id: input.learnerId,
    last_sync_at: input.lastSyncAt,
    last_activity_at: input.lastActivityAt,
    hours_waiting_since: hoursWaitingSince(input.hours),
    modules: JSON.stringify(input.rows),
    hours: JSON.stringify(learnerHours(input.hours, input.onlineSeconds)),
    totals: JSON.stringify(learnerTotals(input.rows, catalog.curricula)),
    attention: JSON.stringify(moduleAttention(input.learnerId, input.rows)),
    cells: cellsJson(input.learnerId, catalog.moduleIds, byModule, false),
    touched_cells: cellsJson(input.learnerId, catalog.moduleIds, byModule, true),
    course_fingerprint: catalog.fingerprint,
  };
}

/** Replaces these learners' rows, each with a new version (what CellsCache keys the cells by). */
export async function writeSummaries(db: Kysely<Database>, values: readonly SummaryValues[]): Promise<void> {
  const updatedAt = new Date().toISOString();
  for (let i = 0; i < values.length; i += 200) {
    const chunk = values.slice(i, i + 200);
    await db
      .deleteFrom('learner_summaries')
      .where(
        'learner_id',
        'in',
        chunk.map((v) => v.learner_id),
      )
      .execute();
    await db
      .insertInto('learner_summaries')
      .values(chunk.map((v) => ({ ...v, updated_at: updatedAt, version: randomUUID() })))
      .execute();
  }
}
