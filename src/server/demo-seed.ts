/*
 * `npm run demo`: seeds the configured database (DATA_DIR / DATABASE_URL, as `npm start`) with
 * a coordinator, a mentor, a cohort of 30 learners with varied progress over the real course
 * (stars, steady learners, some who failed a quiz twice, some inactive for weeks, a few who
 * never started), assignments waiting / returned / accepted with comments, logged hours
 * approved and waiting, module and event survey answers with comments. Refuses (exit code 1)
 * when the demo mentor already exists, so it never doubles the data; it prints the logins
 * either way. Demo passwords are printed: do not run it on a production database.
 */
import { ConfigError, loadConfig } from './config';
import { openStore, type Store } from './store/database';
import { findUserByLogin } from './store/users';
import { addLearner, addMentor, createCohort } from './store/cohorts';
import { createEvent } from './store/events';
import { loadCourse, type Course } from './course';
import { insertPeople, learnerHistory, profileOf, storeHistory } from './fixtures';
import { seededRandom } from '../shared/random';
import { buildStatement } from '../shared/xapi/build';
import { randomUUID } from 'node:crypto';

export const DEMO_LOGINS = {
  coordinator: { login: 'demo-coordinator', password: 'demo-coordinator-pass' },
  mentor: { login: 'demo-mentor', password: 'demo-mentor-pass' },
  learners: { login: 'demo-learner-01 .. demo-learner-30', password: 'demo-learner-pass' },
};

/** Whole names per country, so a first name never meets a surname of another language. */
const NAMES = [
  [
    'Anna Ozola',
    'Ivars Bērziņš',
    'Dace Kalniņa',
    'Jānis Liepiņš',
    'Ilze Krūmiņa',
    'Līga Vītola',
    'Andris Ozoliņš',
    'Inese Jansone',
    'Mārtiņš Zariņš',
    'Kristīne Eglīte',
  ],
  [
    'Marija Petrova',
    'Petar Dimitrov',
    'Elena Georgieva',
    'Georgi Ivanov',
    'Desislava Koleva',
    'Nikolay Todorov',
    'Ralitsa Stoyanova',
    'Ivan Hristov',
    'Milena Nikolova',
    'Stoyan Popov',
  ],
  [
    'Olena Kovalenko',
    'Taras Shevchenko',
    'Oksana Bondarenko',
    'Iryna Tkachenko',
    'Andrii Melnyk',
    'Nataliia Kravchenko',
    'Serhii Boiko',
    'Yuliia Savchenko',
    'Dmytro Lysenko',
    'Halyna Moroz',
  ],
];

/** The i-th demo learner's name: Latvian, Bulgarian and Ukrainian librarians in turn. */
export const demoLearnerName = (i: number): string => NAMES[i % NAMES.length]?.[Math.floor(i / NAMES.length) % 10] ?? `Learner ${i + 1}`;

export type DemoResult = { seeded: boolean; cohortId: string | null; learners: number; statements: number };

export async function seedDemo(store: Store, xapiBase: string, course: Course = loadCourse(), now = Date.now()): Promise<DemoResult> {
  const db = store.db;
  if (await findUserByLogin(db, DEMO_LOGINS.mentor.login)) return { seeded: false, cohortId: null, learners: 0, statements: 0 };
  const deps = { xapiBase, course };
  const random = seededRandom(2026);
  await insertPeople(
    db,
    xapiBase,
    [{ login: DEMO_LOGINS.coordinator.login, name: 'Dace Ozola (coordinator)', role: 'coordinator' }],
    DEMO_LOGINS.coordinator.password,
  );
  const [mentor] = await insertPeople(
    db,
    xapiBase,
    [{ login: DEMO_LOGINS.mentor.login, name: 'Ivo Kalniņš (mentor)', role: 'mentor' }],
    DEMO_LOGINS.mentor.password,
  );
  if (!mentor) throw new Error('The demo mentor was not created.');
  const cohort = await createCohort(db, 'Demo cohort: libraries in Latvia, Bulgaria and Ukraine');
  await addMentor(db, cohort.id, mentor.id);
  const learners = await insertPeople(
    db,
    xapiBase,
    Array.from({ length: 30 }, (_, i) => ({
      login: `demo-learner-${String(i + 1).padStart(2, '0')}`,
      name: demoLearnerName(i),
      role: 'learner' as const,
    })),
    DEMO_LOGINS.learners.password,
  );
  const event = await createEvent(db, {
    title: 'Face-to-face seminar: helping patrons with e-services',
    date: new Date(now - 9 * 86_400_000).toISOString().slice(0, 10),
    cohortId: cohort.id,
  });
  // Study order: the first pathway's modules, then the rest of the catalogue.
  const first = course.catalog.curricula[0]?.modules ?? [];
  const ordered = [
    ...first.flatMap((id) => course.catalog.modules.filter((m) => m.id === id)),
    ...course.catalog.modules.filter((m) => !first.includes(m.id)),
  ];
  let statements = 0;
  for (const [index, learner] of learners.entries()) {
    await addLearner(db, cohort.id, learner.id);
    const profile = profileOf(index);
    const made = learnerHistory({
      base: xapiBase,
      learner: { profile, agent: learner.agent },
      mentor: mentor.agent,
      modules: ordered,
      questionIds: course.questionIds,
      ...(course.quizzes ? { quizzes: course.quizzes } : {}),
      now,
      random,
    });
    if (profile !== 'new' && profile !== 'inactive' && random() < 0.7) {
      const score = () => (3 + Math.floor(random() * 3)) as 3 | 4 | 5;
      made.learner.push(
        buildStatement.surveyResponse(
          {
            base: xapiBase,
            actor: learner.agent,
            id: randomUUID(),
            timestamp: new Date(now - (8 - random() * 3) * 86_400_000).toISOString(),
          },
          { eventId: event.id },
          { relevant: score(), useful: score(), willUse: score(), overall: score() },
          random() < 0.5
            ? ([
                'Great to meet colleagues from other libraries.',
                'Practical exercises were the best part.',
                'Більше практики, будь ласка.',
              ][index % 3] ?? '')
            : '',
        ),
      );
    }
    statements += made.learner.length + made.reviews.length;
    await storeHistory(store, deps, learner.agent, mentor.agent, made);
  }
  return { seeded: true, cohortId: cohort.id, learners: learners.length, statements };
}

export async function runDemo(env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      out(`Configuration error: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
  try {
    const result = await seedDemo(store, config.xapiBase);
    out(
      result.seeded
        ? `Demo data added to ${store.location}: 1 coordinator, 1 mentor, ${result.learners} learners, ${result.statements} statements.`
        : `The demo is already seeded in ${store.location} (the login "${DEMO_LOGINS.mentor.login}" exists); nothing was added.`,
    );
    out('');
    out('Sign in at http://localhost:8080 (npm start) with:');
    out(`  mentor       ${DEMO_LOGINS.mentor.login.padEnd(34)} password: ${DEMO_LOGINS.mentor.password}`);
    out(`  coordinator  ${DEMO_LOGINS.coordinator.login.padEnd(34)} password: ${DEMO_LOGINS.coordinator.password}`);
    out(`  learners     ${DEMO_LOGINS.learners.login.padEnd(34)} password: ${DEMO_LOGINS.learners.password}`);
    return result.seeded ? 0 : 1;
  } finally {
    await store.close();
  }
}
