/*
 * Settings that follow a person across devices (text size, colour theme), kept on the server as one xAPI State document
 * (xAPI-Communication.md 2.4) of the person's Agent: not learning events, so not statements.
 * The document is JSON; every field is optional, so an older app that knows fewer settings
 * leaves the others alone (it writes by POST, which merges one level deep).
 * Read on the learner's first page, so it is checked by hand rather than with zod (which
 * would add about 30 KB of compressed JavaScript to that page).
 */

export const TEXT_SIZES = ['small', 'normal', 'large', 'x-large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** 'system' follows the device's light or dark setting (prefers-color-scheme). */
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const PERSON_SETTINGS_STATE_ID = 'settings';

export type PersonSettings = { textSize?: TextSize; theme?: Theme };

const isTextSize = (value: unknown): value is TextSize => (TEXT_SIZES as readonly unknown[]).includes(value);
const isTheme = (value: unknown): value is Theme => (THEMES as readonly unknown[]).includes(value);

/** The activity the app's own State documents are kept under. */
export function appActivityId(xapiBase: string): string {
  return `${xapiBase.replace(/\/+$/, '')}/activities/app`;
}

/** Reads a stored settings document; anything it does not understand is left out. */
export function readPersonSettings(value: unknown): PersonSettings {
  if (typeof value !== 'object' || value === null) return {};
  const { textSize, theme } = value as { textSize?: unknown; theme?: unknown };
  return { ...(isTextSize(textSize) ? { textSize } : {}), ...(isTheme(theme) ? { theme } : {}) };
}
