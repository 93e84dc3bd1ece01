/*
 * The HTTP server: one Fastify process serving the built PWA, the accounts API under /api and
 * the xAPI Statement API under /xapi. Unknown paths under /api and /xapi get a JSON 404, never
 * the app's HTML, so a client never mistakes the app shell for data. Errors from bad input are
 * answered 4xx with `{ error, message }`; only a fault of the server itself is a 500.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { AppContext } from './context';
import { DEFAULT_REQUEST_TIMEOUT_SECONDS } from './config';
import { registerAccountRoutes, storeErrorStatus } from './routes/accounts';
import { registerXapiRoutes } from './routes/xapi';
import { registerMentoringRoutes } from './routes/mentoring';
import { registerModuleRoutes } from './routes/modules';
import { guardInput } from './http/input-guard';

export type AppOptions = {
  /** The built PWA; leave it out to serve only /api and /xapi (tests). */
  distDir?: string;
  logger?: boolean;
  /** Store and configuration for /api and /xapi; without it only the PWA and /api/health are served. */
  context?: AppContext;
};

const API_PREFIXES = ['/api', '/xapi'];

function isApiPath(url: string): boolean {
  return API_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * A request must arrive whole (headers and body) within the timeout, so a client sending a byte
 * a minute cannot hold a connection; Node answers 408 and closes it. Node looks for such
 * requests every `connectionsCheckingInterval`, so that is a fraction of the timeout.
 */
function requestTimeouts(timeoutMs: number) {
  return {
    requestTimeout: timeoutMs,
    http: {
      requestTimeout: timeoutMs,
      headersTimeout: Math.min(60_000, timeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.round(timeoutMs / 4))),
    },
  };
}

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    return503OnClosing: true,
    trustProxy: options.context?.config.trustProxy ?? false,
    bodyLimit: 8 * 1024 * 1024,
    ...requestTimeouts((options.context?.config.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000),
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyCookie);
  if (options.context) await app.register(fastifyRateLimit, options.context.signInLimits.routeLimits());
  app.addHook('preValidation', guardInput);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = storeErrorStatus(error);
    const statusCode =
      known?.statusCode ?? (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500);
    if (known?.retryAfter) reply.header('Retry-After', String(known.retryAfter));
    if (statusCode === 500) {
      request.log.error(error);
      if (!options.logger) console.error(error);
      return reply.code(500).send({ error: 'Internal Server Error', message: 'Something went wrong on the server. Try again later.' });
    }
    if (statusCode === 401 && request.url.startsWith('/xapi') && !request.headers['x-requested-with']) {
      // The app (which sends X-Requested-With) gets no challenge, so browsers show no password dialog.
      reply.header('WWW-Authenticate', 'Basic realm="Biblio Study xAPI", charset="UTF-8"');
    }
    return reply
      .code(statusCode)
      .send({ error: known?.code ?? STATUS_TEXT[statusCode] ?? 'Error', message: known?.message ?? error.message });
  });

  app.get('/api/health', async () => ({ status: 'ok' }));

  if (options.context) {
    registerAccountRoutes(app, options.context);
    registerXapiRoutes(app, options.context);
    registerMentoringRoutes(app, options.context);
    await registerModuleRoutes(app, options.context);
  }

  const distDir = options.distDir;
  if (distDir !== undefined) {
    if (!existsSync(join(distDir, 'index.html'))) {
      throw new Error(`The app is not built: ${join(distDir, 'index.html')} is missing. Run "npm run build".`);
    }
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: ['index.html'],
      setHeaders(res, path) {
        // Hashed assets and lesson illustrations never change; everything else (the service
        // worker, the manifest, content JSON, index.html) must be revalidated so updates reach
        // learners. An illustration opened on its own may not run or load anything.
        const media = path.includes(`${join(distDir, 'content', 'media')}`);
        if (media) res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
        if (media || path.includes(`${join(distDir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.raw.url ?? '/';
    if (isApiPath(url) || request.method !== 'GET' || distDir === undefined) {
      return reply.code(404).send({ error: 'Not Found', message: `No route for ${request.method} ${url.split('?')[0]}` });
    }
    // Client-side routes (e.g. /modules/x) are served the app shell; the router takes over.
    const lastSegment = url.split('?')[0]?.split('/').pop() ?? '';
    if (lastSegment.includes('.')) return reply.code(404).type('text/plain').send('Not Found');
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });

  return app;
}
