import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PUSH_AFTER_WRITE_MS, SyncEngine } from '../../../../src/client/sync/engine';
import { completeLesson, saveNote, appendStatements } from '../../../../src/client/db/actions';
import { adoptGuestRecords, guestRecordCount, removeLocalData, switchToAccount, switchToGuest } from '../../../../src/client/db/accounts';
import { closeDatabase, db } from '../../../../src/client/db/schema';
import { resetIdentityCache } from '../../../../src/client/db/identity';
import { buildStatement, type LessonRef } from '../../../../src/shared/xapi/build';
import type { Agent, Statement } from '../../../../src/shared/xapi/types';
import { signUpLearner, startServer, type TestServer } from './server';

const lesson: LessonRef = { moduleId: 'online-safety', lessonId: 'recognising-scam-messages', moduleVersion: 1, locale: 'uk' };

let server: TestServer;
let learner: Awaited<ReturnType<typeof signUpLearner>>;
let cookie: string | undefined;

async function serverStatements(asCookie: string): Promise<Statement[]> {
  const all: Statement[] = [];
  let next: string | undefined = '/xapi/statements?limit=100';
  while (next) {
    const url: string = next;
    const response = await server.app.inject({
      method: 'GET',
      url,
      headers: { cookie: asCookie, 'x-experience-api-version': '1.0.3' },
    });
    const body: { statements: Statement[]; more?: string } = response.json();
    all.push(...body.statements);
    next = body.more || undefined;
  }
  return all;
}

const engine = (online = true) =>
  new SyncEngine({
    transport: { fetch: server.fetchAs(() => cookie), headers: () => ({ 'X-Requested-With': 'biblio-study' }) },
    isOnline: () => online,
  });

async function freshDevice() {
  closeDatabase();
  localStorage.clear();
  resetIdentityCache();
}

// Starting the server and signing up hash passwords (scrypt): slow on a busy machine.
beforeAll(async () => {
  server = await startServer();
  learner = await signUpLearner(server);
}, 60_000);

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  await freshDevice();
  cookie = learner.cookie;
  switchToAccount({ id: learner.user.id, login: learner.user.login, name: learner.user.name, role: 'learner', actor: learner.agent });
  await removeLocalData();
  closeDatabase();
});

afterEach(() => {
  switchToGuest();
});

