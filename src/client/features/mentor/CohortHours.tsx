import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogCurriculum } from '../../../shared/content/compiled';
import { cohortHours } from '../../../shared/mentoring/cohortHours';
import type { DashboardLearner } from '../../../shared/mentoring/contract';
import { useFormat } from '../../i18n/format';
import { useHourCategoryLabel } from '../../ui/hourCategories';
import { HoursChart } from './HoursChart';
import { ScrollRegion } from '../../ui/ScrollRegion';

type Props = {
  learners: readonly DashboardLearner[];
  pathway: CatalogCurriculum;
  choices: readonly CatalogCurriculum[];
  onChoose: (curriculumId: string) => void;
  curriculumTitle: (id: string) => string;
};

/**
 * The cohort's learning hours per category against a pathway's requirements, for the mentor
 * and for a coordinator reporting to a funder: approved and waiting hours of the whole cohort,
 * the average per learner, and how many learners have met each requirement and all of them.
 */
export function CohortHours({ learners, pathway, choices, onChoose, curriculumTitle }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const category = useHourCategoryLabel();
  const summary = useMemo(() => cohortHours(learners, pathway.hours), [learners, pathway]);
  const oneDecimal = useMemo(() => new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }), [format.locale]);
  const number = (value: number) => oneDecimal.format(value);
  const hours = (value: number) => t('mentor.hoursValue', { hours: number(value) });
  const share = (count: number) => format.percent(summary.learners ? count / summary.learners : 0);
  const title = curriculumTitle(pathway.id);
  const bars = summary.categories.map((c) => {
    const values = { approved: number(c.averageApproved), pending: number(c.averagePending), required: number(c.required) };
    const key =
      c.required > 0
        ? c.averagePending > 0
          ? 'mentor.chartHoursOfWaiting'
          : 'mentor.chartHoursOf'
        : c.averagePending > 0
          ? 'mentor.chartHoursFreeWaiting'
          : 'mentor.chartHoursFree';
    return {
      label: category(c.category),
      approved: c.averageApproved,
      pending: c.averagePending,
      required: c.required,
      text: t(key, values),
    };
  });
  return (
    <section aria-labelledby={`${id}-heading`} className="cohort-hours">
      <h2 id={`${id}-heading`}>{t('mentor.hoursByCategory')}</h2>
      {choices.length > 1 && (
        <div className="field no-print">
          <label htmlFor={`${id}-pathway`}>{t('mentor.hoursPathway')}</label>
          <select id={`${id}-pathway`} value={pathway.id} onChange={(e) => onChoose(e.target.value)}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {curriculumTitle(c.id)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p>{t('mentor.hoursAgainst', { title })}</p>
      <p>
        <strong>
          {t('mentor.hoursMetAll', {
            met: format.number(summary.learnersMetAll),
            total: format.number(summary.learners),
            percent: share(summary.learnersMetAll),
          })}
        </strong>
      </p>
      <HoursChart title={t('mentor.hoursChartTitle')} bars={bars} />
      <ScrollRegion labelledBy={`${id}-caption`}>
        <table>
          <caption id={`${id}-caption`}>{t('mentor.hoursTableCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mentor.colCategory')}</th>
              <th scope="col">{t('mentor.colRequired')}</th>
              <th scope="col">{t('mentor.colApprovedTotal')}</th>
              <th scope="col">{t('mentor.colWaitingTotal')}</th>
              <th scope="col">{t('mentor.colAverage')}</th>
              <th scope="col">{t('mentor.colMet')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{category(c.category)}</th>
                <td>{c.required > 0 ? hours(c.required) : t('mentor.notRequired')}</td>
                <td>{hours(c.approved)}</td>
                <td>{hours(c.pending)}</td>
                <td>{hours(c.averageApproved)}</td>
                <td>
                  {c.required > 0
                    ? t('mentor.metOf', {
                        met: format.number(c.learnersMet),
                        total: format.number(summary.learners),
                        percent: share(c.learnersMet),
                      })
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="muted">{t('mentor.hoursOnlineNote')}</p>
    </section>
  );
}
