/* The password queue: bounded work, round-robin across client addresses, and a quick "busy". */
import { describe, expect, it } from 'vitest';
import { BusyError, PasswordQueue } from '../../src/server/auth/password-queue';

/** A task that finishes when the test says so, recording when it started. */
function gate(started: string[], name: string) {
  let open: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    task: async () => {
      started.push(name);
      await done;
      return name;
    },
    open: () => open(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PasswordQueue', () => {
  it('runs at most `atOnce` checks, and serves another address before the rest of a flood', async () => {
    const queue = new PasswordQueue({ atOnce: 1, waiting: 100, perClient: 100 });
    const started: string[] = [];
    const flood = Array.from({ length: 5 }, (_, i) => gate(started, `attacker-${i}`));
    const results = flood.map((g) => queue.run('203.0.113.9', g.task));
    const learner = gate(started, 'learner');
    const learnerResult = queue.run('192.0.2.1', learner.task);
    await settle();
    expect(started).toEqual(['attacker-0']);
    flood[0]!.open();
    await settle();
    expect(started).toEqual(['attacker-0', 'attacker-1']);
    flood[1]!.open();
    await settle();
    // The learner's check comes before the flood's third, not after its fifth.
    expect(started).toEqual(['attacker-0', 'attacker-1', 'learner']);
    learner.open();
    for (const g of flood) g.open();
    expect(await learnerResult).toBe('learner');
    expect(await Promise.all(results)).toEqual(flood.map((_, i) => `attacker-${i}`));
  });

  it('answers busy at once when an address or the server has too much waiting', async () => {
    const queue = new PasswordQueue({ atOnce: 1, waiting: 3, perClient: 2 });
    const started: string[] = [];
    const running = gate(started, 'running');
    const first = queue.run('a', running.task);
    const waiting = [gate(started, 'a1'), gate(started, 'a2')];
    const queued = waiting.map((g) => queue.run('a', g.task));
    await expect(queue.run('a', gate(started, 'a3').task)).rejects.toBeInstanceOf(BusyError);
    const other = gate(started, 'b1');
    const otherResult = queue.run('b', other.task);
    await expect(queue.run('c', gate(started, 'c1').task)).rejects.toBeInstanceOf(BusyError);
    for (const g of [running, ...waiting, other]) g.open();
    expect(await Promise.all([first, ...queued, otherResult])).toEqual(['running', 'a1', 'a2', 'b1']);
  });

  it('passes a failing check on and goes on with the next', async () => {
    const queue = new PasswordQueue({ atOnce: 1, waiting: 10, perClient: 10 });
    const failing = queue.run('a', () => Promise.reject(new Error('scrypt failed')));
    const next = queue.run('a', () => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('scrypt failed');
    expect(await next).toBe('next');
  });
});
