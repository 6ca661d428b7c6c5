import { createTask } from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestSlot, minIntervalSec, nextRuns, validateCron, validateTimezone } from '../../src/schedule/index.js';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

afterEach(() => {
  vi.useRealTimers();
});

describe('nextRuns across DST changes', () => {
  it('skips a daily time that falls in the spring-forward gap (New York, Berlin, Lord Howe)', () => {
    expect(iso(nextRuns('30 2 * * *', 'America/New_York', 3, new Date('2026-03-06T12:00:00Z')))).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z', // 8 March 02:30 does not exist
      '2026-03-10T06:30:00.000Z',
    ]);
    expect(iso(nextRuns('30 2 * * *', 'Europe/Berlin', 3, new Date('2026-03-27T12:00:00Z')))).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z', // 29 March 02:30 does not exist
      '2026-03-31T00:30:00.000Z',
    ]);
    // Lord Howe moves by half an hour: 02:00 → 02:30 on 4 October 2026.
    expect(iso(nextRuns('15 2 * * *', 'Australia/Lord_Howe', 3, new Date('2026-10-01T20:00:00Z')))).toEqual([
      '2026-10-02T15:45:00.000Z', // +10:30
      '2026-10-04T15:15:00.000Z', // +11, after skipping 4 October
      '2026-10-05T15:15:00.000Z',
    ]);
  });

  it('fires an ambiguous fall-back time once', () => {
    // New York: the first (daylight) 01:15.
    expect(iso(nextRuns('15 1 * * *', 'America/New_York', 2, new Date('2026-10-31T12:00:00Z')))).toEqual(['2026-11-01T05:15:00.000Z', '2026-11-02T06:15:00.000Z']);
    // node-cron 4.6 picks the second (standard-time) 02:30 in Berlin and 01:45 in Lord Howe; once either way.
    expect(iso(nextRuns('30 2 * * *', 'Europe/Berlin', 2, new Date('2026-10-24T12:00:00Z')))).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    expect(iso(nextRuns('45 1 * * *', 'Australia/Lord_Howe', 2, new Date('2026-04-04T12:00:00Z')))).toEqual(['2026-04-04T15:15:00.000Z', '2026-04-05T15:15:00.000Z']);
  });

  it('agrees with the runs node-cron itself reports', () => {
    vi.useFakeTimers();
    for (const [cron, tz, from] of [
      ['30 2 * * *', 'America/New_York', '2026-03-06T12:00:00Z'],
      ['0 9 * * 1', 'Europe/Berlin', '2026-03-20T00:00:00Z'],
      ['*/20 1-3 * * *', 'Australia/Lord_Howe', '2026-04-04T12:00:00Z'],
    ] as const) {
      vi.setSystemTime(new Date(from));
      const task = createTask(cron, () => undefined, { timezone: tz });
      expect(iso(nextRuns(cron, tz, 8, new Date(from)))).toEqual(iso(task.getNextRuns(8)));
      void task.destroy();
    }
  });
});

describe('validation and intervals', () => {
  it('validates cron expressions and timezones', () => {
    expect(validateCron('0 8 * * 1-5')).toBeNull();
    expect(validateCron('*/10 * * * * *')).toBeNull();
    expect(validateCron('0 25 * * *')).toMatch(/hour/i);
    expect(validateCron('not a cron')).not.toBeNull();
    expect(validateTimezone('Australia/Lord_Howe')).toBeNull();
    expect(validateTimezone('Mars/Olympus')).toContain('Mars/Olympus');
    expect(() => nextRuns('0 8 * * *', 'Mars/Olympus', 1)).toThrow(/unknown time zone `Mars\/Olympus`/);
  });

  it('measures the shortest interval between runs, DST included', () => {
    const from = new Date('2026-03-01T00:00:00Z');
    expect(minIntervalSec('*/5 * * * *', 'UTC', from)).toBe(300);
    expect(minIntervalSec('*/10 * * * * *', 'UTC', from)).toBe(10);
    expect(minIntervalSec('0 8,9 * * *', 'UTC', from)).toBe(3600);
    expect(minIntervalSec('0 8 * * *', 'UTC', from)).toBe(86_400);
    // The spring-forward day is 23 hours long.
    expect(minIntervalSec('0 8 * * *', 'America/New_York', from)).toBe(82_800);
  });
});

describe('latestSlot (catch-up after downtime)', () => {
  const after = new Date('2026-03-02T00:00:00Z');
  const upto = new Date('2026-03-02T05:30:00Z');

  it('finds the latest missed slot within the grace period and reports older misses', () => {
    expect(latestSlot('0 * * * *', 'UTC', after, upto, 6 * 3600_000)).toEqual({ slot: new Date('2026-03-02T05:00:00Z'), droppedOlder: true });
    expect(latestSlot('0 * * * *', 'UTC', new Date('2026-03-02T04:30:00Z'), upto, 3600_000)).toEqual({ slot: new Date('2026-03-02T05:00:00Z'), droppedOlder: false });
    expect(latestSlot('0 * * * *', 'UTC', after, upto, 10 * 60_000)).toEqual({ slot: null, droppedOlder: true });
    expect(latestSlot('0 8 * * *', 'UTC', after, upto, 6 * 3600_000)).toEqual({ slot: null, droppedOlder: false });
  });

  it('stays cheap for a per-second schedule after days down', () => {
    const start = performance.now();
    const result = latestSlot('* * * * * *', 'UTC', after, new Date('2026-03-06T00:00:00Z'), 3600_000);
    expect(result).toEqual({ slot: new Date('2026-03-06T00:00:00Z'), droppedOlder: true });
    expect(performance.now() - start).toBeLessThan(500);
  });
});
