/*
 * The course content served from the database (src/server/modules/content.ts): seeded, it is
 * byte for byte what the build emits; an import or a retirement shows at once, with new
 * revisions, and a revision the database does not have is left to dist/. A photograph in an
 * imported package gets its WebP widths made by the build's code, kept in course_media and
 * served by hash; the catalogue says what storing the module takes.
 */
import sharp from 'sharp';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin-commands';
import { loadCourse, loadStoredCourse } from '../../src/server/course';
import { compileContent } from '../../src/content/compile';
import { publishImages } from '../../src/content/images';
import { writePackage } from '../../src/content/package';
import { readTree } from '../../src/content/tree';
import { seedModules } from '../../src/server/modules/service';
import type { Catalog, ModuleContent } from '../../src/shared/content/compiled';
import { makePhoto } from '../unit/content/photo';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, XAPI_BASE, makeUser, startTestServer, type Session, type TestServer } from './helpers/server';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { heldClock } from './helpers/clock';

const MODULE = 'online-safety';
const PHOTO_LESSON = 'en/01-recognising-scam-messages.md';
const PHOTO_ALT = 'A library computer showing a message that asks for a bank password';
// What the build emits: compiled, then published (photographs made, storage measured).
const course = compileContent('modules');
await publishImages(course);
const built = course.files;
const builtCatalog = JSON.parse(built.get('content/catalog.json')!) as Catalog;

