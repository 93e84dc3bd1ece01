/*
 * The course content the client fetches (/content/catalog.json, /content/search/<lng>.json,
 * /content/modules/<id>/<lng>.json, /content/media/<id>/<name>.<hash>.svg), put together from
 * the modules in the database instead of the build's dist/: the catalogue and search index
 * list the modules that are not retired (and pathways lose retired ones); a module's files
 * stay served by revision, so progress on a retired module can still be shown. Seeded from
 * modules/, this is byte for byte what the build emits.
 *
 * Revisioned requests (`?v=`) are answered only when the revision is the database's: any
 * other revision is left to dist/ (the build's), so one URL always means the same bytes and
 * the service worker's content cache stays right. The assembled content is kept per process
 * and rebuilt when the process's course check (course-check.ts) shows an import, a retirement
 * or new pathways, also from another server process on the same PostgreSQL.
 */
import { revisionOf } from '../../content/compile';
import { contentTypeOf } from '../../content/media';
import type { Catalog, SearchEntry } from '../../shared/content/compiled';
import { CONTENT_LOCALES, type ContentLocale } from '../../shared/content/locales';
import type { Store } from '../store/database';
import type { CourseCheck } from './course-check';
import { readCurricula, readMedia, readModules, type StoredModule } from './store';

export type ContentAnswer = { body: string | Buffer; contentType: string; immutable: boolean };

type Assembled = {
  files: Map<string, string>;
  /** The current revision of each revisioned file. */
  revisions: Map<string, string>;
};

const byId = (a: StoredModule, b: StoredModule): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function assembleContent(store: Store): Promise<Assembled | undefined> {
  const modules = (await readModules(store.db)).sort(byId);
  if (modules.length === 0) return undefined;
  const active = modules.filter((m) => !m.retired);
  const activeIds = new Set(active.map((m) => m.id));
  const files = new Map<string, string>();
  const revisions = new Map<string, string>();
  for (const module of modules) {
    for (const [path, body] of Object.entries(module.compiled.files)) files.set(path, body);
    for (const locale of CONTENT_LOCALES)
      revisions.set(`content/modules/${module.id}/${locale}.json`, module.compiled.catalog.revisions[locale]);
  }
  const searchRevisions = {} as Record<ContentLocale, string>;
  for (const locale of CONTENT_LOCALES) {
    const entries: SearchEntry[] = active.flatMap((m) => m.compiled.search[locale]);
    const json = JSON.stringify(entries);
    files.set(`content/search/${locale}.json`, json);
    searchRevisions[locale] = revisionOf(json);
    revisions.set(`content/search/${locale}.json`, searchRevisions[locale]);
  }
  const curricula = (await readCurricula(store.db)).map((c) => ({ ...c, modules: c.modules.filter((id) => activeIds.has(id)) }));
  const catalog: Catalog = { curricula, modules: active.map((m) => m.compiled.catalog), searchRevisions };
  files.set('content/catalog.json', JSON.stringify(catalog));
  return { files, revisions };
}

export class CourseContent {
  private cached: { stamp: string; content: Assembled | undefined } | undefined;

  private readonly store: Store;
  private readonly check: CourseCheck;

  constructor({ store, check }: { store: Store; check: CourseCheck }) {
    this.store = store;
    this.check = check;
  }

  /**
   * The answer to a GET of `path` (without the leading slash) with the query's `v`, or
   * undefined when the database has no such file at that revision (dist/ may have it).
   */
  async answer({ path, revision }: { path: string; revision: string | undefined }): Promise<ContentAnswer | undefined> {
    const content = await this.current();
    const media = path.startsWith('content/media/');
    // Photograph widths are bytes in course_media, read when asked for (the browser keeps them: their names carry their hash).
    const stored = content && media && !content.files.has(path) ? await readMedia(this.store.db, path) : undefined;
    if (stored) return { body: stored, contentType: contentTypeOf(path), immutable: true };
    const body = content?.files.get(path);
    if (!content || body === undefined) return undefined;
    const current = content.revisions.get(path);
    if (revision !== undefined && current !== undefined && revision !== current) return undefined;
    return {
      body,
      contentType: contentTypeOf(path),
      // Media names carry their hash; a revisioned file asked for by its revision never changes either.
      immutable: media || (revision !== undefined && revision === current),
    };
  }

  private async current(): Promise<Assembled | undefined> {
    const stamp = await this.check.stamp();
    if (this.cached?.stamp !== stamp) this.cached = { stamp, content: await assembleContent(this.store) };
    return this.cached.content;
  }
}
