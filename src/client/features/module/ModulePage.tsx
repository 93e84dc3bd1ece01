import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ContentError, useCatalog, useModuleContent } from '../../content/load';
import { useModuleLessons, useQuizAttempts } from '../../db/hooks';
import { currentContentLocale } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { useStudyProgress } from '../../ui/useStudyProgress';
import { paths } from '../../app/paths';
import { ModuleView } from './ModuleView';

export function ModulePage() {
  const { moduleId = '' } = useParams();
  const { i18n } = useTranslation();
  const locale = currentContentLocale(i18n.language);
  const catalog = useCatalog();
  const content = useModuleContent(moduleId, locale);
  const lessons = useModuleLessons(moduleId);
  const attempts = useQuizAttempts(moduleId);
  const progress = useStudyProgress(catalog.status === 'ready' ? catalog.data : undefined);
  if (catalog.status === 'error') return <ContentProblem error={catalog.error} homeHref={paths.catalog()} />;
  if (content.status === 'error') return <ContentProblem error={content.error} homeHref={paths.catalog()} />;
  if (catalog.status === 'loading' || content.status === 'loading' || !lessons || !attempts || !progress) return <Loading />;
  const module = catalog.data.modules.find((m) => m.id === moduleId);
  const moduleProgress = progress.get(moduleId);
  if (!module || !moduleProgress) return <ContentProblem error={new ContentError('not-found', moduleId)} homeHref={paths.catalog()} />;
  return (
    <ModuleView
      catalog={catalog.data}
      module={module}
      content={content.data}
      lessons={lessons}
      attempts={attempts}
      progress={progress}
      locale={locale}
    />
  );
}
