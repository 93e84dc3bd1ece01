import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoursEntry } from '../../../shared/mentoring/contract';
import { hoursStatus } from '../../../shared/mentoring/hours';
import { useFormat } from '../../i18n/format';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useHourCategoryLabel, useHoursStatusLabel } from '../../ui/hourCategories';
import { FactPairs } from '../../ui/BlockList';
import { useNarrowScreen } from '../../ui/useNarrowScreen';

/**
 * The learner's logged hours, newest day first, with the mentor's decision and comment: a table
 * on a PC, one block per entry on a phone (the review was the fifth column, off the screen).
 */
export function HoursList({ entries }: { entries: HoursEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const category = useHourCategoryLabel();
  const status = useHoursStatusLabel();
  const id = useId();
  const newestFirst = [...entries].reverse();
  const comment = (entry: HoursEntry) =>
    entry.review?.comment && <p className="mentor-comment">{t('hours.mentorComment', { comment: entry.review.comment })}</p>;
  const narrow = useNarrowScreen();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('hours.listTitle')}</h2>
      {entries.length === 0 ? (
        <p>{t('hours.listEmpty')}</p>
      ) : narrow ? (
        <ul className="plain-list block-list" aria-label={t('hours.listCaption')}>
          {newestFirst.map((entry) => (
            <li key={entry.statementId} className="block-list__item">
              <span className="block-list__title">{category(entry.category)}</span>
              <FactPairs
                facts={[
                  { term: t('hours.date'), value: format.date(entry.date) },
                  { term: t('hours.hours'), value: format.number(entry.hours) },
                  { term: t('hours.status'), value: status(hoursStatus(entry)) },
                ]}
              />
              <p className="pre-line">{entry.description}</p>
              {comment(entry)}
            </li>
          ))}
        </ul>
      ) : (
        <ScrollRegion labelledBy={`${id}-caption`}>
          <table>
            <caption id={`${id}-caption`} className="visually-hidden">
              {t('hours.listCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('hours.date')}</th>
                <th scope="col">{t('hours.category')}</th>
                <th scope="col">{t('hours.hours')}</th>
                <th scope="col">{t('hours.description')}</th>
                <th scope="col">{t('hours.status')}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((entry) => (
                <tr key={entry.statementId}>
                  <th scope="row">{format.date(entry.date)}</th>
                  <td>{category(entry.category)}</td>
                  <td>{format.number(entry.hours)}</td>
                  <td className="pre-line">{entry.description}</td>
                  <td>
                    {status(hoursStatus(entry))}
                    {comment(entry)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
