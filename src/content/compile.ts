/*
 * Build-time module compiler: reads `modules/`, validates it with the zod schemas of
 * `src/shared/content/schema.ts`, turns Markdown into sanitized HTML, and returns the JSON
 * files the client fetches. Every problem is collected with the file it is in, so an author
 * sees all of them at once. Used by the Vite plugin and by `npm run modules:check`.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, isNode, type Document, type YAMLParseError } from 'yaml';
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
  type QuestionSource,
  type AssignmentSource,
} from '../shared/content/schema';
import { CONTENT_LOCALES, type ContentLocale } from '../shared/content/locales';
import type {
  Catalog,
  CatalogModule,
  LessonContent,
  Localized,
  ModuleContent,
  ModuleCover,
  QuizQuestion,
  SearchEntry,
} from '../shared/content/compiled';
import { contentPaths } from '../shared/content/compiled';
import { renderMarkdown, plainText, countWords, INTERNAL_LINK } from './markdown';
import { ModuleMedia, type ResolvedMedia } from './media';
import { problem, type ContentProblem, type ProblemDetail } from './problems';
import type { PlannedVariant } from './raster';
import { readTree, TreeReader, type ContentTree } from './tree';

export { formatProblems, type ContentProblem } from './problems';

/** What modules:check measures over the whole course beyond the catalogue. */
export type CourseSource = {
  /** Every quiz question of every module, pools whole. */
  questions: QuestionSource[];
  /** Lesson words written in each language (a fallback to English counts for English only). */
  words: Record<ContentLocale, number>;
};

export type CompileResult = {
  files: Map<string, string>;
  /** Photograph widths to make, by path (`content/media/<id>/<name>.<hash>-<width>.webp`): ./images.ts makes them. */
  images: Map<string, PlannedVariant>;
  /** Published files that are not text, by path: video and audio as they are, and the photograph widths ./images.ts makes. */
  binaries: Map<string, Uint8Array>;
  problems: ContentProblem[];
  catalog: Catalog;
  course: CourseSource;
};

/** What a published module has (modules/README.md); short of it is a warning, which modules:check fails. */
export const LESSON_WORDS = { min: 500, max: 900 } as const;
export const MIN_LESSONS = 3;
export const MIN_QUESTIONS = 8;
/** A quiz that draws from a pool holds at least this many questions, so retakes differ. */
export const MIN_POOL = 12;
export const MIN_QUESTION_TYPES = 3;
/** A module has this many learning outcomes per language. */
const OUTCOMES = { min: 3, max: 6 } as const;

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
  /** URLs of the illustrations (and captions) the lesson shows. */
  media: string[];
  /** URLs of the video and audio the lesson plays. */
  recordings: string[];
};

type YamlPath = (string | number)[];

class Problems {
  readonly list: ContentProblem[] = [];
  constructor(private readonly rootLabel: string) {}
  error(file: string, detail: ProblemDetail, line: number | null = null): void {
    this.list.push(problem({ file: file || this.rootLabel, line, severity: 'error' }, detail));
  }
  warn(file: string, detail: ProblemDetail, line: number | null = null): void {
    this.list.push(problem({ file: file || this.rootLabel, line, severity: 'warning' }, detail));
  }
}

/** A parsed YAML file that can tell the line a value is on. */
class YamlSource {
  private readonly lines = new LineCounter();
  private readonly doc: Document.Parsed;
  constructor(
    text: string,
    /** Lines before the text in its file (a lesson's frontmatter starts on line 2). */
    private readonly offset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines });
  }
  get error(): YAMLParseError | undefined {
    return this.doc.errors[0];
  }
  get data(): unknown {
    return this.doc.toJS();
  }
  lineOfOffset(offset: number): number {
    return this.lines.linePos(offset).line + this.offset;
  }
  /** The line of the value at `path`, or of its nearest parent that exists. */
  lineOf(path: YamlPath): number | null {
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown = depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return this.lineOfOffset(node.range[0]);
    }
    return null;
  }
}

