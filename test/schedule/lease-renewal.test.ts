/**
 * A delivery that takes longer than its lease (rate-limit waits) keeps the lease
 * by renewing it; once another owner has it, the first stops sending.
 * Fake timers drive the waits and the renewals; the store is a real SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendError, silentLogger, type DeliveryMark, type Logger, type Subscriber } from '../../src/core/index.js';
import type { DeliveryOutcome } from '../../src/schedule/index.js';
import { ChatLog, memorySink, RecordingPlatform } from '../helpers/recording-platform.js';
import { DESK, makeEngine, schedule } from './engine-setup.js';
import { addMeeting, ministersMeeting, niameyMeeting, openTempStore, type TempStore } from './fixtures.js';

const SLOT = '2026-03-02T08:00:00.000Z';
const KEY = { subscriber: DESK, digest: 'daily-brief', slot: SLOT };
const LEASE_MS = 1000;

/** Answers chosen parts with rate limits first, and counts every attempt. */
class ThrottledPlatform extends RecordingPlatform {
  readonly attempts: number[] = [];
  /** Part index → the Retry-After of each refusal still to come. */
  readonly refusals = new Map<number, number[]>();
  /** Runs after a part went out, before the engine records it. */
  afterSend: (mark: DeliveryMark) => Promise<void> = async () => undefined;

  override async sendPart(to: Subscriber, part: unknown, mark: DeliveryMark): Promise<{ messageId: string }> {
    this.attempts.push(mark.part);
    const retryAfter = this.refusals.get(mark.part)?.shift();
    if (retryAfter !== undefined) throw new SendError('rate-limited', 'slow down', retryAfter);
    const sent = await super.sendPart(to, part, mark);
    await this.afterSend(mark);
    return sent;
  }
}

function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const log = { ...silentLogger, warnings, warn: (_: object, msg?: string) => void warnings.push(msg ?? ''), child: () => log };
  return log;
}

let tmp: TempStore;
beforeEach(async () => {
  tmp = await openTempStore();
  const { store } = tmp;
  await store.subscriptions.add(DESK, 'sahel OR syria', 'shell:editor');
  await addMeeting(store, niameyMeeting);
  await addMeeting(store, ministersMeeting);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-03-02T08:00:00.000Z'));
});
afterEach(async () => {
  vi.useRealTimers();
  await tmp.cleanup();
});

/** A replica posting to the shared chat, with rate-limit waits that take fake time. */
function replica(owner: string, chat: ChatLog, extra: { log?: Logger; now?: () => Date } = {}) {
  const platform = new ThrottledPlatform(memorySink(chat), 'shell', 250);
  const kit = makeEngine(tmp.store, {
    owner,
    leaseMs: LEASE_MS,
    platforms: new Map([['shell', platform]]),
    retry: { attempts: 5, baseMs: 100, maxMs: 10_000 },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ...extra,
  });
  return { engine: kit.engine, platform };
}

function track(running: Promise<DeliveryOutcome>): { outcome: DeliveryOutcome | undefined } {
  const state: { outcome: DeliveryOutcome | undefined } = { outcome: undefined };
  void running.then((outcome) => (state.outcome = outcome));
  return state;
}

