/*
 * Generated cohorts for the demo (`npm run demo`: 30 learners over the real course) and the
 * dashboard benchmark (1,000 learners x 38 synthetic modules). Every learning fact is made with
 * the app's own statement builders (shared/xapi/build.ts) and stored through storeStatements
 * with the summary hook, exactly as a sync would: the learner's statements with the learner as
 * authority, the mentor's reviews with the mentor as authority. Randomness is seeded, so a
 * seed gives the same cohort shape every time.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from './store/database';
import type { Database } from './store/schema';
import { storeStatements, type IncomingStatement } from './store/statements';
import { summaryHook } from './store/summaries';
import { addLearner, addMentor, createCohort } from './store/cohorts';
import { hashPassword } from './auth/password';
import { userAgent } from './auth/principal';
import { makeCourse, type Course } from './course';
import type { CatalogModule, QuizQuestion } from '../shared/content/compiled';
import { drawQuestions, encodeResponse, isCorrect, type QuizResponse } from '../shared/learning/quiz';
import type { HourCategory } from '../shared/content/locales';
import { buildStatement, type StatementEnv, type SurveyAnswers } from '../shared/xapi/build';
import type { Agent, Statement } from '../shared/xapi/types';
import type { JsonObject } from '../shared/xapi/validate';
import { agentKey } from '../shared/xapi/canonical';
import { seededRandom } from '../shared/random';

const DAY = 86_400_000;

/**
 * What a learner answered to a real question: the right answer when `right`, otherwise a
 * plausible mistake — usually the same one (the first wrong option, one right option missing,
 * two steps swapped), so the difficult-questions page has a most common wrong answer.
 */
export function plausibleResponse(question: QuizQuestion, right: boolean, random: () => number): QuizResponse {
  switch (question.type) {
    case 'truefalse':
      return { kind: 'truefalse', value: right ? question.answer : !question.answer };
    case 'single': {
      if (right) return { kind: 'choice', ids: [question.answer] };
      const wrong = question.options.filter((o) => o.id !== question.answer);
      const usual = random() < 0.7 ? wrong[0] : wrong[Math.floor(random() * wrong.length)];
      return { kind: 'choice', ids: [usual?.id ?? question.answer] };
    }
    case 'multiple': {
      if (right) return { kind: 'choice', ids: [...question.answer] };
      const extra = question.options.find((o) => !question.answer.includes(o.id));
      // Most often one right option forgotten; otherwise a wrong one ticked as well.
      if (question.answer.length > 1 && (random() < 0.7 || !extra)) return { kind: 'choice', ids: question.answer.slice(0, -1) };
      return { kind: 'choice', ids: extra ? [...question.answer, extra.id] : [] };
    }
    case 'order': {
      const ids = question.options.map((o) => o.id);
      if (right) return { kind: 'order', ids };
      const at = random() < 0.7 ? 0 : Math.floor(random() * (ids.length - 1));
      [ids[at], ids[at + 1]] = [ids[at + 1] as string, ids[at] as string];
      return { kind: 'order', ids };
    }
  }
}

export type Profile = 'star' | 'steady' | 'struggling' | 'inactive' | 'new';

export type LearnerPlan = { profile: Profile; agent: Agent };

const COMMENTS = [
  'Very practical, I used the checklist the next day.',
  'Ļoti noderīgi piemēri par krāpniecību.',
  'Много полезно за работата с читатели.',
  'Дуже корисно, дякую!',
  'The quiz was harder than the lessons.',
  'More time for practice, please.',
  '',
  '',
];

const RETURN_COMMENTS = [
  'Please add what you learned and what you would change next time.',
  'Good start: describe the patrons’ questions too.',
];
const ACCEPT_COMMENTS = ['Well done, clear reflection.', 'Accepted: a good example for the whole cohort.', ''];

type Made = { learner: Statement[]; reviews: Statement[] };

/**
 * The statements of one learner of a profile over the modules (in study order), ending about
 * `now`. `mentor` makes the reviews (some returned, some accepted, some left waiting).
 */
