/*
 * The built PWA (dist/, made by global-setup when stale). The service worker precaches the
 * app shell, every route and UI-language chunk and the catalogue; module files and search
 * indexes are stored per language by the app in the `biblio-content` cache (see
 * vite.config.ts and src/client/content/offline.ts) under revisioned URLs (`?v=<hash>`),
 * so the catalogue's revisions must be the hashes of exactly the files that were built.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, moduleIds, readJson } from './repo';

type ManifestIcon = { src: string; sizes?: string; type?: string; purpose?: string };
type WebManifest = { name?: string; start_url?: string; display?: string; icons?: ManifestIcon[] };
type BuiltCatalog = {
  modules: { id: string; revisions: Record<string, string> }[];
  searchRevisions: Record<string, string>;
};

const CONTENT_CACHE = 'biblio-content';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [relative(distDir, join(dir, entry.name)).split(sep).join('/')],
  );
}

/** The `url`s of sw.js's precache manifest (`precacheAndRoute([{url:"…",revision:…},…])`, minified or not). */
function precachedUrls(sw: string): string[] {
  const call = /precacheAndRoute\(\s*(\[[\s\S]*?\])\s*,/.exec(sw);
  if (!call?.[1]) throw new Error('sw.js has no precacheAndRoute([...]) call');
  return [...call[1].matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g)].map((match) => match[1] ?? '');
}

/** How src/content/compile.ts names a revision: the first 12 hex digits of the file's SHA-256. */
function revisionOf(file: string): string {
  return createHash('sha256')
    .update(readFileSync(join(distDir, file)))
    .digest('hex')
    .slice(0, 12);
}

describe('build output', () => {
  const swPath = join(distDir, 'sw.js');
  const manifestPath = join(distDir, 'manifest.webmanifest');
  const sw = () => readFileSync(swPath, 'utf8');

  it('has a service worker and a web app manifest', () => {
    expect(existsSync(swPath), 'dist/sw.js').toBe(true);
    expect(existsSync(manifestPath), 'dist/manifest.webmanifest').toBe(true);
  });

  it('has an installable manifest whose icons exist', () => {
    const manifest = readJson<WebManifest>(manifestPath);
    expect(manifest.name).toBeTruthy();
    expect(manifest.start_url).toBeTruthy();
    expect(manifest.display).toBe('standalone');
    const icons = manifest.icons ?? [];
    const sizes = icons.flatMap((icon) => (icon.sizes ?? '').split(/\s+/));
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
    expect(icons.some((icon) => (icon.purpose ?? '').split(/\s+/).includes('maskable'))).toBe(true);
    for (const icon of icons) {
      expect(existsSync(join(distDir, icon.src.replace(/^\//, ''))), `icon ${icon.src} in dist/`).toBe(true);
    }
  });

  it('precaches the app shell and every chunk, not the catalogue an import changes', () => {
    const urls = new Set(precachedUrls(sw()));
    expect(urls).toContain('index.html');
    expect(urls).not.toContain('content/catalog.json');
    const assets = filesUnder(join(distDir, 'assets')).filter((file) => /\.(js|css)$/.test(file));
    expect(assets.length).toBeGreaterThan(0);
    expect(
      assets.filter((file) => !urls.has(file)),
      'route and UI-language chunks the service worker does not precache',
    ).toEqual([]);
  });

  it('keeps module files and search indexes in the content cache, cache first', () => {
    const text = sw();
    const route = /registerRoute\(([^;]*?)CacheFirst\(\s*\{[^}]*["']?cacheName["']?\s*:\s*["']([\w-]+)["']/.exec(text);
    expect(route, 'a CacheFirst runtime route in sw.js').not.toBeNull();
    expect(route?.[2]).toBe(CONTENT_CACHE);
    expect(route?.[1]).toContain('/content/modules/');
    expect(route?.[1]).toContain('/content/search/');
  });

  it('names every built content file in the catalogue, with the hash of its text as revision', () => {
    const catalog = readJson<BuiltCatalog>(join(distDir, 'content', 'catalog.json'));
    expect(catalog.modules.map((m) => m.id).sort(), 'modules of modules/ in the built catalogue').toEqual(moduleIds());

    const named = new Map<string, string>();
    for (const module of catalog.modules) {
      expect(Object.keys(module.revisions), `languages of ${module.id}`).toContain('en');
      for (const [locale, revision] of Object.entries(module.revisions)) named.set(`content/modules/${module.id}/${locale}.json`, revision);
    }
    expect(Object.keys(catalog.searchRevisions)).toContain('en');
    for (const [locale, revision] of Object.entries(catalog.searchRevisions)) named.set(`content/search/${locale}.json`, revision);

    const built = [...filesUnder(join(distDir, 'content', 'modules')), ...filesUnder(join(distDir, 'content', 'search'))].filter((file) =>
      file.endsWith('.json'),
    );
    expect(built.sort(), 'content files in dist/ versus the files the catalogue names').toEqual([...named.keys()].sort());
    const stale = [...named].filter(([file, revision]) => revisionOf(file) !== revision).map(([file]) => file);
    expect(stale, 'files whose catalogue revision is not the hash of the built file').toEqual([]);
  });

  it('never answers /api or /xapi with the app shell', () => {
    const denylist = /denylist:\s*\[([^\]]*)\]/.exec(sw())?.[1];
    expect(denylist, 'a navigation fallback denylist in sw.js').toBeDefined();
    const patterns = [...(denylist ?? '').matchAll(/\/((?:\\\/|[^/])+)\/([a-z]*)/g)].map((m) => new RegExp(m[1] ?? '', m[2]));
    const denied = (path: string) => patterns.some((pattern) => pattern.test(path));
    for (const path of ['/api', '/api/health', '/xapi', '/xapi/statements']) expect(denied(path), `${path} is denied`).toBe(true);
    for (const path of ['/', '/catalog', '/modules/online-safety', '/apiary', '/xapi-guide']) {
      expect(denied(path), `${path} falls back to the app`).toBe(false);
    }
  });
});