describe('delivery lease renewal', () => {
  it('keeps the lease through rate-limit waits longer than it, so no replica takes over and the parts go out once, in order', async () => {
    const { store } = tmp;
    const plan = await schedule(store, DESK);
    const chat = new ChatLog();
    const first = replica('slow', chat);
    const second = replica('eager', chat);
    // Part 1 waits 3 × 900 ms: far longer than the 1 s lease.
    first.platform.refusals.set(1, [900, 900, 900]);

    const run = track(first.engine.deliver(plan, SLOT));
    const claimedAt = Date.now();
    for (let elapsed = 0; elapsed < 2600; elapsed += 100) {
      await vi.advanceTimersByTimeAsync(100);
      const now = new Date().toISOString();
      expect(await store.deliveries.expired(now), `at ${elapsed + 100} ms`).toEqual([]);
      expect(await second.engine.recover()).toBe(0);
      expect(await second.engine.deliver(plan, SLOT)).toBe('skipped');
      expect((await store.deliveries.get(1))?.owner).toBe('slow');
    }
    // Still at work well past the lease it was claimed with, and the lease has moved with it.
    expect(run.outcome).toBeUndefined();
    expect(chat.parts().map((m) => m.part)).toEqual([0]);
    expect(Date.parse((await store.deliveries.get(1))!.leaseUntil)).toBeGreaterThan(claimedAt + 2 * LEASE_MS);

    await vi.advanceTimersByTimeAsync(1000);
    expect(run.outcome).toBe('sent');
    const done = (await store.deliveries.get(1))!;
    const parts = done.snapshot!.parts as string[];
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(chat.parts().map((m) => m.part)).toEqual(parts.map((_, i) => i));
    expect(chat.parts().map((m) => m.text)).toEqual(parts);
    expect(done).toMatchObject({ status: 'sent', owner: 'slow' });
    expect(second.platform.attempts).toEqual([]);
    // The renewal timer went with the delivery.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops sending once a renewal finds the lease taken, and leaves the delivery to the new owner', async () => {
    const { store } = tmp;
    const plan = await schedule(store, DESK);
    const chat = new ChatLog();
    const log = recordingLog();
    const first = replica('frozen', chat, { log });
    first.platform.refusals.set(1, [3000]);

    const run = track(first.engine.deliver(plan, SLOT));
    await vi.advanceTimersByTimeAsync(100);
    expect(chat.parts().map((m) => m.part)).toEqual([0]);
    expect(first.platform.attempts).toEqual([0, 1]); // part 1 refused, waiting 3 s

    // Another replica whose clock says the lease ran out (as when the first process
    // stalls past it) takes the delivery over.
    const held = (await store.deliveries.get(1))!;
    const takeoverAt = new Date(Date.parse(held.leaseUntil) + 1);
    const taken = await store.deliveries.claim(KEY, 'usurper', new Date(takeoverAt.getTime() + 1).toISOString(), takeoverAt.toISOString());
    expect(taken?.owner).toBe('usurper');

    await vi.advanceTimersByTimeAsync(LEASE_MS / 2); // one renewal falls in here
    expect(log.warnings).toContain('delivery lease lost to another owner; sending stops');
    await vi.advanceTimersByTimeAsync(3000);
    expect(run.outcome).toBe('interrupted');
    expect(first.platform.attempts).toEqual([0, 1]); // part 1 never retried after the wait
    expect(chat.parts().map((m) => m.part)).toEqual([0]);
    // Neither failed nor finished by the old owner; its sent part is on record.
    const left = (await store.deliveries.get(1))!;
    expect(left).toMatchObject({ owner: 'usurper', status: 'composed', error: null, finishedAt: null });
    expect(Object.keys(left.sentParts)).toEqual(['0']);
    expect(vi.getTimerCount()).toBe(0);

    // The new owner carries on from the record: one ordered set of parts in all.
    const usurper = replica('usurper', chat, { now: () => new Date(takeoverAt.getTime() + 10) });
    expect(await usurper.engine.recover()).toBe(1);
    const parts = (await store.deliveries.get(1))!.snapshot!.parts as string[];
    expect(chat.parts().map((m) => m.part)).toEqual(parts.map((_, i) => i));
    expect(chat.parts().map((m) => m.text)).toEqual(parts);
    expect(usurper.platform.attempts).toEqual(parts.slice(1).map((_, i) => i + 1));
    expect((await store.deliveries.get(1))?.status).toBe('sent');
  });

  it('sends no further part once the lease was taken while a part went out', async () => {
    const { store } = tmp;
    const plan = await schedule(store, DESK);
    const chat = new ChatLog();
    const log = recordingLog();
    const first = replica('frozen', chat, { log });
    first.platform.afterSend = async (mark) => {
      if (mark.part !== 0) return;
      const held = (await store.deliveries.get(mark.deliveryId))!;
      const takeoverAt = new Date(Date.parse(held.leaseUntil) + 1).toISOString();
      expect(await store.deliveries.claim(KEY, 'usurper', '2026-03-02T09:00:00.000Z', takeoverAt)).not.toBeNull();
    };

    expect(await first.engine.deliver(plan, SLOT)).toBe('interrupted');
    expect(first.platform.attempts).toEqual([0]);
    expect(chat.parts().map((m) => m.part)).toEqual([0]);
    expect(log.warnings).toEqual(['delivery lease lost to another owner; sending stops']);
    expect((await store.deliveries.get(1))).toMatchObject({ owner: 'usurper', status: 'composed', sentParts: { 0: 'm1' } });
    expect(vi.getTimerCount()).toBe(0);
  });
});
