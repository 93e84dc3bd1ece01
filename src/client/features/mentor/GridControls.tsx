import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridQuery, ProgressFilter, SortKey } from './dashboardTable';

type Props = {
  query: GridQuery;
  onChange: (next: Partial<GridQuery>) => void;
  /** A "Sort by" choice, for the learner cards: the table sorts by its column headers. */
  withSort: boolean;
  /** The words of the "completed" choice, which say what completing means (every module of which pathway). */
  completedLabel: string;
};

/** The orders a mentor can choose for the cards: the table's sortable columns, each both ways. */
const SORT_CHOICES = [
  { value: 'name-asc', sort: 'name', descending: false, label: 'sortNameAsc' },
  { value: 'name-desc', sort: 'name', descending: true, label: 'sortNameDesc' },
  { value: 'lastActivity-desc', sort: 'lastActivity', descending: true, label: 'sortActivityRecent' },
  { value: 'lastActivity-asc', sort: 'lastActivity', descending: false, label: 'sortActivityOldest' },
  { value: 'modulesCompleted-desc', sort: 'modulesCompleted', descending: true, label: 'sortModulesMost' },
  { value: 'modulesCompleted-asc', sort: 'modulesCompleted', descending: false, label: 'sortModulesFewest' },
] as const satisfies readonly { value: string; sort: SortKey; descending: boolean; label: string }[];

/** Search by name, filter by progress, and "needs attention only" (and, for the cards, an order). Filters apply as you type. */
export function GridControls({ query, onChange, withSort, completedLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="filters cohort-filters" role="search" aria-label={t('mentor.filtersLabel')}>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('mentor.searchLearner')}</label>
        <input id={`${id}-search`} type="search" value={query.search} onChange={(e) => onChange({ search: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-progress`}>{t('mentor.progressFilter')}</label>
        <select id={`${id}-progress`} value={query.progress} onChange={(e) => onChange({ progress: e.target.value as ProgressFilter })}>
          <option value="all">{t('mentor.progressAll')}</option>
          <option value="not-started">{t('status.notStarted')}</option>
          <option value="in-progress">{t('status.inProgress')}</option>
          <option value="completed">{completedLabel}</option>
        </select>
      </div>
      {withSort && (
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t('mentor.sortBy')}</label>
          <select
            id={`${id}-sort`}
            value={`${query.sort}-${query.descending ? 'desc' : 'asc'}`}
            onChange={(e) => {
              const choice = SORT_CHOICES.find((c) => c.value === e.target.value);
              if (choice) onChange({ sort: choice.sort, descending: choice.descending });
            }}
          >
            {SORT_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {t(`mentor.${choice.label}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field field--checkbox">
        <input
          id={`${id}-attention`}
          type="checkbox"
          checked={query.attentionOnly}
          onChange={(e) => onChange({ attentionOnly: e.target.checked })}
        />
        <label htmlFor={`${id}-attention`}>{t('mentor.attentionOnly')}</label>
      </div>
    </div>
  );
}
