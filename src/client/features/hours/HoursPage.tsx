import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hoursEntries } from '../../../shared/mentoring/hours';
import { useCatalog } from '../../content/load';
import { useModuleActivity } from '../../db/hooks';
import { useUnscopedStatements } from '../../db/mentoringHooks';
import { useReviewers } from '../../ui/useReviewers';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { paths } from '../../app/paths';
import { usePageTitle } from '../../ui/usePageTitle';
import { HoursForm } from './HoursForm';
import { HoursProgress } from './HoursProgress';
import { HoursList } from './HoursList';
import { EventSurveys } from './EventSurveys';

/** /hours: log learning hours, see each entry's review, and progress against the pathway's requirements. */
export function HoursPage() {
  const { t } = useTranslation();
  usePageTitle(t('hours.title'));
  const catalog = useCatalog();
  const statements = useUnscopedStatements();
  const activity = useModuleActivity();
  const reviewers = useReviewers(statements);
  // A review counts only when its author may review this learner, as on the server.
  const entries = useMemo(() => (statements && reviewers ? hoursEntries(statements, reviewers) : undefined), [statements, reviewers]);
  const [curriculumId, setCurriculumId] = useState<string>();
  if (catalog.status === 'error') return <ContentProblem error={catalog.error} homeHref={paths.home()} />;
  if (catalog.status === 'loading' || !entries || !activity) return <Loading />;
  const onlineSeconds = activity.reduce((sum, m) => sum + m.secondsSpent, 0);
  const curriculum = catalog.data.curricula.find((c) => c.id === curriculumId) ?? catalog.data.curricula[0];
  return (
    <>
      <h1>{t('hours.title')}</h1>
      <p className="lead">{t('hours.intro')}</p>
      {curriculum && (
        <HoursProgress
          curricula={catalog.data.curricula}
          curriculum={curriculum}
          onCurriculum={setCurriculumId}
          entries={entries}
          onlineSeconds={onlineSeconds}
        />
      )}
      <HoursForm />
      <HoursList entries={entries} />
      <EventSurveys />
    </>
  );
}
