import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../content/load';
import { useBookmarks, useNotes, useQuizAttempts } from '../../db/hooks';
import { currentContentLocale } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { useStudyProgress } from '../../ui/useStudyProgress';
import { usePageTitle } from '../../ui/usePageTitle';
import { paths } from '../../app/paths';
import { MyLearningView } from './MyLearningView';

export function MyLearningPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('learning.title'));
  const catalog = useCatalog();
  const attempts = useQuizAttempts();
  const notes = useNotes();
  const bookmarks = useBookmarks();
  const progress = useStudyProgress(catalog.status === 'ready' ? catalog.data : undefined);
  if (catalog.status === 'error') return <ContentProblem error={catalog.error} homeHref={paths.home()} />;
  if (catalog.status === 'loading' || !attempts || !notes || !bookmarks || !progress) return <Loading />;
  return (
    <MyLearningView
      catalog={catalog.data}
      progress={progress}
      attempts={attempts}
      notes={notes}
      bookmarks={bookmarks}
      locale={currentContentLocale(i18n.language)}
    />
  );
}
