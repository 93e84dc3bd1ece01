/*
 * What the mentoring tests share: a cohort with a learner invite and a mentor (signed up with
 * a mentor invite code, as a coordinator would hand one out), a device signed in through the
 * UI, and "sync until everything is sent" / "sync until the page shows it" loops.
 */
import type { Page } from 'playwright-core';
import { eventually, waitForServiceWorker, WAIT_MS, type Session } from './browser';
import { newPerson, uniqueLogin, type Account, type Credentials, type ServerApi } from './api';
import { readModule } from './repo';
import { en } from './strings';
import { SignInPage } from './pages/SignInPage';
import { SyncBar } from './pages/SyncBar';

/** The module with a practical assignment (modules/<id>/assignment.yaml). */
export const ASSIGNMENT_MODULE = 'digitising-local-heritage';
export const assignmentModuleTitle = readModule(ASSIGNMENT_MODULE).title.en;

export type Cohort = { cohortId: string; cohortName: string; invite: string; mentor: Account };

/** A new cohort, an invite code for its learners, and a mentor who joined it with a mentor invite. */
export async function cohortWithMentor(api: ServerApi, prefix: string): Promise<Cohort> {
  const { cohortId, cohortName, invite } = await api.cohortWithInvite(prefix);
  const mentorInvite = await api.createInvite(cohortId, 1, 'mentor');
  const login = uniqueLogin(`${prefix}-mentor`);
  const mentor = await api.signUp(mentorInvite, { name: `Mentor ${login}`, login, password: `pass phrase for ${login}` });
  return { cohortId, cohortName, invite, mentor };
}

/** A learner of the cohort, signed up through the API. */
export async function learnerOf(api: ServerApi, cohort: Cohort, prefix: string): Promise<Account> {
  return api.signUp(cohort.invite, newPerson(prefix));
}

/** A new browser context signed in as this person through the sign-in page, with the service worker in control. */
export async function signedInDevice(open: () => Promise<Session>, person: Credentials & { name: string }): Promise<Session> {
  const session = await open();
  await session.page.goto('/');
  await waitForServiceWorker(session.page);
  const signIn = new SignInPage(session.page, en);
  await signIn.open();
  await signIn.signIn(person);
  return session;
}

/** Reads the bar; "Sync now" whenever it can be clicked, until the bar says everything is sent and nothing waits. */
export async function syncUntilAllSent(page: Page, what: string, timeoutMs = WAIT_MS * 2): Promise<void> {
  const bar = new SyncBar(page, en);
  const allSent = ({ waiting, text }: { waiting: number | null; text: string }) => waiting === 0 && !text.includes(en.t('sync.never'));
  await eventually(
    async () => {
      const state = { waiting: await bar.waitingCount(), text: await bar.text() };
      if (!allSent(state)) await bar.syncNowIfIdle();
      return state;
    },
    allSent,
    what,
    timeoutMs,
  );
}

/** "Sync now" (a sync pulls what others sent to this person) until `read` gives what `accept` wants. */
export async function syncUntil<T>(page: Page, read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const bar = new SyncBar(page, en);
  return eventually(
    async () => {
      // Read first: a click starts a round, and the page shows "Syncing…" until it ends.
      const value = await read();
      if (!accept(value)) await bar.syncNowIfIdle();
      return value;
    },
    accept,
    what,
    WAIT_MS * 2,
  );
}

/** Yesterday as YYYY-MM-DD: a date that has passed in every time zone the browser may use. */
export function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}
