import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, createTestBed, USER, type TestBed } from '../helpers/command-context.js';
import { ask } from './ask.js';

let bed: TestBed;
beforeEach(async () => {
  bed = await createTestBed();
});
afterEach(async () => bed.close());

describe('sources', () => {
  it('lists sources with their health, including why one was disabled', async () => {
    const { reply, text } = await ask(bed, 'sources');
    expect(reply.ephemeral).toBe(true);
    expect(text).toContain(`#${bed.seeded.sources.feed} Example Security News <https://news.example.org/feed.xml> · every 30 minutes · fetched 2023-06-29 08:30 UTC, new item 2023-06-12 07:00 UTC`);
    expect(text).toContain(`#${bed.seeded.sources.broken} Coalition Bulletin <https://bulletin.example.net/coalition> · every 1 hour · disabled since 2023-06-20 10:00 UTC: seven failures in a row (HTTP 503)`);
    expect(text).toContain('2 sources, 1 disabled.');
  });

  it('adds and removes with permission', async () => {
    const added = await ask(bed, 'sources add https://reports.example.com/rss every:2h');
    expect(added.reply.error).toBeUndefined();
    const source = await bed.store.sources.findByUrl('https://reports.example.com/rss');
    expect(source).toMatchObject({ kind: 'feed', pollIntervalSec: 7200, addedBy: USER });
    expect(added.text).toContain(`Added #${source!.id} https://reports.example.com/rss as a feed, checked every 2 hours.`);
    const page = await ask(bed, 'sources add <https://reports.example.com/briefings|reports.example.com/briefings>');
    expect(page.text).toContain('Added #4 https://reports.example.com/briefings as a page, checked every 30 minutes');
    expect((await ask(bed, 'sources add https://reports.example.com/rss')).text).toContain(`already there as #${source!.id}`);
    expect((await ask(bed, `sources remove #${source!.id}`)).text).toContain(`Removed #${source!.id}`);
    expect(await bed.store.sources.get(source!.id)).toBeNull();
  });

  it('refuses add and remove without permission, changing nothing', async () => {
    const before = await bed.snapshot();
    for (const line of ['sources add https://reports.example.com/rss', `sources remove ${bed.seeded.sources.feed}`]) {
      const { reply, text } = await ask(bed, line, { canManageSources: false });
      expect(reply.error?.code).toBe('forbidden');
      expect(text).toContain('manage sources');
    }
    expect(await bed.snapshot()).toBe(before);
    expect((await ask(bed, 'sources', { canManageSources: false })).reply.error).toBeUndefined();
  });

  it.each([
    ['sources add ftp://files.example.org/feed', 'bad-url'],
    ['sources add file:///etc/passwd', 'bad-url'],
    ['sources add not a url', 'bad-option'],
    ['sources add example.org/feed', 'bad-url'],
    ['sources add https://user:secret@example.org/feed', 'bad-url'],
    ['sources add', 'missing-argument'],
    ['sources add https://example.org/feed every:5m', 'bad-option'],
    ['sources add https://example.org/feed every:8d', 'bad-option'],
    ['sources add https://example.org/feed every:soon', 'bad-option'],
    ['sources remove', 'missing-argument'],
    ['sources remove feed', 'bad-option'],
    ['sources remove #404', 'not-found'],
    ['sources purge', 'bad-option'],
    ['sources every:1h', 'bad-option'],
  ])('rejects %s and stores nothing', async (line, code) => {
    const before = await bed.snapshot();
    expect((await ask(bed, line)).reply.error?.code).toBe(code);
    expect(await bed.snapshot()).toBe(before);
  });
});

