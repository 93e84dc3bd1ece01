/*
 * Module packages on a running server (src/server/modules, routes/modules.ts, the admin CLI),
 * on SQLite and PostgreSQL: the seed and the export/import round trip keep the compiled content
 * identical; every refusal says why and stores nothing; only coordinators reach the API.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../src/content/compile';
import { readPackage, writePackage } from '../../src/content/package';
import { readTree } from '../../src/content/tree';
import { checkCourse } from '../../src/content/validate';
import { runAdmin } from '../../src/server/admin-commands';
import { publishedModules } from '../../src/server/modules/compiled';
import { seedModules, type ModuleSummary } from '../../src/server/modules/service';
import { readModules } from '../../src/server/modules/store';
import { activityId } from '../../src/shared/xapi/activities';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, XAPI_BASE, XAPI_HEADERS, makeUser, startTestServer, type Session, type TestServer } from './helpers/server';
import { statement } from './helpers/statements';

const MODULE = 'online-safety';
const REMOVED_LESSON = 'common-scams-and-what-to-do';
const LOCALES = ['en', 'lv', 'bg', 'uk'];
const source = readTree(`modules/${MODULE}`);
const text = (path: string) => new TextDecoder().decode(source.get(path));
const bytes = (value: string) => new TextEncoder().encode(value);

/** The module's package with some files changed (a string), removed (null) or added. */
function packageWith(edits: Record<string, string | null> = {}, folder = MODULE): Buffer {
  const files = new Map(source);
  for (const [path, value] of Object.entries(edits)) {
    if (value === null) files.delete(path);
    else files.set(path, bytes(value));
  }
  return Buffer.from(writePackage({ folder, files }));
}

const withVersion = (version: number) => text('module.yaml').replace(/^version: \d+$/m, `version: ${version}`);