function readYaml(reader: TreeReader, file: string, problems: Problems): YamlSource | undefined {
  const source = new YamlSource(reader.text(file));
  const error = source.error;
  if (error) {
    problems.error(file, { code: 'yamlInvalid', params: { detail: error.message.split('\n')[0] ?? '' } }, error.linePos?.[0].line ?? null);
    return undefined;
  }
  return source;
}

/** A zod issue as a translatable problem: the common kinds by their own code, the rest with zod's words. */
function issueDetail(issue: z.core.$ZodIssue, field: string): ProblemDetail {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { code: 'fieldRequired', params: { field } }
        : { code: 'fieldType', params: { field, expected: issue.expected } };
    case 'invalid_value':
      return { code: 'fieldChoice', params: { field, values: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { code: 'fieldUnknown', params: { field, keys: issue.keys.join(', ') } };
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid')
        ? { code: 'fieldInvalid', params: { field, detail: issue.message } }
        : { code: 'fieldFormat', params: { field } };
    default:
      return { code: 'fieldInvalid', params: { field, detail: issue.message } };
  }
}

function validate<S extends z.ZodType>({
  schema,
  yaml,
  file,
  problems,
}: {
  schema: S;
  yaml: YamlSource;
  file: string;
  problems: Problems;
}): z.infer<S> | undefined {
  // reportInput: without it zod leaves `input` out of every issue, and a wrong type would read as missing.
  const result = schema.safeParse(yaml.data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const where = path.length ? path.join('.') : '(top level)';
    problems.error(file, issueDetail(issue, where), yaml.lineOf(path));
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

function readLessons({
  reader,
  folder,
  locale,
  problems,
  media,
}: {
  reader: TreeReader;
  folder: string;
  locale: ContentLocale;
  problems: Problems;
  media: ModuleMedia;
}): LessonSource[] {
  const dir = `${folder}/${locale}`;
  const lessons: LessonSource[] = [];
  for (const name of reader.list(dir)) {
    const file = `${dir}/${name}`;
    const match = LESSON_FILE.exec(name);
    if (!match) {
      problems.error(file, { code: 'lessonFileName', params: {} });
      continue;
    }
    const [, order = '0', id = ''] = match;
    const parts = FRONTMATTER.exec(reader.text(file));
    if (!parts) {
      problems.error(file, { code: 'lessonNoFrontmatter', params: {} }, 1);
      continue;
    }
    const yaml = new YamlSource(parts[1] ?? '', 1);
    if (yaml.error) {
      const line = yaml.error.linePos?.[0].line;
      problems.error(
        file,
        { code: 'frontmatterInvalid', params: { detail: yaml.error.message.split('\n')[0] ?? '' } },
        line === undefined ? null : line + 1,
      );
      continue;
    }
    const meta = validate({ schema: lessonFrontmatterSchema, yaml, file, problems });
    const rendered = renderMarkdown(parts[2] ?? '', (reference) => media.resolve(reference, locale));
    for (const detail of rendered.problems) problems.error(file, detail);
    if (!meta) continue;
    const text = plainText(rendered.html);
    const words = countWords(text);
    if (words < LESSON_WORDS.min || words > LESSON_WORDS.max) {
      problems.warn(file, { code: 'lessonWords', params: { words, min: LESSON_WORDS.min, max: LESSON_WORDS.max } });
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
      media: rendered.media,
      recordings: rendered.recordings,
    });
  }
  return lessons;
}

type Located = { file: string; yaml: YamlSource; problems: Problems };

function checkLanguages({ file, yaml, problems }: Located, text: LocalizedText, path: YamlPath, field = path.join('.')): void {
  const missing = CONTENT_LOCALES.filter((locale) => text[locale] === undefined);
  if (missing.length)
    problems.warn(file, { code: 'translationMissing', params: { field, locales: missing.join(', ') } }, yaml.lineOf(path));
}

function checkQuiz(quiz: QuizSource, at: Located): void {
  const { file, yaml, problems } = at;
  const seen = new Set<string>();
  for (const [index, question] of quiz.questions.entries()) {
    const where = `questions.${index} (${question.id})`;
    const path = ['questions', index];
    const line = yaml.lineOf(path);
    if (seen.has(question.id)) problems.error(file, { code: 'questionIdTwice', params: { field: where } }, line);
    seen.add(question.id);
    checkLanguages(at, question.text, [...path, 'text'], `${where}.text`);
    checkLanguages(at, question.explanation, [...path, 'explanation'], `${where}.explanation`);
    if (question.type === 'truefalse') continue;
    const ids = question.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) problems.error(file, { code: 'optionIdsTwice', params: { field: where } }, line);
    for (const [position, option] of question.options.entries())
      checkLanguages(at, option.text, [...path, 'options', position, 'text'], `${where}.options.${option.id}`);
    const answers = question.type === 'single' ? [question.answer] : question.type === 'multiple' ? question.answer : [];
    for (const answer of answers) {
      if (!ids.includes(answer))
        problems.error(
          file,
          { code: 'answerNotOption', params: { field: where, answer, options: ids.join(', ') } },
          yaml.lineOf([...path, 'answer']),
        );
    }
    if (question.type === 'multiple' && new Set(question.answer).size !== question.answer.length)
      problems.error(file, { code: 'answerTwice', params: { field: where } }, yaml.lineOf([...path, 'answer']));
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
  media: ModuleMedia;
  /** The cover module.yaml names; absent when it names none (or a file that cannot be shown). */
  cover: ResolvedMedia | undefined;
};

function readModule(reader: TreeReader, folder: string, problems: Problems): ModuleBuild | undefined {
  const moduleFile = `${folder}/module.yaml`;
  if (!reader.has(moduleFile)) {
    problems.error(folder, { code: 'moduleYamlMissing', params: {} });
    return undefined;
  }
  const yaml = readYaml(reader, moduleFile, problems);
  const source = yaml && validate({ schema: moduleSchema, yaml, file: moduleFile, problems });
  if (!yaml || !source) return undefined;
  const at: Located = { file: moduleFile, yaml, problems };
  if (source.id !== folder)
    problems.error(moduleFile, { code: 'moduleIdMismatch', params: { id: source.id, folder } }, yaml.lineOf(['id']));
  checkLanguages(at, source.title, ['title']);
  checkLanguages(at, source.summary, ['summary']);
  const missingOutcomes = CONTENT_LOCALES.filter((l) => source.outcomes[l] === undefined);
  if (missingOutcomes.length)
    problems.warn(
      moduleFile,
      { code: 'outcomesMissing', params: { field: 'outcomes', locales: missingOutcomes.join(', ') } },
      yaml.lineOf(['outcomes']),
    );
  for (const locale of CONTENT_LOCALES) {
    const list = source.outcomes[locale];
    if (list && (list.length < OUTCOMES.min || list.length > OUTCOMES.max))
      problems.error(
        moduleFile,
        { code: 'outcomesCount', params: { field: `outcomes.${locale}`, found: list.length } },
        yaml.lineOf(['outcomes', locale]),
      );
  }

  const media = new ModuleMedia(reader, folder, folder);
  let cover: ResolvedMedia | undefined;
  if (source.cover !== undefined) {
    const resolved = media.resolve(source.cover);
    if ('url' in resolved) cover = resolved;
    else problems.error(moduleFile, { code: resolved.code, params: { ...resolved.params, field: 'cover' } }, yaml.lineOf(['cover']));
  }
  const lessonsByLocale = new Map<ContentLocale, LessonSource[]>();
  for (const locale of CONTENT_LOCALES) lessonsByLocale.set(locale, readLessons({ reader, folder, locale, problems, media }));
  const english = lessonsByLocale.get('en') ?? [];
  const englishDir = `${folder}/en`;
  if (english.length === 0) problems.error(englishDir, { code: 'englishLessonMissing', params: {} });
  if (english.length > 0 && english.length < MIN_LESSONS)
    problems.warn(englishDir, { code: 'lessonsTooFew', params: { found: english.length, min: MIN_LESSONS } });
  const orders = english.map((l) => l.order);
  if (orders.some((order, index) => order !== index + 1)) {
    problems.error(englishDir, { code: 'lessonNumbering', params: { found: orders.join(', ') } });
  }
  for (const locale of CONTENT_LOCALES) {
    const own = lessonsByLocale.get(locale) ?? [];
    if (own.length > 0 && own.every((lesson) => lesson.media.length === 0))
      problems.warn(`${folder}/${locale}`, { code: 'noIllustration', params: {} });
  }
  const englishNames = new Set(english.map((l) => `${String(l.order).padStart(2, '0')}-${l.id}`));
  for (const locale of CONTENT_LOCALES) {
    if (locale === 'en') continue;
    const lessons = lessonsByLocale.get(locale) ?? [];
    const names = new Set(lessons.map((l) => `${String(l.order).padStart(2, '0')}-${l.id}`));
    for (const lesson of lessons) {
      if (!englishNames.has(`${String(lesson.order).padStart(2, '0')}-${lesson.id}`)) {
        problems.error(lesson.file, { code: 'lessonNoOriginal', params: {} });
      }
    }
    const missing = [...englishNames].filter((name) => !names.has(name));
    if (missing.length) problems.warn(`${folder}/${locale}`, { code: 'lessonsMissing', params: { lessons: missing.join(', ') } });
  }

  const quizFile = `${folder}/quiz.yaml`;
  let quiz: QuizSource | undefined;
  if (reader.has(quizFile)) {
    const quizYaml = readYaml(reader, quizFile, problems);
    quiz = quizYaml && validate({ schema: quizSchema, yaml: quizYaml, file: quizFile, problems });
    if (quizYaml && quiz) checkQuizSize(quiz, { file: quizFile, yaml: quizYaml, problems });
  } else {
    problems.warn(quizFile, { code: 'quizMissing', params: {} });
  }
  const assignmentFile = `${folder}/assignment.yaml`;
  let assignment: AssignmentSource | undefined;
  if (reader.has(assignmentFile)) {
    const assignmentYaml = readYaml(reader, assignmentFile, problems);
    assignment = assignmentYaml && validate({ schema: assignmentSchema, yaml: assignmentYaml, file: assignmentFile, problems });
    if (assignmentYaml && assignment) {
      const located: Located = { file: assignmentFile, yaml: assignmentYaml, problems };
      checkLanguages(located, assignment.title, ['title']);
      checkLanguages(located, assignment.instructions, ['instructions']);
    }
  }
  return { source, lessonsByLocale, quiz, assignment, media, cover };
}

function checkQuizSize(quiz: QuizSource, at: Located): void {
  const { file, yaml, problems } = at;
  checkQuiz(quiz, at);
  if (quiz.questions.length < MIN_QUESTIONS)
    problems.warn(file, { code: 'quizTooFewQuestions', params: { found: quiz.questions.length, min: MIN_QUESTIONS } });
  if (quiz.draw !== undefined && quiz.draw < MIN_QUESTIONS)
    problems.warn(file, { code: 'quizDrawTooFew', params: { field: 'draw', found: quiz.draw, min: MIN_QUESTIONS } }, yaml.lineOf(['draw']));
  if (quiz.draw !== undefined && quiz.draw < quiz.questions.length && quiz.questions.length < MIN_POOL)
    problems.warn(file, { code: 'quizPoolTooSmall', params: { found: quiz.questions.length, min: MIN_POOL } });
  const types = new Set(quiz.questions.map((q) => q.type));
  if (types.size < MIN_QUESTION_TYPES)
    problems.warn(file, { code: 'quizQuestionTypes', params: { found: types.size, min: MIN_QUESTION_TYPES } });
}

function checkPrerequisites(modules: ModuleBuild[], problems: Problems): void {
  const ids = new Set(modules.map((m) => m.source.id));
  const graph = new Map(modules.map((m) => [m.source.id, m.source.prerequisites]));
  for (const m of modules) {
    for (const prerequisite of m.source.prerequisites) {
      if (!ids.has(prerequisite))
        problems.error(`${m.source.id}/module.yaml`, {
          code: 'prerequisiteUnknown',
          params: { field: 'prerequisites', module: prerequisite },
        });
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.error(`${id}/module.yaml`, { code: 'prerequisiteCycle', params: { cycle: [...path, id].join(' -> ') } });
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
          problems.error(lesson.file, { code: 'linkBroken', params: { link } });
      }
    }
  }
}

/** The revision of a content file: what its revisioned URL carries (`?v=`). */
export function revisionOf(json: string | Uint8Array): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 12);
}

