/*
 * Module packages on a running server: import (validated with the rules of modules:check
 * against the whole course with the package in it), export, list, retire and restore, and
 * the first-start seed from the repository's modules/. The CLI (admin-commands.ts) and the
 * HTTP API (routes/modules.ts) both call these, so they refuse the same things the same way.
 * An import changes nothing unless it is stored whole, in one transaction. Every change is noted
 * (course-check.ts), so this process serves the new course from its next request on.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { readPackage as unpackZip, writePackage, type ModulePackage } from '../../content/package';
import { problem, type ContentProblem } from '../../content/problems';
import { readTree } from '../../content/tree';
import { checkCourse } from '../../content/validate';
import type { ModuleSummary, RemovedLesson } from '../../shared/content/modulePackages';
import { curriculaFileSchema, type CurriculumSource } from '../../shared/content/schema';
import type { Store } from '../store/database';
import { ConflictError } from '../store/errors';
import { publishedModules } from './compiled';
import { noteCourseWrite } from './course-check';
import {
  countModules,
  learnersOnLessons,
  lockModules,
  readCurricula,
  readModules,
  readPackage,
  readPackages,
  saveCurricula,
  saveModule,
  setRetired,
  type StoredModule,
} from './store';

export type { ModuleSummary, RemovedLesson };

/** Checks against a course that another import changed meanwhile are redone this many times at most. */
const MAX_IMPORT_ATTEMPTS = 3;

export type ImportOutcome =
  | { outcome: 'imported'; created: boolean; module: ModuleSummary }
  | { outcome: 'refused'; problems: ContentProblem[] }
  | { outcome: 'lessons-removed'; removedLessons: RemovedLesson[] };

function summary(module: StoredModule): ModuleSummary {
  return {
    id: module.id,
    version: module.version,
    title: module.compiled.catalog.title,
    languages: module.compiled.catalog.languages,
    sizeBytes: module.sizeBytes,
    importedAt: module.importedAt,
    importedBy: module.importedBy,
    retired: module.retired,
  };
}

export async function listModules(store: Store): Promise<ModuleSummary[]> {
  return (await readModules(store.db)).map(summary);
}

/** The package of a module, as it was imported; undefined when there is no such module. */
export async function exportModule(store: Store, id: string): Promise<{ version: number; zip: Uint8Array } | undefined> {
  return readPackage(store.db, id);
}

/** Retires (hides from the catalogue and pathways; progress and reports stay) or restores a module. */
export async function retireModule(store: Store, { id, retired }: { id: string; retired: boolean }): Promise<ModuleSummary | undefined> {
  if (!(await setRetired(store.db, { id, retired }))) return undefined;
  noteCourseWrite(store);
  return (await readModules(store.db)).map(summary).find((module) => module.id === id);
}

function curriculaFile(curricula: CurriculumSource[]): Uint8Array {
  return new TextEncoder().encode(curriculaYaml(curricula));
}

/** The server's course as a tree (one folder per module, curricula.yaml), with `replace` put in place of its module. */
function courseTree({
  packages,
  curricula,
  replace,
}: {
  packages: Map<string, ModulePackage>;
  curricula: Uint8Array;
  replace?: ModulePackage;
}): Map<string, Uint8Array> {
  const tree = new Map<string, Uint8Array>([['curricula.yaml', curricula]]);
  for (const [id, module] of packages) {
    if (replace && id === replace.folder) continue;
    for (const [path, bytes] of module.files) tree.set(`${id}/${path}`, bytes);
  }
  if (replace) for (const [path, bytes] of replace.files) tree.set(`${replace.folder}/${path}`, bytes);
  return tree;
}

/** Every stored package unpacked; stored packages were read once already, so they read again. */
async function storedPackages(store: Store): Promise<Map<string, ModulePackage>> {
  const packages = new Map<string, ModulePackage>();
  for (const [id, zip] of await readPackages(store.db)) {
    const read = unpackZip(zip, id);
    if (!read.ok) throw new Error(`The stored package of module "${id}" cannot be read: ${read.problems[0]?.message ?? ''}`);
    packages.set(id, { folder: id, files: read.package.files });
  }
  return packages;
}

