/*
 * Build-time module compiler: reads `modules/`, validates it with the zod schemas of
 * `src/shared/content/schema.ts`, turns Markdown into sanitized HTML, and returns the JSON
 * files the client fetches. Every problem is collected with the file it is in, so an author
 * sees all of them at once. Used by the Vite plugin and by `npm run modules:check`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  assignmentSchema,
  curriculaFileSchema,
  lessonFrontmatterSchema,
  moduleSchema,
  quizSchema,
  type LocalizedText,
  type ModuleSource,
  type QuizSource,
  type AssignmentSource,
} from '../shared/content/schema';
import { CONTENT_LOCALES, type ContentLocale } from '../shared/content/locales';
import type {
  Catalog,
  CatalogModule,
  LessonContent,
  Localized,
  ModuleContent,
  QuizQuestion,
  SearchEntry,
} from '../shared/content/compiled';
import { contentPaths } from '../shared/content/compiled';
import { renderMarkdown, plainText, countWords, INTERNAL_LINK } from './markdown';

export type ContentProblem = { file: string; message: string; severity: 'error' | 'warning' };

export type CompileResult = {
  files: Map<string, string>;
  problems: ContentProblem[];
  catalog: Catalog;
};

/** What a published module has (modules/README.md); short of it is a warning, which modules:check fails. */
export const LESSON_WORDS = { min: 350, max: 900 } as const;
export const MIN_LESSONS = 3;
export const MIN_QUESTIONS = 8;
export const MIN_QUESTION_TYPES = 3;

const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

type LessonSource = {
  id: string;
  order: number;
  file: string;
  title: string;
  minutes: number;
  html: string;
  text: string;
  words: number;
  internalLinks: string[];
};

class Problems {
  readonly list: ContentProblem[] = [];
  constructor(private readonly root: string) {}
  error(file: string, message: string): void {
    this.list.push({ file: relative(this.root, file) || file, message, severity: 'error' });
  }
  warn(file: string, message: string): void {
    this.list.push({ file: relative(this.root, file) || file, message, severity: 'warning' });
  }
}

function readYaml(file: string, problems: Problems): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    problems.error(file, `is not valid YAML: ${message}`);
    return undefined;
  }
}

function validate<S extends z.ZodType>(schema: S, data: unknown, file: string, problems: Problems): z.infer<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    problems.error(file, `${where}: ${issue.message}`);
  }
  return undefined;
}

function localize(text: LocalizedText, locale: ContentLocale): { text: string; fallback: boolean } {
  const value = text[locale];
  return value === undefined ? { text: text.en, fallback: locale !== 'en' } : { text: value, fallback: false };
}

function localizedAll(text: LocalizedText): Localized {
  return { ...text };
}

function readLessons(moduleDir: string, locale: ContentLocale, problems: Problems): LessonSource[] {
  const dir = join(moduleDir, locale);
  if (!existsSync(dir)) return [];
  const lessons: LessonSource[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    const match = LESSON_FILE.exec(name);
    if (!match) {
      problems.error(file, 'lesson files are named NN-slug.md, e.g. 01-what-is-an-e-signature.md');
      continue;
    }
    const [, order = '0', id = ''] = match;
    const source = readFileSync(file, 'utf8');
    const parts = FRONTMATTER.exec(source);
    if (!parts) {
      problems.error(file, 'starts without frontmatter (--- title: ..., minutes: ... ---)');
      continue;
    }
    let frontmatter: unknown;
    try {
      frontmatter = parseYaml(parts[1] ?? '');
    } catch (error) {
      problems.error(file, `frontmatter is not valid YAML: ${String(error).split('\n')[0]}`);
      continue;
    }
    const meta = validate(lessonFrontmatterSchema, frontmatter, file, problems);
    const rendered = renderMarkdown(parts[2] ?? '');
    for (const message of rendered.problems) problems.error(file, message);
    if (!meta) continue;
    const text = plainText(rendered.html);
    const words = countWords(text);
    if (words < LESSON_WORDS.min || words > LESSON_WORDS.max) {
      problems.warn(file, `has ${words} words; a lesson has ${LESSON_WORDS.min} to ${LESSON_WORDS.max}`);
    }
    lessons.push({
      id,
      order: Number(order),
      file,
      title: meta.title,
      minutes: meta.minutes,
      html: rendered.html,
      text,
      words,
      internalLinks: rendered.internalLinks,
    });
  }
  return lessons;
}

