import { useDeferredValue, useMemo } from 'react';
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
  const ready = useMemo(
    () => (catalog.status === 'ready' && lessons && progress ? { catalog: catalog.data, lessons, progress } : undefined),
    [catalog, lessons, progress],
  );
  // The database's answers arrive as urgent updates; the page they fill (every module card) is
  // rendered as a transition instead, in slices that leave a slow phone's main thread free.
  const shown = useDeferredValue(ready);
  if (catalog.status === 'error') return <ContentProblem error={catalog.error} homeHref={paths.catalog()} headingLevel={2} />;
  if (!shown) return <Loading />;
  return (
    <HomeView catalog={shown.catalog} lessons={shown.lessons} progress={shown.progress} locale={currentContentLocale(i18n.language)} />
  );
}
