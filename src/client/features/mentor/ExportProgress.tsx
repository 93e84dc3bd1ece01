import { useTranslation } from 'react-i18next';
import type { CatalogCurriculum } from '../../../shared/content/compiled';
import type { CohortDashboard } from '../../../shared/mentoring/contract';
import { downloadCsv, fileSlug } from '../../ui/downloadCsv';
import { useHourCategoryLabel } from '../../ui/hourCategories';
import { cohortHoursRows, cohortProgressRows, type CsvWords, type HoursCsvWords } from './cohortCsv';

type Props = {
  dashboard: CohortDashboard;
  moduleTitle: (id: string) => string;
  curriculumTitle: (id: string) => string;
  /** The pathway whose hours requirements the hours file states (chosen under "Hours by category"). */
  hoursPathway: CatalogCurriculum | undefined;
};

/** Download the cohort's progress, and its learning hours, as CSV files a spreadsheet opens in any alphabet. */
export function ExportProgress({ dashboard, moduleTitle, curriculumTitle, hoursPathway }: Props) {
  const { t } = useTranslation();
  const category = useHourCategoryLabel();
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
  const hoursWords: HoursCsvWords = {
    headers: { learner: t('mentor.colLearner'), login: t('mentor.csvLogin'), metAll: t('mentor.csvHoursMetAll') },
    approved: (c) => t('mentor.csvHoursApproved', { category: category(c) }),
    waiting: (c) => t('mentor.csvHoursWaiting', { category: category(c) }),
    required: (c) => t('mentor.csvHoursRequired', { category: category(c) }),
    yes: t('mentor.csvYes'),
    no: t('mentor.csvNo'),
  };
  return (
    <section aria-labelledby="export-heading" className="no-print">
      <h2 id="export-heading">{t('mentor.exportTitle')}</h2>
      <ul className="inline-links">
        <li>
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
        </li>
        {hoursPathway && (
          <li>
            <button
              type="button"
              onClick={() =>
                downloadCsv(`${fileSlug(dashboard.cohort.name)}-hours.csv`, cohortHoursRows(dashboard, hoursPathway.hours, hoursWords))
              }
            >
              {t('mentor.exportHours')}
            </button>
          </li>
        )}
      </ul>
      {hoursPathway && <p>{t('mentor.exportHoursPathway', { title: curriculumTitle(hoursPathway.id) })}</p>}
      <p className="muted">{t('mentor.exportHint')}</p>
    </section>
  );
}
