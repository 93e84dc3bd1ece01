import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../content/load';
import { currentContentLocale } from '../../i18n/i18n';
import { pick } from '../../ui/localized';

/** Module and pathway titles in the mentor's language (falls back to the id while the catalogue loads). */
export function useCourseTitles() {
  const { i18n } = useTranslation();
  const catalog = useCatalog();
  const locale = currentContentLocale(i18n.language);
  return useMemo(() => {
    const data = catalog.status === 'ready' ? catalog.data : undefined;
    const modules = new Map((data?.modules ?? []).map((m) => [m.id, pick(m.title, locale).text]));
    const curricula = new Map((data?.curricula ?? []).map((c) => [c.id, pick(c.title, locale).text]));
    const moduleLangs = new Map((data?.modules ?? []).map((m) => [m.id, pick(m.title, locale).lang]));
    const curriculumLangs = new Map((data?.curricula ?? []).map((c) => [c.id, pick(c.title, locale).lang]));
    return {
      catalog: data,
      module: (id: string) => modules.get(id) ?? id,
      /** The language of a module's title (English where the content language has none), for its lang attribute. */
      moduleLang: (id: string): string | undefined => moduleLangs.get(id),
      curriculum: (id: string) => curricula.get(id) ?? id,
      /** The language of a pathway's title, as moduleLang. */
      curriculumLang: (id: string): string | undefined => curriculumLangs.get(id),
    };
  }, [catalog, locale]);
}
