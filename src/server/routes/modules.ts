/*
 * Module packages over HTTP, for coordinators only (src/server/modules/service.ts does the work;
 * the CLI calls the same functions):
 *   GET  /api/modules                    -> { modules: ModuleSummary[] }
 *   POST /api/modules[?force=1]          body: the zip (application/zip)
 *        -> 201 { module } (new) | 200 { module } (a newer version)
 *         | 422 { error: 'package-refused', problems: [{ file, line, code, params, message, severity }] }
 *         | 409 { error: 'lessons-removed', removedLessons: [{ lessonId, learners }] } (send again with force=1)
 *   GET  /api/modules/:id/package        -> the zip as imported
 *   POST /api/modules/:id/retire | /restore -> { module }
 *   GET  /api/curricula                  -> { curricula: CurriculumSource[] } (the pathways, in order)
 *   PUT  /api/curricula { curricula }    -> 200 { curricula } | 422 { error: 'curricula-refused', problems }
 * A refused or held-back import changes nothing.
 *
 * The course content under /content/ is answered from the database when it has modules and
 * the asked revision is its own (modules/content.ts); anything else falls through to dist/.
 */
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { HttpError, requirePrincipal } from './accounts';
import { PACKAGE_LIMITS } from '../../content/package';
import { revisionOf } from '../../content/compile';
import { CourseContent } from '../modules/content';
import { curriculaYaml, exportModule, importModule, listCurricula, listModules, replaceCurricula, retireModule } from '../modules/service';
import type { User } from '../store/users';
import { byteRange } from '../http/range';

const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

async function requireCoordinator(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<User> {
  const principal = await requirePrincipal(ctx, request, reply);
  if (principal.kind !== 'user' || principal.user.role !== 'coordinator')
    throw new HttpError(403, { code: 'coordinator-only', message: 'Only a coordinator may manage module packages.' });
  return principal.user;
}

function moduleId(params: unknown): string {
  const id = (params as { id?: unknown }).id;
  if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new HttpError(404, 'There is no such module.');
  return id;
}

function serveCourseContent(app: FastifyInstance, ctx: AppContext): void {
  const content = new CourseContent({ store: ctx.store, check: ctx.courseCheck });
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const [pathname = '', query = ''] = (request.raw.url ?? '').split('?');
    if (!pathname.startsWith('/content/')) return;
    let path: string;
    try {
      path = decodeURIComponent(pathname.slice(1));
    } catch {
      return;
    }
    const answer = await content.answer({ path, revision: new URLSearchParams(query).get('v') ?? undefined });
    if (!answer) return;
    const etag = `"${revisionOf(answer.body)}"`;
    reply
      .header('Content-Type', answer.contentType)
      .header('Cache-Control', answer.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('ETag', etag);
    // An illustration opened on its own may not run or load anything (as dist/'s are served).
    if (path.startsWith('content/media/')) reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    // Seeking in a lesson's video asks for a part of it; an If-Range naming another version gets the whole file.
    reply.header('Accept-Ranges', 'bytes');
    const ifRange = request.headers['if-range'];
    if (request.headers.range === undefined || (ifRange !== undefined && ifRange !== etag)) return reply.send(answer.body);
    const bytes = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
    const range = byteRange(request.headers.range, bytes.byteLength);
    if (range === 'unsatisfiable') return reply.code(416).header('Content-Range', `bytes */${bytes.byteLength}`).send();
    if (!range) return reply.send(bytes);
    return reply
      .code(206)
      .header('Content-Range', `bytes ${range.start}-${range.end}/${bytes.byteLength}`)
      .send(bytes.subarray(range.start, range.end + 1));
  });
}

export async function registerModuleRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  serveCourseContent(app, ctx);
  await app.register(async (scope) => {
    scope.addContentTypeParser(ZIP_TYPES, { parseAs: 'buffer', bodyLimit: PACKAGE_LIMITS.zipBytes }, (_request, body, done) =>
      done(null, body),
    );

    scope.get('/api/modules', async (request, reply) => {
      await requireCoordinator(ctx, request, reply);
      return { modules: await listModules(ctx.store) };
    });

    scope.post('/api/modules', async (request, reply) => {
      const user = await requireCoordinator(ctx, request, reply);
      if (!Buffer.isBuffer(request.body))
        throw new HttpError(415, { code: 'zip-expected', message: 'Send the package as the request body, Content-Type: application/zip.' });
      const force = (request.query as { force?: string }).force === '1';
      const result = await importModule(ctx.store, { zip: request.body, force, by: user.login });
      switch (result.outcome) {
        case 'refused':
          return reply.code(422).send({ error: 'package-refused', message: 'The package was not imported.', problems: result.problems });
        case 'lessons-removed':
          return reply.code(409).send({
            error: 'lessons-removed',
            message: 'Lessons that learners have progress on would disappear; send again with force=1 to import anyway.',
            removedLessons: result.removedLessons,
          });
        case 'imported':
          return reply.code(result.created ? 201 : 200).send({ module: result.module });
      }
    });

    scope.get('/api/modules/:id/package', async (request, reply) => {
      await requireCoordinator(ctx, request, reply);
      const id = moduleId(request.params);
      const exported = await exportModule(ctx.store, id);
      if (!exported) throw new HttpError(404, 'There is no such module.');
      return reply
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', `attachment; filename="${id}-v${exported.version}.zip"`)
        .header('Cache-Control', 'no-store')
        .send(Buffer.from(exported.zip));
    });

    scope.get('/api/curricula', async (request, reply) => {
      await requireCoordinator(ctx, request, reply);
      return { curricula: await listCurricula(ctx.store) };
    });

    scope.put('/api/curricula', async (request, reply) => {
      const user = await requireCoordinator(ctx, request, reply);
      const curricula = (request.body as { curricula?: unknown } | null)?.curricula;
      if (!Array.isArray(curricula)) throw new HttpError(400, { code: 'curricula-expected', message: 'Send { "curricula": [...] }.' });
      // Checked as the curricula.yaml it stands for, by the rules of modules:check.
      const yaml = new TextEncoder().encode(curriculaYaml(curricula));
      const result = await replaceCurricula(ctx.store, { yaml, by: user.login });
      if (result.outcome === 'refused')
        return reply.code(422).send({ error: 'curricula-refused', message: 'The pathways were not saved.', problems: result.problems });
      return { curricula: result.curricula };
    });

    for (const action of ['retire', 'restore'] as const) {
      scope.post(`/api/modules/:id/${action}`, async (request, reply) => {
        await requireCoordinator(ctx, request, reply);
        const module = await retireModule(ctx.store, { id: moduleId(request.params), retired: action === 'retire' });
        if (!module) throw new HttpError(404, 'There is no such module.');
        return { module };
      });
    }
  });
}
