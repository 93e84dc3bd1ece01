import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCatalog, useModuleContent, ContentError } from '../../content/load';
import { useBookmark, useLessonProgress, useModuleLessons, useNote } from '../../db/hooks';
import { currentContentLocale, currentLanguage } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { useStudyProgress } from '../../ui/useStudyProgress';
import { paths } from '../../app/paths';
import { LessonView } from './LessonView';

export function LessonPage() {
  const { moduleId = '', lessonId = '' } = useParams();
  const { i18n } = useTranslation();
  const locale = currentContentLocale(i18n.language);
  const content = useModuleContent(moduleId, locale);
  const progress = useLessonProgress(moduleId, lessonId);
  const note = useNote(moduleId, lessonId);
  const bookmark = useBookmark(moduleId, lessonId);
  const catalog = useCatalog();
  const moduleLessons = useModuleLessons(moduleId);
  const studyProgress = useStudyProgress(catalog.status === 'ready' ? catalog.data : undefined);
  if (content.status === 'error') return <ContentProblem error={content.error} homeHref={paths.catalog()} />;
  if (content.status === 'loading' || progress === undefined || note === undefined || bookmark === undefined) return <Loading />;
  // The module's content came with the catalogue (it names the content's revision), so both are ready here.
  if (catalog.status !== 'ready' || !moduleLessons || !studyProgress) return <Loading />;
  const index = content.data.lessons.findIndex((l) => l.id === lessonId);
  const lesson = content.data.lessons[index];
  if (!lesson) return <ContentProblem error={new ContentError('not-found', lessonId)} homeHref={paths.module(moduleId)} />;
  return (
    <LessonView
      key={`${moduleId}/${lessonId}`}
      module={content.data}
      lesson={lesson}
      index={index}
      progress={progress}
      note={note}
      bookmarked={bookmark !== null}
      uiLanguage={currentLanguage(i18n.language)}
      moduleLessons={moduleLessons}
      studyProgress={studyProgress}
      curricula={catalog.data.curricula}
      contentLocale={locale}
    />
  );
}
