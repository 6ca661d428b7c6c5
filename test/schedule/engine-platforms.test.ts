import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from './fixtures.js';
import { makeEngine, schedule } from './engine-setup.js';
import { ChatLog, memorySink, RecordingPlatform } from '../helpers/recording-platform.js';

let tmp: TempStore;
beforeEach(async () => {
  tmp = await openTempStore();
});
afterEach(async () => {
  await tmp.cleanup();
});

describe('a replica without the platform a subscriber is on', () => {
  const SLACK_CHANNEL = 'channel:slack:T1:C42';
  const SLOT = '2026-03-02T08:00:00.000Z';

  it('leaves the slot unclaimed for a replica that has the platform', async () => {
    const { store } = tmp;
    const plan = await schedule(store, SLACK_CHANNEL, 'daily-brief', { announceEmpty: true });
    const shellOnly = makeEngine(store); // serves `shell:` only
    expect(shellOnly.engine.serves(SLACK_CHANNEL)).toBe(false);
    expect(await shellOnly.engine.deliver(plan, SLOT)).toBe('skipped');
    expect(await store.deliveries.lastSlot(SLACK_CHANNEL, 'daily-brief')).toBeNull();

    // A replica that does serve Slack (the recording platform named `slack`) claims and sends it.
    const chat = new ChatLog();
    const slack = new RecordingPlatform(memorySink(chat), 'slack', 400);
    const engine = makeEngine(store, { platforms: new Map([['slack', slack]]) }).engine;
    expect(await engine.deliver(plan, SLOT)).toBe('sent');
    expect(chat.parts().map((p) => p.slot)).toEqual([SLOT]);
    expect(await store.deliveries.lastSlot(SLACK_CHANNEL, 'daily-brief')).toBe(SLOT);
  });

  it('does not take over an expired delivery it could not send', async () => {
    const { store } = tmp;
    await schedule(store, SLACK_CHANNEL);
    const claimed = await store.deliveries.claim({ subscriber: SLACK_CHANNEL, digest: 'daily-brief', slot: SLOT }, 'dead-replica', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z');
    expect(claimed).not.toBeNull();
    const shellOnly = makeEngine(store);
    expect(await shellOnly.engine.recover()).toBe(0);
    const after = await store.deliveries.get(claimed!.id);
    expect(after).toMatchObject({ owner: 'dead-replica', status: 'claimed' });
  });
});
