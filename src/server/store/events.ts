/* Face-to-face events a coordinator creates (learners answer a reaction survey after each): for one cohort or the whole course (cohort null). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { CourseEvent } from '../../shared/mentoring/contract';

export async function createEvent(db: Kysely<Database>, event: Omit<CourseEvent, 'id'>): Promise<CourseEvent> {
  const row = { id: randomUUID(), title: event.title, date: event.date, cohort_id: event.cohortId, created_at: new Date().toISOString() };
  await db.insertInto('course_events').values(row).execute();
  return { id: row.id, title: row.title, date: row.date, cohortId: row.cohort_id };
}

/** Every event (onlyCohorts undefined), or the course-wide ones plus those of these cohorts; by date. */
export async function listEvents(db: Kysely<Database>, onlyCohorts?: string[]): Promise<CourseEvent[]> {
  let query = db.selectFrom('course_events').selectAll().orderBy('date').orderBy('title').orderBy('id');
  if (onlyCohorts) {
    const cohorts = onlyCohorts;
    query = query.where((eb) =>
      cohorts.length ? eb.or([eb('cohort_id', 'is', null), eb('cohort_id', 'in', cohorts)]) : eb('cohort_id', 'is', null),
    );
  }
  return (await query.execute()).map((row) => ({ id: row.id, title: row.title, date: row.date, cohortId: row.cohort_id }));
}
