import { HOUR_CATEGORIES, type HourCategory } from '../../../shared/content/locales';
import type { HoursInput } from '../../db/mentoring';

export const MIN_HOURS = 0.25;
export const MAX_HOURS = 24;

/** The categories a learner logs by hand: online study is measured by the app. */
export const LOGGED_CATEGORIES = HOUR_CATEGORIES.filter((c): c is Exclude<HourCategory, 'online'> => c !== 'online');

export type HoursForm = { date: string; category: string; hours: string; description: string };
export type HoursProblem = 'dateMissing' | 'dateFuture' | 'categoryMissing' | 'hoursRange' | 'descriptionMissing';
export type HoursErrors = Partial<Record<keyof HoursForm, HoursProblem>>;

/** The local calendar day, YYYY-MM-DD, as a date input gives it. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks a hours entry as typed; returns the entry, or what is wrong with each field. */
export function validateHours(form: HoursForm, today: string): { entry: HoursInput } | { errors: HoursErrors } {
  const errors: HoursErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.date = 'dateMissing';
  else if (form.date > today) errors.date = 'dateFuture';
  const category = LOGGED_CATEGORIES.find((c) => c === form.category);
  if (!category) errors.category = 'categoryMissing';
  const hours = Number(form.hours.replace(',', '.'));
  if (!form.hours.trim() || !Number.isFinite(hours) || hours < MIN_HOURS || hours > MAX_HOURS) errors.hours = 'hoursRange';
  if (!form.description.trim()) errors.description = 'descriptionMissing';
  if (Object.keys(errors).length || !category) return { errors };
  return { entry: { date: form.date, category, hours, description: form.description.trim() } };
}
