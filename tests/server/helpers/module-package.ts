/*
 * A module package made from a folder of modules/ with another id, version or English title,
 * and optionally a sentence added to a lesson: a new module, or a new version of one, for the
 * tests that import through the API (server tests and the e2e upload).
 */
import { writePackage } from '../../../src/content/package';
import { readTree } from '../../../src/content/tree';

export type PackageChanges = {
  /** The folder under modules/ to start from. */
  from: string;
  id: string;
  version: number;
  /** The English title (other languages keep theirs). */
  title?: string;
  /** A sentence appended to a lesson file (`en/01-....md`), so a new version's content differs. */
  addToLesson?: { file: string; sentence: string };
};

export function modulePackage({ from, id, version, title, addToLesson }: PackageChanges): Buffer {
  const files = readTree(`modules/${from}`);
  const text = (path: string) => new TextDecoder().decode(files.get(path));
  const set = (path: string, value: string) => files.set(path, new TextEncoder().encode(value));
  let yaml = text('module.yaml')
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^version: \d+$/m, `version: ${version}`);
  if (title !== undefined) yaml = yaml.replace(/^title:\n {2}en: .*$/m, `title:\n  en: ${title}`);
  set('module.yaml', yaml);
  if (addToLesson) {
    if (!files.has(addToLesson.file)) throw new Error(`modules/${from} has no ${addToLesson.file}`);
    set(addToLesson.file, `${text(addToLesson.file)}\n${addToLesson.sentence}\n`);
  }
  return Buffer.from(writePackage({ folder: id, files }));
}
