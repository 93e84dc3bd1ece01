import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../content/load';
import { useAllLessons } from '../../db/hooks';
import { currentContentLocale } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { useStudyProgress } from '../../ui/useStudyProgress';
import { usePageTitle } from '../../ui/usePageTitle';
import { paths } from '../../app/paths';
import { HomeView } from './HomeView';

export function HomePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('home.title'));
  const catalog = useCatalog();
  const lessons = useAllLessons();
  const progress = useStudyProgress(catalog.status === 'ready' ? catalog.data : undefined);
  if (catalog.status === 'error') return <ContentProblem error={catalog.error} homeHref={paths.catalog()} />;
  if (catalog.status === 'loading' || !lessons || !progress) return <Loading />;
  return <HomeView catalog={catalog.data} lessons={lessons} progress={progress} locale={currentContentLocale(i18n.language)} />;
}
