/*
 * Vite plugin that compiles `modules/` into `/content/*.json` (and lesson illustrations, with
 * each photograph's WebP widths made by ./images.ts as an import makes them): emitted as assets
 * in a build, served from memory by the dev server and recompiled when a module file changes.
 * Content errors fail the build with the file and the problem; warnings are printed.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileContent, formatProblems, type CompileResult } from './compile';
import { publishImages } from './images';
import { contentTypeOf } from './media';

export function biblioContent(options: { root?: string } = {}): Plugin {
  let root = '';
  let command: 'build' | 'serve' = 'build';
  let result: CompileResult | undefined;
  let published: Promise<CompileResult> | undefined;
  const compile = (): CompileResult => {
    result = compileContent(root);
    published = undefined;
    return result;
  };
  /** The compiled course with its photographs made (once per compile). */
  const publish = (): Promise<CompileResult> => {
    const current = result ?? compile();
    published ??= publishImages(current).then(() => current);
    return published;
  };
  return {
    name: 'biblio-content',
    configResolved(config) {
      root = resolve(config.root, options.root ?? 'modules');
      command = config.command;
    },
    buildStart() {
      // Tests compile content themselves; the dev server reports problems without stopping.
      if (process.env.VITEST) return;
      const { problems } = compile();
      const errors = problems.filter((p) => p.severity === 'error');
      const warnings = problems.filter((p) => p.severity === 'warning');
      if (warnings.length) this.warn(`course content:\n${formatProblems(warnings)}`);
      if (errors.length && command === 'build') this.error(`course content is invalid:\n${formatProblems(errors)}`);
      if (errors.length) this.warn(`course content is invalid (fix before building):\n${formatProblems(errors)}`);
      this.addWatchFile(root);
    },
    async generateBundle() {
      const course = await publish();
      for (const [fileName, source] of course.files) this.emitFile({ type: 'asset', fileName, source });
      for (const [fileName, source] of course.binaries) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.watcher.add(root);
      server.watcher.on('all', (_event, file) => {
        if (file.startsWith(root)) {
          compile();
          server.ws.send({ type: 'full-reload' });
        }
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '';
        if (!path.startsWith('content/')) return next();
        publish().then(
          (course) => {
            const file = course.files.get(path) ?? course.binaries.get(path);
            if (file === undefined) return next();
            res.setHeader('Content-Type', contentTypeOf(path));
            res.end(file);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