export function learnerHistory(options: {
  base: string;
  learner: LearnerPlan;
  mentor: Agent;
  modules: readonly CatalogModule[];
  questionIds: ReadonlyMap<string, string[]>;
  /** The real questions (the demo): answers are then real option ids, right or plausibly wrong. */
  quizzes?: ReadonlyMap<string, readonly QuizQuestion[]>;
  now: number;
  random: () => number;
  /** Leave out per-question answers (the benchmark does not need them). */
  answers?: boolean;
}): Made {
  const { base, learner, mentor, modules, random, now } = options;
  const made: Made = { learner: [], reviews: [] };
  if (learner.profile === 'new') return made;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Inactive learners studied 50 to 22 days ago; the others from 42 days ago until about now.
  const [fromDays, toDays] = learner.profile === 'inactive' ? [50, 22] : [42, 0.5];
  const start = now - fromDays * DAY;
  const end = now - toDays * DAY - random() * (learner.profile === 'inactive' ? 10 * DAY : DAY);
  const moduleCount = {
    star: Math.ceil(modules.length * (0.6 + random() * 0.4)),
    steady: Math.ceil(modules.length * (0.2 + random() * 0.3)),
    struggling: Math.ceil(modules.length * (0.1 + random() * 0.2)),
    inactive: 1 + Math.floor(random() * 2),
    new: 0,
  }[learner.profile];
  const touched = modules.slice(0, Math.min(modules.length, moduleCount));
  let t = start;
  const step = (end - start) / Math.max(1, touched.length);
  const env = (actor: Agent): StatementEnv => {
    t += 60_000 + random() * 600_000;
    return { base, actor, id: randomUUID(), timestamp: new Date(Math.min(t, now - 60_000)).toISOString() };
  };
  const skill = { star: 0.9, steady: 0.75, struggling: 0.45, inactive: 0.6, new: 0 }[learner.profile];

  touched.forEach((module, index) => {
    t = start + index * step;
    const ref = { moduleId: module.id, moduleVersion: module.version, locale: pick(['en', 'lv', 'bg', 'uk']) };
    const last = index === touched.length - 1;
    const lessons =
      last && learner.profile !== 'star' ? module.lessons.slice(0, Math.max(1, Math.floor(module.lessons.length / 2))) : module.lessons;
    for (const lesson of lessons) {
      const lessonRef = { ...ref, lessonId: lesson.id };
      made.learner.push(buildStatement.openedLesson(env(learner.agent), lessonRef));
      made.learner.push(
        buildStatement.readingProgress(env(learner.agent), lessonRef, 100, (lesson.minutes * 0.6 + random() * lesson.minutes) * 60_000),
      );
      made.learner.push(buildStatement.completedLesson(env(learner.agent), lessonRef));
    }
    if (module.quiz && lessons.length === module.lessons.length) {
      const pool = options.questionIds.get(module.id) ?? [];
      const attempts = learner.profile === 'struggling' && index === touched.length - 1 ? 2 : 1 + Math.floor(random() * 2);
      for (let a = 0; a < attempts; a += 1) {
        const attemptId = randomUUID();
        // A question pool shows each attempt only its draw, as the app does.
        const questions = drawQuestions(
          pool.map((id) => ({ id })),
          { count: module.quiz.draw, seed: attemptId },
        ).map((q) => q.id);
        if (questions.length < pool.length)
          made.learner.push(buildStatement.startedQuiz(env(learner.agent), { module: ref, attemptId, questionIds: questions }));
        const n = Math.max(1, questions.length || (module.quiz.draw ?? module.quiz.questions));
        let right = 0;
        const chance = Math.min(0.98, skill + a * 0.15);
        for (let q = 0; q < n; q += 1) {
          const ok = learner.profile === 'struggling' && a < 2 && index === touched.length - 1 ? random() < 0.3 : random() < chance;
          if (ok) right += 1;
          const questionId = questions[q];
          const question = options.quizzes?.get(module.id)?.find((item) => item.id === questionId);
          if (options.answers !== false && question) {
            const response = plausibleResponse(question, ok, random);
            made.learner.push(
              buildStatement.answered(
                env(learner.agent),
                ref,
                attemptId,
                question.id,
                encodeResponse(response),
                isCorrect(question, response),
              ),
            );
          } else if (options.answers !== false && questionId !== undefined)
            made.learner.push(
              buildStatement.answered(env(learner.agent), ref, attemptId, questionId, ok ? 'a' : pick(['b', 'c', 'b']), ok),
            );
        }
        const result = buildStatement.quizResult(
          env(learner.agent),
          ref,
          attemptId,
          right,
          n,
          module.quiz.passMark,
          (4 + random() * 8) * 60_000,
        );
        made.learner.push(result);
        if (result.result?.success) break;
      }
    }
    if (module.assignment && lessons.length === module.lessons.length) {
      const first = buildStatement.assignmentSubmission(
        env(learner.agent),
        ref,
        `What I did in ${module.id}: I helped three patrons and wrote down their questions.`,
      );
      made.learner.push(first);
      const fate = random();
      if (fate < 0.35 && !last) {
        made.reviews.push(
          buildStatement.review(env(mentor), { statementId: first.id, moduleId: module.id }, learner.agent, true, pick(ACCEPT_COMMENTS)),
        );
      } else if (fate < 0.65) {
        made.reviews.push(
          buildStatement.review(env(mentor), { statementId: first.id, moduleId: module.id }, learner.agent, false, pick(RETURN_COMMENTS)),
        );
        if (random() < 0.6) {
          const second = buildStatement.assignmentSubmission(
            env(learner.agent),
            ref,
            `Revised: ${first.result?.response ?? ''} I also noted what I would change.`,
          );
          made.learner.push(second);
          if (random() < 0.5)
            made.reviews.push(
              buildStatement.review(
                env(mentor),
                { statementId: second.id, moduleId: module.id },
                learner.agent,
                true,
                pick(ACCEPT_COMMENTS),
              ),
            );
        }
      }
    }
    if (lessons.length === module.lessons.length && random() < 0.6) {
      const score = (): 1 | 2 | 3 | 4 | 5 => Math.max(1, Math.min(5, Math.round(3.8 + (random() - 0.4) * 3))) as 1 | 2 | 3 | 4 | 5;
      const answers: SurveyAnswers = { relevant: score(), useful: score(), willUse: score(), overall: score() };
      made.learner.push(buildStatement.surveyResponse(env(learner.agent), { moduleId: module.id }, answers, pick(COMMENTS)));
    }
  });

  const categories: HourCategory[] = ['face-to-face', 'project', 'work-based', 'assessment'];
  const entries = learner.profile === 'inactive' ? 1 : 1 + Math.floor(random() * 4);
  for (let i = 0; i < entries; i += 1) {
    t = start + random() * (end - start);
    const category = pick(categories);
    const e = env(learner.agent);
    const logged = buildStatement.loggedHours(e, {
      category,
      hours: [1, 1.5, 2, 3, 4, 6][Math.floor(random() * 6)] ?? 2,
      date: e.timestamp.slice(0, 10),
      description: {
        'face-to-face': 'Seminar day',
        project: 'Project work with the reading club',
        'work-based': 'Helped patrons at the e-services desk',
        assessment: 'Final presentation',
        online: 'Online study',
      }[category],
    });
    made.learner.push(logged);
    const fate = random();
    if (fate < 0.5) made.reviews.push(buildStatement.review(env(mentor), { statementId: logged.id }, learner.agent, true, ''));
    else if (fate < 0.6)
      made.reviews.push(
        buildStatement.review(env(mentor), { statementId: logged.id }, learner.agent, false, 'Which day was this? Please log it per day.'),
      );
  }
  // Reviews come after what they review.
  for (const review of made.reviews) {
    const target = made.learner.find((s) => s.id === (review.object as { id: string }).id);
    if (target && review.timestamp <= target.timestamp)
      review.timestamp = new Date(Math.min(Date.parse(target.timestamp) + 3_600_000 * (1 + random() * 48), now - 30_000)).toISOString();
  }
  return made;
}

