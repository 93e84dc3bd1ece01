/*
 * The client sync engine. It keeps nothing of its own: the outbox is the database's
 * unsynced statements (db/outbox.ts), the pull cursor and the last result live in `meta`.
 *
 * One person at a time: `start(database)` binds the engine to the database of the person
 * who signed in, and every round runs against the database it started with, never "the
 * current one". `stop()` (sign-out, change of person) aborts the round in flight: its
 * requests are cancelled and it writes nothing more, so nothing of one person (pulled
 * statements, the pull cursor, the last result) reaches the next person's database.
 *
 * Push: waiting statements go to POST /xapi/statements in batches; a batch is marked synced
 * only after the server answered 200. A batch the server refuses (400 invalid, 403 not this
 * person's to make, 409 an id reused with other content) is split until the refused
 * statements are found; those are marked refused and kept (the account page lists them),
 * the rest go through.
 * Pull: GET /xapi/statements since the cursor, ascending, following `more`; new statements
 * (other devices, mentors' feedback) are appended and progress re-derived. Mentors and
 * coordinators pull only their own (`ownStatementsOnly`).
 * When: start (sign-in), shortly after each statement made on this device while online (so
 * a mentor sees a submission at once), the `online` event, the tab becoming visible, every
 * minute while online, a Background Sync message from the service worker, and "Sync now".
 * After a failure it retries with exponential backoff and jitter.
 * Offline or signed out: nothing is sent; statements wait. A 401 (session expired) stops
 * syncing until the person signs in again; the outbox waits.
 */
import { agentKey } from '../../shared/xapi/canonical';
import type { Agent, Statement } from '../../shared/xapi/types';
import { onLocalStatements } from '../db/actions';
import { db, type StudyDatabase } from '../db/schema';
import {
  forgetOthersStatements,
  markRefused,
  markSynced,
  readSyncMeta,
  storePulled,
  updateSyncMeta,
  waitingStatements,
} from '../db/outbox';

export const BATCH_SIZE = 100;
const PULL_LIMIT = 200;
const INTERVAL_MS = 60_000;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** Pull a little before the cursor: statements stored in the same instant are not missed (duplicates are skipped). */
const PULL_OVERLAP_MS = 5_000;
/** How long after a write on this device the push waits, so a burst of writes (a quiz's answers) goes as one round. */
export const PUSH_AFTER_WRITE_MS = 1_500;
/** Statuses with which the server refuses some statements of a batch; the batch is split to find them. */
const REFUSING_STATUSES = new Set([400, 403, 409]);

export type SyncErrorCode = 'offline' | 'signed-out' | 'session-expired' | 'forbidden' | 'server' | 'network';

export type SyncStatus = {
  running: boolean;
  /** Set while syncing stopped until the person signs in again. */
  needsSignIn: boolean;
  lastError: SyncErrorCode | undefined;
};

