/*
 * The HTTP server: one Fastify process serving the built PWA. `/api` and `/xapi` are
 * reserved for the server's own routes (accounts and sync); unknown paths under them get a
 * JSON 404, never the app's HTML, so a client never mistakes the app shell for data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';

export type AppOptions = { distDir: string; logger?: boolean };

const API_PREFIXES = ['/api', '/xapi'];

function isApiPath(url: string): boolean {
  return API_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, return503OnClosing: true });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });

  app.get('/api/health', async () => ({ status: 'ok' }));

  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`The app is not built: ${join(options.distDir, 'index.html')} is missing. Run "npm run build".`);
  }
  await app.register(fastifyStatic, {
    root: options.distDir,
    wildcard: false,
    index: ['index.html'],
    setHeaders(res, path) {
      // Hashed assets never change; everything else (the service worker, the manifest,
      // content JSON, index.html) must be revalidated so updates reach learners.
      if (path.includes(`${join(options.distDir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const url = request.raw.url ?? '/';
    if (isApiPath(url) || request.method !== 'GET') {
      return reply.code(404).send({ error: 'Not Found', message: `No route for ${request.method} ${url.split('?')[0]}` });
    }
    // Client-side routes (e.g. /modules/x) are served the app shell; the router takes over.
    const lastSegment = url.split('?')[0]?.split('/').pop() ?? '';
    if (lastSegment.includes('.')) return reply.code(404).type('text/plain').send('Not Found');
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });

  return app;
}