type CourseOutput = Pick<CompileResult, 'files' | 'images' | 'binaries'> & { search: Map<ContentLocale, SearchEntry[]> };

function buildModuleFiles(build: ModuleBuild, { files, images, binaries, search }: CourseOutput): CatalogModule {
  const { source, lessonsByLocale, quiz, assignment } = build;
  const revisions = {} as Record<ContentLocale, string>;
  const media = {} as Record<ContentLocale, string[]>;
  const cover: Partial<Record<ContentLocale, ModuleCover>> = {};
  for (const file of build.media.files.values()) files.set(file.path, file.source);
  for (const [path, planned] of build.media.images) images.set(path, planned);
  for (const [path, bytes] of build.media.recordings) binaries.set(path, bytes);
  const english = lessonsByLocale.get('en') ?? [];
  for (const locale of CONTENT_LOCALES) {
    const own = new Map((lessonsByLocale.get(locale) ?? []).map((l) => [l.id, l]));
    const shown = english.map((en) => own.get(en.id) ?? en);
    media[locale] = [...new Set(shown.flatMap((lesson) => lesson.media))];
    // Without a cover of its own, a module shows the first illustration of its lessons in this language.
    const covering = build.cover ?? media[locale].map((url) => build.media.published(url)).find((image) => image !== undefined);
    if (covering) {
      cover[locale] = { url: covering.url, width: covering.width, height: covering.height };
      if (!media[locale].includes(covering.url)) media[locale].push(covering.url);
    }
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
      quizContent = {
        passMark: quiz.passMark,
        ...(quiz.draw === undefined ? {} : { draw: quiz.draw }),
        ...(quiz.shuffle === undefined ? {} : { shuffle: quiz.shuffle }),
        questions: localized.map((q) => q.question),
        fallback: localized.some((q) => q.fallback),
      };
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
      titleLocale: localize(source.title, locale).fallback ? 'en' : locale,
      outcomes: source.outcomes[locale] ?? source.outcomes.en,
      outcomesLocale: source.outcomes[locale] ? locale : 'en',
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
  const video = [...new Set([...lessonsByLocale.values()].flat().flatMap((lesson) => lesson.recordings))];
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
    quiz: quiz
      ? { questions: quiz.questions.length, passMark: quiz.passMark, ...(quiz.draw === undefined ? {} : { draw: quiz.draw }) }
      : null,
    assignment: assignment ? { category: assignment.category, hours: assignment.hours } : null,
    revisions,
    media,
    cover,
    ...(video.length ? { video } : {}),
  };
}

