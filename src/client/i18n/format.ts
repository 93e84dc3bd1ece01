/** Dates, numbers and durations in the learner's language, through Intl. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { currentLanguage } from './i18n';

// Intl formatters are costly to build (a grid page formats thousands of values): one per locale and style.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export type Format = ReturnType<typeof makeFormat>;

/**
 * The locale dates and numbers are written in: the person's own regional variant when the
 * browser names one of the UI language (en-GB writes "6 Dec 2026", en-US "Dec 6, 2026"),
 * else the UI language itself, so a Latvian page never mixes in English-style dates.
 */
export function formattingLocale(uiLanguage: string, browserLanguages: readonly string[]): string {
  // Asking Intl which locales it supports is slow the first time (tens of milliseconds on a
  // phone), and every component that formats asks on each render: asked once per pair.
  const key = `${uiLanguage}\u0000${browserLanguages.join(',')}`;
  let locale = formattingLocales.get(key);
  if (locale === undefined) formattingLocales.set(key, (locale = findFormattingLocale(uiLanguage, browserLanguages)));
  return locale;
}

const formattingLocales = new Map<string, string>();

function findFormattingLocale(uiLanguage: string, browserLanguages: readonly string[]): string {
  const family = uiLanguage.toLowerCase().split('-')[0];
  for (const tag of browserLanguages) {
    if (tag.toLowerCase().split('-')[0] !== family) continue;
    try {
      return Intl.DateTimeFormat.supportedLocalesOf(tag)[0] ?? uiLanguage;
    } catch {
      // A malformed tag from the browser: try the next one.
    }
  }
  return uiLanguage;
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];

/**
 * The locale is found on first use, not when a component renders: a page that formats nothing
 * (Home on a first visit) never asks Intl, and its first paint does not wait for Intl's data.
 */
function makeFormat(uiLanguage: string, t: TFunction) {
  let found: string | undefined;
  const locale = () => (found ??= formattingLocale(uiLanguage, browserLanguages()));
  return {
    get locale(): string {
      return locale();
    },
    date: (iso: string) => dateFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso)),
    dateTime: (iso: string) => dateFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    percent: (fraction: number) => numberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction),
    number: (value: number) => numberFormat(locale(), {}).format(value),
    /** Study time: "1 h 20 min" style, from i18n strings so each language words it itself. */
    duration: (seconds: number) => {
      const minutes = Math.round(seconds / 60);
      if (minutes < 60) return t('time.minutes', { count: minutes });
      return t('time.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
    },
    bytes: (value: number) => {
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
      let amount = value;
      let unit = 0;
      while (amount >= 1000 && unit < units.length - 1) {
        amount /= 1000;
        unit += 1;
      }
      return numberFormat(locale(), { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(amount);
    },
  };
}

/** The formatters of the current language; the same object until the language changes. */
export function useFormat(): Format {
  const { i18n, t } = useTranslation();
  const uiLanguage = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => makeFormat(uiLanguage, t), [uiLanguage, t]);
}
