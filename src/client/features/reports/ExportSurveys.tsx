import { useTranslation } from 'react-i18next';
import type { CourseEvent, SurveyReport } from '../../../shared/mentoring/contract';
import { surveyPercent } from '../../../shared/mentoring/surveys';
import { SURVEY_ITEMS } from '../../../shared/xapi/build';
import { downloadCsv } from '../../ui/downloadCsv';
import { useSurveyWords } from './useSurveyWords';

/** Survey results as CSV: one row per report and item, count and percent for each answer. */
export function ExportSurveys({ reports, events }: { reports: SurveyReport[]; events: readonly CourseEvent[] }) {
  const { t } = useTranslation();
  const words = useSurveyWords(events);
  const order = [4, 3, 2, 1, 0];
  const rows = () => [
    [
      t('reports.csvAbout'),
      t('reports.csvResponses'),
      t('reports.csvItem'),
      ...order.flatMap((i) => [words.answers[i] ?? '', `${words.answers[i] ?? ''} (%)`]),
    ],
    ...reports.flatMap((report) =>
      SURVEY_ITEMS.map((item) => [
        words.about(report),
        String(report.responses),
        words.items[item],
        ...order.flatMap((i) => {
          const count = report.items[item][i] ?? 0;
          return [String(count), String(surveyPercent(count, report.responses))];
        }),
      ]),
    ),
  ];
  if (reports.length === 0) return null;
  return (
    <p>
      <button type="button" onClick={() => downloadCsv('survey-results.csv', rows())}>
        {t('reports.export')}
      </button>
    </p>
  );
}
