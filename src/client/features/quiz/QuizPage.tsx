import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useModuleContent, ContentError } from '../../content/load';
import { useQuizAttempts } from '../../db/hooks';
import { currentContentLocale, currentLanguage } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { paths } from '../../app/paths';
import { QuizView } from './QuizView';

export function QuizPage() {
  const { moduleId = '' } = useParams();
  const { i18n } = useTranslation();
  const content = useModuleContent(moduleId, currentContentLocale(i18n.language));
  const attempts = useQuizAttempts(moduleId);
  if (content.status === 'error') return <ContentProblem error={content.error} homeHref={paths.catalog()} />;
  if (content.status === 'loading' || !attempts) return <Loading />;
  if (!content.data.quiz)
    return <ContentProblem error={new ContentError('not-found', `${moduleId}/quiz`)} homeHref={paths.module(moduleId)} />;
  return <QuizView module={content.data} quiz={content.data.quiz} attempts={attempts} uiLanguage={currentLanguage(i18n.language)} />;
}
