import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPlainText } from '../../src/core/index.js';
import { addDevelopment, addMeeting, ministersMeeting, niameyMeeting, openTempStore, type TempStore } from './fixtures.js';
import { DESK, makeEngine, OPS, schedule } from './engine-setup.js';

let tmp: TempStore;
beforeEach(async () => {
  tmp = await openTempStore();
});
afterEach(async () => {
  await tmp.cleanup();
});

const SLOT1 = '2026-03-02T08:00:00.000Z';
const SLOT2 = '2026-03-03T08:00:00.000Z';
const SLOT3 = '2026-03-04T08:00:00.000Z';

describe('DeliveryEngine', () => {
  it('delivers only matching items, once per slot, and moves the watermark', async () => {
    const { store } = tmp;
    const { engine, chat } = makeEngine(store);
    const plan = await schedule(store, DESK);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    await addMeeting(store, ministersMeeting);

    expect(await engine.deliver(plan, SLOT1)).toBe('sent');
    const text = chat.parts().map((m) => m.text).join('\n');
    expect(text).toContain('Niamey');
    expect(text).not.toContain('detention');
    expect(chat.parts().every((m) => m.to === 'shell:desk' && m.slot === SLOT1)).toBe(true);
    expect(await store.deliveries.getWatermark(DESK, 'daily-brief')).toBe(await store.documents.lastSeq());

    const sentCount = chat.parts().length;
    expect(await engine.deliver(plan, SLOT1)).toBe('skipped');
    expect(await engine.deliver(plan, SLOT2)).toBe('empty'); // nothing new: silent
    expect(chat.parts()).toHaveLength(sentCount);
  });

  it('gives a subscriber without subscriptions nothing', async () => {
    const { store } = tmp;
    const { engine, chat } = makeEngine(store);
    await addMeeting(store, niameyMeeting);
    expect(await engine.deliver(await schedule(store, OPS), SLOT1)).toBe('empty');
    expect(chat.messages).toHaveLength(0);
  });

  it('matches ANY of several subscriptions and lists non-meeting developments apart', async () => {
    const { store } = tmp;
    const { engine, chat } = makeEngine(store);
    await store.subscriptions.add(DESK, 'place:niger', 'shell:editor');
    await store.subscriptions.add(DESK, 'topic:designations', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    await addMeeting(store, ministersMeeting);
    await addDevelopment(store, { title: 'Treasury lists two financiers', text: 'Two men accused of moving money for a militant group were designated. Their assets are frozen.', topics: ['designations'], development: 'designation' });
    await addDevelopment(store, { title: 'Unrelated statement', text: 'A statement about fisheries.', topics: ['fisheries'] });
    expect(await engine.deliver(await schedule(store, DESK), SLOT1)).toBe('sent');
    const text = chat.parts().map((m) => m.text).join('\n');
    expect(text).toContain('Niamey');
    expect(text).toContain('Other developments');
    expect(text).toContain('Designation: Treasury lists two financiers');
    expect(text).not.toContain('fisheries');
    expect(text).not.toContain('Rome');
  });

  it('reads topic labels in stored filters as their ids, like /brief why does', async () => {
    const { store } = tmp;
    const topics = [{ id: 'financing', label: 'Counter-financing' }];
    const { engine, chat } = makeEngine(store, { topics });
    await store.subscriptions.add(DESK, 'topic:"Counter-financing"', 'shell:editor');
    await store.subscriptions.add(OPS, 'topic:"Counter-financing"', 'shell:editor');
    await addMeeting(store, niameyMeeting); // topics sahel, financing
    expect(await engine.deliver(await schedule(store, DESK), SLOT1)).toBe('sent');
    expect(chat.parts().map((m) => m.text).join('\n')).toContain('Niamey');
    // Without the topic list the label is only a label: nothing matches.
    const { engine: unaware } = makeEngine(store);
    expect(await unaware.deliver(await schedule(store, OPS), SLOT1)).toBe('empty');
  });

  it('announces an empty digest when asked, dated in the subscriber timezone', async () => {
    const { store } = tmp;
    const { engine, chat } = makeEngine(store);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    const { doc } = await addMeeting(store, niameyMeeting);
    const plan = await schedule(store, DESK, 'daily-brief', { announceEmpty: true, timezone: 'Pacific/Kiritimati' });
    expect(await engine.deliver(plan, SLOT1)).toBe('sent');
    const before = chat.parts().length;
    expect(await engine.deliver(plan, SLOT2)).toBe('sent');
    const last = chat.parts().slice(before);
    expect(last).toHaveLength(1);
    const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'Pacific/Kiritimati', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(doc.ingestedAt));
    expect(last[0]!.text).toContain(`Nothing new since ${expected}.`);
  });

  it('preview composes the same digest but claims nothing and never moves the watermark', async () => {
    const { store } = tmp;
    const { engine, service, chat } = makeEngine(store);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    const plan = await schedule(store, DESK);

    const [preview] = await service.preview({ kind: 'channel', ref: 'shell:desk' }, 'daily-brief');
    expect(preview && renderPlainText(preview)).toContain('Niamey');
    expect(await store.deliveries.getWatermark(DESK, 'daily-brief')).toBe(0);
    expect(await store.deliveries.lastSlot(DESK, 'daily-brief')).toBeNull();

    await engine.deliver(plan, SLOT1);
    expect(await store.deliveries.getWatermark(DESK, 'daily-brief')).toBeGreaterThan(0);
    expect(await service.preview({ kind: 'channel', ref: 'shell:desk' }, 'daily-brief')).toEqual([]);
    // `since` looks back past the watermark.
    const again = await service.preview({ kind: 'channel', ref: 'shell:desk' }, 'daily-brief', new Date(Date.now() - 3600_000));
    expect(again).toHaveLength(1);
    expect(chat.parts().length).toBeGreaterThan(0);
  });

  it('keeps the watermark when sending fails, so the next digest carries the items', async () => {
    const { store } = tmp;
    const { engine, chat, sleeps } = makeEngine(store);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    const plan = await schedule(store, DESK);
    chat.failNext({ status: 500, times: 3 });

    expect(await engine.deliver(plan, SLOT1)).toBe('failed');
    expect(sleeps).toEqual([100, 200]); // three attempts, exponential backoff
    expect(await store.deliveries.getWatermark(DESK, 'daily-brief')).toBe(0);
    expect((await store.schedules.get(DESK, 'daily-brief'))?.pausedAt).toBeNull(); // transient: not paused

    expect(await engine.deliver(plan, SLOT2)).toBe('sent');
    expect(chat.parts().map((m) => m.text).join('\n')).toContain('Niamey');
    expect(await store.deliveries.getWatermark(DESK, 'daily-brief')).toBe(await store.documents.lastSeq());
  });

  it('honours retry-after on rate limits', async () => {
    const { store } = tmp;
    const { engine, chat, sleeps } = makeEngine(store);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    chat.failNext({ status: 429, times: 2, retryAfterMs: 1234 });
    expect(await engine.deliver(await schedule(store, DESK), SLOT1)).toBe('sent');
    expect(sleeps).toEqual([1234, 1234]);
  });

  it('pauses the schedule and tells who set it when the channel is gone; nothing is lost', async () => {
    const { store } = tmp;
    const { engine, chat } = makeEngine(store);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    const plan = await schedule(store, DESK);
    chat.failNext({ status: 404, times: 1 });

    expect(await engine.deliver(plan, SLOT1)).toBe('failed');
    const paused = await store.schedules.get(DESK, 'daily-brief');
    expect(paused?.pausedAt).not.toBeNull();
    expect(paused?.pausedReason).toContain('404');
    const notices = chat.messages.filter((m) => m.kind === 'notify');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.to).toBe('shell:editor');
    expect(notices[0]!.text).toContain('schedule is paused');
    expect(await store.deliveries.getWatermark(DESK, 'daily-brief')).toBe(0);
    const failed = await store.deliveries.get(1);
    expect(failed?.status).toBe('failed');
  });

  // Decision: an empty digest still moves the watermark to the top of the window it
  // examined. Otherwise every run (an alert every 5 minutes) would rescan an
  // ever-growing window. A subscription added later applies to news from then on;
  // older items are found with /brief search.
  it('moves the watermark past unmatched items, so a later subscription does not resurface them', async () => {
    const { store } = tmp;
    const { engine, chat } = makeEngine(store);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, ministersMeeting);
    const plan = await schedule(store, DESK);
    expect(await engine.deliver(plan, SLOT1)).toBe('empty');
    expect(await store.deliveries.getWatermark(DESK, 'daily-brief')).toBe(await store.documents.lastSeq());

    await store.subscriptions.add(DESK, 'syria', 'shell:editor');
    expect(await engine.deliver(plan, SLOT2)).toBe('empty');
    await addMeeting(store, { ...ministersMeeting, title: 'Ministers return to the camps question', text: 'Officials met again about the camps in Syria.', start: '2026-03-03' });
    expect(await engine.deliver(plan, SLOT3)).toBe('sent');
    const text = chat.parts().map((m) => m.text).join('\n');
    expect(text).toContain('Ministers return to the camps question');
    expect(text).not.toContain('Coalition ministers review detention camps');
  });

  it('lists meetings announced for the coming weeks in the weekly roundup, matching the filters', async () => {
    const { store } = tmp;
    const { engine, chat } = makeEngine(store);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, { ...niameyMeeting, title: 'Ministerial announced', text: 'A Sahel ministerial will meet in Dakar.', city: 'Dakar', country: 'Senegal', start: '2026-03-20', status: 'announced' });
    await addMeeting(store, { ...niameyMeeting, title: 'Far-off plenary', text: 'A Sahel plenary is foreseen for the summer.', city: 'Accra', country: 'Ghana', start: '2026-07-15', status: 'announced' });
    await addMeeting(store, { ...ministersMeeting, start: '2026-03-25', status: 'announced' }); // not sahel
    const plan = await schedule(store, DESK, 'weekly-roundup', { cron: '0 8 * * 1' });
    expect(await engine.deliver(plan, SLOT1)).toBe('sent');
    const before = chat.parts().length;
    // Nothing new a week later, but the Dakar meeting is still ahead.
    expect(await engine.deliver(plan, '2026-03-09T08:00:00.000Z')).toBe('sent');
    const text = chat.parts().slice(before).map((m) => m.text).join('\n');
    expect(text).toContain('Coming up');
    expect(text).toContain('20 Mar 2026: Africa Focus Group, Dakar, Senegal (announced)');
    expect(text).not.toContain('Accra'); // beyond eight weeks
    expect(text).not.toContain('Rome'); // does not match
    expect(text).not.toContain('This week');
  });

  it("looks back a bounded time for a subscriber's first digest", async () => {
    const { store } = tmp;
    const { engine, chat } = makeEngine(store, { firstLookbackMs: 2 * 86_400_000 });
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    const plan = await schedule(store, DESK);
    const day = 86_400_000;
    expect(await engine.deliver(plan, new Date(Date.now() + 3 * day).toISOString())).toBe('empty'); // ingested 3 days before: too old
    expect(await store.deliveries.getWatermark(DESK, 'daily-brief')).toBe(await store.documents.lastSeq());
    const { engine: fresh } = makeEngine(store, { firstLookbackMs: 2 * day });
    await store.subscriptions.add(OPS, 'sahel', 'shell:editor');
    expect(await fresh.deliver(await schedule(store, OPS), new Date(Date.now() + day).toISOString())).toBe('sent');
    expect(chat.parts()).toHaveLength(0);
  });

  it("starts a subscriber's first digest at most the latest documents back, however recent the rest", async () => {
    const { store } = tmp;
    await addMeeting(store, niameyMeeting);
    await addMeeting(store, ministersMeeting);
    const last = await store.documents.lastSeq();
    expect(last).toBeGreaterThanOrEqual(2);
    const now = new Date();
    // Everything was ingested just now, well inside the 7-day look-back: only the count bounds it.
    const capped = makeEngine(store, { firstDigestMaxItems: 1 }).engine;
    expect(await capped.startingPoint(DESK, 'daily-brief', now)).toBe(last - 1);
    const roomy = makeEngine(store, { firstDigestMaxItems: 1_000 }).engine;
    expect(await roomy.startingPoint(DESK, 'daily-brief', now)).toBe(0);
    // A watermark, once there, is where every later digest starts.
    const plan = await schedule(store, DESK);
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await roomy.deliver(plan, SLOT1);
    expect(await capped.startingPoint(DESK, 'daily-brief', now)).toBe(last);
  });

  it('takes over an expired delivery, asking the platform before resending a part', async () => {
    const { store } = tmp;
    let clock = new Date('2026-03-02T08:00:00Z');
    const first = makeEngine(store, { owner: 'crashed', leaseMs: 1000, now: () => clock });
    await store.subscriptions.add(DESK, 'sahel OR syria', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    await addMeeting(store, ministersMeeting);
    const plan = await schedule(store, DESK);
    // Simulate a process that sent part 0 and died before recording it.
    const claimed = await store.deliveries.claim({ subscriber: DESK, digest: 'daily-brief', slot: SLOT1 }, 'crashed', '2026-03-02T08:00:01Z', clock.toISOString());
    const composed = await first.engine.compose(plan, new Date(SLOT1), 0);
    const parts = first.platform.renderParts(composed.reply!);
    expect(parts.length).toBeGreaterThan(1);
    await store.deliveries.saveSnapshot(claimed!.id, { ...composed.snapshot, parts });
    const second = makeEngine(store, { owner: 'survivor', now: () => clock });
    await second.platform.sendPart({ kind: 'channel', ref: 'shell:desk' }, parts[0], { deliveryId: claimed!.id, part: 0, key: `bb${claimed!.id}p0`, digest: 'daily-brief', slot: SLOT1 });

    expect(await second.engine.recover()).toBe(0); // lease still valid
    clock = new Date('2026-03-02T08:00:05Z');
    expect(await second.engine.recover()).toBe(1);
    expect(second.chat.parts().map((m) => m.part)).toEqual(parts.map((_, i) => i));
    expect(second.chat.parts().map((m) => m.text)).toEqual(parts);
    const done = await store.deliveries.get(claimed!.id);
    expect(done?.status).toBe('sent');
    expect(done?.sentParts[0]).toBe('m1');
  });
});
