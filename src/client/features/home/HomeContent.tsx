import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../content/load';
import { useAllLessons } from '../../db/hooks';
import { currentContentLocale } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { useStudyProgress } from '../../ui/useStudyProgress';
import { paths } from '../../app/paths';
import { HomeView } from './HomeView';

/** The learner's progress on the home page: the catalogue and what this device holds (IndexedDB). */
export function HomeContent() {
  const { i18n } = useTranslation();
  const catalog = useCatalog();
  const lessons = useAllLessons();
  const progress = useStudyProgress(catalog.status === 'ready' ? catalog.data : undefined);
  if (catalog.status === 'error') return <ContentProblem error={catalog.error} homeHref={paths.catalog()} headingLevel={2} />;
  if (catalog.status === 'loading' || !lessons || !progress) return <Loading />;
  return <HomeView catalog={catalog.data} lessons={lessons} progress={progress} locale={currentContentLocale(i18n.language)} />;
}
