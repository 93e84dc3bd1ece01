import { describe, expect, it } from 'vitest';
import { freshMemory, nextAnnouncement, type Announcement, type SyncSnapshot } from '../../../../src/client/app/syncAnnouncements';

const idle: SyncSnapshot = { online: true, signedIn: true, waiting: 0, running: false, error: undefined, needsSignIn: false };

/** Feeds the states in order and returns what was announced at each step. */
function announcements(states: Partial<SyncSnapshot>[]): (Announcement | undefined)[] {
  let memory = freshMemory;
  return states.map((state) => {
    const next = nextAnnouncement(memory, { ...idle, ...state });
    memory = next.memory;
    return next.say;
  });
}

describe('what the sync live region says', () => {
  it('says nothing about the first state or about counts going up and down while waiting', () => {
    expect(announcements([{ waiting: 1 }, { waiting: 2 }, { waiting: 3, running: true }, { waiting: 2, running: true }])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('says "everything is sent" once, after waiting records are gone and the round ended', () => {
    expect(announcements([{ waiting: 0 }, { waiting: 2 }, { waiting: 0, running: true }, { waiting: 0 }, { waiting: 0 }])).toEqual([
      undefined,
      undefined,
      undefined,
      'allSent',
      undefined,
    ]);
  });

  it('does not say "everything is sent" when nothing was waiting', () => {
    expect(announcements([{ waiting: 0 }, { running: true }, { running: false }])).toEqual([undefined, undefined, undefined]);
  });

  it('announces going offline and coming back once each', () => {
    expect(announcements([{}, { online: false }, { online: false, waiting: 1 }, { online: true, waiting: 1 }, { waiting: 1 }])).toEqual([
      undefined,
      'offline',
      undefined,
      'online',
      undefined,
    ]);
  });

  it('announces a failure when it starts or changes, not at every failed round', () => {
    expect(
      announcements([
        { waiting: 1 },
        { waiting: 1, error: 'network' },
        { waiting: 1, error: 'network', running: true },
        { waiting: 1, error: 'network' },
        { waiting: 1, error: 'server' },
        { waiting: 1, needsSignIn: true, error: 'session-expired' },
      ]),
    ).toEqual([undefined, 'failed', undefined, undefined, 'failed', 'failed']);
  });

  it('does not count a failed round as everything sent', () => {
    expect(announcements([{ waiting: 1 }, { waiting: 0, error: 'server' }])).toEqual([undefined, 'failed']);
  });

  it('starts afresh when the person changes, and never speaks for a guest', () => {
    expect(announcements([{ waiting: 3 }, { signedIn: false, waiting: 0 }, { signedIn: false, error: 'network' }])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
