/*
 * Calls to the server's module packages and pathways API (`/api/modules`, `/api/curricula`,
 * coordinators only). An import
 * answers in three ways the page shows differently (imported, refused with its problems, or
 * held back because lessons with learners' progress would disappear), so `importModule`
 * returns them as one result instead of throwing (as does saving the pathways); only failures of the request itself
 * (no connection, not signed in, a server error) throw the usual ApiError.
 */
import { ApiError, CSRF_HEADERS, errorReason } from './client';
import type { ModuleSummary, RemovedLesson } from '../../shared/content/modulePackages';
import type { CurriculumSource } from '../../shared/content/schema';

/** One thing wrong in a refused package, with the translation key's code and its values. */
export type PackageProblem = {
  file: string;
  line?: number | null | undefined;
  code: string;
  params?: Record<string, unknown> | undefined;
  /** The server's English wording, shown only when this client has no words for `code`. */
  message: string;
};

export type ImportResult =
  | { outcome: 'imported'; module: ModuleSummary; created: boolean }
  | { outcome: 'refused'; problems: PackageProblem[] }
  | { outcome: 'lessons-removed'; removedLessons: RemovedLesson[] };

export const modulePackageUrl = (moduleId: string) => `/api/modules/${encodeURIComponent(moduleId)}/package`;

/** What PUT /api/curricula answered: the pathways as stored, or every problem that refused them. */
export type CurriculaResult = { outcome: 'saved'; curricula: CurriculumSource[] } | { outcome: 'refused'; problems: PackageProblem[] };

async function send({
  path,
  method,
  file,
  json,
}: {
  path: string;
  method: 'GET' | 'POST' | 'PUT';
  file?: Blob;
  json?: unknown;
}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...CSRF_HEADERS };
  if (file) headers['Content-Type'] = 'application/zip';
  else if (json !== undefined) headers['Content-Type'] = 'application/json';
  const body = file ?? (json === undefined ? undefined : JSON.stringify(json));
  try {
    return await fetch(path, { method, credentials: 'same-origin', headers, ...(body === undefined ? {} : { body }) });
  } catch {
    throw new ApiError(0, 'offline', 'No connection');
  }
}

async function failure(response: Response, path: string): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  const message = body.message ?? response.statusText;
  return new ApiError(response.status, errorReason({ status: response.status, path, message }), message);
}

/** The problems of a 422 refusal; undefined for any other answer. */
async function refusedWith(response: Response): Promise<PackageProblem[] | undefined> {
  if (response.status !== 422) return undefined;
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { problems?: PackageProblem[] };
  return Array.isArray(body.problems) ? body.problems : undefined;
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
    const problems = await refusedWith(response);
    if (problems) return { outcome: 'refused', problems };
    if (response.status === 409) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { removedLessons?: RemovedLesson[] };
      if (Array.isArray(body.removedLessons)) return { outcome: 'lessons-removed', removedLessons: body.removedLessons };
    }
    throw await failure(response, path);
  },

  curricula: async (): Promise<CurriculumSource[]> => {
    const response = await send({ path: '/api/curricula', method: 'GET' });
    if (!response.ok) throw await failure(response, '/api/curricula');
    return ((await response.json()) as { curricula: CurriculumSource[] }).curricula;
  },

  /** Replaces every pathway with these, in this order; refused as a whole with its problems. */
  saveCurricula: async (curricula: readonly unknown[]): Promise<CurriculaResult> => {
    const response = await send({ path: '/api/curricula', method: 'PUT', json: { curricula } });
    if (response.ok) return { outcome: 'saved', curricula: ((await response.json()) as { curricula: CurriculumSource[] }).curricula };
    const problems = await refusedWith(response);
    if (problems) return { outcome: 'refused', problems };
    throw await failure(response, '/api/curricula');
  },

  retire: (moduleId: string) => change(moduleId, 'retire'),
  restore: (moduleId: string) => change(moduleId, 'restore'),
};

async function change(moduleId: string, action: 'retire' | 'restore'): Promise<void> {
  const path = `/api/modules/${encodeURIComponent(moduleId)}/${action}`;
  const response = await send({ path, method: 'POST' });
  if (!response.ok) throw await failure(response, path);
}
