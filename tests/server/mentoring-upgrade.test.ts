/*
 * Upgrading a database an older server wrote, on both databases: a database migrated only up to
 * 0004 holds a learner's statements and the summary row the older server kept for them (no
 * hours, no cells). Starting the current server runs migrations 0005 and 0006 over that row and
 * the start-up rebuild recomputes it, so the dashboard shows the learner's hours and cells at once.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATABASES, storeInOldDatabase } from './helpers/databases';
import { APP_HEADERS, XAPI_BASE } from './helpers/server';
import { useUpgradedServer } from './helpers/upgrade';
import type { IncomingStatement } from '../../src/server/store/statements';
import { createSession } from '../../src/server/store/users';
import { loadCourse } from '../../src/server/course';
import { addLearner, addMentor, createCohort } from '../../src/server/store/cohorts';
import { SESSION_COOKIE, userAgent } from '../../src/server/auth/principal';
import { buildStatement } from '../../src/shared/xapi/build';
import type { Agent } from '../../src/shared/xapi/types';
import type { JsonObject } from '../../src/shared/xapi/validate';
import type { CohortDashboard } from '../../src/shared/mentoring/contract';

const BEFORE_HOURS = '0005';

describe.each(DATABASES)('upgrading the mentoring summaries on %s', (kind) => {
  let cohortId = '';
  let mentorId = '';
  let learnerId = '';

  const server = useUpgradedServer(kind, {
    before: BEFORE_HOURS,
    write: async (db) => {
      const now = new Date().toISOString();
      const person = (login: string, role: 'learner' | 'mentor') => ({
        id: randomUUID(),
        login,
        name: `${login} name`,
        role,
        password_hash: 'not used',
        created_at: now,
      });
      const learner = person('lena', 'learner');
      const mentor = person('marek', 'mentor');
      await db.insertInto('users').values([learner, mentor]).execute();
      learnerId = learner.id;
      mentorId = mentor.id;
      cohortId = (await createCohort(db, 'Old cohort')).id;
      await addLearner(db, cohortId, learner.id);
      await addMentor(db, cohortId, mentor.id);
      const agent = userAgent(XAPI_BASE, learner) as Agent;
      const at = new Date(Date.now() - 3_600_000).toISOString();
      const env = () => ({ base: XAPI_BASE, actor: agent, id: randomUUID(), timestamp: at });
      const lesson = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en', lessonId: 'recognising-scam-messages' };
      const statements = [
        buildStatement.readingProgress(env(), lesson, 100, 1_800_000),
        buildStatement.completedLesson(env(), lesson),
        buildStatement.loggedHours(env(), { category: 'work-based', hours: 6, date: at.slice(0, 10), description: 'Help desk' }),
      ];
      await storeInOldDatabase(db, {
        kind,
        statements: statements as unknown as IncomingStatement[],
        writer: { authority: agent as JsonObject, mayVoid: 'nobody', mayReview: 'nobody' },
      });
      // The row the older server kept for the same course: no hours or cells columns yet, the catalogue's fingerprint alone.
      await sql`insert into learner_summaries (learner_id, last_sync_at, last_activity_at, hours_waiting_since, modules, course_fingerprint, updated_at)
        values (${learner.id}, ${now}, ${at}, ${at}, '[]', ${loadCourse().fingerprint}, ${now})`.execute(db);
    },
  });

  it('migrates the old row and recomputes it at start: hours, cells and totals appear', async () => {
    const app = server().app;
    const session = await createSession(server().context.store.db, mentorId, 1);
    const response = await app.inject({
      method: 'GET',
      url: `/api/cohorts/${cohortId}/dashboard`,
      headers: { cookie: `${SESSION_COOKIE}=${session.token}`, ...APP_HEADERS },
    });
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json<CohortDashboard>();
    const learner = dashboard.learners.find((l) => l.id === learnerId);
    expect(learner?.hours).toEqual({ approved: { online: 0.5 }, pending: { 'work-based': 6 } });
    expect(learner?.secondsSpent).toBe(1800);
    expect(Object.keys(learner?.pathways ?? {}).length).toBe(server().context.course.catalog.curricula.length);
    expect(dashboard.cells).toHaveLength(dashboard.modules.length);
    expect(dashboard.cells.find((c) => c.moduleId === 'online-safety')).toMatchObject({ status: 'in-progress', lessonsCompleted: 1 });
    expect(dashboard.attention.filter((a) => a.learnerId === learnerId).map((a) => a.reason)).toEqual(['hours-waiting']);
  });
});
