/*
 * Sign-in under a flood of password guesses: the time of a learner's sign-in (POST /api/login,
 * loopback HTTP, SQLite in a temporary directory) alone, and while 400 sign-ins with random
 * logins arrive at once, from one address and from 400 addresses. The addresses come from
 * X-Forwarded-For (TRUST_PROXY=127.0.0.1). A bounded run: the 400 requests are sent once, the
 * learner signs in SIGN_INS times meanwhile (a 503 "busy" is retried a second later, at most
 * MAX_RETRIES times), and the run ends when every answer is in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/server/config';
import { openServer } from '../../src/server/server';
import { insertUser } from '../../src/server/store/users';

const FLOOD = 400;
const SIGN_INS = 5;
/** Retries of a sign-in answered 503, one second apart. */
const MAX_RETRIES = 30;
const PASSWORD = 'learner password';

export type SignInFigures = {
  aloneMs: number;
  /** `busy`: the learner's sign-ins answered 503 and tried again. */
  variants: { name: string; medianMs: number; maxMs: number; busy: number; answers: Record<number, number> }[];
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function signIn(base: string, body: { login: string; password: string; from: string }): Promise<number> {
  return fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'bench', 'x-forwarded-for': body.from },
    body: JSON.stringify({ login: body.login, password: body.password }),
  }).then(async (response) => {
    await response.arrayBuffer();
    return response.status;
  });
}

/** Sign-ins by the learner, one after another; a 503 (busy) is retried after its Retry-After, as the app's user would. */
async function timedSignIns(base: string, from: string): Promise<{ times: number[]; busy: number }> {
  const times: number[] = [];
  let busy = 0;
  for (let i = 0; i < SIGN_INS; i += 1) {
    const start = performance.now();
    let status = await signIn(base, { login: 'learner', password: PASSWORD, from });
    for (let retry = 0; status === 503 && retry < MAX_RETRIES; retry += 1) {
      busy += 1;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      status = await signIn(base, { login: 'learner', password: PASSWORD, from });
    }
    if (status !== 200) throw new Error(`The learner's sign-in answered ${status}`);
    times.push(performance.now() - start);
  }
  return { times, busy };
}

export async function benchSignIn(): Promise<SignInFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'biblio-bench-sign-in-'));
  // The default limits: a flood from one address meets LOGIN_MAX_PER_ADDRESS, one from 400 addresses only the password queue.
  const config = loadConfig({ DATA_DIR: dir, TRUST_PROXY: '127.0.0.1' });
  const { app, context } = await openServer(config, { serveApp: false });
  try {
    await insertUser(context.store.db, { login: 'learner', name: 'Learner', role: 'learner', password: PASSWORD });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await timedSignIns(base, '192.0.2.1');
    const aloneMs = median((await timedSignIns(base, '192.0.2.2')).times);

    const variants: SignInFigures['variants'] = [];
    for (const [name, addressOf] of [
      ['from one address', () => '203.0.113.7'],
      ['from 400 addresses', (i: number) => `198.18.${Math.floor(i / 250)}.${i % 250}`],
    ] as const) {
      const flood = Array.from({ length: FLOOD }, (_, i) =>
        signIn(base, { login: `guess-${randomUUID()}`, password: 'a guess', from: addressOf(i) }),
      );
      const { times, busy } = await timedSignIns(base, `192.0.2.${10 + variants.length}`);
      const answers: Record<number, number> = {};
      for (const status of await Promise.all(flood)) answers[status] = (answers[status] ?? 0) + 1;
      variants.push({ name, medianMs: median(times), maxMs: Math.max(...times), busy, answers });
    }
    return { aloneMs, variants };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printSignIn(figures: SignInFigures): void {
  console.log(`\nSign-in (POST /api/login, SQLite, loopback) while ${FLOOD} random sign-ins arrive at once`);
  console.log(`  alone                       median ${figures.aloneMs.toFixed(0).padStart(6)} ms`);
  for (const variant of figures.variants) {
    const answers = Object.entries(variant.answers)
      .map(([status, count]) => `${count} x ${status}`)
      .join(', ');
    console.log(
      `  flood ${variant.name.padEnd(21)} median ${variant.medianMs.toFixed(0).padStart(6)} ms, max ${variant.maxMs.toFixed(0)} ms, ${variant.busy} busy retries (flood answered: ${answers})`,
    );
  }
}
