/**
 * How the process starts and stops as an operator sees it: signals end it
 * quickly and cleanly in the shell and in Slack mode, and a bad setting or an
 * unreachable database ends it at once with one plain line, no stack trace.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { Bots, freePort, type BotProcess } from './support/bot-process.js';

const STACK_LINE = /\n\s+at .+[:(]\d+/;

describe('stopping on a signal', () => {
  const bots = new Bots();
  let slack: FakeSlack | undefined;

  afterEach(async () => {
    await bots.killAll();
    await slack?.close();
    slack = undefined;
  });

  /** Sends the signal and resolves with how long the exit took and its code. */
  async function stopWith(bot: BotProcess, signal: NodeJS.Signals) {
    const sentAt = bot.signal(signal);
    const exit = await bot.exited;
    return { ms: exit.at - sentAt, code: exit.code, killedBy: exit.signal };
  }

  it('the shell, with standard input still open, exits 0 within 5 s on SIGTERM and on SIGINT', async () => {
    const started = (['SIGTERM', 'SIGINT'] as const).map((signal) => ({ signal, bot: bots.start({ DATA_DIR: bots.dataDir() }, { keepStdinOpen: true }) }));
    for (const { bot } of started) {
      // Up and reading: it answers a command, and input stays open after it.
      bot.write('/brief help\n');
      await bot.until(() => bot.stdout.includes('/brief subscribe'), 'the help answer', 40_000);
      expect(bot.running).toBe(true);
    }
    for (const { signal, bot } of started) {
      const stop = await stopWith(bot, signal);
      expect(stop, signal).toMatchObject({ code: 0, killedBy: null });
      expect(stop.ms, signal).toBeLessThan(5_000);
      expect(bot.stderr, signal).not.toMatch(STACK_LINE);
    }
  }, 60_000);

  it('Slack mode exits 0 within 5 s on SIGTERM and on SIGINT, and stops listening', async () => {
    slack = await FakeSlack.start();
    const fake = slack;
    const started = await Promise.all(
      (['SIGTERM', 'SIGINT'] as const).map(async (signal) => {
        const port = await freePort();
        const bot = bots.start({
          SLACK_BOT_TOKEN: 'xoxb-e2e-lifecycle',
          SLACK_SIGNING_SECRET: 'e2e-lifecycle-secret',
          SLACK_API_URL: fake.apiUrl,
          PORT: String(port),
          DATA_DIR: bots.dataDir(),
          POLL_EVERY: '1h',
        });
        return { signal, bot, port };
      }),
    );
    for (const { bot, port } of started) {
      await bot.started(40_000);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    }
    for (const { signal, bot, port } of started) {
      const stop = await stopWith(bot, signal);
      expect(stop, signal).toMatchObject({ code: 0, killedBy: null });
      expect(stop.ms, signal).toBeLessThan(5_000);
      expect(bot.logLines().some((l) => l.msg === 'shutting down' && l.reason === signal)).toBe(true);
      expect(bot.stderr).not.toMatch(STACK_LINE);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    }
  }, 60_000);
});

describe('refusing to start', () => {
  const bots = new Bots();

  afterEach(async () => {
    await bots.killAll();
  });

  it('exits 2 on a bad setting, with one line on stderr naming the variable', async () => {
    const bot = bots.start({ DATA_DIR: bots.dataDir(), DEFAULT_TIMEZONE: 'Nowhere' }, { keepStdinOpen: true });
    const exit = await bot.exited;
    expect(exit.code).toBe(2);
    const lines = bot.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('briefbot: DEFAULT_TIMEZONE: expected an IANA timezone such as Europe/Paris or UTC, got "Nowhere"');
    expect(bot.stdout).toBe('');
  }, 30_000);

  it('exits non-zero when PostgreSQL is unreachable, with a plain message, no stack trace and no password', async () => {
    const bot = bots.start({ DATA_DIR: bots.dataDir(), DATABASE_URL: 'postgres://briefbot:e2e-db-password@127.0.0.1:1/x' }, { keepStdinOpen: true });
    const exit = await bot.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    const lines = bot.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^briefbot: could not start: PostgreSQL at 127\.0\.0\.1:1 refused the connection/);
    expect(bot.stderr).not.toMatch(STACK_LINE);
    expect(bot.stderr).not.toContain('e2e-db-password');
  }, 30_000);
});