/** Compiles the `modules/` folder at `root`. */
export function compileContent(root: string): CompileResult {
  return compileTree({ tree: readTree(root), label: root });
}

/**
 * Compiles a whole course held as a tree: one folder per module and `curricula.yaml`.
 * `label` names the tree itself in problems about it (e.g. that it holds no modules).
 */
export function compileTree({ tree, label }: { tree: ContentTree; label: string }): CompileResult {
  const reader = new TreeReader(tree);
  const problems = new Problems(label);
  const files = new Map<string, string>();
  const images = new Map<string, PlannedVariant>();
  const binaries = new Map<string, Uint8Array>();
  const search = new Map<ContentLocale, SearchEntry[]>();
  const builds: ModuleBuild[] = [];

  const folders = reader.list('').filter((name) => reader.isFolder(name));
  for (const folder of folders) {
    const build = readModule(reader, folder, problems);
    if (build) builds.push(build);
  }
  if (folders.length === 0) problems.error('', { code: 'modulesNone', params: {} });
  checkPrerequisites(builds, problems);
  checkInternalLinks(builds, problems);
  const curricula = readCurricula({ reader, builds, problems });

  const modules = builds.map((build) => buildModuleFiles(build, { files, images, binaries, search }));
  const searchRevisions = {} as Record<ContentLocale, string>;
  for (const locale of CONTENT_LOCALES) {
    const json = JSON.stringify(search.get(locale) ?? []);
    files.set(contentPaths.search(locale).slice(1), json);
    searchRevisions[locale] = revisionOf(json);
  }
  const catalog: Catalog = { curricula, modules, searchRevisions };
  files.set(contentPaths.catalog.slice(1), JSON.stringify(catalog));
  return { files, images, binaries, problems: problems.list, catalog, course: courseSource(builds) };
}

