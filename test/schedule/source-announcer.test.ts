import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { SourceAnnouncer } from '../../src/schedule/index.js';
import { ChatLog, memorySink, RecordingPlatform } from '../helpers/recording-platform.js';
import { openTempStore, type TempStore } from './fixtures.js';
import { DESK, OPS, schedule } from './engine-setup.js';

let tmp: TempStore;
beforeEach(async () => {
  tmp = await openTempStore();
});
afterEach(async () => {
  await tmp.cleanup();
});

describe('SourceAnnouncer', () => {
  it('announces a disabled source once, in every channel with a schedule', async () => {
    const { store } = tmp;
    const chat = new ChatLog();
    const announcer = new SourceAnnouncer(store, new Map([['shell', new RecordingPlatform(memorySink(chat))]]), silentLogger);
    await schedule(store, DESK);
    await schedule(store, DESK, 'alert', { cron: '*/5 * * * *' });
    await schedule(store, OPS, 'weekly-roundup');
    await schedule(store, 'user:shell:someone'); // a person, not a channel
    const healthy = await store.sources.add({ kind: 'feed', url: 'https://ok.example/feed', pollIntervalSec: 900 });
    const broken = await store.sources.add({ kind: 'feed', url: 'https://broken.example/feed', title: 'Broken Wire', pollIntervalSec: 900 });
    expect(await announcer.announceDisabledSources()).toBe(0);

    await store.sources.updateHealth(broken.id, { disabledAt: '2026-03-02T08:00:00.000Z', disabledReason: 'HTTP 410 five times', consecutiveFailures: 5 });
    expect(await announcer.announceDisabledSources()).toBe(1);
    expect(chat.messages.map((m) => m.to).sort()).toEqual(['shell:desk', 'shell:ops']);
    expect(chat.messages[0]!.text).toContain('Broken Wire failed repeatedly and is no longer polled (HTTP 410 five times)');
    expect((await store.sources.get(broken.id))?.disabledAnnounced).toBe(true);
    expect((await store.sources.get(healthy.id))?.disabledAnnounced).toBe(false);

    expect(await announcer.announceDisabledSources()).toBe(0);
    expect(chat.messages).toHaveLength(2);
  });
});
