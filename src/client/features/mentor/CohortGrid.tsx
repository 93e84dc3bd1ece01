import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import type { CatalogCurriculum } from '../../../shared/content/compiled';
import type { CohortDashboard } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { cellWords, GridCell } from './GridCell';
import { GridControls } from './GridControls';
import { GridLegend } from './GridLegend';
import { LearnerCards } from './LearnerCards';
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
import { useNarrowScreen } from '../../ui/useNarrowScreen';
import './CohortGrid.css';

type Props = {
  dashboard: CohortDashboard;
  /** The pathway the page reports on (useHoursPathway): "completed" means every module of it; without one, of the catalogue. */
  pathway: CatalogCurriculum | undefined;
  moduleTitle: (id: string) => string;
  curriculumTitle: (id: string) => string;
  /** The language of a module's or pathway's title (English where the content language has none), for its lang attribute. */
  moduleLang: (id: string) => string | undefined;
  curriculumLang: (id: string) => string | undefined;
};

/**
 * Learners x modules, one page of rows at a time (50), so a cohort of 1,000 learners and 38
 * modules renders about 2,000 cells, not 38,000. Sorting and filtering run over the whole cohort.
 * On a PC a compact table (module titles set vertically, the header row and the names sticky
 * inside its scroller), the modules right after the two figures mentors sort by most, so that a
 * PC screen shows 8 or more of them; on a phone the same page of learners as cards.
 */
export function CohortGrid({ dashboard, pathway, moduleTitle, curriculumTitle, moduleLang, curriculumLang }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const narrow = useNarrowScreen();
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
    const Arrow = active ? (query.descending ? ArrowDown : ArrowUp) : ArrowUpDown;
    return (
      <th scope="col" className="cohort-grid__sortable" aria-sort={active ? (query.descending ? 'descending' : 'ascending') : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => change({ sort: key, descending: active ? !query.descending : key !== 'name' })}
        >
          {label}
          <Arrow aria-hidden="true" size={14} className={active ? 'sort-button__icon' : 'sort-button__icon sort-button__icon--idle'} />
        </button>
      </th>
    );
  };
  const first = result.total === 0 ? 0 : result.page * PAGE_SIZE + 1;
  const last = Math.min(result.total, (result.page + 1) * PAGE_SIZE);

  return (
    <section aria-labelledby={`${id}-heading`} className="cohort-learners">
      <div className="cohort-learners__bar">
        <h2 id={`${id}-heading`}>{t('mentor.gridTitle')}</h2>
        <GridControls
          query={query}
          onChange={change}
          withSort={narrow}
          completedLabel={
            pathway ? t('mentor.progressCompletedPathway', { title: curriculumTitle(pathway.id) }) : t('mentor.progressCompleted')
          }
        />
      </div>
      <div className="cohort-learners__info">
        <p role="status" className="cohort-learners__count">
          {t('mentor.showing', { count: result.total, first, last, total: result.total })}
        </p>
        {!narrow && <GridLegend words={words} />}
      </div>
      {narrow ? (
        <LearnerCards learners={result.rows} labelledBy={`${id}-heading`} dashboard={dashboard} moduleTitle={moduleTitle} from={from} />
      ) : (
        <div className="cohort-grid-frame">
          <ScrollRegion labelledBy={`${id}-caption`}>
            <table className="cohort-grid">
              <caption id={`${id}-caption`} className="visually-hidden">
                {t('mentor.gridCaption')}
              </caption>
              <thead>
                <tr>
                  {sortHeader('name', t('mentor.colLearner'))}
                  {sortHeader('modulesCompleted', t('mentor.colModulesCompleted'))}
                  {sortHeader('lastActivity', t('mentor.colLastActivity'))}
                  {dashboard.modules.map((moduleId) => (
                    <VerticalHeader key={moduleId} title={moduleTitle(moduleId)} lang={moduleLang(moduleId)} />
                  ))}
                  {pathwayIds.map((pathwayId) => (
                    <VerticalHeader key={pathwayId} title={curriculumTitle(pathwayId)} lang={curriculumLang(pathwayId)} />
                  ))}
                  <th scope="col">{t('mentor.colTime')}</th>
                  <th scope="col">{t('mentor.colLastSync')}</th>
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
                    <td>{t('mentor.modulesOf', { done: learner.modulesCompleted, total: dashboard.modules.length })}</td>
                    <td>{learner.lastActivityAt ? format.date(learner.lastActivityAt) : t('mentor.never')}</td>
                    {dashboard.modules.map((moduleId) => (
                      <GridCell key={moduleId} cell={cells.get(cellKey(learner.id, moduleId))} words={words} format={format} />
                    ))}
                    {pathwayIds.map((pathwayId) => (
                      <td key={pathwayId}>{format.percent((learner.pathways[pathwayId] ?? 0) / 100)}</td>
                    ))}
                    <td>{format.duration(learner.secondsSpent)}</td>
                    <td>{learner.lastSyncAt ? format.dateTime(learner.lastSyncAt) : t('mentor.never')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
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

/**
 * A module's or pathway's column header, its title set vertically so that a column is as narrow
 * as its cells; the whole title stays in the header (screen readers and copying read it) and in
 * a tooltip.
 */
function VerticalHeader({ title, lang }: { title: string; lang: string | undefined }) {
  return (
    <th scope="col" className="cohort-grid__vertical" title={title} lang={lang}>
      <span>{title}</span>
    </th>
  );
}