function checkLanguages(text: LocalizedText, file: string, field: string, problems: Problems): void {
  const missing = CONTENT_LOCALES.filter((locale) => text[locale] === undefined);
  if (missing.length) problems.warn(file, `${field}: no ${missing.join(', ')} text (English is shown instead)`);
}

function checkQuiz(quiz: QuizSource, file: string, problems: Problems): void {
  const seen = new Set<string>();
  for (const [index, question] of quiz.questions.entries()) {
    const where = `questions.${index} (${question.id})`;
    if (seen.has(question.id)) problems.error(file, `${where}: question id is used twice`);
    seen.add(question.id);
    checkLanguages(question.text, file, `${where}.text`, problems);
    checkLanguages(question.explanation, file, `${where}.explanation`, problems);
    if (question.type === 'truefalse') continue;
    const ids = question.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) problems.error(file, `${where}: option ids must be unique`);
    for (const option of question.options) checkLanguages(option.text, file, `${where}.options.${option.id}`, problems);
    if (question.type === 'single' && !ids.includes(question.answer)) {
      problems.error(file, `${where}: answer "${question.answer}" is not one of the options (${ids.join(', ')})`);
    }
    if (question.type === 'multiple') {
      for (const answer of question.answer) {
        if (!ids.includes(answer)) problems.error(file, `${where}: answer "${answer}" is not one of the options (${ids.join(', ')})`);
      }
      if (new Set(question.answer).size !== question.answer.length) problems.error(file, `${where}: an answer is listed twice`);
    }
  }
}

function localizeQuestion(question: QuizSource['questions'][number], locale: ContentLocale): { question: QuizQuestion; fallback: boolean } {
  let fallback = false;
  const t = (text: LocalizedText): string => {
    const value = localize(text, locale);
    fallback ||= value.fallback;
    return value.text;
  };
  const base = { id: question.id, text: t(question.text), explanation: t(question.explanation) };
  switch (question.type) {
    case 'truefalse':
      return { question: { ...base, type: 'truefalse', answer: question.answer }, fallback };
    case 'single':
      return {
        question: {
          ...base,
          type: 'single',
          options: question.options.map((o) => ({ id: o.id, text: t(o.text) })),
          answer: question.answer,
        },
        fallback,
      };
    case 'multiple':
      return {
        question: {
          ...base,
          type: 'multiple',
          options: question.options.map((o) => ({ id: o.id, text: t(o.text) })),
          answer: question.answer,
        },
        fallback,
      };
    case 'order':
      return { question: { ...base, type: 'order', options: question.options.map((o) => ({ id: o.id, text: t(o.text) })) }, fallback };
  }
}

type ModuleBuild = {
  source: ModuleSource;
  lessonsByLocale: Map<ContentLocale, LessonSource[]>;
  quiz: QuizSource | undefined;
  assignment: AssignmentSource | undefined;
};

