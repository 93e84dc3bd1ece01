import { useTranslation } from 'react-i18next';
import type { CohortDashboard } from '../../../shared/mentoring/contract';
import { downloadCsv, fileSlug } from '../../ui/downloadCsv';
import { cohortProgressRows, type CsvWords } from './cohortCsv';

type Props = { dashboard: CohortDashboard; moduleTitle: (id: string) => string; curriculumTitle: (id: string) => string };

/** Download the cohort's progress as a CSV file a spreadsheet opens in any alphabet. */
export function ExportProgress({ dashboard, moduleTitle, curriculumTitle }: Props) {
  const { t } = useTranslation();
  const words: CsvWords = {
    headers: {
      learner: t('mentor.colLearner'),
      login: t('mentor.csvLogin'),
      lastActivity: t('mentor.colLastActivity'),
      lastSync: t('mentor.colLastSync'),
      modulesCompleted: t('mentor.colModulesCompleted'),
      minutes: t('mentor.csvMinutes'),
    },
    pathway: (title) => t('mentor.csvPathway', { title }),
    module: (title) => title,
    status: (status) =>
      status === 'completed' ? t('status.completed') : status === 'in-progress' ? t('status.inProgress') : t('status.notStarted'),
  };
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('mentor.exportTitle')}</h2>
      <p>
        <button
          type="button"
          onClick={() =>
            downloadCsv(
              `${fileSlug(dashboard.cohort.name)}-progress.csv`,
              cohortProgressRows(dashboard, words, moduleTitle, curriculumTitle),
            )
          }
        >
          {t('mentor.exportProgress')}
        </button>
      </p>
      <p className="muted">{t('mentor.exportHint')}</p>
    </section>
  );
}
