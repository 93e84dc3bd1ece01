import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCompetenceNames } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { firstPaint, useAfter } from '../../ui/useAfter';

/*
 * The title and the introduction are the first screen (and Lighthouse's largest paint): they
 * show in the app's first render. The learner's progress needs the database code (Dexie) and
 * the catalogue, so it loads once that first screen is painted, below it, and the first
 * page's JavaScript stays small on a slow phone.
 */
const HomeContent = lazy(async () => {
  // Module cards name their competence area.
  const [content] = await Promise.all([import('./HomeContent'), loadCompetenceNames()]);
  return { default: content.HomeContent };
});

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const painted = useAfter(firstPaint);
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {painted ? (
        <Suspense fallback={<Loading />}>
          <HomeContent />
        </Suspense>
      ) : (
        <Loading />
      )}
    </>
  );
}
