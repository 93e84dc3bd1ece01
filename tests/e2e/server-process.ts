/*
 * A real server in its own process (tests/e2e/server-main.ts, or `npm start`'s own
 * src/server/start.ts: embedded SQLite in a fresh temporary folder, the built PWA from
 * dist/), for tests that must kill or stop it in the middle of a request and start it again
 * on the same port and the same data, or that need an empty database (the first-coordinator
 * set-up page).
 *
 * The process is started directly with `node --import tsx` (not through npx or the tsx
 * CLI, which run the server in a child process that a SIGKILL would leave behind), in its
 * own process group, and the whole group is killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './browser';
import { freePort } from './ports';
import { distDir, repoRoot } from './repo';

const START_TIMEOUT_MS = 60_000;

export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  private readonly output: string[] = [];
  readonly baseURL: string;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    /** The script the process runs, from the repository root. */
    readonly entry: string,
  ) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  /**
   * Starts a server on a free port with an empty database, and waits until it answers.
   * `entry: 'src/server/start.ts'` runs what `npm start` runs, signal handling included.
   */
  static async start({ entry = 'tests/e2e/server-main.ts' }: { entry?: string } = {}): Promise<ServerProcess> {
    const server = new ServerProcess(await freePort(), mkdtempSync(join(tmpdir(), 'biblio-e2e-process-')), entry);
    await server.launch();
    return server;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the server printed, for failure messages. */
  log(): string {
    return this.output.join('').slice(-4000);
  }

  /** Starts the process (again: same port, same data folder) and waits until /xapi/about answers. */
  async launch(): Promise<void> {
    if (this.running) throw new Error('The server process is running already');
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, this.entry)], {
      cwd: repoRoot,
      env: { ...env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, DIST_DIR: distDir },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await eventually(
      async () => {
        if (!this.running) throw new Error(`the server process exited (${String(child.exitCode ?? child.signalCode)}):\n${this.log()}`);
        return (await fetch(`${this.baseURL}/xapi/about`)).status;
      },
      (status) => status === 200,
      `the server process on port ${this.port} to answer GET /xapi/about`,
      START_TIMEOUT_MS,
    );
  }

  /** SIGKILL, at once: no graceful shutdown, requests in flight are cut. Synchronous, so it can run inside an event handler. */
  kill(): void {
    const pid = this.child?.pid;
    if (pid === undefined || !this.running) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      this.child?.kill('SIGKILL');
    }
  }

  /** Sends `signal` to the server process alone (as a service manager stopping it would). */
  signal(signal: 'SIGTERM' | 'SIGINT'): void {
    this.child?.kill(signal);
  }

  /** Resolves once the process has gone (after `kill` or `signal`), with its exit code (null when killed by a signal). */
  async waitForExit(): Promise<number | null> {
    return this.exited;
  }

  async restart(): Promise<void> {
    this.kill();
    await this.waitForExit();
    await this.launch();
  }

  /** Kills the process and removes its data folder. */
  async dispose(): Promise<void> {
    this.kill();
    await this.waitForExit();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
