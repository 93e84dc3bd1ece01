import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCatalog, useModuleContent, ContentError } from '../../content/load';
import { useOpenQuizAttempt, useQuizAttempts } from '../../db/hooks';
import { useQuizStep } from '../../db/quizStep';
import { currentContentLocale, currentLanguage } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { useStudyProgress } from '../../ui/useStudyProgress';
import { paths } from '../../app/paths';
import { QuizView } from './QuizView';

export function QuizPage() {
  const { moduleId = '' } = useParams();
  const { i18n } = useTranslation();
  const content = useModuleContent(moduleId, currentContentLocale(i18n.language));
  const attempts = useQuizAttempts(moduleId);
  const openAttempt = useOpenQuizAttempt(moduleId);
  const quizStep = useQuizStep(moduleId);
  // For what passing the quiz completes: the module, and perhaps a pathway.
  const catalog = useCatalog();
  const studyProgress = useStudyProgress(catalog.status === 'ready' ? catalog.data : undefined);
  if (content.status === 'error') return <ContentProblem error={content.error} homeHref={paths.catalog()} />;
  if (content.status === 'loading' || !attempts || quizStep === undefined || catalog.status !== 'ready' || !studyProgress)
    return <Loading />;
  if (!content.data.quiz)
    return <ContentProblem error={new ContentError('not-found', `${moduleId}/quiz`)} homeHref={paths.module(moduleId)} />;
  return (
    <QuizView
      module={content.data}
      quiz={content.data.quiz}
      attempts={attempts}
      openAttempt={openAttempt ?? null}
      quizStep={quizStep}
      uiLanguage={currentLanguage(i18n.language)}
      curricula={catalog.data.curricula}
      studyProgress={studyProgress}
    />
  );
}
