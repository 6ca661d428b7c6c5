/**
 * Briefbot as `npm start` runs it (`node --import tsx/esm src/main.ts`), one child
 * process per instance, with everything it prints kept for assertions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'briefbot-e2e-'));
}

/** PORT=0 would hide the port from us: borrow a free one from the kernel, then hand it over. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export class BotProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>, options: { keepStdinOpen?: boolean } = {}) {
    this.child = spawn(process.execPath, ['--import', 'tsx/esm', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: [options.keepStdinOpen ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((done) => this.child.on('exit', (code, signal) => done({ code, signal, at: Date.now() })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Structured log lines (pino JSON on stderr), skipping anything else. */
  logLines(): Array<Record<string, unknown>> {
    return this.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Polls until `probe` holds; fails early if the process dies. */
  async until(probe: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!probe()) {
      if (!this.running) throw new Error(`bot exited before ${what}:\n${this.stderr}\n${this.stdout}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${this.stderr}\n${this.stdout}`);
      await sleep(25);
    }
  }

  async started(timeoutMs = 20_000): Promise<void> {
    await this.until(() => this.stderr.includes('"briefbot started"') || this.stdout.includes('"briefbot started"'), 'start-up', timeoutMs);
  }

  /** Types into the bot's standard input (started with keepStdinOpen). */
  write(text: string): void {
    this.child.stdin!.write(text);
  }

  signal(signal: NodeJS.Signals): number {
    const at = Date.now();
    this.child.kill(signal);
    return at;
  }

  /** SIGKILL: nothing gets to clean up. */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Tracks the children and data directories a test makes, so none outlives it. */
export class Bots {
  private readonly all: BotProcess[] = [];
  private readonly dirs: string[] = [];

  dataDir(): string {
    const dir = freshDataDir();
    this.dirs.push(dir);
    return dir;
  }

  start(env: Record<string, string>, options?: { keepStdinOpen?: boolean }): BotProcess {
    const bot = new BotProcess(env, options);
    this.all.push(bot);
    return bot;
  }

  async killAll(): Promise<void> {
    await Promise.all(this.all.splice(0).map((bot) => bot.kill()));
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