const PROFILES: Profile[] = ['star', 'steady', 'steady', 'struggling', 'steady', 'inactive', 'star', 'steady', 'struggling', 'new'];

export const profileOf = (index: number): Profile => PROFILES[index % PROFILES.length] ?? 'steady';

/** Stores one learner's history as two syncs (the learner's, then the mentor's reviews), keeping the summaries current. */
export async function storeHistory(
  store: Store,
  deps: { xapiBase: string; course: Course },
  learner: Agent,
  mentor: Agent,
  made: Made,
): Promise<void> {
  const afterStore = summaryHook(deps);
  const asIncoming = (list: Statement[]) => list as unknown as IncomingStatement[];
  if (made.learner.length)
    await storeStatements(store, asIncoming(made.learner), {
      authority: learner as JsonObject,
      mayVoid: 'nobody',
      mayReview: 'nobody',
      afterStore,
    });
  if (made.reviews.length)
    await storeStatements(store, asIncoming(made.reviews), {
      authority: mentor as JsonObject,
      mayVoid: 'nobody',
      mayReview: new Set([agentKey(learner) ?? '']),
      afterStore,
    });
}

export type SeededPerson = { id: string; login: string; name: string; agent: Agent };

/** Inserts users with one precomputed password hash (scrypt per user would take minutes for 1,000). */
export async function insertPeople(
  db: Kysely<Database>,
  xapiBase: string,
  people: { login: string; name: string; role: 'learner' | 'mentor' | 'coordinator' }[],
  password: string,
): Promise<SeededPerson[]> {
  const hash = await hashPassword(password);
  const now = new Date().toISOString();
  const rows = people.map((p) => ({
    id: randomUUID(),
    login: p.login.toLowerCase(),
    name: p.name,
    role: p.role,
    password_hash: hash,
    created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('users')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.map((r) => ({ id: r.id, login: r.login, name: r.name, agent: userAgent(xapiBase, r) as Agent }));
}

/** A synthetic course of `count` modules (5 lessons, an 8-question quiz, an assignment every third) in three pathways. */
export function syntheticCourse(count = 38): Course {
  const modules: CatalogModule[] = Array.from({ length: count }, (_, i) => {
    const id = `module-${String(i + 1).padStart(2, '0')}`;
    return {
      id,
      version: 1,
      title: { en: `Module ${i + 1}` },
      summary: { en: '' },
      minutes: 60,
      level: 1 + (i % 4),
      competences: [],
      prerequisites: [],
      languages: ['en'],
      lessons: Array.from({ length: 5 }, (_, l) => ({ id: `lesson-${l + 1}`, title: { en: `Lesson ${l + 1}` }, minutes: 8, words: 500 })),
      quiz: { questions: 8, passMark: 70 },
      assignment: i % 3 === 0 ? { category: 'project', hours: 2 } : null,
      revisions: { en: 'x', lv: 'x', bg: 'x', uk: 'x' },
      media: { en: [], lv: [], bg: [], uk: [] },
      cover: {},
    };
  });
  const ids = modules.map((m) => m.id);
  const hours = { 'face-to-face': 20, online: 160, project: 40, assessment: 20, 'work-based': 165 };
  const curricula = [0, 1, 2].map((c) => ({
    id: `pathway-${c + 1}`,
    title: { en: `Pathway ${c + 1}` },
    summary: { en: '' },
    modules: ids.slice(c * 12, c * 12 + 14),
    hours,
  }));
  return makeCourse({ modules, curricula }, new Map(ids.map((id) => [id, Array.from({ length: 8 }, (_, q) => `q${q + 1}`)])));
}

/** A cohort of `learners` learners with one mentor, every learner's history stored. Returns the cohort id. */
export async function seedBenchCohort(
  store: Store,
  deps: { xapiBase: string; course: Course },
  learners = 1000,
  seed = 4,
): Promise<{ cohortId: string; mentor: SeededPerson; statements: number }> {
  const random = seededRandom(seed);
  const cohort = await createCohort(store.db, `Bench cohort ${learners}`);
  const [mentor] = await insertPeople(
    store.db,
    deps.xapiBase,
    [{ login: `bench-mentor-${cohort.id.slice(0, 8)}`, name: 'Bench Mentor', role: 'mentor' }],
    'bench password 1',
  );
  if (!mentor) throw new Error('No mentor made.');
  await addMentor(store.db, cohort.id, mentor.id);
  const people = await insertPeople(
    store.db,
    deps.xapiBase,
    Array.from({ length: learners }, (_, i) => ({
      login: `bench-${cohort.id.slice(0, 8)}-${i}`,
      name: `Learner ${i + 1}`,
      role: 'learner' as const,
    })),
    'bench password 1',
  );
  let statements = 0;
  const now = Date.now();
  for (const [index, person] of people.entries()) {
    await addLearner(store.db, cohort.id, person.id);
    const made = learnerHistory({
      base: deps.xapiBase,
      learner: { profile: profileOf(index), agent: person.agent },
      mentor: mentor.agent,
      modules: deps.course.catalog.modules,
      questionIds: deps.course.questionIds,
      now,
      random,
      answers: false,
    });
    statements += made.learner.length + made.reviews.length;
    await storeHistory(store, deps, person.agent, mentor.agent, made);
  }
  return { cohortId: cohort.id, mentor, statements };
}
