import type { Localized } from '../../shared/content/compiled';
import type { ContentLocale } from '../../shared/content/locales';

/** The text in the content language, else English; `lang` says which it is, for the lang attribute. */
export function pick(text: Localized, locale: ContentLocale): { text: string; lang: ContentLocale } {
  const own = text[locale];
  return own === undefined ? { text: text.en, lang: 'en' } : { text: own, lang: locale };
}
