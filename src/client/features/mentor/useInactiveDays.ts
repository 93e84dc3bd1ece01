/*
 * The mentor's inactivity threshold for the needs-attention list: a preference of this device
 * (localStorage), not learning data, so no statement and nothing to sync. Without storage the
 * choice still holds for the visit.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_INACTIVE_DAYS, INACTIVE_DAY_CHOICES } from './attention';

const KEY = 'biblio-study:mentor-inactive-days';
const listeners = new Set<() => void>();
let unsaved: number | undefined;

const isChoice = (value: number): boolean => (INACTIVE_DAY_CHOICES as readonly number[]).includes(value);

function read(): number {
  if (unsaved !== undefined) return unsaved;
  try {
    const saved = Number(localStorage.getItem(KEY));
    return isChoice(saved) ? saved : DEFAULT_INACTIVE_DAYS;
  } catch {
    return DEFAULT_INACTIVE_DAYS;
  }
}

export function setInactiveDays(days: number): void {
  if (!isChoice(days)) return;
  try {
    localStorage.setItem(KEY, String(days));
    unsaved = undefined;
  } catch {
    unsaved = days;
  }
  for (const listener of listeners) listener();
}

/** The threshold in days, remembered on this device, and a setter. */
export function useInactiveDays(): [number, (days: number) => void] {
  const days = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
  return [days, setInactiveDays];
}
