/** One Briefbot process started as `npm start` would, with its log kept for assertions. */
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../run-bot.js';

export class BotProcess {
  readonly output: string[] = [];
  private readonly child: ChildProcess;
  private exited: Promise<number | null>;

  constructor(
    readonly name: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, ['--import', 'tsx/esm', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (data: Buffer) => this.output.push(...data.toString().split('\n').filter(Boolean));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once the process logged that it started; rejects if it exits first. */
  async started(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.some((line) => line.includes('briefbot started'))) {
      if (!this.running) throw new Error(`${this.name} exited before starting:\n${this.output.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not start in ${timeoutMs} ms:\n${this.output.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGKILL: no shutdown hook runs, leases stay as they were. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 8_000);
    await this.exited;
    clearTimeout(timer);
  }
}
