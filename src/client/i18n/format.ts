/** Dates, numbers and durations in the learner's language, through Intl. */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n';

export function useFormat() {
  const { i18n, t } = useTranslation();
  const locale = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  return {
    locale,
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    dateTime: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    percent: (fraction: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
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
      return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(
        amount,
      );
    },
  };
}
