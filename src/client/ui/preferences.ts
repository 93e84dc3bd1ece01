/*
 * Device preferences (not learning data, so not statements): the text size. Kept in
 * localStorage, applied to <html> so every page honours it.
 */
import { useSyncExternalStore } from 'react';

export const TEXT_SIZES = ['small', 'normal', 'large', 'x-large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const KEY = 'biblio-study:text-size';
const SCALE: Record<TextSize, string> = { small: '87.5%', normal: '100%', large: '118.75%', 'x-large': '137.5%' };
const listeners = new Set<() => void>();

export function getTextSize(): TextSize {
  try {
    const value = localStorage.getItem(KEY);
    return (TEXT_SIZES as readonly string[]).includes(value ?? '') ? (value as TextSize) : 'normal';
  } catch {
    return 'normal';
  }
}

export function applyTextSize(size: TextSize = getTextSize()): void {
  document.documentElement.style.fontSize = SCALE[size];
  document.documentElement.dataset.textSize = size;
}

export function setTextSize(size: TextSize): void {
  try {
    localStorage.setItem(KEY, size);
  } catch {
    // Not remembered, but still applied for this visit.
  }
  applyTextSize(size);
  for (const listener of listeners) listener();
}

export function useTextSize(): TextSize {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getTextSize);
}
