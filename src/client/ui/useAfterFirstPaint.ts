import { useEffect, useState } from 'react';

/*
 * Whether the app's first screen has been painted. A part of a page that needs more code or
 * data than its first screen (the learner's progress on Home, which needs the database code)
 * waits for this, so its requests start after the first paint instead of competing with it
 * on a slow connection. Once painted, it stays true: later pages render everything at once.
 */
let painted = false;
let paint: Promise<void> | undefined;

/** Resolves after the next frame has been painted (a timer where there are no frames). */
function afterNextPaint(): Promise<void> {
  paint ??= new Promise<void>((resolve) => {
    const done = () => {
      painted = true;
      resolve();
    };
    // A frame callback runs before that frame's paint; a task queued from it runs after.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
    else setTimeout(done, 0);
  });
  return paint;
}

export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    afterNextPaint().then(
      () => {
        if (mounted) setReady(true);
      },
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [ready]);
  return ready;
}