function readModule(moduleDir: string, folder: string, problems: Problems): ModuleBuild | undefined {
  const moduleFile = join(moduleDir, 'module.yaml');
  if (!existsSync(moduleFile)) {
    problems.error(moduleDir, 'has no module.yaml');
    return undefined;
  }
  const raw = readYaml(moduleFile, problems);
  const source = raw === undefined ? undefined : validate(moduleSchema, raw, moduleFile, problems);
  if (!source) return undefined;
  if (source.id !== folder) problems.error(moduleFile, `id "${source.id}" must equal the folder name "${folder}"`);
  checkLanguages(source.title, moduleFile, 'title', problems);
  checkLanguages(source.summary, moduleFile, 'summary', problems);
  const missingOutcomes = CONTENT_LOCALES.filter((l) => source.outcomes[l] === undefined);
  if (missingOutcomes.length) problems.warn(moduleFile, `outcomes: none in ${missingOutcomes.join(', ')}`);
  for (const locale of CONTENT_LOCALES) {
    const list = source.outcomes[locale];
    if (list && (list.length < 3 || list.length > 6))
      problems.error(moduleFile, `outcomes.${locale}: a module has 3 to 6 learning outcomes, found ${list.length}`);
  }

  const lessonsByLocale = new Map<ContentLocale, LessonSource[]>();
  for (const locale of CONTENT_LOCALES) lessonsByLocale.set(locale, readLessons(moduleDir, locale, problems));
  const english = lessonsByLocale.get('en') ?? [];
  if (english.length === 0) problems.error(join(moduleDir, 'en'), 'a module needs at least one English lesson');
  if (english.length > 0 && english.length < MIN_LESSONS)
    problems.warn(join(moduleDir, 'en'), `has ${english.length} lesson(s); a module has at least ${MIN_LESSONS}`);
  const orders = english.map((l) => l.order);
  if (orders.some((order, index) => order !== index + 1)) {
    problems.error(join(moduleDir, 'en'), `lessons must be numbered 01, 02, ... without gaps (found ${orders.join(', ')})`);
  }
  const englishNames = new Set(english.map((l) => `${String(l.order).padStart(2, '0')}-${l.id}`));
  for (const locale of CONTENT_LOCALES) {
    if (locale === 'en') continue;
    const lessons = lessonsByLocale.get(locale) ?? [];
    const names = new Set(lessons.map((l) => `${String(l.order).padStart(2, '0')}-${l.id}`));
    for (const lesson of lessons) {
      if (!englishNames.has(`${String(lesson.order).padStart(2, '0')}-${lesson.id}`)) {
        problems.error(lesson.file, 'has no English original with the same file name');
      }
    }
    const missing = [...englishNames].filter((name) => !names.has(name));
    if (missing.length) problems.warn(join(moduleDir, locale), `missing lessons (English is shown instead): ${missing.join(', ')}`);
  }

  const quizFile = join(moduleDir, 'quiz.yaml');
  let quiz: QuizSource | undefined;
  if (existsSync(quizFile)) {
    const rawQuiz = readYaml(quizFile, problems);
    quiz = rawQuiz === undefined ? undefined : validate(quizSchema, rawQuiz, quizFile, problems);
    if (quiz) {
      checkQuiz(quiz, quizFile, problems);
      if (quiz.questions.length < MIN_QUESTIONS)
        problems.warn(quizFile, `has ${quiz.questions.length} questions; a quiz has at least ${MIN_QUESTIONS}`);
      const types = new Set(quiz.questions.map((q) => q.type));
      if (types.size < MIN_QUESTION_TYPES)
        problems.warn(
          quizFile,
          `uses ${types.size} question type(s); mix at least ${MIN_QUESTION_TYPES} (single, multiple, truefalse, order)`,
        );
    }
  } else {
    problems.warn(quizFile, 'is missing: every module ends with a quiz');
  }
  const assignmentFile = join(moduleDir, 'assignment.yaml');
  let assignment: AssignmentSource | undefined;
  if (existsSync(assignmentFile)) {
    const rawAssignment = readYaml(assignmentFile, problems);
    assignment = rawAssignment === undefined ? undefined : validate(assignmentSchema, rawAssignment, assignmentFile, problems);
    if (assignment) {
      checkLanguages(assignment.title, assignmentFile, 'title', problems);
      checkLanguages(assignment.instructions, assignmentFile, 'instructions', problems);
    }
  }
  return { source, lessonsByLocale, quiz, assignment };
}

