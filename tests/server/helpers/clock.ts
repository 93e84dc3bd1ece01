/*
 * A clock for a server process's course check (src/server/modules/course-check.ts) that stands
 * still until the test moves it on, so a test says when the process's second has passed
 * instead of sleeping through it.
 */
import { COURSE_CHECK_MS } from '../../../src/server/modules/course-check';

export type HeldClock = {
  now: () => number;
  /** Moves the clock on by the course check's interval: the process looks at the course again at its next request. */
  passCourseCheck: () => void;
};

export function heldClock(): HeldClock {
  let ms = Date.now();
  return {
    now: () => ms,
    passCourseCheck: () => {
      ms += COURSE_CHECK_MS;
    },
  };
}
