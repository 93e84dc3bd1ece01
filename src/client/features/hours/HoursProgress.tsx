import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogCurriculum } from '../../../shared/content/compiled';
import { HOUR_CATEGORIES } from '../../../shared/content/locales';
import type { HoursEntry } from '../../../shared/mentoring/contract';
import { hoursSummary } from '../../../shared/mentoring/hours';
import { currentContentLocale } from '../../i18n/i18n';
import { useFormat } from '../../i18n/format';
import { pick } from '../../ui/localized';
import { ProgressBar } from '../../ui/ProgressBar';
import { useHourCategoryLabel } from '../../ui/hourCategories';
import './HoursPage.css';

type Props = {
  curricula: CatalogCurriculum[];
  curriculum: CatalogCurriculum;
  onCurriculum: (id: string) => void;
  entries: HoursEntry[];
  onlineSeconds: number;
};

/** Approved and waiting hours against each requirement of a pathway; online study is measured by the app. */
export function HoursProgress({ curricula, curriculum, onCurriculum, entries, onlineSeconds }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const label = useHourCategoryLabel();
  const id = useId();
  const locale = currentContentLocale(i18n.language);
  const summary = hoursSummary(entries, onlineSeconds, curriculum.hours);
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>{t('hours.progressTitle')}</h2>
      {curricula.length > 1 && (
        <div className="field hours-progress__pathway">
          <label htmlFor={`${id}-curriculum`}>{t('hours.pathway')}</label>
          <select id={`${id}-curriculum`} value={curriculum.id} onChange={(e) => onCurriculum(e.target.value)}>
            {curricula.map((c) => (
              <option key={c.id} value={c.id} lang={pick(c.title, locale).lang}>
                {pick(c.title, locale).text}
              </option>
            ))}
          </select>
        </div>
      )}
      <ul className="plain-list hours-progress">
        {HOUR_CATEGORIES.map((category) => {
          const row = summary.categories[category];
          const percent = row.required > 0 ? Math.min(100, Math.round((row.approved / row.required) * 100)) : 100;
          return (
            <li key={category}>
              <strong>{label(category)}</strong>
              <ProgressBar percent={percent} label={label(category)} />
              <p className="muted">
                {t('hours.progressLine', { count: row.required, done: format.number(row.approved), required: format.number(row.required) })}
                {row.pending > 0 && <> {t('hours.progressPending', { count: row.pending, hours: format.number(row.pending) })}</>}
                {category === 'online' && (
                  <> {t('hours.onlineMeasured', { count: summary.onlineMeasured, hours: format.number(summary.onlineMeasured) })}</>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
