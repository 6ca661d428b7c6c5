import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger, type Logger } from '../../src/core/index.js';
import { Scheduler } from '../../src/schedule/index.js';
import { addMeeting, niameyMeeting, openTempStore, type TempStore } from './fixtures.js';
import { DESK, makeEngine, OPS, schedule } from './engine-setup.js';

let tmp: TempStore;
let scheduler: Scheduler | undefined;
beforeEach(async () => {
  tmp = await openTempStore();
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  vi.useRealTimers();
  await tmp.cleanup();
});

/** Slots of the deliveries a subscriber got, read back from the store. */
async function deliveredSlots(subscriber: string): Promise<string[]> {
  const db = (tmp.store as unknown as { db: { prepare(sql: string): { all(...a: unknown[]): Array<{ slot: string }> } } }).db;
  return db.prepare('SELECT slot FROM deliveries WHERE subscriber = ? ORDER BY slot').all(subscriber).map((r) => r.slot);
}

function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const log = { ...silentLogger, warnings, warn: (_: object, msg?: string) => void warnings.push(msg ?? ''), child: () => log };
  return log;
}

describe('Scheduler with node-cron under fake timers', () => {
  async function runBetween(from: string, to: string, cron: string, timezone: string): Promise<string[]> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date(from));
    const { store } = tmp;
    await schedule(store, DESK, 'daily-brief', { cron, timezone, announceEmpty: true });
    const { engine, chat } = makeEngine(store);
    scheduler = new Scheduler({ store, engine, log: silentLogger, recoveryEveryMs: 86_400_000 });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(Date.parse(to) - Date.parse(from));
    await scheduler.idle();
    // announceEmpty: every slot posts one "nothing new" message.
    expect(chat.parts().map((m) => m.slot)).toEqual(await deliveredSlots(DESK));
    return deliveredSlots(DESK);
  }

  it('New York: skips the spring-forward gap', async () => {
    expect(await runBetween('2026-03-07T12:00:00Z', '2026-03-10T12:00:00Z', '30 2 * * *', 'America/New_York')).toEqual([
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
    ]);
  });

  it('New York: fires once at the fall-back hour', async () => {
    expect(await runBetween('2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z', '15 1 * * *', 'America/New_York')).toEqual([
      '2026-11-01T05:15:00.000Z',
      '2026-11-02T06:15:00.000Z',
    ]);
  });

  it('Berlin: skips the spring-forward gap', async () => {
    expect(await runBetween('2026-03-28T12:00:00Z', '2026-03-31T12:00:00Z', '30 2 * * *', 'Europe/Berlin')).toEqual([
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ]);
  });

  it('Berlin: fires the repeated hour once', async () => {
    expect(await runBetween('2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z', '30 2 * * *', 'Europe/Berlin')).toEqual([
      '2026-10-25T01:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('Lord Howe: handles a half-hour shift', async () => {
    expect(await runBetween('2026-10-02T20:00:00Z', '2026-10-05T20:00:00Z', '15 2 * * *', 'Australia/Lord_Howe')).toEqual([
      '2026-10-04T15:15:00.000Z',
      '2026-10-05T15:15:00.000Z',
    ]);
  });

  it('runs a slot whose timer fired late, and catches up once when it fired very late', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-03-02T07:59:59Z'));
    const { store } = tmp;
    await schedule(store, DESK, 'daily-brief', { cron: '0 * * * *', announceEmpty: true });
    const { engine } = makeEngine(store);
    scheduler = new Scheduler({ store, engine, log: silentLogger, recoveryEveryMs: 86_400_000, graceMs: 6 * 3600_000 });
    await scheduler.start();
    // The event loop was blocked: the clock moves on, the timer has not fired yet.
    vi.setSystemTime(new Date('2026-03-02T08:02:00Z'));
    await vi.advanceTimersByTimeAsync(1000);
    await scheduler.idle();
    expect(await deliveredSlots(DESK)).toEqual(['2026-03-02T08:00:00.000Z']);
    // Suspended for hours: the 09:00 timer fires at 13:27:59, when 09:00 to 13:00 are
    // all more than 5 minutes late. One delivery for the latest of them, not five.
    vi.setSystemTime(new Date('2026-03-02T12:30:00Z'));
    await vi.advanceTimersByTimeAsync(3600_000 - 121_000);
    await scheduler.idle();
    expect(new Date().toISOString()).toBe('2026-03-02T13:27:59.000Z');
    expect(await deliveredSlots(DESK)).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-02T13:00:00.000Z']);
  });

  it('refresh replaces a task and removes a deleted schedule', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-03-02T07:00:00Z'));
    const { store } = tmp;
    await schedule(store, DESK, 'daily-brief', { cron: '0 8 * * *', announceEmpty: true });
    const { engine } = makeEngine(store);
    scheduler = new Scheduler({ store, engine, log: silentLogger, recoveryEveryMs: 86_400_000 });
    await scheduler.start();
    expect(scheduler.installed()).toEqual([`${DESK} daily-brief`]);
    await schedule(store, DESK, 'daily-brief', { cron: '30 7 * * *', announceEmpty: true });
    await scheduler.refresh(DESK, 'daily-brief');
    await vi.advanceTimersByTimeAsync(3600_000);
    await scheduler.idle();
    expect(await deliveredSlots(DESK)).toEqual(['2026-03-02T07:30:00.000Z']);
    await store.schedules.remove(DESK, 'daily-brief');
    await scheduler.refresh(DESK, 'daily-brief');
    expect(scheduler.installed()).toEqual([]);
  });
});

