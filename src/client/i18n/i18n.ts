/*
 * i18next setup. English (the source language) is bundled; every other language is a
 * separate chunk loaded on first use (and precached by the service worker, so switching
 * language works offline too). The language is detected from the browser on the first
 * visit, remembered in localStorage, and mirrored in <html lang>.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from '../../../locales/en/common.json';
import { UI_LOCALES, contentLocaleFor, isUiLocale, type ContentLocale, type UiLocale } from '../../shared/content/locales';

/*
 * Namespaces loaded with the language, before the first render. Competence names are not
 * among them: only the catalogue, module pages and the module cards on Home show them, and
 * each loads them with its own code (`loadCompetenceNames`), so a first visit's first paint
 * never waits for a second request after the app's script.
 */
export const NAMESPACES = ['common'] as const;

/**
 * Strings only some pages need (accounts, mentoring, learning hours) live in their own files
 * and are merged into the `common` namespace when a page that needs them loads, so a
 * learner's first load carries only the learner's strings.
 */
export const STRING_GROUPS = ['people', 'mentor', 'hours'] as const;
export type StringGroup = (typeof STRING_GROUPS)[number];
export const LANGUAGE_STORAGE_KEY = 'biblio-study:language';

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../../locales/*/*.json');

const lazyLocales: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = loaders[`../../../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`no ${namespace} strings for ${language}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** The remembered choice, else the first of the browser's languages we speak, else English. */
export function detectLanguage(): UiLocale {
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (saved && isUiLocale(saved)) return saved;
  } catch {
    // Storage blocked: fall through to the browser's languages.
  }
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isUiLocale(base)) return base;
  }
  return 'en';
}

export async function initI18n(language?: UiLocale): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next
      .use(lazyLocales)
      .use(initReactI18next)
      .init({
        lng: language ?? detectLanguage(),
        resources: { en: { common } },
        partialBundledLanguages: true,
        fallbackLng: 'en',
        supportedLngs: [...UI_LOCALES],
        nonExplicitSupportedLngs: true,
        load: 'languageOnly',
        ns: [...NAMESPACES],
        defaultNS: 'common',
        interpolation: { escapeValue: false },
        // Re-render when a string group arrives (after a language switch, for instance).
        react: { useSuspense: false, bindI18nStore: 'added' },
        saveMissing: import.meta.env.DEV,
        missingKeyHandler: (languages, namespace, key) => {
          if (import.meta.env.DEV) throw new Error(`Missing UI string ${namespace}:${key} for ${languages.join(', ')}`);
        },
      });
    const syncLang = (lng: string) => {
      if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage(lng);
      try {
        localStorage.setItem(LANGUAGE_STORAGE_KEY, currentLanguage(lng));
      } catch {
        // Not remembered across visits, but used for this one.
      }
    };
    syncLang(i18next.language);
    i18next.on('languageChanged', syncLang);
    // A string group that fails to load (offline, not stored yet) leaves the English strings in place.
    i18next.on('languageChanged', (lng) => {
      loadGroupsFor(currentLanguage(lng), [...loadedGroups]).catch(() => undefined);
    });
  }
  return i18next;
}

const loadedGroups = new Set<StringGroup>();

async function loadGroupsFor(language: UiLocale, groups: StringGroup[]): Promise<void> {
  const languages = language === 'en' ? ['en'] : [language, 'en'];
  await Promise.all(
    languages.flatMap((lng) =>
      groups.map(async (group) => {
        if (i18next.hasResourceBundle(lng, `group:${group}`)) return;
        const load = loaders[`../../../locales/${lng}/${group}.json`];
        if (!load) return;
        const strings = (await load()).default;
        i18next.addResourceBundle(lng, 'common', strings, true, true);
        // A marker, so each group is merged once per language.
        i18next.addResourceBundle(lng, `group:${group}`, {}, false, false);
      }),
    ),
  );
}

/** Make the strings of these groups available (call before showing a page that needs them). */
export async function loadStringGroups(groups: StringGroup[]): Promise<void> {
  for (const group of groups) loadedGroups.add(group);
  await loadGroupsFor(currentLanguage(), groups);
}

/** Competence names are only on catalogue and module pages: loaded with them. */
export async function loadCompetenceNames(): Promise<void> {
  await i18next.loadNamespaces('competences');
}

/** The UI language in use, as one of ours. */
export function currentLanguage(language: string = i18next.resolvedLanguage ?? i18next.language ?? 'en'): UiLocale {
  const base = language.split('-')[0] ?? 'en';
  return isUiLocale(base) ? base : 'en';
}

/** The content language for the UI language in use. */
export function currentContentLocale(language?: string): ContentLocale {
  return contentLocaleFor(currentLanguage(language));
}

/** Endonyms: each language named in itself, as a language picker should show them. */
export const LANGUAGE_NAMES: Record<UiLocale, string> = {
  en: 'English',
  lv: 'Latviešu',
  bg: 'Български',
  uk: 'Українська',
  el: 'Ελληνικά',
  it: 'Italiano',
};