function checkPrerequisites(modules: ModuleBuild[], root: string, problems: Problems): void {
  const ids = new Set(modules.map((m) => m.source.id));
  const graph = new Map(modules.map((m) => [m.source.id, m.source.prerequisites]));
  for (const m of modules) {
    for (const prerequisite of m.source.prerequisites) {
      if (!ids.has(prerequisite)) problems.error(join(root, m.source.id, 'module.yaml'), `prerequisites: no module "${prerequisite}"`);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.error(join(root, id, 'module.yaml'), `prerequisites form a cycle: ${[...path, id].join(' -> ')}`);
      return;
    }
    state.set(id, 'visiting');
    for (const next of graph.get(id) ?? []) if (ids.has(next)) visit(next, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of ids) visit(id, []);
}

function checkInternalLinks(modules: ModuleBuild[], problems: Problems): void {
  const lessons = new Map(modules.map((m) => [m.source.id, new Set((m.lessonsByLocale.get('en') ?? []).map((l) => l.id))]));
  for (const m of modules) {
    for (const lesson of [...m.lessonsByLocale.values()].flat()) {
      for (const link of lesson.internalLinks) {
        const [, moduleId = '', lessonId] = INTERNAL_LINK.exec(link) ?? [];
        const known = lessons.get(moduleId);
        if (!known || (lessonId !== undefined && !known.has(lessonId)))
          problems.error(lesson.file, `links to "${link}", which does not exist`);
      }
    }
  }
}

function revisionOf(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 12);
}

function buildModuleFiles(build: ModuleBuild, files: Map<string, string>, search: Map<ContentLocale, SearchEntry[]>): CatalogModule {
  const { source, lessonsByLocale, quiz, assignment } = build;
  const revisions = {} as Record<ContentLocale, string>;
  const english = lessonsByLocale.get('en') ?? [];
  for (const locale of CONTENT_LOCALES) {
    const own = new Map((lessonsByLocale.get(locale) ?? []).map((l) => [l.id, l]));
    const lessons: LessonContent[] = english.map((en) => {
      const lesson = own.get(en.id) ?? en;
      return {
        id: en.id,
        title: lesson.title,
        minutes: lesson.minutes,
        html: lesson.html,
        locale: own.has(en.id) ? locale : 'en',
        fallback: !own.has(en.id),
      };
    });
    let quizContent: ModuleContent['quiz'] = null;
    if (quiz) {
      const localized = quiz.questions.map((q) => localizeQuestion(q, locale));
      quizContent = { passMark: quiz.passMark, questions: localized.map((q) => q.question), fallback: localized.some((q) => q.fallback) };
    }
    let assignmentContent: ModuleContent['assignment'] = null;
    if (assignment) {
      const title = localize(assignment.title, locale);
      const instructions = localize(assignment.instructions, locale);
      assignmentContent = {
        title: title.text,
        instructions: instructions.text,
        category: assignment.category,
        hours: assignment.hours,
        fallback: title.fallback || instructions.fallback,
      };
    }
    const content: ModuleContent = {
      id: source.id,
      version: source.version,
      locale,
      title: localize(source.title, locale).text,
      outcomes: source.outcomes[locale] ?? source.outcomes.en,
      lessons,
      quiz: quizContent,
      assignment: assignmentContent,
    };
    const json = JSON.stringify(content);
    files.set(contentPaths.module(source.id, locale).slice(1), json);
    revisions[locale] = revisionOf(json);
    const entries = search.get(locale) ?? [];
    entries.push({ moduleId: source.id, title: content.title, text: localize(source.summary, locale).text });
    for (const lesson of english) {
      const own = lessonsByLocale.get(locale)?.find((l) => l.id === lesson.id) ?? lesson;
      entries.push({ moduleId: source.id, lessonId: lesson.id, title: own.title, text: own.text });
    }
    search.set(locale, entries);
  }
  const languages = CONTENT_LOCALES.filter((locale) => {
    const ids = new Set((lessonsByLocale.get(locale) ?? []).map((l) => l.id));
    return english.length > 0 && english.every((l) => ids.has(l.id));
  });
  return {
    id: source.id,
    version: source.version,
    title: localizedAll(source.title),
    summary: localizedAll(source.summary),
    minutes: source.minutes,
    level: source.level,
    competences: source.competences,
    prerequisites: source.prerequisites,
    languages,
    lessons: english.map((en) => {
      const title: Localized = { en: en.title };
      for (const locale of CONTENT_LOCALES) {
        const own = lessonsByLocale.get(locale)?.find((l) => l.id === en.id);
        if (own) title[locale] = own.title;
      }
      return { id: en.id, title, minutes: en.minutes, words: en.words };
    }),
    quiz: quiz ? { questions: quiz.questions.length, passMark: quiz.passMark } : null,
    assignment: assignment ? { category: assignment.category, hours: assignment.hours } : null,
    revisions,
  };
}

