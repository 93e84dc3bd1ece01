import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogCurriculum } from '../../../shared/content/compiled';
import type { CohortDashboard } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { cellWords, GridCell } from './GridCell';
import { GridControls } from './GridControls';
import type { FromCohort } from './MentorBreadcrumb';
import {
  cellIndex,
  cellKey,
  initialQuery,
  learnersWhoCompleted,
  queryLearners,
  PAGE_SIZE,
  type GridQuery,
  type SortKey,
} from './dashboardTable';
import { ScrollRegion } from '../../ui/ScrollRegion';

type Props = {
  dashboard: CohortDashboard;
  /** The pathway the page reports on (useHoursPathway): "completed" means every module of it; without one, of the catalogue. */
  pathway: CatalogCurriculum | undefined;
  moduleTitle: (id: string) => string;
  curriculumTitle: (id: string) => string;
};

/**
 * Learners x modules, one page of rows at a time (50), so a cohort of 1,000 learners and 38
 * modules renders about 2,000 cells, not 38,000. Sorting and filtering run over the whole cohort.
 */
export function CohortGrid({ dashboard, pathway, moduleTitle, curriculumTitle }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [query, setQuery] = useState<GridQuery>(initialQuery);
  const cells = useMemo(() => cellIndex(dashboard.cells), [dashboard.cells]);
  const words = useMemo(() => cellWords(t), [t]);
  const collator = useMemo(() => new Intl.Collator(format.locale), [format.locale]);
  const completed = useMemo(
    () => learnersWhoCompleted(dashboard.cells, pathway?.modules ?? dashboard.modules),
    [dashboard.cells, dashboard.modules, pathway],
  );
  const result = useMemo(
    () => queryLearners(dashboard.learners, dashboard.attention, completed, query, collator),
    [dashboard, completed, query, collator],
  );
  const pathwayIds = useMemo(() => [...new Set(dashboard.learners.flatMap((l) => Object.keys(l.pathways)))].sort(), [dashboard.learners]);
  const from: FromCohort = useMemo(() => ({ cohort: dashboard.cohort }), [dashboard.cohort]);
  const change = (next: Partial<GridQuery>) => setQuery((current) => ({ ...current, page: 0, ...next }));
  const sortHeader = (key: SortKey, label: string) => {
    const active = query.sort === key;
    return (
      <th scope="col" aria-sort={active ? (query.descending ? 'descending' : 'ascending') : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => change({ sort: key, descending: active ? !query.descending : key !== 'name' })}
        >
          {label}
          <span aria-hidden="true">{active ? (query.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  const first = result.total === 0 ? 0 : result.page * PAGE_SIZE + 1;
  const last = Math.min(result.total, (result.page + 1) * PAGE_SIZE);

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('mentor.gridTitle')}</h2>
      <GridControls
        query={query}
        onChange={change}
        completedLabel={
          pathway ? t('mentor.progressCompletedPathway', { title: curriculumTitle(pathway.id) }) : t('mentor.progressCompleted')
        }
      />
      <p role="status">{t('mentor.showing', { first, last, total: result.total })}</p>
      <ScrollRegion labelledBy={`${id}-caption`}>
        <table className="cohort-grid">
          <caption id={`${id}-caption`} className="visually-hidden">
            {t('mentor.gridCaption')}
          </caption>
          <thead>
            <tr>
              {sortHeader('name', t('mentor.colLearner'))}
              {sortHeader('lastActivity', t('mentor.colLastActivity'))}
              <th scope="col">{t('mentor.colLastSync')}</th>
              {sortHeader('modulesCompleted', t('mentor.colModulesCompleted'))}
              <th scope="col">{t('mentor.colTime')}</th>
              {pathwayIds.map((pathway) => (
                <th key={pathway} scope="col">
                  {curriculumTitle(pathway)}
                </th>
              ))}
              {dashboard.modules.map((moduleId) => (
                <th key={moduleId} scope="col" className="cohort-grid__module">
                  {moduleTitle(moduleId)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((learner) => (
              <tr key={learner.id}>
                <th scope="row">
                  <Link to={paths.learner(learner.id)} state={from}>
                    {learner.name}
                  </Link>
                </th>
                <td className="nowrap">{learner.lastActivityAt ? format.date(learner.lastActivityAt) : t('mentor.never')}</td>
                <td className="nowrap">{learner.lastSyncAt ? format.dateTime(learner.lastSyncAt) : t('mentor.never')}</td>
                <td className="nowrap">{t('mentor.modulesOf', { done: learner.modulesCompleted, total: dashboard.modules.length })}</td>
                <td className="nowrap">{format.duration(learner.secondsSpent)}</td>
                {pathwayIds.map((pathway) => (
                  <td key={pathway}>{format.percent((learner.pathways[pathway] ?? 0) / 100)}</td>
                ))}
                {dashboard.modules.map((moduleId) => (
                  <GridCell key={moduleId} cell={cells.get(cellKey(learner.id, moduleId))} words={words} format={format} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <nav aria-label={t('mentor.pagination')} className="pager">
        <button type="button" disabled={result.page === 0} onClick={() => setQuery((q) => ({ ...q, page: result.page - 1 }))}>
          {t('mentor.previousPage')}
        </button>
        <span>{t('mentor.pageOf', { page: result.page + 1, pages: result.pages })}</span>
        <button type="button" disabled={result.page >= result.pages - 1} onClick={() => setQuery((q) => ({ ...q, page: result.page + 1 }))}>
          {t('mentor.nextPage')}
        </button>
      </nav>
    </section>
  );
}
