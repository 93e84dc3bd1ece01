/*
 * Vite plugin that compiles `modules/` into `/content/*.json` (and lesson illustrations): emitted as assets in a
 * build (so the service worker precaches them), served from memory by the dev server and
 * recompiled when a module file changes. Content errors fail the build with the file and
 * the problem; warnings are printed.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileContent, formatProblems, type CompileResult } from './compile';

export function biblioContent(options: { root?: string } = {}): Plugin {
  let root = '';
  let command: 'build' | 'serve' = 'build';
  let result: CompileResult | undefined;
  const compile = (): CompileResult => {
    result = compileContent(root);
    return result;
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
    generateBundle() {
      for (const [fileName, source] of (result ?? compile()).files) this.emitFile({ type: 'asset', fileName, source });
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
        const file = (result ?? compile()).files.get(path);
        if (!file) return next();
        res.setHeader('Content-Type', path.endsWith('.svg') ? 'image/svg+xml' : 'application/json; charset=utf-8');
        res.end(file);
      });
    },
  };
}