function readCurricula({
  reader,
  builds,
  problems,
}: {
  reader: TreeReader;
  builds: ModuleBuild[];
  problems: Problems;
}): Catalog['curricula'] {
  const file = 'curricula.yaml';
  if (!reader.has(file)) {
    problems.error(file, { code: 'curriculaMissing', params: {} });
    return [];
  }
  const yaml = readYaml(reader, file, problems);
  const parsed = yaml && validate({ schema: curriculaFileSchema, yaml, file, problems });
  if (!yaml) return [];
  const ids = new Set(builds.map((b) => b.source.id));
  for (const [index, curriculum] of (parsed?.curricula ?? []).entries()) {
    const field = `curricula.${index} (${curriculum.id})`;
    const line = yaml.lineOf(['curricula', index]);
    checkLanguages({ file, yaml, problems }, curriculum.title, ['curricula', index, 'title']);
    for (const [position, moduleId] of curriculum.modules.entries()) {
      const moduleLine = yaml.lineOf(['curricula', index, 'modules', position]);
      if (!ids.has(moduleId)) problems.error(file, { code: 'curriculumUnknownModule', params: { field, module: moduleId } }, moduleLine);
      // A learner follows a pathway in order, so a module's prerequisites come before it.
      const prerequisites = builds.find((b) => b.source.id === moduleId)?.source.prerequisites ?? [];
      // An assignment's hours count only in a category the pathway asks for.
      const assignment = builds.find((b) => b.source.id === moduleId)?.assignment;
      if (assignment && !curriculum.hours[assignment.category])
        problems.warn(file, { code: 'curriculumHours', params: { field, module: moduleId, category: assignment.category } }, line);
      for (const prerequisite of prerequisites) {
        const at = curriculum.modules.indexOf(prerequisite);
        if (at > position) problems.error(file, { code: 'curriculumOrder', params: { field, module: moduleId, prerequisite } }, moduleLine);
      }
    }
  }
  const curricula = (parsed?.curricula ?? []).map((c) => ({ ...c, title: localizedAll(c.title), summary: localizedAll(c.summary) }));
  const curriculumIds = curricula.map((c) => c.id);
  if (new Set(curriculumIds).size !== curriculumIds.length) problems.error(file, { code: 'curriculumIdsTwice', params: {} });
  return curricula;
}

function courseSource(builds: ModuleBuild[]): CourseSource {
  const words = Object.fromEntries(CONTENT_LOCALES.map((l) => [l, 0])) as Record<ContentLocale, number>;
  for (const build of builds)
    for (const [locale, lessons] of build.lessonsByLocale) words[locale] += lessons.reduce((sum, l) => sum + l.words, 0);
  return { questions: builds.flatMap((b) => b.quiz?.questions ?? []), words };
}