/** What the course looked like when a package was checked: a concurrent import makes the check stale. */
function courseStamp(modules: StoredModule[], curricula: CurriculumSource[]): string {
  return JSON.stringify([modules.map((m) => [m.id, m.version, m.importedAt]), curricula]);
}

/**
 * Imports a package. Refused with every problem when it is not a valid package, when the
 * course with it in would fail modules:check, or when its version does not grow; held back
 * (unless `force`) when lessons that learners have progress on would disappear.
 */
export async function importModule(
  store: Store,
  {
    zip,
    force,
    by,
    label = 'package.zip',
    attempt = 1,
  }: { zip: Uint8Array; force: boolean; by: string | null; label?: string; attempt?: number },
): Promise<ImportOutcome> {
  const read = unpackZip(zip, label);
  if (!read.ok) return { outcome: 'refused', problems: read.problems };
  const incoming = read.package;
  const id = incoming.folder;

  const modules = await readModules(store.db);
  const curricula = await readCurricula(store.db);
  const stamp = courseStamp(modules, curricula);
  const checked = checkCourse({
    tree: courseTree({ packages: await storedPackages(store), curricula: curriculaFile(curricula), replace: incoming }),
    label,
  });
  if (checked.problems.length) return { outcome: 'refused', problems: checked.problems };
  const compiled = (await publishedModules(checked.compiled, [id])).get(id);
  if (!compiled) throw new Error(`Module "${id}" passed the checks but was not compiled.`);

  const current = modules.find((module) => module.id === id);
  if (current && compiled.catalog.version <= current.version) {
    return {
      outcome: 'refused',
      problems: [
        problem(
          { file: `${id}/module.yaml` },
          { code: 'versionNotGrowing', params: { field: 'version', version: compiled.catalog.version, current: current.version } },
        ),
      ],
    };
  }
  if (current && !force) {
    const kept = new Set(compiled.catalog.lessons.map((lesson) => lesson.id));
    const removed = current.compiled.catalog.lessons.map((lesson) => lesson.id).filter((lessonId) => !kept.has(lessonId));
    const learners = await learnersOnLessons(store.db, { moduleId: id, lessonIds: removed });
    const removedLessons = removed.map((lessonId) => ({ lessonId, learners: learners.get(lessonId) ?? 0 })).filter((r) => r.learners > 0);
    if (removedLessons.length) return { outcome: 'lessons-removed', removedLessons };
  }

  const importedAt = new Date().toISOString();
  // Stored re-packed (same files, path order, fixed times), so an export is the same bytes every time.
  const stored = writePackage(incoming);
  const committed = await store.db.transaction().execute(async (trx) => {
    await lockModules(trx, store.dialect);
    // Another import between the check and now: check again against the course as it is now.
    if (courseStamp(await readModules(trx), await readCurricula(trx)) !== stamp) return false;
    await saveModule(trx, { id, version: compiled.catalog.version, zip: stored, compiled, importedAt, importedBy: by });
    return true;
  });
  if (!committed) {
    if (attempt >= MAX_IMPORT_ATTEMPTS) throw new ConflictError('Other imports keep changing the course; try again in a moment.');
    return importModule(store, { zip, force, by, label, attempt: attempt + 1 });
  }
  noteCourseWrite(store);
  const module: StoredModule = {
    id,
    version: compiled.catalog.version,
    sizeBytes: stored.byteLength,
    compiled,
    importedAt,
    importedBy: by,
    retired: current?.retired ?? false,
  };
  return { outcome: 'imported', created: !current, module: summary(module) };
}

export type CurriculaOutcome = { outcome: 'saved'; curricula: CurriculumSource[] } | { outcome: 'refused'; problems: ContentProblem[] };

export async function listCurricula(store: Store): Promise<CurriculumSource[]> {
  return readCurricula(store.db);
}

