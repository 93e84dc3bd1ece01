import { useEffect, useState } from 'react';
import { afterPageLoad, nextIdle } from '../content/idle';

/*
 * Moments in a page's start that a part of the screen may wait for, so its code and data do not
 * compete with the first screen on a slow phone. Each moment is reached once per page load; from
 * then on it stays reached, and later pages render everything at once.
 */
export type Moment = {
  /** Whether the moment has been reached (read during render, so a remount starts ready). */
  readonly reached: boolean;
  /** Resolves when the moment is reached (the same promise for every caller). */
  wait(): Promise<void>;
};

function moment(until: () => Promise<void>): Moment {
  let reached = false;
  let waiting: Promise<void> | undefined;
  return {
    get reached() {
      return reached;
    },
    wait() {
      waiting ??= until().then(() => {
        reached = true;
      });
      return waiting;
    },
  };
}

/** Resolves after the next frame has been painted (a timer where there are no frames). */
function afterNextPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    // A frame callback runs before that frame's paint; a task queued from it runs after.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/**
 * The app's first screen has been painted: a part of a page that needs more code or data than
 * that screen (the learner's progress on Home, which needs the database code) starts after it.
 */
export const firstPaint: Moment = moment(afterNextPaint);

/**
 * The page has loaded and the browser has since been idle once: parts of the shell that a first
 * screen does not need (the sync indicator, the service worker's registration) start then, so
 * their code does not run in the same task as the page's own next step.
 */
export const loadAndIdle: Moment = moment(() => afterPageLoad().then(nextIdle));

/** Whether `when` has been reached; re-renders the component once it is. */
export function useAfter(when: Moment): boolean {
  const [ready, setReady] = useState(when.reached);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    when.wait().then(
      () => {
        if (mounted) setReady(true);
      },
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [ready, when]);
  return ready;
}
