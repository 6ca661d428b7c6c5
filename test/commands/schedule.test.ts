import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, createTestBed, USER, type TestBed } from '../helpers/command-context.js';
import { ask } from './ask.js';

let bed: TestBed;
beforeEach(async () => {
  bed = await createTestBed();
});
afterEach(async () => bed.close());

describe('schedule', () => {
  it('sets a daily schedule in the default timezone, refreshes the scheduler and shows the next three runs', async () => {
    const { reply, text } = await ask(bed, 'schedule daily 08:00');
    expect(reply.error).toBeUndefined();
    expect(text).toContain('You will get the daily-brief every day at 08:00 (Africa/Casablanca).');
    // Now is 10:00 in Casablanca (UTC+1) on Thursday 29 June 2023.
    expect(text).toContain('Next runs: Fri 30 Jun 2023, 08:00; Sat 1 Jul 2023, 08:00; Sun 2 Jul 2023, 08:00');
    const stored = await bed.store.schedules.get(`user:${USER}`, 'daily-brief');
    expect(stored).toMatchObject({ cron: '0 8 * * *', timezone: 'Africa/Casablanca', announceEmpty: false, setBy: USER });
    expect(bed.scheduler.refreshed).toEqual([{ subscriber: `user:${USER}`, digest: 'daily-brief' }]);
    expect(bed.scheduler.installed()).toEqual([`user:${USER} daily-brief`]);
  });

  it('weekly defaults to the weekly roundup; cron takes a quoted expression; tz and empty are stored', async () => {
    expect((await ask(bed, 'schedule weekly monday 09:30 for:channel tz:europe/rome empty:announce')).text).toContain(
      'This channel will get the weekly-roundup every Monday at 09:30 (Europe/Rome).',
    );
    expect(await bed.store.schedules.get(`channel:${CHANNEL}`, 'weekly-roundup')).toMatchObject({ cron: '30 9 * * 1', timezone: 'Europe/Rome', announceEmpty: true });
    const cron = await ask(bed, 'schedule cron "0 8 * * 1-5" tz:UTC digest:alert');
    expect(cron.text).toContain('You will get the alert at 08:00, Monday through Friday (UTC).');
    expect(await bed.store.schedules.get(`user:${USER}`, 'alert')).toMatchObject({ cron: '0 8 * * 1-5', timezone: 'UTC' });
  });

  it('accepts an hourly cron at a 15-minute minimum, but not when the minimum is two hours', async () => {
    expect((await ask(bed, 'schedule cron "0 * * * *"')).reply.error).toBeUndefined();
    const strict = await createTestBed({ settings: { scheduleMinIntervalSec: 7200 } });
    try {
      const before = await strict.snapshot();
      const { reply, text } = await ask(strict, 'schedule cron "30 * * * *"');
      expect(reply.error?.code).toBe('bad-schedule');
      expect(text).toContain('every 60 minutes at times; the most often allowed is every 120 minutes');
      expect(await strict.snapshot()).toBe(before);
    } finally {
      await strict.close();
    }
  });

  it('shows current schedules with no words, and turns one off', async () => {
    await ask(bed, 'schedule daily 07:15 for:channel');
    const shown = await ask(bed, 'schedule');
    expect(shown.text).toContain('daily-brief: every day at 07:15 (Africa/Casablanca); next');
    expect(shown.text).toMatch(/You \(direct message\)\n-+\nNo schedule\./);
    expect((await ask(bed, 'schedule off for:channel')).text).toContain('The daily-brief for this channel is off.');
    expect(await bed.store.schedules.listFor(`channel:${CHANNEL}`)).toEqual([]);
    expect(bed.scheduler.installed()).toEqual([]);
    expect(bed.scheduler.refreshed.at(-1)).toEqual({ subscriber: `channel:${CHANNEL}`, digest: 'daily-brief' });
  });

  it("refuses to change a channel's schedule without permission, changing nothing", async () => {
    await ask(bed, 'schedule daily 08:00 for:channel');
    const before = await bed.snapshot();
    for (const line of ['schedule daily 09:00 for:channel', 'schedule off for:channel']) {
      const { reply, text } = await ask(bed, line, { canManageChannel: false });
      expect(reply.error?.code).toBe('forbidden');
      expect(text).toContain('manage this channel');
    }
    expect(await bed.snapshot()).toBe(before);
    expect(bed.scheduler.refreshed).toHaveLength(1);
  });

  it.each([
    ['schedule hourly', 'bad-schedule', 'is not a schedule'],
    ['schedule daily', 'bad-schedule', 'needs a time'],
    ['schedule daily 25:00', 'bad-schedule', 'not a time of day'],
    ['schedule daily 08:00 extra', 'bad-schedule', 'not understood'],
    ['schedule weekly funday 09:00', 'bad-schedule', 'not a day of the week'],
    ['schedule cron "0 8 * *"', 'bad-schedule', 'not a valid cron expression'],
    ['schedule cron "61 8 * * *"', 'bad-schedule', 'not a valid cron expression'],
    ['schedule cron "*/5 * * * *"', 'bad-schedule', 'every 5 minutes'],
    ['schedule cron "0,10 8 * * *"', 'bad-schedule', 'every 10 minutes'],
    ['schedule cron "* * * * * *"', 'bad-schedule', 'every 1 second at times'],
    // 18:50 then 19:00: the short gap comes only at the ninth run of the day.
    ['schedule cron "0,50 0,6,12,18,19 * * *"', 'bad-schedule', 'every 10 minutes'],
    ['schedule daily 08:00 tz:Mars/Olympus', 'bad-timezone', 'not a timezone'],
    ['schedule daily 08:00 tz:+01:00', 'bad-timezone', 'not a timezone'],
    ['schedule daily 08:00 digest:hourly-news', 'bad-option', 'no digest'],
    ['schedule daily 08:00 empty:maybe', 'bad-option', 'announce, silent'],
    ['schedule off', 'not-found', 'had no daily-brief schedule'],
  ])('rejects %s and stores nothing', async (line, code, words) => {
    const before = await bed.snapshot();
    const { reply, text } = await ask(bed, line);
    expect(reply.error?.code).toBe(code);
    expect(text).toContain(words);
    expect(await bed.snapshot()).toBe(before);
    expect(bed.scheduler.refreshed).toEqual([]);
  });
});

