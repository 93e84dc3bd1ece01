import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for a page's heading (pages render it once their data is there). */
const WAIT_MS = 5000;

/**
 * Moves focus to the new page's heading after navigation, so keyboard and screen-reader users
 * land on it. Pages render their heading once their data is there, so wait for it (briefly),
 * but never take focus back from a person who has already moved it (pressed Tab, clicked a
 * field) while the page was loading.
 */
export function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // What had focus when the page changed: the link followed (or body once it is gone).
    const before = document.activeElement;
    const movedOn = () => document.activeElement !== before && document.activeElement !== document.body && document.activeElement !== null;
    let frame = 0;
    const deadline = performance.now() + WAIT_MS;
    const tryFocus = () => {
      if (movedOn()) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      } else if (performance.now() < deadline) {
        frame = requestAnimationFrame(tryFocus);
      }
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
}