describe.each(DATABASES)('course content from the database on %s', (kind) => {
  let server: TestServer;
  let coordinator: Session;

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await seedModules(server.ctx.store);
    coordinator = await makeUser(server, 'coord', 'coordinator');
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (url: string) => server.app.inject({ method: 'GET', url });
  const catalog = async () => (await get('/content/catalog.json')).json<Catalog>();
  const importModule = (files: Map<string, Uint8Array>) =>
    server.app.inject({
      method: 'POST',
      url: '/api/modules',
      headers: { ...APP_HEADERS, cookie: coordinator.cookie, 'content-type': 'application/zip' },
      payload: Buffer.from(writePackage({ folder: MODULE, files })),
    });

  it('serves what the build emits, byte for byte', async () => {
    const answer = await get('/content/catalog.json');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.body).toBe(built.get('content/catalog.json'));
    for (const locale of ['en', 'lv', 'bg', 'uk'] as const) {
      const search = await get(`/content/search/${locale}.json?v=${builtCatalog.searchRevisions[locale]}`);
      expect(search.body).toBe(built.get(`content/search/${locale}.json`));
      expect(search.headers['cache-control']).toContain('immutable');
    }
    const module = builtCatalog.modules.find((m) => m.id === MODULE)!;
    const content = await get(`/content/modules/${MODULE}/lv.json?v=${module.revisions.lv}`);
    expect(content.body).toBe(built.get(`content/modules/${MODULE}/lv.json`));
    const media = module.media.en[0]!;
    const image = await get(media);
    expect(image.body).toBe(built.get(media.slice(1)));
    expect(image.headers['content-type']).toBe('image/svg+xml');
    expect(image.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('gives mentor views the stored course, the same as compiled from modules/', async () => {
    const stored = await loadStoredCourse(server.ctx.store);
    const compiled = loadCourse('modules');
    expect(stored?.fingerprint).toBe(compiled.fingerprint);
    expect(stored?.questionIds).toEqual(compiled.questionIds);
    expect(stored?.quizzes).toEqual(compiled.quizzes);
    // Storage sizes are measured when a course is published, which loadCourse does not do.
    const unmeasured = stored?.catalog.modules.map(({ storage: _measured, ...module }) => module);
    expect({ ...stored?.catalog, modules: unmeasured }).toEqual({
      modules: compiled.catalog.modules,
      curricula: compiled.catalog.curricula,
    });
  });

  it('answers a revision it does not have with nothing (dist/ may have it)', async () => {
    expect((await get(`/content/modules/${MODULE}/en.json?v=000000000000`)).statusCode).toBe(404);
  });

  it('shows an import under new revisions at once, and in every other server process after its course check', async () => {
    const otherClock = heldClock();
    const other = await openServer(loadConfig({ XAPI_BASE, ...server.database.env }), {
      serveApp: false,
      courseCheck: { now: otherClock.now },
    });
    const seen = async () =>
      (await other.app.inject({ method: 'GET', url: '/content/catalog.json' })).json<Catalog>().modules.find((m) => m.id === MODULE)
        ?.version;
    expect(await seen()).toBe(1);
    const files = readTree(`modules/${MODULE}`);
    const lesson = 'en/02-passwords-and-two-factor.md';
    files.set(
      'module.yaml',
      new TextEncoder().encode(new TextDecoder().decode(files.get('module.yaml')).replace(/^version: 1$/m, 'version: 2')),
    );
    files.set(lesson, new TextEncoder().encode(`${new TextDecoder().decode(files.get(lesson))}\nA sentence added on the server.\n`));
    expect((await importModule(files)).statusCode).toBe(200);
    const module = (await catalog()).modules.find((m) => m.id === MODULE)!;
    expect(module.version).toBe(2);
    const before = builtCatalog.modules.find((m) => m.id === MODULE)!;
    expect(module.revisions.en).not.toBe(before.revisions.en);
    const content = await get(`/content/modules/${MODULE}/en.json?v=${module.revisions.en}`);
    expect(content.body).toContain('A sentence added on the server.');
    expect((await get(`/content/modules/${MODULE}/en.json?v=${before.revisions.en}`)).statusCode).toBe(404);
    // The other process trusts the course it read until its clock passes the course check's interval.
    expect(await seen()).toBe(1);
    otherClock.passCourseCheck();
    expect(await seen()).toBe(2);
    await other.app.close();
  });

  it('leaves a retired module out of the catalogue, its pathways and search, and keeps its content', async () => {
    const retired = await server.app.inject({
      method: 'POST',
      url: `/api/modules/${MODULE}/retire`,
      headers: { ...APP_HEADERS, cookie: coordinator.cookie },
    });
    expect(retired.statusCode).toBe(200);
    const now = await catalog();
    expect(now.modules.map((m) => m.id)).not.toContain(MODULE);
    expect(now.curricula.flatMap((c) => c.modules)).not.toContain(MODULE);
    expect(builtCatalog.curricula.flatMap((c) => c.modules)).toContain(MODULE);
    const search = (await get(`/content/search/en.json?v=${now.searchRevisions.en}`)).json<{ moduleId: string }[]>();
    expect(search.some((entry) => entry.moduleId === MODULE)).toBe(false);
    expect((await get(`/content/modules/${MODULE}/uk.json`)).statusCode).toBe(200);
  });

  it('edits the pathways, checked as modules:check checks curricula.yaml', async () => {
    const headers = { ...APP_HEADERS, cookie: coordinator.cookie };
    const current = (await server.app.inject({ method: 'GET', url: '/api/curricula', headers })).json<{
      curricula: Catalog['curricula'];
    }>();
    const [first, ...rest] = current.curricula;
    const shorter = { ...first!, modules: first!.modules.slice(0, -1) };
    const saved = await server.app.inject({ method: 'PUT', url: '/api/curricula', headers, payload: { curricula: [shorter, ...rest] } });
    expect(saved.statusCode).toBe(200);
    expect((await catalog()).curricula[0]?.modules).toEqual(shorter.modules.filter((id) => id !== MODULE));

    const unknown = { ...first!, modules: [...first!.modules, 'no-such-module'] };
    const refused = await server.app.inject({ method: 'PUT', url: '/api/curricula', headers, payload: { curricula: [unknown, ...rest] } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ problems: { file: string; code: string; line: number | null }[] }>().problems).toEqual([
      expect.objectContaining({ file: 'curricula.yaml', code: 'curriculumUnknownModule', line: expect.any(Number) as number }),
    ]);
    expect((await catalog()).curricula[0]?.modules).toEqual(shorter.modules.filter((id) => id !== MODULE));

    const learner = await makeUser(server, 'pathway-learner', 'learner');
    const forbidden = await server.app.inject({
      method: 'PUT',
      url: '/api/curricula',
      headers: { ...APP_HEADERS, cookie: learner.cookie },
      payload: { curricula: current.curricula },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('exports and imports the pathways from the admin CLI', async () => {
    const admin = async (...argv: string[]) => {
      const err: string[] = [];
      const code = await runAdmin(argv, { ...server.database.env }, { out: () => undefined, err: (line) => err.push(line) });
      return { code, err: err.join('\n') };
    };
    const file = join(mkdtempSync(join(tmpdir(), 'biblio-curricula-')), 'curricula.yaml');
    expect(await admin('export-curricula', '--out', file)).toMatchObject({ code: 0 });
    const yaml = readFileSync(file, 'utf8');
    expect(await admin('import-curricula', '--file', file)).toMatchObject({ code: 0 });
    writeFileSync(file, yaml.replace(/^( *)modules:\n/m, '$1modules:\n$1  - no-such-module\n'));
    const refused = await admin('import-curricula', '--file', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: curricula\.yaml:\d+: curricula\.0 \([a-z0-9-]+\): no module "no-such-module"$/m);
  });

  it('makes the WebP widths of an imported photograph, serves each by its hash, immutable, from every process, and its recordings', async () => {
    const files = readTree(`modules/${MODULE}`);
    const text = (path: string) => new TextDecoder().decode(files.get(path));
    files.set('module.yaml', new TextEncoder().encode(text('module.yaml').replace(/^version: \d+$/m, 'version: 7')));
    files.set(PHOTO_LESSON, new TextEncoder().encode(`${text(PHOTO_LESSON)}\n![${PHOTO_ALT}](media/scam-on-screen.jpg)\n`));
    files.set('media/scam-on-screen.jpg', await makePhoto({ width: 1600, height: 900, format: 'jpeg' }));
    // A recording with captions in every language whose lessons play it.
    const recording = new Uint8Array([...new TextEncoder().encode('ID3'), 4, 0, 0, 0, 0, 0, 0, ...new Array<number>(64).fill(9)]);
    files.set('media/warning.mp3', recording);
    for (const locale of ['en', 'lv', 'bg', 'uk']) {
      const first = [...files.keys()].find((path) => path.startsWith(`${locale}/01-`))!;
      files.set(first, new TextEncoder().encode(`${text(first)}\n![${locale} warning](media/warning.mp3)\n`));
      files.set(`media/warning.${locale}.vtt`, new TextEncoder().encode(`WEBVTT\n\n00:00.000 --> 00:02.000\n${locale}\n`));
    }
    expect((await importModule(files)).statusCode).toBe(200);
    // An earlier test may have left it retired, out of the catalogue.
    await server.app.inject({
      method: 'POST',
      url: `/api/modules/${MODULE}/restore`,
      headers: { ...APP_HEADERS, cookie: coordinator.cookie },
    });

    const catalog = (await get('/content/catalog.json')).json<Catalog>();
    const module = catalog.modules.find((m) => m.id === MODULE)!;
    const lesson = (await get(`/content/modules/${MODULE}/en.json?v=${module.revisions.en}`)).json<ModuleContent>().lessons[0]!;
    const image = new RegExp(`<img src="([^"]+)" srcset="([^"]+)" sizes="[^"]+" alt="${PHOTO_ALT}" width="1440" height="810"`).exec(
      lesson.html,
    );
    expect(image).not.toBeNull();
    const candidates = image![2]!.split(', ').map((candidate) => candidate.split(' '));
    expect(candidates.map(([, width]) => width)).toEqual(['480w', '960w', '1440w']);
    expect(image![1]).toBe(candidates[1]![0]);
    expect(module.media.en).toContain(image![1]);

    let storedBytes = 0;
    for (const [url = '', width = ''] of candidates) {
      const answer = await get(url);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('image/webp');
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(answer.rawPayload).metadata()).width).toBe(Number.parseInt(width, 10));
      if (url === image![1]) storedBytes = answer.rawPayload.byteLength;
    }
    const json = (await get(`/content/modules/${MODULE}/en.json?v=${module.revisions.en}`)).rawPayload.byteLength;
    const others = module.media.en.filter((url) => url !== image![1]);
    let otherBytes = 0;
    for (const url of others) otherBytes += (await get(url)).rawPayload.byteLength;
    expect(module.storage?.en).toEqual({ bytes: json + storedBytes + otherBytes, videoBytes: recording.byteLength });
    const played = await get(module.video![0]!);
    expect(played.headers['content-type']).toBe('audio/mpeg');
    expect(new Uint8Array(played.rawPayload)).toEqual(recording);
    // Seeking asks for a part of the recording.
    expect(played.headers['accept-ranges']).toBe('bytes');
    const seek = (range: string, ifRange?: string) =>
      server.app.inject({ method: 'GET', url: module.video![0]!, headers: { range, ...(ifRange ? { 'if-range': ifRange } : {}) } });
    const part = await seek('bytes=3-9');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 3-9/${recording.byteLength}`);
    expect(new Uint8Array(part.rawPayload)).toEqual(recording.subarray(3, 10));
    const beyond = await seek(`bytes=${recording.byteLength}-`);
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${recording.byteLength}`);
    // A range of another version of the file gets the whole of this one.
    const changed = await seek('bytes=3-9', '"another-version"');
    expect(changed.statusCode).toBe(200);
    expect(new Uint8Array(changed.rawPayload)).toEqual(recording);
    expect((await seek('bytes=3-9', String(played.headers.etag))).statusCode).toBe(206);
    const captions = await get(module.media.lv.find((url) => url.endsWith('.vtt'))!);
    expect(captions.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(captions.body).toBe('WEBVTT\n\n00:00.000 --> 00:02.000\nlv\n');

    const other = await openServer(loadConfig({ XAPI_BASE, ...server.database.env }), { serveApp: false });
    const fromOther = await other.app.inject({ method: 'GET', url: candidates[0]![0]! });
    expect(fromOther.statusCode).toBe(200);
    expect(fromOther.rawPayload).toEqual((await get(candidates[0]![0]!)).rawPayload);
    await other.app.close();
  });
});