describe('why', () => {
  const channelKey = `channel:${CHANNEL}`;

  it('explains no subscription, no match, and a match without a schedule', async () => {
    expect((await ask(bed, `why ${bed.seeded.niamey}`)).text).toContain('This channel has no subscriptions');
    await bed.store.subscriptions.add(channelKey, 'place:Riyadh', USER);
    const noMatch = await ask(bed, `why #${bed.seeded.niamey}`);
    expect(noMatch.text).toContain(`No subscription of this channel's matches #${bed.seeded.niamey}`);
    expect(noMatch.text).toContain('It has topics sahel, stabilization, west-africa; group Africa Focus Group (Global Coalition); place Niamey, Niger.');
    const sub = await bed.store.subscriptions.add(channelKey, '"Africa Focus" AND NOT place:Rabat', USER);
    const matched = await ask(bed, `why ${bed.seeded.niamey}`);
    expect(matched.text).toContain(`Matches #${sub.id} \`"Africa Focus" AND NOT place:Rabat\``);
    expect(matched.text).toContain('no digest is scheduled for this channel');
    expect(matched.text).toContain(`Its source #${bed.seeded.sources.broken} (seven failures in a row (HTTP 503)) is disabled`);
  });

  it('says it will be in the next digest, then that it went out, then the watermark case', async () => {
    await bed.store.subscriptions.add(channelKey, 'topic:stabilization', USER);
    await bed.store.schedules.set({ subscriber: channelKey, digest: 'daily-brief', cron: '0 8 * * *', timezone: 'UTC', announceEmpty: false, setBy: USER });
    expect((await ask(bed, `why ${bed.seeded.riyadh}`)).text).toContain(`#${bed.seeded.riyadh} will be in the next digest.`);

    const lastSeq = await bed.store.documents.lastSeq();
    const delivery = await bed.store.deliveries.claim({ subscriber: channelKey, digest: 'daily-brief', slot: '2023-06-10T08:00:00.000Z' }, 'test', '2023-06-10T08:05:00.000Z', '2023-06-10T08:00:00.000Z');
    await bed.store.deliveries.saveSnapshot(delivery!.id, { meetingIds: [bed.seeded.riyadh], documentIds: [], watermarkTo: lastSeq, parts: [] });
    await bed.store.deliveries.finish(delivery!.id, 'sent', '2023-06-10T08:00:05.000Z');
    const sent = await ask(bed, `why ${bed.seeded.riyadh}`);
    expect(sent.text).toContain(`#${bed.seeded.riyadh} was in this channel's digest.`);
    expect(sent.text).toContain('Went out in the daily-brief of 2023-06-10 08:00 UTC.');

    // Niamey matches too but was never sent, and the watermark is past it.
    const past = await ask(bed, `why ${bed.seeded.niamey}`);
    expect(past.text).toContain(`#${bed.seeded.niamey} matches but will not be sent.`);
    expect(past.text).toContain('had already moved past it');
  });

  it('names a paused schedule as the reason nothing goes out', async () => {
    await bed.store.subscriptions.add(channelKey, 'place:Riyadh', USER);
    await bed.store.schedules.set({ subscriber: channelKey, digest: 'daily-brief', cron: '0 8 * * *', timezone: 'UTC', announceEmpty: false, setBy: USER });
    await bed.store.schedules.pause(channelKey, 'daily-brief', 'the bot was removed from the channel');
    const { text } = await ask(bed, `why ${bed.seeded.riyadh}`);
    expect(text).toContain(`#${bed.seeded.riyadh} matches but will not be sent.`);
    expect(text).toContain('The daily-brief is paused: the bot was removed from the channel.');
  });

  it('answers for the user in a direct message', async () => {
    await bed.store.subscriptions.add(`user:${USER}`, 'Riyadh', USER);
    const dm = await ask(bed, `why ${bed.seeded.riyadh}`, { isDirect: true, channel: 'slack:T1:D5' });
    expect(dm.text).toContain('no digest is scheduled for you');
  });

  it.each([
    ['why', 'missing-argument'],
    ['why niamey', 'bad-option'],
    ['why 1 2', 'bad-option'],
    ['why #999', 'not-found'],
  ])('rejects %s', async (line, code) => {
    expect((await ask(bed, line)).reply.error?.code).toBe(code);
  });
});

describe('help', () => {
  it('lists every command with usage, generated from the modules', async () => {
    const { reply, text } = await ask(bed, 'help');
    expect(reply.ephemeral).toBe(true);
    for (const c of bed.context.commands) expect(text).toContain(`/brief ${c.name}`);
    expect(text).toContain('/brief meetings [body:] [topic:] [place:] [since:] [until:] [page:]: Recent coalition meetings');
  });

  it('explains one command with options and examples; suggests the closest for a typo', async () => {
    const { text } = await ask(bed, 'help schedule');
    expect(text).toContain('Usage: /brief schedule [when] [tz:] [digest:] [for:] [empty:]');
    expect(text).toContain('• empty: announce: say so when there is nothing new; silent: post nothing (announce, silent)');
    expect(text).toContain('• /brief schedule cron "0 8 * * 1-5" tz:UTC');
    const typo = await ask(bed, 'help shedule');
    expect(typo.reply.error?.code).toBe('unknown-command');
    expect(typo.text).toContain('Did you mean `/brief help schedule`');
  });

  it('keeps every command definition within platform limits', () => {
    for (const c of bed.context.commands) {
      expect(c.name).toMatch(/^[a-z]{1,32}$/);
      expect(c.summary.length).toBeLessThanOrEqual(100);
      for (const o of c.options) expect(o.description.length, `${c.name} ${o.name}`).toBeLessThanOrEqual(100);
      if (c.argument) expect(c.argument.description.length).toBeLessThanOrEqual(100);
      expect(c.examples.length).toBeGreaterThan(0);
    }
  });
});