describe('sync engine against the real server', () => {
  it('pushes waiting statements and marks them synced only after the server stored them', async () => {
    await completeLesson(lesson);
    await saveNote(lesson, 'Call the bank on the number on the card.');
    expect(await db().statements.where('synced').equals(0).count()).toBe(2);
    await engine().sync();
    expect(await db().statements.where('synced').equals(0).count()).toBe(0);
    const stored = await serverStatements(learner.cookie);
    const mine = (await db().statements.toArray()).map((r) => r.id);
    expect(stored.map((s) => s.id)).toEqual(expect.arrayContaining(mine));
  });

  it('brings a learner’s statements to a second device, and progress follows', async () => {
    await completeLesson(lesson);
    await engine().sync();
    const id = (await db().statements.toArray())[0]!.id;
    // The "second device": the same account with an empty database.
    await removeLocalData();
    closeDatabase();
    expect(await db().lessons.count()).toBe(0);
    await engine().sync();
    expect(await db().statements.get(id)).toMatchObject({ synced: 1 });
    expect((await db().lessons.get([lesson.moduleId, lesson.lessonId]))?.completed).toBe(true);
  });

  it('keeps a statement the server refuses (same id, other content) and sends the rest', async () => {
    await completeLesson(lesson);
    await engine().sync();
    const [sent] = await db().statements.toArray();
    const clash: Statement = { ...sent!.statement, result: { completion: true, response: 'different content' } };
    await removeLocalData();
    closeDatabase();
    const env = { base: 'https://library.test/xapi', actor: learner.agent, timestamp: new Date().toISOString() };
    const fresh = buildStatement.note({ ...env, id: crypto.randomUUID() }, lesson, 'a new note');
    await appendStatements([
      { id: clash.id, moduleId: lesson.moduleId, timestamp: clash.timestamp, synced: 0, statement: clash },
      { id: fresh.id, moduleId: lesson.moduleId, timestamp: fresh.timestamp, synced: 0, statement: fresh },
    ]);
    await engine().sync();
    const refused = await db().statements.get(clash.id);
    expect(refused?.synced).toBe(2);
    expect(refused?.problem).toMatch(/^409/);
    expect((await db().statements.get(fresh.id))?.synced).toBe(1);
    expect((await serverStatements(learner.cookie)).some((s) => s.id === fresh.id)).toBe(true);
  });

  it('waits without losing anything while offline, and sends once online', async () => {
    await completeLesson(lesson);
    const offline = engine(false);
    await offline.sync();
    expect(offline.getStatus().lastError).toBe('offline');
    expect(await db().statements.where('synced').equals(0).count()).toBe(1);
    await engine(true).sync();
    expect(await db().statements.where('synced').equals(0).count()).toBe(0);
  });

  it('stops and asks to sign in again when the session has ended; the outbox waits', async () => {
    await completeLesson(lesson);
    cookie = 'biblio_session=expired-or-forged';
    const expired = engine();
    expired.start(db());
    await expired.sync();
    expect(expired.getStatus()).toMatchObject({ needsSignIn: true, lastError: 'session-expired' });
    expect(await db().statements.where('synced').equals(0).count()).toBe(1);
    // The same person signs in again.
    cookie = learner.cookie;
    expired.start(db());
    await expired.sync();
    expired.stop();
    expect(await db().statements.where('synced').equals(0).count()).toBe(0);
  });

  it('gives a guest’s records to the account once, with no duplicates', async () => {
    switchToGuest();
    closeDatabase();
    await completeLesson(lesson);
    await saveNote(lesson, 'made as a guest');
    expect(await guestRecordCount()).toBe(2);
    switchToAccount({ id: learner.user.id, login: learner.user.login, name: learner.user.name, role: 'learner', actor: learner.agent });
    expect(await adoptGuestRecords(learner.agent)).toBe(2);
    expect(await adoptGuestRecords(learner.agent)).toBe(0);
    const rows = await db().statements.toArray();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.statement.actor.account?.name === learner.user.id)).toBe(true);
    expect((await db().notes.get([lesson.moduleId, lesson.lessonId]))?.text).toBe('made as a guest');
    await engine().sync();
    expect(await db().statements.where('synced').equals(0).count()).toBe(0);
    expect(await guestRecordCount()).toBe(0);
  });

  it('brings a coordinator only their own statements, and clears what an older version pulled of everyone else', async () => {
    // A learner studies on their own device.
    await completeLesson(lesson);
    // The completion just made (the server holds this learner's statements from other tests too).
    const learnersStatement = (await db().statements.where('synced').equals(0).toArray())[0]!;
    await engine().sync();

    // The coordinator's device, as an older version left it: the learner's statement pulled
    // (the coordinator may read it) and counted as the coordinator's own progress.
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/login',
      headers: { 'x-requested-with': 'test', 'content-type': 'application/json' },
      payload: { login: 'coord', password: 'coordinator-pass' },
    });
    const coordinator = login.json<{ user: { id: string; login: string; name: string }; agent: Agent }>();
    await freshDevice();
    cookie = learner.coordCookie;
    switchToAccount({ ...coordinator.user, role: 'coordinator', actor: coordinator.agent });
    await removeLocalData();
    closeDatabase();
    await appendStatements([{ ...learnersStatement, synced: 1 }]);
    expect((await db().lessons.get([lesson.moduleId, lesson.lessonId]))?.completed).toBe(true);
    // The coordinator studies too; that stays theirs.
    await saveNote(lesson, 'my own note');

    const asCoordinator = new SyncEngine({
      transport: {
        fetch: server.fetchAs(() => cookie),
        headers: () => ({ 'X-Requested-With': 'biblio-study' }),
        ownStatementsOnly: () => coordinator.agent,
      },
    });
    await asCoordinator.sync();
    expect(asCoordinator.getStatus().lastError).toBeUndefined();
    const rows = await db().statements.toArray();
    expect(rows.map((r) => r.statement.actor)).toEqual([coordinator.agent]);
    expect(rows[0]).toMatchObject({ synced: 1 });
    expect((await db().lessons.get([lesson.moduleId, lesson.lessonId]))?.completed).not.toBe(true);
    expect((await db().notes.get([lesson.moduleId, lesson.lessonId]))?.text).toBe('my own note');

    // A second device of the coordinator's: an empty database gets the note and nothing else.
    await removeLocalData();
    closeDatabase();
    await asCoordinator.sync();
    expect((await db().statements.toArray()).map((r) => r.statement.actor)).toEqual([coordinator.agent]);
  });

  it('sets aside a statement the server forbids (403, another person’s) and sends the rest', async () => {
    await completeLesson(lesson);
    const someoneElse: Agent = { objectType: 'Agent', account: { homePage: 'https://library.test/xapi', name: 'someone-else' } };
    const env = { base: 'https://library.test/xapi', actor: someoneElse, id: crypto.randomUUID(), timestamp: new Date().toISOString() };
    const forbidden = buildStatement.note(env, lesson, 'not the learner’s to send');
    await appendStatements([
      { id: forbidden.id, moduleId: lesson.moduleId, timestamp: forbidden.timestamp, synced: 0, statement: forbidden },
    ]);
    const round = engine();
    await round.sync();
    expect(round.getStatus().lastError).toBeUndefined();
    expect(await db().statements.get(forbidden.id)).toMatchObject({ synced: 2, problem: expect.stringMatching(/^403/) });
    expect(await db().statements.where('synced').equals(0).count()).toBe(0);
  });

  it('ends a round when its person signs out: nothing of theirs reaches the next person’s database', async () => {
    // The learner's work is on the server; this device starts empty, so the round pulls it.
    await completeLesson(lesson);
    await engine().sync();
    await removeLocalData();
    closeDatabase();

    let pullStarted!: () => void;
    const started = new Promise<void>((resolve) => (pullStarted = resolve));
    let releasePull!: () => void;
    const released = new Promise<void>((resolve) => (releasePull = resolve));
    let pullCancelled = false;
    const realFetch = server.fetchAs(() => cookie);
    // The network is slow for the pull: the answer arrives after the person has left, unless the request is cancelled.
    const slowPull: typeof fetch = async (input, init) => {
      if ((init?.method ?? 'GET') === 'GET') {
        pullStarted();
        await released;
        pullCancelled = init?.signal?.aborted === true;
        init?.signal?.throwIfAborted();
      }
      return realFetch(input, init);
    };
    const bound = new SyncEngine({ transport: { fetch: slowPull, headers: () => ({ 'X-Requested-With': 'biblio-study' }) } });
    bound.start(db());
    const round = bound.sync();
    await started;

    // Sign-out, and the next person signs in on the same PC.
    bound.stop();
    switchToAccount({ id: 'next-person', login: 'next', name: 'Next', role: 'learner', actor: learner.agent });
    closeDatabase();
    const nextDatabase = db().name;
    releasePull();
    await round;

    expect(db().name).toBe(nextDatabase);
    expect(await db().statements.count()).toBe(0);
    expect(await db().meta.count()).toBe(0);
    expect(bound.getStatus().running).toBe(false);
    // Signing out cancelled the request itself, not only the writes after it.
    expect(pullCancelled).toBe(true);
    await db().delete();
  });

  it('sends a statement shortly after it is made while online (a push only), without waiting for the minute’s round', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const posted: string[] = [];
      let pulls = 0;
      const realFetch = server.fetchAs(() => cookie);
      const watched = new SyncEngine({
        transport: {
          fetch: async (input, init) => {
            if (init?.method === 'POST') posted.push(...(JSON.parse(String(init.body)) as Statement[]).map((s) => s.id));
            else pulls += 1;
            return realFetch(input, init);
          },
          headers: () => ({ 'X-Requested-With': 'biblio-study' }),
        },
        isOnline: () => true,
      });
      // The round that start() begins; nothing else asks for one meanwhile.
      watched.start(db());
      await vi.waitFor(() => expect(watched.getStatus().running).toBe(false));
      await completeLesson(lesson);
      const [made] = await db().statements.where('synced').equals(0).toArray();
      expect(posted).not.toContain(made!.id);
      const pullsBefore = pulls;
      await vi.advanceTimersByTimeAsync(PUSH_AFTER_WRITE_MS);
      await vi.waitFor(() => expect(posted).toContain(made!.id));
      // Only a push: the pull waits for the usual triggers.
      expect(pulls).toBe(pullsBefore);
      watched.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
