/*
 * How a server process notices that the course changed. `courseStamp` reads the modules and
 * pathways tables cheaply (two small queries); `CourseCheck` reads it at most once per
 * COURSE_CHECK_MS per process and shares that one reading between the course the mentor views
 * use (course.ts) and the content served under /content/ (content.ts), so a busy server does
 * not pay two queries on every request. An import, a retirement or new pathways made by
 * another process on the same database (or by the CLI) shows within COURSE_CHECK_MS; one made
 * through service.ts in this process (`noteCourseWrite`) shows at the next request.
 */
import type { Store } from '../store/database';

/** How long a process trusts the stamp it last read. */
export const COURSE_CHECK_MS = 1000;

/**
 * What the modules and pathways tables look like now, read cheaply: a change (an import, a
 * retirement, new pathways) means the course and the content served from it must be read again.
 */
export async function courseStamp(store: Store): Promise<string> {
  const modules = await store.db.selectFrom('course_modules').select(['id', 'version', 'imported_at', 'retired']).orderBy('id').execute();
  const pathways = await store.db.selectFrom('course_curricula').select(['id', 'updated_at']).orderBy('position').execute();
  return JSON.stringify([modules, pathways]);
}

/** How many course changes this process has stored through each store. */
const writes = new WeakMap<Store, number>();

/** Says that this process changed the course through `store`: its next check reads the stamp again. */
export function noteCourseWrite(store: Store): void {
  writes.set(store, (writes.get(store) ?? 0) + 1);
}

export type CourseCheckOptions = {
  /** How long a stamp read is trusted; COURSE_CHECK_MS unless a test or benchmark says otherwise. */
  everyMs?: number;
  /** The clock, in milliseconds; a test can hold it still or move it on. */
  now?: () => number;
};

/** The course stamp of one process, read again only when it is `everyMs` old or this process changed the course. */
export class CourseCheck {
  readonly #store: Store;
  readonly #everyMs: number;
  readonly #now: () => number;
  #last: { at: number; writes: number; stamp: Promise<string> } | undefined;

  constructor({ store, everyMs = COURSE_CHECK_MS, now = Date.now }: { store: Store } & CourseCheckOptions) {
    this.#store = store;
    this.#everyMs = everyMs;
    this.#now = now;
  }

  /** The stamp now, as far as this process needs to know; requests at the same moment share one read. */
  stamp(): Promise<string> {
    const at = this.#now();
    const written = writes.get(this.#store) ?? 0;
    const last = this.#last;
    if (last && last.writes === written && at - last.at < this.#everyMs) return last.stamp;
    const stamp = courseStamp(this.#store);
    const reading = { at, writes: written, stamp };
    this.#last = reading;
    // A failed read is not kept: the next request reads again (the caller hears of the failure).
    stamp.catch(() => {
      if (this.#last === reading) this.#last = undefined;
    });
    return stamp;
  }
}
