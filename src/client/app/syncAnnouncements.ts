/*
 * What the sync live region says, and when. A screen reader should hear only what changes
 * what a person can do: the connection going or coming back, a sync that failed, and
 * "everything is sent" once records that were waiting have gone. Not each count, not each
 * round, never the button labels.
 */
import type { SyncErrorCode } from '../sync/engine';

export type SyncSnapshot = {
  online: boolean;
  signedIn: boolean;
  /** Records waiting to be sent; undefined while the count is loading. */
  waiting: number | undefined;
  running: boolean;
  /** The last round's failure, except "offline" (the connection has its own announcement). */
  error: SyncErrorCode | undefined;
  needsSignIn: boolean;
};

export type Announcement = 'offline' | 'online' | 'failed' | 'allSent';

export type AnnouncerMemory = { previous: SyncSnapshot | undefined; hadWaiting: boolean };

export const freshMemory: AnnouncerMemory = { previous: undefined, hadWaiting: false };

const failing = (snapshot: SyncSnapshot) => snapshot.signedIn && (snapshot.error !== undefined || snapshot.needsSignIn);

/** Given what was seen before and the state now, what (if anything) to announce. */
export function nextAnnouncement(memory: AnnouncerMemory, now: SyncSnapshot): { memory: AnnouncerMemory; say: Announcement | undefined } {
  const { previous } = memory;
  const waitingNow = now.signedIn && (now.waiting ?? 0) > 0;
  if (!previous) return { memory: { previous: now, hadWaiting: waitingNow }, say: undefined };
  // Signing out (or in) starts afresh: the previous person's waiting records are not news.
  if (previous.signedIn !== now.signedIn) return { memory: { previous: now, hadWaiting: waitingNow }, say: undefined };

  let say: Announcement | undefined;
  let hadWaiting = memory.hadWaiting || waitingNow;
  if (previous.online && !now.online) say = 'offline';
  else if (!previous.online && now.online) say = 'online';
  else if (failing(now) && (now.error !== previous.error || now.needsSignIn !== previous.needsSignIn)) say = 'failed';
  else if (hadWaiting && now.waiting === 0 && !now.running && !failing(now)) {
    say = 'allSent';
    hadWaiting = false;
  }
  return { memory: { previous: now, hadWaiting }, say };
}
