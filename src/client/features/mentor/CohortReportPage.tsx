import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hoursOfLearner, meetsEveryRequirement } from '../../../shared/mentoring/cohortHours';
import type { CohortDashboard, DashboardLearner } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { DataAge } from '../../ui/DataAge';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { completedCounts, learnersWhoCompleted } from './dashboardTable';
import { LoadProblem } from './LoadProblem';
import { MentorBreadcrumb } from './MentorBreadcrumb';
import { MentorOnly } from './MentorOnly';
import { useCohortDashboard } from './useCohortDashboard';
import { useHoursPathway } from './useHoursPathway';
import { useCourseTitles } from './useModuleTitles';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { CohortCharts } from './CohortCharts';
import '../../ui/mentoring.css';

/** /mentor/cohorts/:cohortId/report: a one-document summary of the cohort, laid out for print. */
export function CohortReportPage() {
  return (
    <MentorOnly>
      <ReportData />
    </MentorOnly>
  );
}

function ReportData() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const { state, reload } = useCohortDashboard(cohortId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadProblem title={t('mentor.dashboardTitle')} error={state.error} onRetry={reload} />;
  return <CohortReport dashboard={state.data} fetchedAt={state.fetchedAt} fromCache={state.fromCache} />;
}

/** A learner's approved hours over every category. */
const approvedHours = (learner: DashboardLearner): number =>
  Object.values(hoursOfLearner(learner).approved).reduce((sum, h) => sum + (h ?? 0), 0);

function CohortReport({ dashboard, fetchedAt, fromCache }: { dashboard: CohortDashboard; fetchedAt: string; fromCache: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titles = useCourseTitles();
  const hours = useHoursPathway(titles.catalog?.curricula ?? [], dashboard.learners);
  const title = t('mentor.reportTitle', { name: dashboard.cohort.name });
  usePageTitle(title);
  // Learners follow a pathway, not the whole catalogue: "completed" is every module of the pathway this report shows.
  const modules = hours.pathway?.modules ?? dashboard.modules;
  const completed = learnersWhoCompleted(dashboard.cells, modules).size;
  const modulesDone = completedCounts(dashboard.cells, modules);
  const moduleTotal = new Set(modules).size;
  const required = Object.values(hours.pathway?.hours ?? {}).reduce((sum, h) => sum + (h ?? 0), 0);
  const hoursNumber = (value: number) => new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(value);
  const sorted = [...dashboard.learners].sort((a, b) => a.name.localeCompare(b.name, format.locale));
  return (
    <article className="report-page">
      <MentorBreadcrumb trail={[{ to: paths.cohort(dashboard.cohort.id), label: dashboard.cohort.name }]} here={t('mentor.reportLink')} />
      <h1>{title}</h1>
      <DataAge fetchedAt={fetchedAt} fromCache={fromCache} />
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('mentor.print')}
        </button>
      </p>
      <p>
        {t('mentor.reportLearners', { count: dashboard.learners.length })}.{' '}
        {hours.pathway
          ? t('mentor.reportCompletedPathway', { count: completed, pathway: titles.curriculum(hours.pathway.id) })
          : t('mentor.reportCompleted', { count: completed })}
      </p>
      <CohortCharts dashboard={dashboard} hours={hours} titles={titles} />
      <section>
        <h2 id="report-learners">{t('mentor.gridTitle')}</h2>
        <ScrollRegion labelledBy="report-learners">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('mentor.colLearner')}</th>
                <th scope="col">{t('mentor.colModulesCompleted')}</th>
                <th scope="col">{t('mentor.colTime')}</th>
                <th scope="col">{t('mentor.colLastActivity')}</th>
                {hours.pathway && <th scope="col">{t('mentor.hoursApproved')}</th>}
                {hours.pathway && <th scope="col">{t('mentor.csvHoursMetAll')}</th>}
              </tr>
            </thead>
            <tbody>
              {sorted.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  <td>{t('mentor.modulesOf', { done: modulesDone.get(l.id) ?? 0, total: moduleTotal })}</td>
                  <td>{format.duration(l.secondsSpent)}</td>
                  <td>{l.lastActivityAt ? format.date(l.lastActivityAt) : t('mentor.never')}</td>
                  {hours.pathway && (
                    <td>{t('mentor.hoursOf', { done: hoursNumber(approvedHours(l)), required: hoursNumber(required) })}</td>
                  )}
                  {hours.pathway && (
                    <td>{meetsEveryRequirement(hoursOfLearner(l), hours.pathway.hours) ? t('mentor.csvYes') : t('mentor.csvNo')}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </article>
  );
}
