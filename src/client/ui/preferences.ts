/*
 * Device preferences (not learning data, so not statements): the text size and the colour
 * theme. Kept in localStorage, applied to <html> before the first render (main.tsx) so every
 * page honours them; for a signed-in person they also follow them to other devices
 * (sync/personSettings.ts).
 */
import { useSyncExternalStore } from 'react';

import {
  TEXT_SIZES as PERSON_TEXT_SIZES,
  THEMES as PERSON_THEMES,
  type TextSize as PersonTextSize,
  type Theme as PersonTheme,
} from '../../shared/person-settings';

export const TEXT_SIZES = PERSON_TEXT_SIZES;
export type TextSize = PersonTextSize;
export const THEMES = PERSON_THEMES;
export type Theme = PersonTheme;

const KEY = 'biblio-study:text-size';
const THEME_KEY = 'biblio-study:theme';
const SCALE: Record<TextSize, string> = { small: '87.5%', normal: '100%', large: '118.75%', 'x-large': '137.5%' };
/** The browser's own bars take this colour (meta theme-color); the same as --theme-color in tokens.css. */
const THEME_COLOR: Record<'light' | 'dark', string> = { light: '#124a7a', dark: '#0d2236' };
const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();
const themeListeners = new Set<() => void>();

function readStored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const value = localStorage.getItem(key);
    return allowed.find((item) => item === value) ?? fallback;
  } catch {
    return fallback;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered, but still applied for this visit.
  }
}

export function getTextSize(): TextSize {
  return readStored(KEY, TEXT_SIZES, 'normal');
}

export function applyTextSize(size: TextSize = getTextSize()): void {
  document.documentElement.style.fontSize = SCALE[size];
  document.documentElement.dataset.textSize = size;
}

export function setTextSize(size: TextSize): void {
  store(KEY, size);
  applyTextSize(size);
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change of the text size; returns the unsubscribe. */
export function onTextSizeChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTextSize(): TextSize {
  return useSyncExternalStore(onTextSizeChange, getTextSize);
}

export function getTheme(): Theme {
  return readStored(THEME_KEY, THEMES, 'system');
}

function deviceIsDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** The theme the page shows: a chosen one, or the device's for 'system'. */
export function shownTheme(theme: Theme = getTheme()): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return deviceIsDark() ? 'dark' : 'light';
}

function applyThemeColor(theme: Theme): void {
  let meta = document.querySelector<HTMLMetaElement>('meta[name="theme-color"]');
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'theme-color';
    document.head.append(meta);
  }
  meta.content = THEME_COLOR[shownTheme(theme)];
}

/**
 * Sets <html data-theme> ('light' or 'dark'; none for 'system', where tokens.css follows
 * prefers-color-scheme) and the browser bar colour.
 */
export function applyTheme(theme: Theme = getTheme()): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  applyThemeColor(theme);
}

export function setTheme(theme: Theme): void {
  store(THEME_KEY, theme);
  applyTheme(theme);
  for (const listener of themeListeners) listener();
}

/** Calls `listener` after every change of the theme; returns the unsubscribe. */
export function onThemeChange(listener: () => void): () => void {
  themeListeners.add(listener);
  return () => themeListeners.delete(listener);
}

export function useTheme(): Theme {
  return useSyncExternalStore(onThemeChange, getTheme);
}

/**
 * Keeps the browser bar colour right when the device switches between light and dark while
 * the theme is 'system' (the page itself follows through CSS). Returns the unsubscribe.
 */
export function followDeviceTheme(): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(DARK_QUERY);
  const onChange = () => {
    if (getTheme() === 'system') applyThemeColor('system');
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