/** The pathways as curricula.yaml, as an editor would write them (checked only where they are read back). */
export function curriculaYaml(curricula: readonly unknown[]): string {
  return stringifyYaml({ curricula });
}

/**
 * Replaces the pathways with the ones in `yaml` (a curricula.yaml), refused with every
 * problem when the course with them would fail modules:check.
 */
export async function replaceCurricula(
  store: Store,
  { yaml, by, attempt = 1 }: { yaml: Uint8Array; by: string | null; attempt?: number },
): Promise<CurriculaOutcome> {
  const modules = await readModules(store.db);
  const stamp = courseStamp(modules, await readCurricula(store.db));
  const checked = checkCourse({ tree: courseTree({ packages: await storedPackages(store), curricula: yaml }), label: 'curricula.yaml' });
  if (checked.problems.length) return { outcome: 'refused', problems: checked.problems };
  const curricula = curriculaFileSchema.parse(parseYaml(new TextDecoder().decode(yaml))).curricula;
  const saved = await store.db.transaction().execute(async (trx) => {
    await lockModules(trx, store.dialect);
    if (courseStamp(await readModules(trx), await readCurricula(trx)) !== stamp) return false;
    await saveCurricula(trx, { curricula, by, at: new Date().toISOString() });
    return true;
  });
  if (saved) {
    noteCourseWrite(store);
    return { outcome: 'saved', curricula };
  }
  if (attempt >= MAX_IMPORT_ATTEMPTS) throw new ConflictError('Other changes keep changing the course; try again in a moment.');
  return replaceCurricula(store, { yaml, by, attempt: attempt + 1 });
}

export class SeedError extends Error {}

/**
 * Fills an empty server with the course in `root` (the repository's modules/): each module is
 * zipped and read back as a package, the course is checked once with the import's rules, and
 * all modules and pathways are stored in one transaction. Does nothing when the server already
 * has modules. Returns how many modules it stored.
 */
export async function seedModules(store: Store, root = 'modules'): Promise<number> {
  if ((await countModules(store.db)) > 0) return 0;
  const folder = readTree(root);
  const packages = new Map<string, ModulePackage>();
  const zips = new Map<string, Uint8Array>();
  const ids = [...new Set([...folder.keys()].filter((path) => path.includes('/')).map((path) => path.split('/')[0] ?? ''))];
  for (const id of ids) {
    const files = new Map(
      [...folder].filter(([path]) => path.startsWith(`${id}/`)).map(([path, bytes]) => [path.slice(id.length + 1), bytes]),
    );
    const zip = writePackage({ folder: id, files });
    const read = unpackZip(zip, `${id}.zip`);
    if (!read.ok)
      throw new SeedError(`${root}/${id} is not a valid package: ${read.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
    packages.set(id, read.package);
    zips.set(id, zip);
  }
  const curriculaYaml = folder.get('curricula.yaml') ?? new Uint8Array();
  const checked = checkCourse({ tree: courseTree({ packages, curricula: curriculaYaml }), label: root });
  if (checked.problems.length)
    throw new SeedError(`${root} fails modules:check:\n${checked.problems.map((p) => `${p.file}: ${p.message}`).join('\n')}`);
  const compiled = await publishedModules(checked.compiled);
  const curricula = curriculaFileSchema.parse(parseYaml(new TextDecoder().decode(curriculaYaml))).curricula;
  const at = new Date().toISOString();
  const stored = await store.db.transaction().execute(async (trx) => {
    await lockModules(trx, store.dialect);
    if ((await countModules(trx)) > 0) return 0;
    for (const [id, zip] of zips) {
      const module = compiled.get(id);
      if (!module) throw new SeedError(`${root}/${id} was not compiled.`);
      await saveModule(trx, { id, version: module.catalog.version, zip, compiled: module, importedAt: at, importedBy: null });
    }
    await saveCurricula(trx, { curricula, by: null, at });
    return zips.size;
  });
  if (stored > 0) noteCourseWrite(store);
  return stored;
}