describe('Scheduler installation', () => {
  it('skips a stored schedule it cannot run, and installs the others', async () => {
    const { store } = tmp;
    await schedule(store, DESK, 'daily-brief', { timezone: 'Mars/Olympus' });
    await schedule(store, OPS, 'daily-brief');
    await schedule(store, OPS, 'no-such-digest');
    await store.schedules.set({ subscriber: DESK, digest: 'alert', cron: '*/5 * * * *', timezone: 'UTC', announceEmpty: false, setBy: 'shell:editor' });
    await store.schedules.pause(DESK, 'alert', 'channel gone');
    const errors: string[] = [];
    const log = { ...recordingLog(), error: (_: object, msg?: string) => void errors.push(msg ?? '') };
    const { engine } = makeEngine(store);
    scheduler = new Scheduler({ store, engine, log });
    await scheduler.start();
    expect(scheduler.installed()).toEqual([`${OPS} daily-brief`]);
    expect(errors).toEqual(['could not install schedule']);
  });
});

describe('Scheduler catch-up after downtime', () => {
  it('delivers once for the latest missed slot, covering everything since the watermark', async () => {
    const { store } = tmp;
    await schedule(store, DESK, 'daily-brief', { cron: '0 * * * *' });
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    // Five hourly slots went by while down. Half past an hour, so the restart a minute later
    // never crosses into a new slot (from 29 minutes past, it once did).
    const later = (Math.floor(Date.now() / 3600_000) + 5) * 3600_000 + 30 * 60_000;
    const log = recordingLog();
    const { engine, chat } = makeEngine(store, { now: () => new Date(later) });
    scheduler = new Scheduler({ store, engine, log, now: () => new Date(later), graceMs: 6 * 3600_000 });
    await scheduler.start();
    await scheduler.idle();
    const latest = new Date(later);
    latest.setUTCMinutes(0, 0, 0);
    expect(await deliveredSlots(DESK)).toEqual([latest.toISOString()]);
    expect(chat.parts().every((m) => m.slot === latest.toISOString())).toBe(true);
    expect(chat.parts().map((m) => m.text).join('\n')).toContain('Niamey');
    expect(log.warnings).toContain('missed digest slots while down; older ones dropped');
    await scheduler.stop();

    // Restarting again finds nothing missed.
    scheduler = new Scheduler({ store, engine, log, now: () => new Date(later + 60_000) });
    await scheduler.start();
    await scheduler.idle();
    expect(await deliveredSlots(DESK)).toHaveLength(1);
  });

  it('drops misses older than the grace period', async () => {
    const { store } = tmp;
    const later = Date.now() + 30 * 3600_000;
    const hour = new Date(later - 5 * 3600_000).getUTCHours();
    await schedule(store, OPS, 'daily-brief', { cron: `0 ${hour} * * *`, announceEmpty: true });
    const log = recordingLog();
    const { engine, chat } = makeEngine(store, { now: () => new Date(later) });
    scheduler = new Scheduler({ store, engine, log, now: () => new Date(later), graceMs: 2 * 3600_000 });
    await scheduler.start();
    await scheduler.idle();
    expect(await deliveredSlots(OPS)).toEqual([]);
    expect(chat.messages).toEqual([]);
    expect(log.warnings).toContain('missed digest slots while down; older ones dropped');
  });
});
