/*
 * Renders the real app at a route, with the real course content compiled from modules/
 * served through a stubbed `fetch` (the network is the only edge we replace) and real Dexie
 * on fake-indexeddb.
 */
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import { compileContent } from '../../../../src/content/compile';
import { AppRoutes } from '../../../../src/client/app/routes';
import { initI18n } from '../../../../src/client/i18n/i18n';
import { closeDatabase, db } from '../../../../src/client/db/schema';
import { resetIdentityCache, setSignedInAccount } from '../../../../src/client/db/identity';
import type { ModuleContent } from '../../../../src/shared/content/compiled';

const compiled = compileContent('modules').files;

export function contentFile<T>(path: string): T {
  const file = compiled.get(path.replace(/^\//, ''));
  if (!file) throw new Error(`no compiled content at ${path}`);
  return JSON.parse(file) as T;
}

/** Serves `value` at `path` instead of the compiled file (e.g. a quiz made into a pool); returns the undo. */
export function replaceContentFile(path: string, value: unknown): () => void {
  const key = path.replace(/^\//, '');
  const original = compiled.get(key);
  compiled.set(key, JSON.stringify(value));
  return () => {
    if (original === undefined) compiled.delete(key);
    else compiled.set(key, original);
  };
}

export const moduleContent = (id: string, locale = 'en') => contentFile<ModuleContent>(`content/modules/${id}/${locale}.json`);

/**
 * A new, empty guest for the next test. Deleting the database is not enough on its own: Dexie
 * keeps live-query results in a cache shared by every database of the same name, for 3 s after
 * the last subscriber leaves, and a new database of that name could be answered from it (the
 * previous test's quiz attempt showed up in the next one). A fresh guest id gives a fresh name.
 */
export async function resetLearner() {
  closeDatabase();
  await db().delete();
  closeDatabase();
  localStorage.clear();
  resetIdentityCache();
}

/** Answers a request the content files do not (e.g. `/api/...`), or undefined for a 404. */
export type ApiStub = (url: URL, init: RequestInit | undefined) => Response | undefined;

export async function renderRoute(path: string, api?: ApiStub) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
      const answer = url.pathname.startsWith('/api/') ? api?.(url, init) : undefined;
      if (answer) return answer;
      const file = compiled.get(url.pathname.replace(/^\//, ''));
      return file
        ? new Response(file, { status: 200, headers: { 'Content-Type': 'application/json' } })
        : new Response('Not found', { status: 404 });
    }),
  );
  const i18n = await initI18n('en');
  await i18n.changeLanguage('en');
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  );
}

/** Signs a mentor or coordinator in on this device, as the app keeps them after an online sign-in. */
export function signInAs(role: 'mentor' | 'coordinator', login: string, name: string) {
  setSignedInAccount({
    id: `${role}-${login}`,
    login,
    name,
    role,
    actor: { objectType: 'Agent', account: { homePage: 'https://library.test', name: login } },
  });
}

/** Every test of the file starts on a fresh device where mentor Ivo is signed in; he is signed out after it. */
export function signInMentorForEachTest() {
  beforeEach(async () => {
    await resetLearner();
    signInAs('mentor', 'ivo', 'Ivo');
  });
  afterEach(() => setSignedInAccount(null));
}

/** A JSON answer of the server. */
export const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
