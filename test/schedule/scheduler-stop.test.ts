import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger, type DeliveryMark, type Subscriber } from '../../src/core/index.js';
import { DeliveryEngine, Scheduler } from '../../src/schedule/index.js';
import { digests } from '../../digests/index.js';
import { ChatLog, memorySink, RecordingPlatform } from '../helpers/recording-platform.js';
import { addMeeting, niameyMeeting, openTempStore, type TempStore } from './fixtures.js';
import { DESK, schedule } from './engine-setup.js';

/** Sends only when the test lets it. */
class GatedPlatform extends RecordingPlatform {
  started = 0;
  release: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  override async sendPart(to: Subscriber, part: unknown, mark: DeliveryMark): Promise<{ messageId: string }> {
    this.started++;
    await this.gate;
    return super.sendPart(to, part, mark);
  }
}

let tmp: TempStore;
beforeEach(async () => {
  tmp = await openTempStore();
});
afterEach(async () => {
  await tmp.cleanup();
});

async function startWithGate(stopTimeoutMs: number) {
  const { store } = tmp;
  await schedule(store, DESK, 'alert', { cron: '* * * * * *', announceEmpty: true });
  const chat = new ChatLog();
  const platform = new GatedPlatform(memorySink(chat));
  const engine = new DeliveryEngine({ store, digests, platforms: new Map([['shell', platform]]), owner: 'stopper', log: silentLogger });
  const scheduler = new Scheduler({ store, engine, log: silentLogger, stopTimeoutMs });
  await scheduler.start();
  while (platform.started === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  return { scheduler, platform, chat };
}

describe('Scheduler.stop', () => {
  it('destroys the tasks and waits for the delivery in flight', async () => {
    const { scheduler, platform, chat } = await startWithGate(5000);
    const stopping = scheduler.stop();
    expect(scheduler.installed()).toEqual([]);
    setTimeout(() => platform.release(), 100);
    await stopping;
    expect(chat.parts()).toHaveLength(1);
    const delivered = await tmp.store.deliveries.get(1);
    expect(delivered?.status).toBe('sent');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(platform.started).toBe(1); // no slot fired after stop
  });

  it('gives up waiting after the timeout, leaving the delivery for recovery', async () => {
    const { scheduler, platform } = await startWithGate(100);
    const started = Date.now();
    await scheduler.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await tmp.store.deliveries.get(1))?.status).toBe('composed');
    platform.release();
  });

  it('runs the slots of one schedule one after the other, so a slow one is not repeated by the next', async () => {
    const { store } = tmp;
    await store.subscriptions.add(DESK, 'sahel', 'shell:editor');
    await addMeeting(store, niameyMeeting);
    await schedule(store, DESK, 'alert', { cron: '* * * * * *' });
    const chat = new ChatLog();
    const platform = new GatedPlatform(memorySink(chat));
    const engine = new DeliveryEngine({ store, digests, platforms: new Map([['shell', platform]]), owner: 'serial', log: silentLogger });
    const scheduler = new Scheduler({ store, engine, log: silentLogger });
    await scheduler.start();
    while (platform.started === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 2200)); // two more slots pass while the first is stuck
    const db = (store as unknown as { db: { prepare(sql: string): { all(): Array<{ slot: string; status: string }> } } }).db;
    expect(db.prepare('SELECT slot, status FROM deliveries').all()).toHaveLength(1);
    platform.release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await scheduler.stop();
    const rows = db.prepare('SELECT slot, status FROM deliveries ORDER BY slot').all();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((r) => r.status)).toEqual(['sent', ...rows.slice(1).map(() => 'empty')]);
    expect(chat.parts().filter((m) => m.text.includes('Niamey'))).toHaveLength(1);
  });
});
