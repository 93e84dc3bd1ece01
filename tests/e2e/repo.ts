/*
 * What the tests know about the repository: where things are, and the course content read
 * straight from its sources (modules/*.yaml and the lesson Markdown), so the browser's
 * answers are checked against the files an author wrote, not against the app's own output.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distDir = join(repoRoot, 'dist');
const modulesDir = join(repoRoot, 'modules');

export type ContentLocale = 'en' | 'lv' | 'bg' | 'uk';
type Localized = Partial<Record<ContentLocale, string>> & { en: string };

/** A lesson file: its id (the file name without the number), frontmatter title and `##` section headings. */
export type SourceLesson = { id: string; file: string; title: string; headings: string[] };

export type SourceQuestion =
  | { id: string; type: 'single'; text: Localized; options: { id: string; text: Localized }[]; answer: string }
  | { id: string; type: 'multiple'; text: Localized; options: { id: string; text: Localized }[]; answer: string[] }
  | { id: string; type: 'truefalse'; text: Localized; answer: boolean }
  | { id: string; type: 'order'; text: Localized; options: { id: string; text: Localized }[] };

export type SourceQuiz = { passMark: number; questions: SourceQuestion[] };

export type SourceModule = {
  id: string;
  title: Localized;
  outcomes: Partial<Record<ContentLocale, string[]>>;
  /** Module ids that must come before this one in a pathway. */
  prerequisites?: string[];
};

export function moduleIds(): string[] {
  return readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(modulesDir, entry.name, 'module.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/** The module ids of the built catalogue (dist/content/catalog.json), in catalogue order. */
export function builtModuleIds(): string[] {
  return readJson<{ modules: { id: string }[] }>(join(distDir, 'content', 'catalog.json')).modules.map((m) => m.id);
}

export function readModule(moduleId: string): SourceModule {
  return parse(readFileSync(join(modulesDir, moduleId, 'module.yaml'), 'utf8')) as SourceModule;
}

export function readQuiz(moduleId: string): SourceQuiz {
  return parse(readFileSync(join(modulesDir, moduleId, 'quiz.yaml'), 'utf8')) as SourceQuiz;
}

/** The lessons of a module in one language (none if it has no folder for it), in order, with the title from each file's frontmatter. */
export function readLessons(moduleId: string, locale: ContentLocale): SourceLesson[] {
  const dir = join(modulesDir, moduleId, locale);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d+-.+\.md$/.test(name))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
      if (frontmatter === undefined) throw new Error(`${moduleId}/${locale}/${file} has no frontmatter`);
      const { title } = parse(frontmatter) as { title: string };
      const headings = [...text.matchAll(/^## +(.+?)\s*$/gm)].map((match) => match[1] ?? '');
      return { id: file.replace(/^\d+-/, '').replace(/\.md$/, ''), file, title, headings };
    });
}

export function firstLesson(moduleId: string, locale: ContentLocale): SourceLesson {
  const lesson = readLessons(moduleId, locale)[0];
  if (!lesson) throw new Error(`module ${moduleId} has no lessons in ${locale}`);
  return lesson;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
