import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseEvent, SurveyReport } from '../../../shared/mentoring/contract';
import { useFormat } from '../../i18n/format';
import '../../ui/BlockList.css';
import { useNarrowScreen } from '../../ui/useNarrowScreen';
import { useSurveyWords } from './useSurveyWords';

/** The id of a report's section on the page, so the overview can link to it. */
export const surveySectionId = (report: SurveyReport): string =>
  'moduleId' in report.about ? `survey-module-${report.about.moduleId}` : `survey-event-${report.about.eventId}`;

/** Opens a report's details, so the overview's link leads to its charts, not to a closed disclosure. */
export function openSurveySection(sectionId: string): void {
  const details = document.getElementById(sectionId)?.querySelector<HTMLDetailsElement>(':scope > details');
  if (details) details.open = true;
}

/** A link to a report's section on this page that opens its details on the way. */
function ReportLink({ report, className, children }: { report: SurveyReport; className?: string; children: ReactNode }) {
  const sectionId = surveySectionId(report);
  return (
    <a className={className} href={`#${sectionId}`} onClick={() => openSurveySection(sectionId)}>
      {children}
    </a>
  );
}

/**
 * One line per module and event before the details: responses and how many were satisfied
 * overall ("agree" or "fully agree" on the overall item), each linking to its section, so a
 * coordinator with many modules finds the one they report on without scrolling through every chart.
 */
export function SurveyOverview({ reports, events }: { reports: readonly SurveyReport[]; events: readonly CourseEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useSurveyWords(events);
  // On a phone, one block per report (ui/BlockList): the third column was off the screen.
  const narrow = useNarrowScreen();
  return (
    <section aria-labelledby="survey-overview-heading">
      <h2 id="survey-overview-heading">{t('reports.overviewTitle')}</h2>
      {narrow ? (
        <ul className="plain-list block-list" aria-label={t('reports.overviewCaption')}>
          {reports.map((report) => (
            <li key={surveySectionId(report)} className="block-list__item">
              <ReportLink report={report} className="block-list__title">
                {words.about(report)}
              </ReportLink>
              <p className="block-list__meta">
                <span>{t('reports.responses', { count: report.responses })}</span>
                <span>{t('reports.satisfiedLine', { value: words.satisfied(report) })}</span>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('reports.overviewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.csvAbout')}</th>
                <th scope="col">{t('reports.csvResponses')}</th>
                <th scope="col">{t('reports.colSatisfied')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={surveySectionId(report)}>
                  <th scope="row">
                    <ReportLink report={report}>{words.about(report)}</ReportLink>
                  </th>
                  <td>{format.number(report.responses)}</td>
                  <td>{words.satisfied(report)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
