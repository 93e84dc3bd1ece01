import type { AttentionItem, DashboardCell, DashboardLearner } from '../../../shared/mentoring/contract';

export type SortKey = 'name' | 'lastActivity' | 'modulesCompleted';
export type ProgressFilter = 'all' | 'not-started' | 'in-progress' | 'completed';
export type GridQuery = {
  search: string;
  progress: ProgressFilter;
  attentionOnly: boolean;
  sort: SortKey;
  descending: boolean;
  page: number;
};

export const PAGE_SIZE = 50;
export const initialQuery: GridQuery = { search: '', progress: 'all', attentionOnly: false, sort: 'name', descending: false, page: 0 };

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * How many of `modules` (a pathway's) each learner has completed, read from the grid's cells
 * (a missing cell is a module not started); learners with none are absent.
 */
export function completedCounts(cells: readonly DashboardCell[], modules: readonly string[]): Map<string, number> {
  const wanted = new Set(modules);
  const counts = new Map<string, number>();
  for (const cell of cells) {
    if (cell.status === 'completed' && wanted.has(cell.moduleId)) counts.set(cell.learnerId, (counts.get(cell.learnerId) ?? 0) + 1);
  }
  return counts;
}

/**
 * The learners who have completed every one of `modules` (a pathway's), read from the grid's
 * cells. Not `DashboardLearner.pathways`: that is the mean of the modules' percents, rounded,
 * so 100 can hide a module not quite done. Nobody has completed an empty list.
 */
export function learnersWhoCompleted(cells: readonly DashboardCell[], modules: readonly string[]): Set<string> {
  const total = new Set(modules).size;
  return new Set([...completedCounts(cells, modules)].filter(([, done]) => total > 0 && done === total).map(([learnerId]) => learnerId));
}

/** Where a learner stands; `completed` are the learners who completed the pathway the page shows (learnersWhoCompleted). */
export function progressOf(learner: DashboardLearner, completed: ReadonlySet<string>): Exclude<ProgressFilter, 'all'> {
  if (completed.has(learner.id)) return 'completed';
  if (learner.modulesCompleted === 0 && learner.secondsSpent === 0 && learner.lastActivityAt === null) return 'not-started';
  return 'in-progress';
}

/** The learners a query shows, in order, and the one page of them to render. */
export function queryLearners(
  learners: readonly DashboardLearner[],
  attention: readonly AttentionItem[],
  completed: ReadonlySet<string>,
  query: GridQuery,
  collator: Intl.Collator,
): { rows: DashboardLearner[]; total: number; page: number; pages: number } {
  const needs = new Set(attention.map((a) => a.learnerId));
  const search = fold(query.search.trim());
  const matching = learners.filter(
    (l) =>
      (!search || fold(l.name).includes(search) || fold(l.login).includes(search)) &&
      (query.progress === 'all' || progressOf(l, completed) === query.progress) &&
      (!query.attentionOnly || needs.has(l.id)),
  );
  const compare = (a: DashboardLearner, b: DashboardLearner): number => {
    if (query.sort === 'modulesCompleted') return a.modulesCompleted - b.modulesCompleted;
    if (query.sort === 'lastActivity') return (a.lastActivityAt ?? '').localeCompare(b.lastActivityAt ?? '');
    return 0;
  };
  const sorted = [...matching].sort((a, b) => {
    const primary = compare(a, b) * (query.descending ? -1 : 1);
    return primary !== 0 ? primary : collator.compare(a.name, b.name) * (query.sort === 'name' && query.descending ? -1 : 1);
  });
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(query.page, pages - 1);
  return { rows: sorted.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), total: sorted.length, page, pages };
}

export const cellKey = (learnerId: string, moduleId: string) => `${learnerId}\u0000${moduleId}`;

export function cellIndex(cells: readonly DashboardCell[]): Map<string, DashboardCell> {
  return new Map(cells.map((c) => [cellKey(c.learnerId, c.moduleId), c]));
}