describe.each(DATABASES)('module packages on %s', (kind) => {
  let server: TestServer;
  let coordinator: Session;
  let mentor: Session;
  let learner: Session;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    expect(await seedModules(server.ctx.store)).toBe(compileContent('modules').catalog.modules.length);
    coordinator = await makeUser(server, 'coord', 'coordinator');
    mentor = await makeUser(server, 'mentor', 'mentor');
    learner = await makeUser(server, 'learner', 'learner');
  });
  afterAll(async () => {
    await server?.close();
  });

  const as = (session: Session | undefined) => ({ ...APP_HEADERS, ...(session ? { cookie: session.cookie } : {}) });
  const upload = (zip: Buffer, query = '') =>
    server.app.inject({
      method: 'POST',
      url: `/api/modules${query}`,
      headers: { ...as(coordinator), 'content-type': 'application/zip' },
      payload: zip,
    });
  const list = async () =>
    (await server.app.inject({ method: 'GET', url: '/api/modules', headers: as(coordinator) })).json<{ modules: ModuleSummary[] }>()
      .modules;
  const exported = async (id = MODULE) =>
    (await server.app.inject({ method: 'GET', url: `/api/modules/${id}/package`, headers: as(coordinator) })).rawPayload;

  it('seeds the course once, and an export round trip compiles to the same content', async () => {
    expect(await seedModules(server.ctx.store)).toBe(0);
    const expected = await publishedModules(compileContent('modules'));
    const stored = await readModules(server.ctx.store.db);
    expect(stored.map((m) => m.id)).toEqual([...expected.keys()].sort());
    for (const module of stored) expect(module.compiled).toEqual(expected.get(module.id));

    const tree = new Map<string, Uint8Array>([['curricula.yaml', readFileSync('modules/curricula.yaml')]]);
    for (const { id } of stored) {
      const read = readPackage(await exported(id));
      expect(read.ok && read.package.folder).toBe(id);
      if (read.ok) for (const [path, content] of read.package.files) tree.set(`${id}/${path}`, content);
    }
    const again = checkCourse({ tree, label: 'exported' });
    expect(again.problems).toEqual([]);
    expect(await publishedModules(again.compiled)).toEqual(expected);
  });

  it('lists every module with its version, languages, size and who imported it', async () => {
    const module = (await list()).find((m) => m.id === MODULE);
    expect(module).toMatchObject({
      version: 1,
      languages: LOCALES,
      importedBy: null,
      retired: false,
      title: { en: 'Online safety for patrons' },
    });
    expect(module?.sizeBytes).toBe((await exported()).length);
  });

  const image = text('en/01-recognising-scam-messages.md');
  const quiz = text('quiz.yaml');
  it.each([
    ['a path out of the folder', () => packageWithEntry('online-safety/../evil.md'), 'entryUnsafePath', 'points outside the module folder'],
    ['bad YAML', () => packageWith({ 'module.yaml': `${withVersion(2)}\ntitle: [` }), 'yamlInvalid', 'is not valid YAML'],
    [
      'a missing translation',
      () => packageWith({ 'module.yaml': withVersion(2).replace(/^ {2}lv: Drošība internetā.*\n/m, '') }),
      'translationMissing',
      'title: no lv text (English is shown instead)',
    ],
    [
      'missing alt text',
      () => packageWith({ 'module.yaml': withVersion(2), 'en/01-recognising-scam-messages.md': image.replace(/!\[[^\]]+\]/, '![]') }),
      'imageNoAlt',
      'without alt text',
    ],
    [
      'a quiz answer that is not an option',
      () => packageWith({ 'module.yaml': withVersion(2), 'quiz.yaml': quiz.replace(/answer: b$/m, 'answer: z') }),
      'answerNotOption',
      'answer "z" is not one of the options',
    ],
    [
      'a file too large',
      () =>
        packageWith({
          'module.yaml': withVersion(2),
          'en/02-passwords-and-two-factor.md': `${text('en/02-passwords-and-two-factor.md')}${' x'.repeat(140_000)}`,
        }),
      'entryTooLarge',
      'such a file is at most 256 KB',
    ],
    ['a version that does not grow', () => packageWith(), 'versionNotGrowing', 'version: is 1; the server has version 1'],
  ])('refuses %s with its message and stores nothing', async (_name, make, code, message) => {
    const before = { modules: await list(), zip: await exported() };
    const response = await upload(make());
    expect(response.statusCode).toBe(422);
    const problems = response.json<{ problems: { code: string; message: string; file: string }[] }>().problems;
    expect(problems.filter((p) => p.code === code).map((p) => p.message)).toEqual([expect.stringContaining(message)]);
    expect(await list()).toEqual(before.modules);
    expect(await exported()).toEqual(before.zip);
  });

  it('updates a module to a newer version, naming who imported it', async () => {
    const zip = packageWith({ 'module.yaml': withVersion(2) });
    const response = await upload(zip);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ module: ModuleSummary }>().module).toMatchObject({ id: MODULE, version: 2, importedBy: 'coord' });
    expect((await list()).find((m) => m.id === MODULE)?.version).toBe(2);
    expect(await exported()).toEqual(zip);
  });

  it('holds back a version that removes a lesson learners have studied, until forced', async () => {
    const studied = await server.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...as(learner), ...XAPI_HEADERS },
      payload: statement(learner.agent, {
        object: { objectType: 'Activity', id: activityId(XAPI_BASE, { kind: 'lesson', moduleId: MODULE, lessonId: REMOVED_LESSON }) },
      }),
    });
    expect(studied.statusCode).toBe(200);
    const renamed: Record<string, string | null> = { 'module.yaml': withVersion(3) };
    for (const locale of LOCALES) {
      renamed[`${locale}/03-${REMOVED_LESSON}.md`] = null;
      renamed[`${locale}/03-scams-and-what-to-do.md`] = text(`${locale}/03-${REMOVED_LESSON}.md`);
    }
    const held = await upload(packageWith(renamed));
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({ removedLessons: [{ lessonId: REMOVED_LESSON, learners: 1 }] });
    expect((await list()).find((m) => m.id === MODULE)?.version).toBe(2);

    const forced = await upload(packageWith(renamed), '?force=1');
    expect(forced.statusCode).toBe(200);
    expect((await list()).find((m) => m.id === MODULE)?.version).toBe(3);
  });

  it('imports a new module (201), retires and restores it', async () => {
    const copy = text('module.yaml').replace(/^id: online-safety$/m, 'id: online-safety-copy');
    const response = await upload(packageWith({ 'module.yaml': copy }, 'online-safety-copy'));
    expect(response.statusCode).toBe(201);
    const retire = await server.app.inject({ method: 'POST', url: '/api/modules/online-safety-copy/retire', headers: as(coordinator) });
    expect(retire.json<{ module: ModuleSummary }>().module).toMatchObject({ id: 'online-safety-copy', retired: true });
    expect((await list()).find((m) => m.id === 'online-safety-copy')?.retired).toBe(true);
    const restore = await server.app.inject({ method: 'POST', url: '/api/modules/online-safety-copy/restore', headers: as(coordinator) });
    expect(restore.json<{ module: ModuleSummary }>().module.retired).toBe(false);
    const missing = await server.app.inject({ method: 'POST', url: '/api/modules/no-such-module/retire', headers: as(coordinator) });
    expect(missing.statusCode).toBe(404);
  });

  it('answers only coordinators', async () => {
    const requests = [
      { method: 'GET' as const, url: '/api/modules' },
      { method: 'POST' as const, url: '/api/modules', payload: packageWith({ 'module.yaml': withVersion(9) }) },
      { method: 'GET' as const, url: `/api/modules/${MODULE}/package` },
      { method: 'POST' as const, url: `/api/modules/${MODULE}/retire` },
    ];
    for (const request of requests) {
      for (const [session, status] of [
        [learner, 403],
        [mentor, 403],
        [undefined, 401],
      ] as const) {
        const response = await server.app.inject({ ...request, headers: { ...as(session), 'content-type': 'application/zip' } });
        expect(`${request.method} ${request.url}: ${response.statusCode}`).toBe(`${request.method} ${request.url}: ${status}`);
      }
    }
    expect((await list()).find((m) => m.id === MODULE)).toMatchObject({ version: 3, retired: false });
  });

  it('does the same from the admin CLI', async () => {
    const admin = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runAdmin(argv, { ...server.database.env }, { out: (line) => out.push(line), err: (line) => err.push(line) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const listed = await admin('list-modules');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^${MODULE}\\t3\\ten,lv,bg,uk\\t\\d+\\t\\S+\\tcoord\\tactive$`, 'm'));

    const dir = mkdtempSync(join(tmpdir(), 'biblio-packages-'));
    const out = join(dir, `${MODULE}.zip`);
    expect(await admin('export-module', '--id', MODULE, '--out', out)).toMatchObject({ code: 0 });
    expect(readFileSync(out)).toEqual(await exported());

    const same = await admin('import-module', '--file', out);
    expect(same.code).toBe(1);
    expect(same.err).toContain('version: is 3; the server has version 3');

    const newer = join(dir, 'newer.zip');
    writeFileSync(newer, packageWith({ 'module.yaml': withVersion(4) }));
    const imported = await admin('import-module', '--file', newer);
    expect(imported).toMatchObject({ code: 0, out: `Updated ${MODULE} version 4 (en, lv, bg, uk).` });
    expect(await admin('retire-module', '--id', MODULE)).toMatchObject({ code: 0 });
    expect((await list()).find((m) => m.id === MODULE)).toMatchObject({ version: 4, retired: true, importedBy: 'admin CLI' });
    expect(await admin('restore-module', '--id', MODULE)).toMatchObject({ code: 0 });
    expect(await admin('retire-module', '--id', 'no-such-module')).toMatchObject({ code: 1 });
  });
});

/** The module's package with one more entry, named as given (a zip entry can name any path). */
function packageWithEntry(name: string): Buffer {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, content] of source) entries[`${MODULE}/${path}`] = content;
  entries[`${MODULE}/module.yaml`] = bytes(withVersion(2));
  entries[name] = bytes('x');
  return Buffer.from(zipSync(entries));
}