export function compileContent(root: string): CompileResult {
  const problems = new Problems(root);
  const files = new Map<string, string>();
  const search = new Map<ContentLocale, SearchEntry[]>();
  const builds: ModuleBuild[] = [];

  const folders = existsSync(root)
    ? readdirSync(root)
        .filter((name) => statSync(join(root, name)).isDirectory())
        .sort()
    : [];
  for (const folder of folders) {
    const build = readModule(join(root, folder), folder, problems);
    if (build) builds.push(build);
  }
  if (folders.length === 0) problems.error(root, 'holds no modules');
  checkPrerequisites(builds, root, problems);
  checkInternalLinks(builds, problems);

  const curriculaFile = join(root, 'curricula.yaml');
  let curricula: Catalog['curricula'] = [];
  if (!existsSync(curriculaFile)) {
    problems.error(curriculaFile, 'is missing');
  } else {
    const raw = readYaml(curriculaFile, problems);
    const parsed = raw === undefined ? undefined : validate(curriculaFileSchema, raw, curriculaFile, problems);
    const ids = new Set(builds.map((b) => b.source.id));
    for (const [index, curriculum] of (parsed?.curricula ?? []).entries()) {
      checkLanguages(curriculum.title, curriculaFile, `curricula.${index}.title`, problems);
      for (const [position, moduleId] of curriculum.modules.entries()) {
        if (!ids.has(moduleId)) problems.error(curriculaFile, `curricula.${index} (${curriculum.id}): no module "${moduleId}"`);
        // A learner follows a pathway in order, so a module's prerequisites come before it.
        const prerequisites = builds.find((b) => b.source.id === moduleId)?.source.prerequisites ?? [];
        for (const prerequisite of prerequisites) {
          const at = curriculum.modules.indexOf(prerequisite);
          if (at > position)
            problems.error(
              curriculaFile,
              `curricula.${index} (${curriculum.id}): "${moduleId}" comes before its prerequisite "${prerequisite}"`,
            );
        }
      }
    }
    curricula = (parsed?.curricula ?? []).map((c) => ({ ...c, title: localizedAll(c.title), summary: localizedAll(c.summary) }));
    const curriculumIds = curricula.map((c) => c.id);
    if (new Set(curriculumIds).size !== curriculumIds.length) problems.error(curriculaFile, 'curriculum ids must be unique');
  }

  const modules = builds.map((build) => buildModuleFiles(build, files, search));
  const searchRevisions = {} as Record<ContentLocale, string>;
  for (const locale of CONTENT_LOCALES) {
    const json = JSON.stringify(search.get(locale) ?? []);
    files.set(contentPaths.search(locale).slice(1), json);
    searchRevisions[locale] = revisionOf(json);
  }
  const catalog: Catalog = { curricula, modules, searchRevisions };
  files.set(contentPaths.catalog.slice(1), JSON.stringify(catalog));
  return { files, problems: problems.list, catalog };
}

export function formatProblems(problems: ContentProblem[]): string {
  return problems.map((p) => `${p.severity === 'error' ? 'error' : 'warning'}: ${p.file}: ${p.message}`).join('\n');
}