export type SyncTransport = {
  fetch: typeof fetch;
  /** Extra headers for cookie-authenticated writes (CSRF protection). */
  headers: () => Record<string, string>;
  /**
   * For mentors and coordinators: their own Agent, so the pull asks only for statements they
   * made. They may read their cohorts' statements too, but those are not their own learning
   * (and a coordinator's would be the whole store). Learners pull everything they may read:
   * their own statements and the feedback addressed to them.
   */
  ownStatementsOnly?: () => Agent | undefined;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}`);
  }
}

type StatementResult = { statements: Statement[]; more?: string };

export type SyncEngineOptions = {
  transport: SyncTransport;
  isOnline?: () => boolean;
  /** Called when a round fails for want of a connection (e.g. to register Background Sync). */
  onOffline?: () => void;
  /** Called after a full round (push and pull) succeeded: the moment to ask the server for what else changed (the catalogue). */
  onSynced?: () => void;
};

/** A full round, or only a push (shortly after a write on this device). */
type RoundKind = 'push-and-pull' | 'push';

/** What one round does and works on: the database it started with, and the signal that ends it when its person leaves. */
type Round = { kind: RoundKind; database: StudyDatabase; signal: AbortSignal };

/** The person the engine is bound to, from `start` to `stop`. */
type Binding = { database: StudyDatabase; controller: AbortController };

export class SyncEngine {
  private status: SyncStatus = { running: false, needsSignIn: false, lastError: undefined };
  private readonly listeners = new Set<() => void>();
  private readonly transport: SyncTransport;
  private readonly isOnline: () => boolean;
  private readonly onOffline: (() => void) | undefined;
  private readonly onSynced: (() => void) | undefined;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private intervalTimer: ReturnType<typeof setInterval> | undefined;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private current: Promise<void> | undefined;
  /** A trigger arrived during a round: run one more after it, for statements made meanwhile. */
  private again = false;
  private binding: Binding | undefined;
  private detach: (() => void) | undefined;

  constructor(options: SyncEngineOptions) {
    this.transport = options.transport;
    this.isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine);
    this.onOffline = options.onOffline;
    this.onSynced = options.onSynced;
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener();
  }

  /**
   * Begin syncing `database` (the signed-in person's) on every trigger. A different database
   * than the bound one ends the previous person's syncing first.
   */
  start(database: StudyDatabase): void {
    if (this.binding?.database === database) {
      // The same person signed in again (e.g. after their session ended): sync again now.
      this.set({ needsSignIn: false });
      this.requestSync();
      return;
    }
    this.stop();
    this.binding = { database, controller: new AbortController() };
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.requestSync();
    };
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === 'biblio-sync') this.requestSync();
    };
    window.addEventListener('online', this.requestSync);
    document.addEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    const stopWatchingWrites = onLocalStatements(this.pushSoon);
    this.intervalTimer = setInterval(() => {
      if (this.isOnline()) this.requestSync();
    }, INTERVAL_MS);
    this.detach = () => {
      window.removeEventListener('online', this.requestSync);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
      stopWatchingWrites();
    };
    this.set({ needsSignIn: false });
    this.requestSync();
  }

  /** Stop syncing (sign-out): the round in flight is aborted and writes nothing more. Waiting statements stay in the database. */
  stop(): void {
    this.detach?.();
    this.detach = undefined;
    this.binding?.controller.abort();
    this.binding = undefined;
    this.current = undefined;
    this.again = false;
    clearInterval(this.intervalTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.pushTimer);
    this.failures = 0;
    if (this.status.running) this.set({ running: false });
  }

  /**
   * One full round: push everything waiting, then pull what is new. Concurrent calls share one
   * round, and one more round follows it. Without `start`, the round is for the person using
   * the app now (tests, a one-off sync).
   */
  sync(): Promise<void> {
    return this.begin('push-and-pull');
  }

  private begin(kind: RoundKind): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    const round: Round = this.binding
      ? { kind, database: this.binding.database, signal: this.binding.controller.signal }
      : { kind, database: db(), signal: new AbortController().signal };
    const running = this.round(round).finally(() => {
      if (this.current !== running) return;
      this.current = undefined;
      if (this.again && !round.signal.aborted && this.status.lastError === undefined) {
        this.again = false;
        this.requestSync();
      }
    });
    this.current = running;
    return running;
  }

  /**
   * Start a round from an event or a button ("Sync now"): its outcome, failure included, shows
   * in the status (`useSyncStatus`), so there is nothing for the caller to await or handle.
   */
  readonly requestSync = (): void => {
    this.sync().catch(() => undefined);
  };

  /**
   * After a write on this device: push shortly, while online, instead of waiting for the
   * minute's interval. Only a push: a learner scrolling a lesson saves their position often,
   * and the pull waits for the usual triggers.
   */
  private readonly pushSoon = (): void => {
    if (!this.isOnline()) return;
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.begin('push').catch(() => undefined);
    }, PUSH_AFTER_WRITE_MS);
  };

  private async round(round: Round): Promise<void> {
    if (this.status.needsSignIn) return;
    if (!this.isOnline()) {
      this.set({ lastError: 'offline' });
      this.onOffline?.();
      return;
    }
    this.set({ running: true });
    const { database, signal } = round;
    try {
      await this.pushAll(round);
      if (round.kind === 'push-and-pull') await this.pullAll(round);
      signal.throwIfAborted();
      this.failures = 0;
      clearTimeout(this.retryTimer);
      await updateSyncMeta(database, { lastSuccessAt: new Date().toISOString(), lastError: undefined, lastErrorAt: undefined });
      this.set({ running: false, lastError: undefined });
      if (round.kind === 'push-and-pull') this.onSynced?.();
    } catch (error) {
      // Its person signed out: the round ends without a word, in their database or anyone's.
      if (signal.aborted) return;
      const code = this.classify(error);
      await updateSyncMeta(database, { lastError: code, lastErrorAt: new Date().toISOString() }).catch(() => undefined);
      this.set({ running: false, lastError: code, needsSignIn: code === 'session-expired' || code === 'signed-out' });
      if (code !== 'session-expired' && code !== 'signed-out' && code !== 'forbidden') this.scheduleRetry();
      if (code === 'offline' || code === 'network') this.onOffline?.();
    }
  }

  private classify(error: unknown): SyncErrorCode {
    if (error instanceof HttpError) {
      if (error.status === 401) return 'session-expired';
      if (error.status === 403) return 'forbidden';
      return 'server';
    }
    return this.isOnline() ? 'network' : 'offline';
  }

  private scheduleRetry(): void {
    this.failures += 1;
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (this.failures - 1));
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(this.requestSync, delay);
  }

  /** A request of `round`; answers with a refusing status come back for splitting, other failures throw. */
  private async request(round: Round, path: string, init: RequestInit = {}): Promise<Response> {
    const response = await this.transport.fetch(path, {
      ...init,
      signal: round.signal,
      credentials: 'same-origin',
      headers: {
        'X-Experience-API-Version': '1.0.3',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...this.transport.headers(),
        ...init.headers,
      },
    });
    round.signal.throwIfAborted();
    if (!response.ok && !REFUSING_STATUSES.has(response.status))
      throw new HttpError(response.status, await response.text().catch(() => ''));
    return response;
  }

  private async pushAll(round: Round): Promise<void> {
    for (;;) {
      const batch = await waitingStatements(round.database, BATCH_SIZE);
      if (batch.length === 0) return;
      await this.push(
        round,
        batch.map((row) => row.statement),
      );
    }
  }

  /** Sends statements; on 400/403/409 splits the batch to find and set aside exactly the refused ones. */
  private async push(round: Round, statements: Statement[]): Promise<void> {
    const response = await this.request(round, '/xapi/statements', { method: 'POST', body: JSON.stringify(statements) });
    if (response.ok) {
      await markSynced(
        round.database,
        statements.map((s) => s.id),
      );
      return;
    }
    const reason = await response.text().catch(() => '');
    round.signal.throwIfAborted();
    if (statements.length === 1) {
      const [only] = statements;
      if (only) await markRefused(round.database, { id: only.id, problem: `${response.status} ${reason}`.slice(0, 500) });
      return;
    }
    const middle = Math.ceil(statements.length / 2);
    await this.push(round, statements.slice(0, middle));
    await this.push(round, statements.slice(middle));
  }

  private async pullAll(round: Round): Promise<void> {
    const { database, signal } = round;
    const meta = await readSyncMeta(database);
    const since = meta.pullCursor ? new Date(Date.parse(meta.pullCursor) - PULL_OVERLAP_MS).toISOString() : undefined;
    const query = new URLSearchParams({ ascending: 'true', limit: String(PULL_LIMIT) });
    if (since) query.set('since', since);
    const own = this.transport.ownStatementsOnly?.();
    const ownKey = own && agentKey(own);
    if (own && ownKey) {
      query.set('agent', JSON.stringify(own));
      if (meta.ownStatementsOf !== ownKey) {
        await forgetOthersStatements(database, ownKey);
        await updateSyncMeta(database, { ownStatementsOf: ownKey });
      }
    }
    let next: string | undefined = `/xapi/statements?${query}`;
    let newest = meta.pullCursor;
    while (next) {
      const response = await this.request(round, next);
      if (!response.ok) throw new HttpError(response.status, await response.text().catch(() => ''));
      const result = (await response.json()) as StatementResult;
      signal.throwIfAborted();
      await storePulled(database, result.statements);
      for (const statement of result.statements) if (statement.stored && (!newest || statement.stored > newest)) newest = statement.stored;
      signal.throwIfAborted();
      if (newest) await updateSyncMeta(database, { pullCursor: newest });
      next = result.more ? result.more : undefined;
    }
  }
}
