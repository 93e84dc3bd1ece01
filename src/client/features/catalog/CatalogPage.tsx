import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCatalog, useSearchIndex } from '../../content/load';
import { currentContentLocale } from '../../i18n/i18n';
import { Loading } from '../../ui/Loading';
import { ContentProblem } from '../../ui/ContentProblem';
import { useStudyProgress } from '../../ui/useStudyProgress';
import { usePageTitle } from '../../ui/usePageTitle';
import { paths } from '../../app/paths';
import { CatalogView } from './CatalogView';

export function CatalogPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('catalog.title'));
  const [params, setParams] = useSearchParams();
  const locale = currentContentLocale(i18n.language);
  const query = params.get('q') ?? '';
  const catalog = useCatalog();
  const index = useSearchIndex(locale, query.trim() !== '');
  const progress = useStudyProgress(catalog.status === 'ready' ? catalog.data : undefined);
  if (catalog.status === 'error') return <ContentProblem error={catalog.error} homeHref={paths.home()} />;
  if (catalog.status === 'loading' || !progress) return <Loading />;

  const update = (key: 'q' | 'pathway' | 'area', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <CatalogView
      catalog={catalog.data}
      progress={progress}
      locale={locale}
      query={query}
      pathway={params.get('pathway') ?? ''}
      area={params.get('area') ?? ''}
      searchIndex={index.status === 'ready' ? index.data : undefined}
      searchFailed={index.status === 'error'}
      onChange={update}
    />
  );
}
