/*
 * Bounds the scrypt work of password checks, so that a flood of sign-ins cannot starve the CPU
 * (and libuv's thread pool, which file and DNS work share). At most `atOnce` checks run; the
 * rest wait in one queue per client address and are started round-robin across addresses, so
 * one address sending hundreds of sign-ins delays a sign-in from another address by at most
 * one check per busy address, not by the whole flood. A client with `perClient` checks waiting,
 * or the server with `waiting` checks waiting in all, is told to come back (BusyError, answered
 * 503 with Retry-After) instead of waiting longer.
 */
export class BusyError extends Error {}

export type PasswordQueueOptions = { atOnce: number; waiting: number; perClient: number };

type Job = { run: () => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class PasswordQueue {
  private running = 0;
  private waitingCount = 0;
  /** Waiting jobs per client; the Map's order is the round-robin order. */
  private readonly queues = new Map<string, Job[]>();

  constructor(private readonly options: PasswordQueueOptions) {}

  /** Runs `task` when its turn comes; throws BusyError at once when too much is waiting. */
  run<T>(client: string, task: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(client) ?? [];
    if (this.running < this.options.atOnce && this.waitingCount === 0) return this.start(task);
    if (this.waitingCount >= this.options.waiting || queue.length >= this.options.perClient) {
      return Promise.reject(new BusyError('Too many password checks are waiting.'));
    }
    return new Promise<T>((resolve, reject) => {
      queue.push({ run: task, resolve: resolve as (value: unknown) => void, reject });
      this.queues.set(client, queue);
      this.waitingCount += 1;
    });
  }

  private async start<T>(task: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.startNext();
    }
  }

  /** Starts the first waiting job of the client whose turn it is, and moves that client to the back. */
  private startNext(): void {
    const [client, queue] = this.queues.entries().next().value ?? [];
    if (client === undefined || queue === undefined) return;
    const job = queue.shift();
    this.queues.delete(client);
    if (queue.length > 0) this.queues.set(client, queue);
    if (!job) return;
    this.waitingCount -= 1;
    this.start(job.run).then(job.resolve, job.reject);
  }
}
