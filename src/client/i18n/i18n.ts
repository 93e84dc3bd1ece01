/*
 * i18next setup. English (the source language) is bundled; every other language is a
 * separate chunk loaded on first use (and precached by the service worker, so switching
 * language works offline too). The language is detected from the browser on the first
 * visit, remembered in localStorage, and mirrored in <html lang>.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from '../../../locales/en/common.json';
import competences from '../../../locales/en/competences.json';
import { UI_LOCALES, contentLocaleFor, isUiLocale, type ContentLocale, type UiLocale } from '../../shared/content/locales';

export const NAMESPACES = ['common', 'competences'] as const;
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
        resources: { en: { common, competences } },
        partialBundledLanguages: true,
        fallbackLng: 'en',
        supportedLngs: [...UI_LOCALES],
        nonExplicitSupportedLngs: true,
        load: 'languageOnly',
        ns: [...NAMESPACES],
        defaultNS: 'common',
        interpolation: { escapeValue: false },
        react: { useSuspense: false },
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
  }
  return i18next;
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
