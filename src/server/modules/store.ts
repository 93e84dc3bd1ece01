/*
 * The course modules and pathways the server keeps (tables course_modules and
 * course_curricula, migration 0015; the photographs' WebP widths in course_media, 0016):
 * reads and writes only; what may be written is decided by
 * ./service.ts. Imports are serialised across server processes by a PostgreSQL advisory lock
 * (SQLite runs one write transaction at a time anyway).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from '../store/database';
import type { Database } from '../store/schema';
import type { CurriculumSource } from '../../shared/content/schema';
import type { CompiledModule } from './compiled';

export type StoredModule = {
  id: string;
  version: number;
  sizeBytes: number;
  compiled: CompiledModule;
  importedAt: string;
  importedBy: string | null;
  retired: boolean;
};

type Reader = Kysely<Database> | Transaction<Database>;

const columns = ['id', 'version', 'size_bytes', 'compiled', 'imported_at', 'imported_by', 'retired'] as const;

export async function lockModules(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(730115)`.execute(trx);
}

export async function readModules(db: Reader): Promise<StoredModule[]> {
  const rows = await db.selectFrom('course_modules').select(columns).orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    sizeBytes: Number(row.size_bytes),
    compiled: JSON.parse(row.compiled) as CompiledModule,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    retired: row.retired === 1,
  }));
}

/** Every module's package (zip), by module id. */
export async function readPackages(db: Reader): Promise<Map<string, Uint8Array>> {
  const rows = await db.selectFrom('course_modules').select(['id', 'package']).execute();
  return new Map(rows.map((row) => [row.id, new Uint8Array(row.package)]));
}

export async function readPackage(db: Reader, id: string): Promise<{ version: number; zip: Uint8Array } | undefined> {
  const row = await db.selectFrom('course_modules').select(['version', 'package']).where('id', '=', id).executeTakeFirst();
  return row && { version: row.version, zip: new Uint8Array(row.package) };
}

export async function countModules(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('course_modules')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Adds a module or replaces it with another version (kept retired or not as it was). */
export async function saveModule(
  trx: Transaction<Database>,
  module: { id: string; version: number; zip: Uint8Array; compiled: CompiledModule; importedAt: string; importedBy: string | null },
): Promise<void> {
  const { binaries, ...compiled } = module.compiled;
  const values = {
    version: module.version,
    package: Buffer.from(module.zip),
    size_bytes: module.zip.byteLength,
    compiled: JSON.stringify(compiled),
    imported_at: module.importedAt,
    imported_by: module.importedBy,
  };
  await trx
    .insertInto('course_modules')
    .values({ id: module.id, ...values, retired: 0 })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  await saveMedia(trx, { moduleId: module.id, binaries: binaries ?? new Map() });
}

/** Replaces a module's stored media files with these (the previous version's go: their URLs are in no content served now). */
async function saveMedia(
  trx: Transaction<Database>,
  { moduleId, binaries }: { moduleId: string; binaries: Map<string, Uint8Array> },
): Promise<void> {
  await trx.deleteFrom('course_media').where('module_id', '=', moduleId).execute();
  for (const [path, bytes] of binaries)
    await trx
      .insertInto('course_media')
      .values({ path, module_id: moduleId, body: Buffer.from(bytes), size_bytes: bytes.byteLength })
      .execute();
}

/** A stored media file by its path, or undefined. */
export async function readMedia(db: Reader, path: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('course_media').select('body').where('path', '=', path).executeTakeFirst();
  return row && Buffer.from(row.body);
}

/** Sets whether a module is retired; false when there is no such module. */
export async function setRetired(db: Reader, { id, retired }: { id: string; retired: boolean }): Promise<boolean> {
  const result = await db
    .updateTable('course_modules')
    .set({ retired: retired ? 1 : 0 })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function readCurricula(db: Reader): Promise<CurriculumSource[]> {
  const rows = await db.selectFrom('course_curricula').select('definition').orderBy('position').execute();
  return rows.map((row) => JSON.parse(row.definition) as CurriculumSource);
}

/** Replaces every pathway with these, in this order. */
export async function saveCurricula(
  trx: Transaction<Database>,
  { curricula, by, at }: { curricula: CurriculumSource[]; by: string | null; at: string },
): Promise<void> {
  await trx.deleteFrom('course_curricula').execute();
  if (curricula.length === 0) return;
  await trx
    .insertInto('course_curricula')
    .values(
      curricula.map((curriculum, position) => ({
        id: curriculum.id,
        position,
        definition: JSON.stringify(curriculum),
        updated_at: at,
        updated_by: by,
      })),
    )
    .execute();
}

/** How many learners have statements (not voided) on each of these lessons of a module. */
export async function learnersOnLessons(
  db: Reader,
  { moduleId, lessonIds }: { moduleId: string; lessonIds: string[] },
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const lessonId of lessonIds) {
    // Activity ids end in /activities/module/<id>/lesson/<id> under any base (shared/xapi/activities.ts); ids are slugs.
    const suffix = `%/activities/module/${moduleId}/lesson/${lessonId}`;
    const row = await db
      .selectFrom('statements')
      .select((eb) => eb.fn.count<number>('actor_key').distinct().as('n'))
      .where('object_activity_id', 'like', suffix)
      .where('voided', '=', 0)
      .executeTakeFirst();
    counts.set(lessonId, Number(row?.n ?? 0));
  }
  return counts;
}
