/*
 * Calls to the server's module packages API (`/api/modules`, coordinators only). An import
 * answers in three ways the page shows differently (imported, refused with its problems, or
 * held back because lessons with learners' progress would disappear), so `importModule`
 * returns them as one result instead of throwing; only failures of the request itself
 * (no connection, not signed in, a server error) throw the usual ApiError.
 */
import { ApiError, CSRF_HEADERS, errorReason } from './client';
import type { Localized } from '../../shared/content/compiled';

/** A module as GET /api/modules lists it (the server's ModuleSummary in src/server/modules/service.ts). */
export type ModuleSummary = {
  id: string;
  title: Localized;
  version: number;
  /** Content languages in which every lesson exists. */
  languages: string[];
  sizeBytes: number;
  importedAt: string;
  /** The login of who imported it; null for the modules seeded from the repository at first start. */
  importedBy: string | null;
  retired: boolean;
};

/** One thing wrong in a refused package, with the translation key's code and its values. */
export type PackageProblem = {
  file: string;
  line?: number | null | undefined;
  code: string;
  params?: Record<string, unknown> | undefined;
  /** The server's English wording, shown only when this client has no words for `code`. */
  message: string;
};

export type RemovedLesson = { lessonId: string; learners: number };

export type ImportResult =
  | { outcome: 'imported'; module: ModuleSummary; created: boolean }
  | { outcome: 'refused'; problems: PackageProblem[] }
  | { outcome: 'lessons-removed'; removedLessons: RemovedLesson[] };

export const modulePackageUrl = (moduleId: string) => `/api/modules/${encodeURIComponent(moduleId)}/package`;

async function send({ path, method, file }: { path: string; method: 'GET' | 'POST'; file?: Blob }): Promise<Response> {
  const headers = { Accept: 'application/json', ...CSRF_HEADERS, ...(file ? { 'Content-Type': 'application/zip' } : {}) };
  try {
    return await fetch(path, { method, credentials: 'same-origin', headers, ...(file ? { body: file } : {}) });
  } catch {
    throw new ApiError(0, 'offline', 'No connection');
  }
}

async function failure(response: Response, path: string): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  const message = body.message ?? response.statusText;
  return new ApiError(response.status, errorReason({ status: response.status, path, message }), message);
}

export const modulesApi = {
  list: async (): Promise<ModuleSummary[]> => {
    const response = await send({ path: '/api/modules', method: 'GET' });
    if (!response.ok) throw await failure(response, '/api/modules');
    return ((await response.json()) as { modules: ModuleSummary[] }).modules;
  },

  /** Sends a package; `force` confirms that lessons with learners' progress may disappear. */
  importPackage: async ({ file, force }: { file: Blob; force: boolean }): Promise<ImportResult> => {
    const path = `/api/modules${force ? '?force=1' : ''}`;
    const response = await send({ path, method: 'POST', file });
    if (response.ok) {
      const { module } = (await response.json()) as { module: ModuleSummary };
      return { outcome: 'imported', module, created: response.status === 201 };
    }
    if (response.status === 422) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { problems?: PackageProblem[] };
      if (Array.isArray(body.problems)) return { outcome: 'refused', problems: body.problems };
    }
    if (response.status === 409) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { removedLessons?: RemovedLesson[] };
      if (Array.isArray(body.removedLessons)) return { outcome: 'lessons-removed', removedLessons: body.removedLessons };
    }
    throw await failure(response, path);
  },

  retire: (moduleId: string) => change(moduleId, 'retire'),
  restore: (moduleId: string) => change(moduleId, 'restore'),
};

async function change(moduleId: string, action: 'retire' | 'restore'): Promise<void> {
  const path = `/api/modules/${encodeURIComponent(moduleId)}/${action}`;
  const response = await send({ path, method: 'POST' });
  if (!response.ok) throw await failure(response, path);
}
