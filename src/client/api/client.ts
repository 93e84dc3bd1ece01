/*
 * Calls to the server's accounts API (`/api`). Every state-changing request carries the
 * CSRF header the server requires. Errors come back as ApiError with the HTTP status and a
 * `reason` the UI turns into a message in the person's language (the server's own message
 * is English and only logged).
 */
import type { Agent } from '../../shared/xapi/types';
import type { Role } from '../db/identity';
import { LOGIN_PATTERN, NAME_LENGTH, passwordLengthOk } from '../../shared/accounts/rules';
import type {
  CohortDashboard,
  CourseEvent,
  DifficultQuestion,
  LearnerReport,
  MyReviewers,
  SurveyReport,
} from '../../shared/mentoring/contract';

export const CSRF_HEADERS = { 'X-Requested-With': 'biblio-study' } as const;

export type ApiUser = { id: string; login: string; name: string; role: Role; createdAt: string };
export type SignedIn = { user: ApiUser; agent: Agent; xapiBase: string };
export type Person = { id: string; name: string; login: string; agent: Agent };
export type Cohort = { id: string; name: string; createdAt: string; learners: Person[]; mentors: Person[] };
export type Invite = {
  code: string;
  cohortId: string;
  role: 'learner' | 'mentor';
  maxUses: number;
  uses: number;
  expiresAt: string | null;
};

export type ApiErrorReason =
  | 'offline'
  | 'invalid-credentials'
  | 'too-many-attempts'
  | 'busy'
  | 'conflict'
  | 'invalid-invite'
  | 'invalid-input'
  | 'not-signed-in'
  | 'forbidden'
  | 'not-found'
  | 'server';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: ApiErrorReason,
    readonly serverMessage: string,
  ) {
    super(`${status} ${reason}: ${serverMessage}`);
  }
}

/** The reason the UI words a failed request by, from its status (and, for sign-up, what was refused). */
export function errorReason({ status, path, message }: { status: number; path: string; message: string }): ApiErrorReason {
  if (status === 401) return path === '/api/login' ? 'invalid-credentials' : 'not-signed-in';
  if (status === 429) return 'too-many-attempts';
  if (status === 503) return 'busy';
  if (status === 409) return 'conflict';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 400 && path === '/api/signup' && /invite/i.test(message)) return 'invalid-invite';
  if (status === 400) return 'invalid-input';
  return 'server';
}

async function call<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...CSRF_HEADERS, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new ApiError(0, 'offline', 'No connection');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new ApiError(
      response.status,
      errorReason({ status: response.status, path, message: body.message ?? '' }),
      body.message ?? response.statusText,
    );
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const api = {
  setupStatus: () => call<{ needsSetup: boolean }>('/api/setup'),
  setup: (body: { name: string; login: string; password: string }) => call<SignedIn>('/api/setup', { method: 'POST', body }),
  signIn: (body: { login: string; password: string }) => call<SignedIn>('/api/login', { method: 'POST', body }),
  signUp: (body: { inviteCode: string; name: string; login: string; password: string }) =>
    call<SignedIn>('/api/signup', { method: 'POST', body }),
  signOut: () => call<undefined>('/api/logout', { method: 'POST', body: {} }),
  me: () => call<SignedIn & { cohorts: { id: string; name: string }[] }>('/api/me'),
  users: () => call<{ users: ApiUser[] }>('/api/users'),
  createUser: (body: { name: string; login: string; password: string; role: Role }) =>
    call<{ user: ApiUser }>('/api/users', { method: 'POST', body }),
  resetPassword: (userId: string, password: string) =>
    call<undefined>(`/api/users/${encodeURIComponent(userId)}/password`, { method: 'POST', body: { password } }),
  cohorts: () => call<{ cohorts: Cohort[] }>('/api/cohorts'),
  createCohort: (name: string) => call<{ cohort: Cohort }>('/api/cohorts', { method: 'POST', body: { name } }),
  invites: (cohortId: string) => call<{ invites: Invite[] }>(`/api/cohorts/${encodeURIComponent(cohortId)}/invites`),
  createInvite: (cohortId: string, body: { role: 'learner' | 'mentor'; maxUses: number; expiresInDays: number | null }) =>
    call<{ invite: Invite }>(`/api/cohorts/${encodeURIComponent(cohortId)}/invites`, { method: 'POST', body }),
  addToCohort: (cohortId: string, role: 'learner' | 'mentor', userId: string) =>
    call<undefined>(`/api/cohorts/${encodeURIComponent(cohortId)}/${role === 'mentor' ? 'mentors' : 'learners'}`, {
      method: 'POST',
      body: { userId },
    }),
  // Mentoring (issue 4): the server checks that the person may read each cohort and learner.
  cohortDashboard: (cohortId: string, inactiveDays: number) =>
    call<CohortDashboard>(`/api/cohorts/${encodeURIComponent(cohortId)}/dashboard?inactiveDays=${inactiveDays}`),
  learnerReport: (learnerId: string) => call<LearnerReport>(`/api/learners/${encodeURIComponent(learnerId)}/report`),
  difficultQuestions: (cohortId: string, moduleId?: string) =>
    call<DifficultQuestion[]>(
      `/api/cohorts/${encodeURIComponent(cohortId)}/difficult-questions${moduleId ? `?module=${encodeURIComponent(moduleId)}` : ''}`,
    ),
  surveyReports: () => call<SurveyReport[]>('/api/reports/surveys'),
  myReviewers: () => call<MyReviewers>('/api/me/reviewers'),
  events: () => call<CourseEvent[]>('/api/events'),
  createEvent: (body: { title: string; date: string; cohortId: string | null }) =>
    call<CourseEvent>('/api/events', { method: 'POST', body }),
};

/** The same rules the server applies, checked first so the message is in the person's language. */
export const accountRules = {
  login: (value: string) => LOGIN_PATTERN.test(value.trim()),
  password: passwordLengthOk,
  name: (value: string) => value.trim().length >= NAME_LENGTH.min && value.trim().length <= NAME_LENGTH.max,
};
