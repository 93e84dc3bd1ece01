/*
 * One module's share of a compiled course: its catalogue entry, its content files (one JSON
 * per language, its illustrations) and its search entries. Stored with the module, so the
 * catalogue, the search index and the content can be put together from the database without
 * compiling again. The WebP widths of its photographs are stored apart (table course_media),
 * as bytes and not in the compiled JSON.
 */
import type { CompileResult } from '../../content/compile';
import { publishImages } from '../../content/images';
import type { CatalogModule, SearchEntry } from '../../shared/content/compiled';
import { CONTENT_LOCALES, type ContentLocale } from '../../shared/content/locales';

export type CompiledModule = {
  catalog: CatalogModule;
  /** Content files by path (`content/modules/<id>/<lng>.json`, `content/media/<id>/...`). */
  files: Record<string, string>;
  search: Record<ContentLocale, SearchEntry[]>;
  /** Published files that are not text (photograph widths) by path; saved to course_media, never in the JSON. */
  binaries?: Map<string, Uint8Array>;
};

export function compiledModules(result: CompileResult): Map<string, CompiledModule> {
  const search = new Map(
    CONTENT_LOCALES.map((locale) => [locale, JSON.parse(result.files.get(`content/search/${locale}.json`) ?? '[]') as SearchEntry[]]),
  );
  const modules = new Map<string, CompiledModule>();
  for (const catalog of result.catalog.modules) {
    const prefixes = [`content/modules/${catalog.id}/`, `content/media/${catalog.id}/`];
    const files: Record<string, string> = {};
    for (const [path, text] of result.files) if (prefixes.some((prefix) => path.startsWith(prefix))) files[path] = text;
    const binaries = new Map([...result.binaries].filter(([path]) => prefixes.some((prefix) => path.startsWith(prefix))));
    const own = {} as Record<ContentLocale, SearchEntry[]>;
    for (const locale of CONTENT_LOCALES) own[locale] = (search.get(locale) ?? []).filter((entry) => entry.moduleId === catalog.id);
    modules.set(catalog.id, { catalog, files, search: own, ...(binaries.size ? { binaries } : {}) });
  }
  return modules;
}

/** The modules `ids` (all when absent) of a compiled course, with their photographs made and their storage measured. */
export async function publishedModules(result: CompileResult, ids?: readonly string[]): Promise<Map<string, CompiledModule>> {
  await publishImages(result, ids);
  const modules = compiledModules(result);
  if (ids) for (const id of modules.keys()) if (!ids.includes(id)) modules.delete(id);
  return modules;
}
