import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseEvent, SurveyReport } from '../../../shared/mentoring/contract';
import { surveyPercent } from '../../../shared/mentoring/surveys';
import { SURVEY_ITEMS } from '../../../shared/xapi/build';
import { useFormat } from '../../i18n/format';
import { BarChart } from '../../ui/BarChart';
import { surveySectionId } from './SurveyOverview';
import { useSurveyWords } from './useSurveyWords';

/**
 * One module's or event's survey: its responses and overall satisfaction, then, behind a
 * disclosure, the count and percent of each answer per item and the comments. Closed, the 40
 * reports of a whole course are a page to scan (open, four charts each made it 58,000 px on a
 * PC); the overview's link to a report opens it (see `openSurveySection`), and so does a link
 * to it from outside the page.
 */
export function SurveyReportView({ report, events }: { report: SurveyReport; events: readonly CourseEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useSurveyWords(events);
  const id = useId();
  const sectionId = surveySectionId(report);
  // Read once: from then on the disclosure is the coordinator's (React leaves an unchanged prop alone).
  const [openAtFirst] = useState(() => window.location.hash === `#${sectionId}`);
  return (
    <section aria-labelledby={`${id}-heading`} id={sectionId} className="card survey-report">
      <h2 id={`${id}-heading`}>{words.about(report)}</h2>
      <p>
        {t('reports.responses', { count: report.responses })}
        <br />
        {t('reports.satisfiedLine', { value: words.satisfied(report) })}
      </p>
      <details open={openAtFirst}>
        <summary>{t('reports.showDetails')}</summary>
        {SURVEY_ITEMS.map((item) => {
          const counts = report.items[item];
          const rows = [4, 3, 2, 1, 0].map((index) => ({ index, count: counts[index] ?? 0 }));
          return (
            // The item's name is said once: the chart's caption is the item's h3.
            <BarChart
              key={item}
              title={words.items[item]}
              headingLevel={3}
              valueHeader={t('reports.count')}
              bars={rows.map((r) => ({
                label: words.answers[r.index] ?? '',
                value: r.count,
                max: Math.max(1, report.responses),
                text: `${format.number(r.count)} (${format.number(surveyPercent(r.count, report.responses))}%)`,
              }))}
            />
          );
        })}
        <h3>{t('reports.comments')}</h3>
        {report.comments.length === 0 ? (
          <p>{t('reports.noComments')}</p>
        ) : (
          <ul>
            {report.comments.map((comment, index) => (
              <li key={index} className="pre-line">
                {comment}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
