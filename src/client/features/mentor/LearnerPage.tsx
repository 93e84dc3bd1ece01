import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Loading } from '../../ui/Loading';
import { useCachedApi } from '../../ui/useCachedApi';
import { useOwnReviews } from '../../db/mentoringHooks';
import { LearnerView } from './LearnerView';
import { LoadProblem } from './LoadProblem';
import { MentorOnly } from './MentorOnly';
import '../../ui/mentoring.css';

/** /mentor/learners/:learnerId: one learner's report, with the mentor's own reviews from this device. */
export function LearnerPage() {
  return (
    <MentorOnly>
      <LearnerData />
    </MentorOnly>
  );
}

function LearnerData() {
  const { t } = useTranslation();
  const { learnerId = '' } = useParams();
  const { state, reload } = useCachedApi(`/api/learners/${learnerId}/report`, () => api.learnerReport(learnerId));
  const ownReviews = useOwnReviews();
  if (state.status === 'loading' || !ownReviews) return <Loading />;
  if (state.status === 'error') return <LoadProblem title={t('mentor.learnerTitle')} error={state.error} onRetry={reload} />;
  return (
    <LearnerView report={state.data} ownReviews={ownReviews} fetchedAt={state.fetchedAt} fromCache={state.fromCache} onReload={reload} />
  );
}
