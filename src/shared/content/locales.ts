/** Languages the interface is translated into; English is the source. */
export const UI_LOCALES = ['en', 'lv', 'bg', 'uk', 'el', 'it'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Languages course content is written in; anything else falls back to English. */
export const CONTENT_LOCALES = ['en', 'lv', 'bg', 'uk'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/** Blended-learning hour categories of the BIBLIO course (see modules/curricula.yaml). */
export const HOUR_CATEGORIES = ['face-to-face', 'online', 'project', 'assessment', 'work-based'] as const;
export type HourCategory = (typeof HOUR_CATEGORIES)[number];

export function isUiLocale(value: string): value is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(value);
}

export function isContentLocale(value: string): value is ContentLocale {
  return (CONTENT_LOCALES as readonly string[]).includes(value);
}

/** The content language to show for a UI language: the same one when content exists in it, else English. */
export function contentLocaleFor(uiLocale: string): ContentLocale {
  return isContentLocale(uiLocale) ? uiLocale : 'en';
}
