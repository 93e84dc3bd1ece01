import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../app/paths';
import { DataAge } from '../../ui/DataAge';
import { Loading } from '../../ui/Loading';
import { useCachedApi } from '../../ui/useCachedApi';
import { usePageTitle } from '../../ui/usePageTitle';
import { LoadProblem } from './LoadProblem';
import { MentorOnly } from './MentorOnly';
import '../../ui/mentoring.css';

/** /mentor: the cohorts this mentor follows (a coordinator sees all). */
export function MentorHomePage() {
  return (
    <MentorOnly>
      <MentorHome />
    </MentorOnly>
  );
}

function MentorHome() {
  const { t } = useTranslation();
  usePageTitle(t('mentor.title'));
  const { state, reload } = useCachedApi('/api/cohorts', api.cohorts);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadProblem title={t('mentor.title')} error={state.error} onRetry={reload} />;
  const cohorts = state.data.cohorts;
  return (
    <>
      <h1>{t('mentor.title')}</h1>
      <DataAge fetchedAt={state.fetchedAt} fromCache={state.fromCache} onReload={reload} />
      {cohorts.length === 0 ? (
        <p>{t('mentor.noCohorts')}</p>
      ) : (
        <ul className="card-list">
          {cohorts.map((cohort) => (
            <li key={cohort.id} className="card">
              <h2>
                <Link to={paths.cohort(cohort.id)}>{cohort.name}</Link>
              </h2>
              <p>{t('mentor.cohortLearners', { count: cohort.learners.length })}</p>
              <ul className="inline-links">
                <li>
                  <Link to={paths.cohortQuestions(cohort.id)}>{t('mentor.questionsLink')}</Link>
                </li>
                <li>
                  <Link to={paths.cohortReport(cohort.id)}>{t('mentor.reportLink')}</Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
