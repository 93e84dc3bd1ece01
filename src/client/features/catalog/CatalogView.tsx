import { useState } from 'react';
import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import type { Catalog, SearchEntry } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import { searchEntries } from '../../../shared/content/search';
import type { ModuleProgress } from '../../../shared/learning/progress';
import { paths } from '../../app/paths';
import { pick } from '../../ui/localized';
import { ModuleCard } from '../../ui/ModuleCard';
import { competenceAreaLabel } from '../../ui/competences';
import { areasInCatalog, filterModules } from './filter';
import './CatalogView.css';

type Props = {
  catalog: Catalog;
  progress: Map<string, ModuleProgress>;
  locale: ContentLocale;
  query: string;
  pathway: string;
  area: string;
  searchIndex: SearchEntry[] | undefined;
  searchFailed: boolean;
  onChange: (key: 'q' | 'pathway' | 'area', value: string) => void;
};

const LANGUAGE_LABELS: Record<ContentLocale, string> = { en: 'English', lv: 'Latviešu', bg: 'Български', uk: 'Українська' };
/** Covers loaded at once: as many cards as a wide screen shows in its first row; the rest load on scroll. */
const EAGER_COVERS = 4;

export function CatalogView({ catalog, progress, locale, query, pathway, area, searchIndex, searchFailed, onChange }: Props) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('competences');
  const [draft, setDraft] = useState(query);
  const modules = filterModules(catalog, { pathway, area });
  const visible = new Set(modules.map((m) => m.id));
  const hits = searchIndex && query.trim() ? searchEntries(searchIndex, query).filter((h) => visible.has(h.moduleId)) : [];
  const byId = new Map(catalog.modules.map((m) => [m.id, m]));
  const searching = query.trim() !== '';

  return (
    <>
      <h1>{t('catalog.title')}</h1>
      <form
        role="search"
        className="filters catalog-filters"
        onSubmit={(event) => {
          event.preventDefault();
          onChange('q', draft.trim());
        }}
      >
        <div className="field field--grow">
          <label htmlFor="catalog-search">{t('catalog.searchLabel')}</label>
          <div className="inline-group">
            <input id="catalog-search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
            <button type="submit">{t('catalog.searchAction')}</button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="catalog-pathway">{t('catalog.pathwayLabel')}</label>
          <select id="catalog-pathway" value={pathway} onChange={(e) => onChange('pathway', e.target.value)}>
            <option value="">{t('catalog.allPathways')}</option>
            {catalog.curricula.map((c) => (
              <option key={c.id} value={c.id} lang={pick(c.title, locale).lang}>
                {pick(c.title, locale).text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-area">{t('catalog.areaLabel')}</label>
          <select id="catalog-area" value={area} onChange={(e) => onChange('area', e.target.value)}>
            <option value="">{t('catalog.allAreas')}</option>
            {areasInCatalog(catalog).map((key) => (
              <option key={key} value={key}>
                {competenceAreaLabel(tc, key)}
              </option>
            ))}
          </select>
        </div>
      </form>

      {searching ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('catalog.resultsTitle', { query })}</h2>
          <p role="status">
            {searchFailed
              ? t('catalog.searchUnavailable')
              : searchIndex
                ? t('catalog.resultCount', { count: hits.length })
                : t('common.loading')}
          </p>
          <ul className="card-list">
            {hits.map((hit) => {
              const module = byId.get(hit.moduleId);
              // A hit is in its lesson's (or module's) language: English where the content language has none.
              const lesson = hit.lessonId ? module?.lessons.find((l) => l.id === hit.lessonId) : undefined;
              const hitLang = lesson ? pick(lesson.title, locale).lang : module ? pick(module.title, locale).lang : undefined;
              return (
                <li key={`${hit.moduleId}/${hit.lessonId ?? ''}`} className="card">
                  <h3 lang={hitLang}>
                    <Link to={hit.lessonId ? paths.lesson(hit.moduleId, hit.lessonId) : paths.module(hit.moduleId)}>{hit.title}</Link>
                  </h3>
                  {hit.lessonId && module && (
                    <p className="muted">
                      <Trans
                        i18nKey="catalog.lessonInModule"
                        values={{ module: pick(module.title, locale).text }}
                        components={{ title: <span lang={pick(module.title, locale).lang} /> }}
                      />
                    </p>
                  )}
                  <p lang={hitLang}>{hit.snippet}</p>
                </li>
              );
            })}
          </ul>
          <p>
            <button
              type="button"
              className="button--secondary"
              onClick={() => {
                setDraft('');
                onChange('q', '');
              }}
            >
              {t('catalog.clearSearch')}
            </button>
          </p>
        </section>
      ) : (
        <section aria-labelledby="modules-heading">
          <h2 id="modules-heading">{t('catalog.modulesTitle')}</h2>
          <p role="status">{t('catalog.moduleCount', { count: modules.length })}</p>
          <ul className="card-list module-grid">
            {modules.map((module, index) => {
              const summary = pick(module.summary, locale);
              return (
                <ModuleCard key={module.id} module={module} progress={progress.get(module.id)} locale={locale} eager={index < EAGER_COVERS}>
                  <p lang={summary.lang}>{summary.text}</p>
                  <p className="muted">
                    {t('module.languages')}: {module.languages.map((l) => LANGUAGE_LABELS[l]).join(', ')}
                  </p>
                </ModuleCard>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
