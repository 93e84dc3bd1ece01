/*
 * The shapes of the compiled content the client fetches from `/content/`: written by
 * `src/content/compile.ts` at build time, read by `src/client/content`.
 */
import type { ContentLocale, HourCategory } from './locales';

export type Localized = Partial<Record<ContentLocale, string>> & { en: string };

export type CatalogLesson = { id: string; title: Localized; minutes: number; words: number };

/** An image beside a module's title: decorative, with its size so the page does not jump while it loads. */
export type ModuleCover = { url: string; width: number; height: number };

/** What storing a module for offline study takes in one language, in bytes: its text and images, and its video and audio apart. */
export type ModuleStorage = { bytes: number; videoBytes: number };

export type CatalogModule = {
  id: string;
  version: number;
  title: Localized;
  summary: Localized;
  minutes: number;
  level: number;
  competences: string[];
  prerequisites: string[];
  /** Content languages in which every lesson of the module exists. */
  languages: ContentLocale[];
  lessons: CatalogLesson[];
  /** `draw`: how many of the questions one attempt shows, when fewer than all. */
  quiz: { questions: number; passMark: number; draw?: number } | null;
  assignment: { category: HourCategory; hours: number } | null;
  /** A short hash of each compiled language file: part of its URL, so a cached copy is never stale. */
  revisions: Record<ContentLocale, string>;
  /** The illustrations (content-hashed URLs) the lessons show in each language, stored with the module for offline study. */
  media: Record<ContentLocale, string[]>;
  /** The cover shown in each language (also listed in `media`, so it is stored with the module); absent when no lesson has an illustration. */
  cover: Partial<Record<ContentLocale, ModuleCover>>;
  /** The video and audio files (content-hashed URLs) the lessons play in any language: stored offline only when the learner asks. */
  video?: string[];
  /** Measured when the course is published (build or import); absent in a module published before sizes were measured. */
  storage?: Record<ContentLocale, ModuleStorage>;
};

export type CatalogCurriculum = {
  id: string;
  title: Localized;
  summary: Localized;
  modules: string[];
  hours: Partial<Record<HourCategory, number>>;
};

export type Catalog = {
  curricula: CatalogCurriculum[];
  modules: CatalogModule[];
  /** Revisions of the search indexes, as for modules. */
  searchRevisions: Record<ContentLocale, string>;
};

export type LessonContent = {
  id: string;
  title: string;
  minutes: number;
  /** Sanitized HTML. */
  html: string;
  /** The language the text is in; differs from the module file's language on fallback. */
  locale: ContentLocale;
  fallback: boolean;
};

export type QuizOption = { id: string; text: string };

export type QuizQuestion =
  | { id: string; type: 'single'; text: string; explanation: string; options: QuizOption[]; answer: string }
  | { id: string; type: 'multiple'; text: string; explanation: string; options: QuizOption[]; answer: string[] }
  | { id: string; type: 'truefalse'; text: string; explanation: string; answer: boolean }
  | { id: string; type: 'order'; text: string; explanation: string; options: QuizOption[] };

/**
 * `questions` is the whole pool; an attempt shows `draw` of them at random (all when absent),
 * in an order of its own unless `shuffle` is false.
 */
export type QuizContent = { passMark: number; draw?: number; shuffle?: boolean; questions: QuizQuestion[]; fallback: boolean };

export type AssignmentContent = {
  title: string;
  instructions: string;
  category: HourCategory;
  hours: number;
  fallback: boolean;
};

export type ModuleContent = {
  id: string;
  version: number;
  locale: ContentLocale;
  title: string;
  /** The language the title is written in: English where the module has none in `locale`. */
  titleLocale: ContentLocale;
  outcomes: string[];
  /** The language the outcomes are written in: English where the module has none in `locale`. */
  outcomesLocale: ContentLocale;
  lessons: LessonContent[];
  quiz: QuizContent | null;
  assignment: AssignmentContent | null;
};

export type SearchEntry = {
  moduleId: string;
  /** Absent for the module itself (title and summary). */
  lessonId?: string;
  title: string;
  text: string;
};

/** Where compiled content is served. With a revision, the URL names one exact version (cacheable forever). */
export const contentPaths = {
  catalog: '/content/catalog.json',
  module: (moduleId: string, locale: ContentLocale, revision?: string) =>
    `/content/modules/${moduleId}/${locale}.json${revision ? `?v=${revision}` : ''}`,
  search: (locale: ContentLocale, revision?: string) => `/content/search/${locale}.json${revision ? `?v=${revision}` : ''}`,
};
