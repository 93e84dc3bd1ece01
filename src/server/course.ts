/*
 * The course catalogue the server needs for mentor views: modules (lesson counts, quizzes),
 * curricula (required hours) and each quiz's question ids. Read from the modules the database
 * keeps (retired ones too: their progress stays in reports), or, while it has none, compiled
 * from `modules/` (about a second) by the same compiler the build uses; tests, the demo and
 * the benchmark may pass their own. `CourseSnapshot` keeps it per server process and reads it
 * again when the process's course check (modules/course-check.ts: a cheap look at the modules
 * and pathways tables, at most once a second) shows an import, a retirement or new pathways,
 * also made by another process on the same PostgreSQL or by the CLI. The fingerprint changes
 * when anything that progress depends on changes, so derived summaries are rebuilt
 * (store/summaries.ts).
 */
import { createHash } from 'node:crypto';
import { compileContent } from '../content/compile';
import type { Catalog, ModuleContent, QuizQuestion } from '../shared/content/compiled';
import type { Store } from './store/database';
import { readCurricula, readModules } from './modules/store';
import type { CourseCheck } from './modules/course-check';

export type Course = {
  catalog: Pick<Catalog, 'modules' | 'curricula'>;
  /** Quiz question ids per module id, in quiz order. */
  questionIds: Map<string, string[]>;
  fingerprint: string;
  /** The English quiz questions per module id (with their right answers), where the course was compiled from modules/. */
  quizzes?: Map<string, QuizQuestion[]>;
};

export function makeCourse(catalog: Course['catalog'], questionIds: Map<string, string[]>): Course {
  const essentials = {
    modules: catalog.modules.map((m) => ({ id: m.id, lessons: m.lessons.map((l) => l.id), quiz: m.quiz, assignment: m.assignment })),
    curricula: catalog.curricula.map((c) => ({ id: c.id, modules: c.modules, hours: c.hours })),
  };
  const fingerprint = createHash('sha256').update(JSON.stringify(essentials)).digest('base64url').slice(0, 16);
  return { catalog, questionIds, fingerprint };
}

const cache = new Map<string, Course>();

export function loadCourse(root = 'modules'): Course {
  const cached = cache.get(root);
  if (cached) return cached;
  const { catalog, files } = compileContent(root);
  const questionIds = new Map<string, string[]>();
  const quizzes = new Map<string, QuizQuestion[]>();
  for (const module of catalog.modules) {
    const file = files.get(`content/modules/${module.id}/en.json`);
    const content = file ? (JSON.parse(file) as ModuleContent) : undefined;
    questionIds.set(module.id, content?.quiz?.questions.map((q) => q.id) ?? []);
    quizzes.set(module.id, content?.quiz?.questions ?? []);
  }
  const course: Course = { ...makeCourse({ modules: catalog.modules, curricula: catalog.curricula }, questionIds), quizzes };
  cache.set(root, course);
  return course;
}

function quizOf(json: string | undefined): QuizQuestion[] {
  return json === undefined ? [] : ((JSON.parse(json) as ModuleContent).quiz?.questions ?? []);
}

/** The course the database keeps, or undefined while it keeps no modules. */
export async function loadStoredCourse(store: Store): Promise<Course | undefined> {
  const modules = (await readModules(store.db)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (modules.length === 0) return undefined;
  const questionIds = new Map<string, string[]>();
  const quizzes = new Map<string, QuizQuestion[]>();
  for (const module of modules) {
    const questions = quizOf(module.compiled.files[`content/modules/${module.id}/en.json`]);
    questionIds.set(
      module.id,
      questions.map((q) => q.id),
    );
    quizzes.set(module.id, questions);
  }
  const curricula = (await readCurricula(store.db)).map((c) => ({ ...c, title: { ...c.title }, summary: { ...c.summary } }));
  return { ...makeCourse({ modules: modules.map((m) => m.compiled.catalog), curricula }, questionIds), quizzes };
}

type CourseSource = { store: Store; check: CourseCheck; fallback: () => Course; onChange?: (course: Course) => void };

/**
 * The course as the database has it now, read again only when its modules or pathways
 * changed. `onChange` hears of a course whose fingerprint differs from the one before (the
 * summaries made with the old one are stale).
 */
export class CourseSnapshot {
  #known: { stamp: string; course: Course };
  #reading: { stamp: string; course: Promise<Course> } | undefined;

  constructor(
    private readonly source: CourseSource,
    initial: { stamp: string; course: Course },
  ) {
    this.#known = initial;
  }

  /** Reads the course the database keeps (or the fallback while it keeps none) and the stamp it goes with. */
  static async open(source: CourseSource): Promise<CourseSnapshot> {
    const stamp = await source.check.stamp();
    return new CourseSnapshot(source, { stamp, course: (await loadStoredCourse(source.store)) ?? source.fallback() });
  }

  /** The course last read, without looking at the database. */
  get known(): Course {
    return this.#known.course;
  }

  /** The course now: the process's course check (course-check.ts), and a full read only after a change. */
  async current(): Promise<Course> {
    const stamp = await this.source.check.stamp();
    if (stamp === this.#known.stamp) return this.#known.course;
    // Requests that see the same change share one read.
    let reading = this.#reading;
    if (reading?.stamp !== stamp) {
      reading = { stamp, course: this.#read(stamp) };
      this.#reading = reading;
    }
    return reading.course;
  }

  async #read(stamp: string): Promise<Course> {
    try {
      const course = (await loadStoredCourse(this.source.store)) ?? this.source.fallback();
      // A read begun later (another change meanwhile) is the one to keep.
      if (this.#reading?.stamp !== stamp) return course;
      const before = this.#known.course;
      this.#known = { stamp, course };
      if (course.fingerprint !== before.fingerprint) this.source.onChange?.(course);
      return course;
    } finally {
      if (this.#reading?.stamp === stamp) this.#reading = undefined;
    }
  }
}
