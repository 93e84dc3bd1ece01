/*
 * The client sync engine. It keeps nothing of its own: the outbox is the database's
 * unsynced statements (db/outbox.ts), the pull cursor and the last result live in `meta`.
 *
 * Push: waiting statements go to POST /xapi/statements in batches; a batch is marked synced
 * only after the server answered 200. A batch the server refuses (400 invalid, 409 an id
 * reused with other content) is split until the refused statements are found; those are
 * marked refused and kept, the rest go through.
 * Pull: GET /xapi/statements since the cursor, ascending, following `more`; new statements
 * (other devices, mentors' feedback) are appended and progress re-derived. Mentors and
 * coordinators pull only their own (`ownStatementsOnly`).
 * When: start (sign-in), the `online` event, the tab becoming visible, every minute while
 * online, a Background Sync message from the service worker, and "Sync now". After a
 * failure it retries with exponential backoff and jitter.
 * Offline or signed out: nothing is sent; statements wait. A 401 (session expired) stops
 * syncing until the person signs in again; the outbox waits.
 */
import { agentKey } from '../../shared/xapi/canonical';
import type { Agent, Statement } from '../../shared/xapi/types';
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

export class SyncEngine {
  private status: SyncStatus = { running: false, needsSignIn: false, lastError: undefined };
  private readonly listeners = new Set<() => void>();
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private intervalTimer: ReturnType<typeof setInterval> | undefined;
  private current: Promise<void> | undefined;
  private detach: (() => void) | undefined;

  constructor(
    private readonly transport: SyncTransport,
    private readonly isOnline: () => boolean = () => typeof navigator === 'undefined' || navigator.onLine,
    /** Called when a round fails for want of a connection (e.g. to register Background Sync). */
    private readonly onOffline?: () => void,
  ) {}

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener();
  }

  /** Begin syncing on every trigger (after sign-in, or at start when signed in). */
  start(): void {
    if (this.detach) return;
    const kick = () => void this.sync();
    const onVisible = () => {
      if (document.visibilityState === 'visible') kick();
    };
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === 'biblio-sync') kick();
    };
    window.addEventListener('online', kick);
    document.addEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    this.intervalTimer = setInterval(() => {
      if (this.isOnline()) kick();
    }, INTERVAL_MS);
    this.detach = () => {
      window.removeEventListener('online', kick);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
    this.set({ needsSignIn: false });
    kick();
  }

  /** Stop syncing (sign-out). Waiting statements stay in the database. */
  stop(): void {
    this.detach?.();
    this.detach = undefined;
    clearInterval(this.intervalTimer);
    clearTimeout(this.retryTimer);
    this.failures = 0;
  }

  /** One full round: push everything waiting, then pull what is new. Concurrent calls share one round. */
  sync(): Promise<void> {
    this.current ??= this.round().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async round(): Promise<void> {
    if (this.status.needsSignIn) return;
    if (!this.isOnline()) {
      this.set({ lastError: 'offline' });
      this.onOffline?.();
      return;
    }
    this.set({ running: true });
    try {
      await this.pushAll();
      await this.pullAll();
      this.failures = 0;
      clearTimeout(this.retryTimer);
      await updateSyncMeta({ lastSuccessAt: new Date().toISOString(), lastError: undefined, lastErrorAt: undefined });
      this.set({ running: false, lastError: undefined });
    } catch (error) {
      const code = this.classify(error);
      await updateSyncMeta({ lastError: code, lastErrorAt: new Date().toISOString() }).catch(() => undefined);
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
    this.retryTimer = setTimeout(() => void this.sync(), delay);
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await this.transport.fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: {
        'X-Experience-API-Version': '1.0.3',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...this.transport.headers(),
        ...init.headers,
      },
    });
    if (!response.ok && response.status !== 400 && response.status !== 409)
      throw new HttpError(response.status, await response.text().catch(() => ''));
    return response;
  }

  private async pushAll(): Promise<void> {
    for (;;) {
      const batch = await waitingStatements(BATCH_SIZE);
      if (batch.length === 0) return;
      await this.push(batch.map((row) => row.statement));
    }
  }

  /** Sends statements; on 400/409 splits the batch to find and set aside exactly the refused ones. */
  private async push(statements: Statement[]): Promise<void> {
    const response = await this.request('/xapi/statements', { method: 'POST', body: JSON.stringify(statements) });
    if (response.ok) {
      await markSynced(statements.map((s) => s.id));
      return;
    }
    const reason = await response.text().catch(() => '');
    if (statements.length === 1) {
      const [only] = statements;
      if (only) await markRefused(only.id, `${response.status} ${reason}`.slice(0, 500));
      return;
    }
    const middle = Math.ceil(statements.length / 2);
    await this.push(statements.slice(0, middle));
    await this.push(statements.slice(middle));
  }

  private async pullAll(): Promise<void> {
    const meta = await readSyncMeta();
    const since = meta.pullCursor ? new Date(Date.parse(meta.pullCursor) - PULL_OVERLAP_MS).toISOString() : undefined;
    const query = new URLSearchParams({ ascending: 'true', limit: String(PULL_LIMIT) });
    if (since) query.set('since', since);
    const own = this.transport.ownStatementsOnly?.();
    const ownKey = own && agentKey(own);
    if (own && ownKey) {
      query.set('agent', JSON.stringify(own));
      if (meta.ownStatementsOf !== ownKey) {
        await forgetOthersStatements(ownKey);
        await updateSyncMeta({ ownStatementsOf: ownKey });
      }
    }
    let next: string | undefined = `/xapi/statements?${query}`;
    let newest = meta.pullCursor;
    while (next) {
      const response = await this.request(next);
      if (!response.ok) throw new HttpError(response.status, await response.text().catch(() => ''));
      const result = (await response.json()) as StatementResult;
      await storePulled(result.statements);
      for (const statement of result.statements) if (statement.stored && (!newest || statement.stored > newest)) newest = statement.stored;
      if (newest) await updateSyncMeta({ pullCursor: newest });
      next = result.more ? result.more : undefined;
    }
  }
}
