import { useCallback, useEffect, useRef } from 'react';

/** Counts as active only while the page is visible and the learner did something in the last minute. */
const IDLE_AFTER_MS = 60_000;
const TICK_MS = 5_000;

/**
 * Measures active study time (not time a tab sat open). `take()` returns the milliseconds
 * accrued since the last call and starts counting afresh.
 */
export function useActiveTime(): { take: () => number } {
  const accrued = useRef(0);
  const lastInput = useRef(0);
  const lastTick = useRef(0);

  useEffect(() => {
    lastInput.current = Date.now();
    lastTick.current = Date.now();
    const mark = () => {
      lastInput.current = Date.now();
    };
    const tick = () => {
      const now = Date.now();
      const visible = document.visibilityState === 'visible';
      if (visible && now - lastInput.current < IDLE_AFTER_MS) accrued.current += now - lastTick.current;
      lastTick.current = now;
    };
    const events = ['scroll', 'keydown', 'pointerdown', 'pointermove', 'touchstart', 'wheel'] as const;
    for (const event of events) window.addEventListener(event, mark, { passive: true });
    document.addEventListener('visibilitychange', tick);
    const interval = window.setInterval(tick, TICK_MS);
    return () => {
      for (const event of events) window.removeEventListener(event, mark);
      document.removeEventListener('visibilitychange', tick);
      window.clearInterval(interval);
    };
  }, []);

  const take = useCallback(() => {
    const now = Date.now();
    if (document.visibilityState === 'visible' && now - lastInput.current < IDLE_AFTER_MS) accrued.current += now - lastTick.current;
    lastTick.current = now;
    const value = accrued.current;
    accrued.current = 0;
    return value;
  }, []);
  return { take };
}