describe('digest', () => {
  const channelKey = `channel:${CHANNEL}`;

  it('previews the channel digest privately without moving the watermark', async () => {
    await bed.store.subscriptions.add(channelKey, 'place:Niamey', USER);
    const before = await bed.snapshot();
    const { reply, text } = await ask(bed, 'digest for:channel');
    expect(reply.ephemeral).toBe(true);
    expect(reply.title).toBe('Preview: Daily brief, Thursday, 29 June 2023');
    expect(text).toContain('1–2 Mar 2023, Niamey, Niger');
    expect(text).not.toContain('Riyadh');
    expect(text).toContain('nothing was sent or marked as read');
    expect(await bed.store.deliveries.getWatermark(channelKey, 'daily-brief')).toBe(0);
    expect(await bed.snapshot()).toBe(before);
    // Asking again shows the same: the preview moved nothing forward.
    expect((await ask(bed, 'digest for:channel')).text).toBe(text);
  });

  it('shows nothing new once a delivery moved the watermark past everything', async () => {
    await bed.store.subscriptions.add(channelKey, 'place:Niamey', USER);
    const delivery = await bed.store.deliveries.claim({ subscriber: channelKey, digest: 'daily-brief', slot: '2023-06-28T08:00:00.000Z' }, 'test', '2023-06-28T08:05:00.000Z', '2023-06-28T08:00:00.000Z');
    await bed.store.deliveries.saveSnapshot(delivery!.id, { meetingIds: [bed.seeded.niamey], documentIds: [], watermarkTo: await bed.store.documents.lastSeq(), parts: [] });
    await bed.store.deliveries.finish(delivery!.id, 'sent', '2023-06-28T08:00:05.000Z');
    expect((await ask(bed, 'digest for:channel')).text).toContain('Nothing new for this channel in the daily-brief.');
  });

  it('says when there is nothing, and validates since: and digest:', async () => {
    expect((await ask(bed, 'digest')).text).toContain('You have no subscriptions');
    await ask(bed, 'subscribe place:Riyadh');
    expect((await ask(bed, 'digest since:2030-01-01')).text).toContain('Nothing new for you in the daily-brief since 2030-01-01');
    expect((await ask(bed, 'digest since:1y')).text).toContain('8 Jun 2023, Riyadh, Saudi Arabia');
    expect((await ask(bed, 'digest since:2023-02-29')).reply.error?.code).toBe('bad-date');
    const unknown = await ask(bed, 'digest digest:daily-breif');
    expect(unknown.reply.error?.code).toBe('bad-option');
    expect(unknown.text).toContain('`digest:daily-brief`');
  });
});
