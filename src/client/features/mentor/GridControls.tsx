import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridQuery, ProgressFilter } from './dashboardTable';

type Props = {
  query: GridQuery;
  onChange: (next: Partial<GridQuery>) => void;
  /** The words of the "completed" choice, which say what completing means (every module of which pathway). */
  completedLabel: string;
};

/** Search by name, filter by progress, and "needs attention only". Filters apply as you type. */
export function GridControls({ query, onChange, completedLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="filters" role="search" aria-label={t('mentor.filtersLabel')}>
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
