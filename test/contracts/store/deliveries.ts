import { describe, expect, it } from 'vitest';
import type { DeliverySnapshot, Store } from '../../../src/core/index.js';

const KEY = { subscriber: 'channel:slack:T1:C1', digest: 'daily-brief', slot: '2026-03-02T08:00:00Z' };
const T0 = '2026-03-02T08:00:01.000Z';
const LEASE = '2026-03-02T08:05:00.000Z';
const AFTER_LEASE = '2026-03-02T08:06:00.000Z';

function snapshot(overrides: Partial<DeliverySnapshot> = {}): DeliverySnapshot {
  return { meetingIds: [4, 9], documentIds: [11, 12], watermarkTo: 12, parts: [{ text: 'part one' }, { blocks: [{ type: 'section' }] }], ...overrides };
}

export function deliveryContract(store: () => Store): void {
  describe('deliveries', () => {
    it('lets exactly one caller claim a slot while the lease lives', async () => {
      const d = store().deliveries;
      const won = await d.claim(KEY, 'replica-a', LEASE, T0);
      expect(won).toMatchObject({ ...KEY, owner: 'replica-a', leaseUntil: LEASE, status: 'claimed', snapshot: null, sentParts: {}, error: null, finishedAt: null });
      expect(await d.claim(KEY, 'replica-b', LEASE, T0)).toBeNull();
      expect(await d.claim(KEY, 'replica-a', LEASE, '2026-03-02T08:04:59.999Z')).toBeNull();
      expect(await d.get(won!.id)).toEqual(won);
      expect(await d.get(won!.id + 1)).toBeNull();
      const otherSlot = await d.claim({ ...KEY, slot: '2026-03-03T08:00:00Z' }, 'replica-b', LEASE, T0);
      expect(otherSlot?.id).not.toBe(won!.id);
    });

    it('takes over an unfinished delivery whose lease ran out, keeping its snapshot and parts', async () => {
      const d = store().deliveries;
      const first = (await d.claim(KEY, 'replica-a', LEASE, T0))!;
      await d.saveSnapshot(first.id, snapshot());
      await d.recordPart(first.id, 0, 'msg-100');
      expect(await d.expired(LEASE)).toEqual([]);
      const expired = await d.expired(AFTER_LEASE);
      expect(expired.map((x) => x.id)).toEqual([first.id]);
      const taken = await d.claim(KEY, 'replica-b', '2026-03-02T08:11:00.000Z', AFTER_LEASE);
      expect(taken).toMatchObject({ id: first.id, owner: 'replica-b', leaseUntil: '2026-03-02T08:11:00.000Z', status: 'composed', snapshot: snapshot(), sentParts: { 0: 'msg-100' } });
      expect(await d.claim(KEY, 'replica-c', '2026-03-02T08:20:00.000Z', AFTER_LEASE)).toBeNull();
      expect(await d.expired(AFTER_LEASE)).toEqual([]);
    });

    it('renews a lease only for the owner still holding an unfinished delivery', async () => {
      const d = store().deliveries;
      const claimed = (await d.claim(KEY, 'replica-a', LEASE, T0))!;
      const later = '2026-03-02T08:09:00.000Z';
      expect(await d.renew(claimed.id, 'replica-a', later)).toBe(true);
      expect(await d.get(claimed.id)).toEqual({ ...claimed, leaseUntil: later });
      // Renewed past the old expiry, it is neither expired nor open to a takeover there.
      expect(await d.expired(AFTER_LEASE)).toEqual([]);
      expect(await d.claim(KEY, 'replica-b', '2026-03-02T08:20:00.000Z', AFTER_LEASE)).toBeNull();

      // Someone else cannot renew it, nor can anyone renew a delivery that does not exist.
      expect(await d.renew(claimed.id, 'replica-b', '2026-03-02T09:00:00.000Z')).toBe(false);
      expect(await d.renew(claimed.id + 100, 'replica-a', '2026-03-02T09:00:00.000Z')).toBe(false);
      expect((await d.get(claimed.id))!.leaseUntil).toBe(later);

      // Once another process has taken it over, the old owner's renewal changes nothing.
      const takeoverAt = '2026-03-02T08:10:00.000Z';
      const taken = (await d.claim(KEY, 'replica-b', '2026-03-02T08:15:00.000Z', takeoverAt))!;
      expect(taken).toMatchObject({ id: claimed.id, owner: 'replica-b' });
      expect(await d.renew(claimed.id, 'replica-a', '2026-03-02T09:00:00.000Z')).toBe(false);
      expect(await d.get(claimed.id)).toEqual(taken);
      expect(await d.renew(claimed.id, 'replica-b', '2026-03-02T08:30:00.000Z')).toBe(true);
      expect((await d.get(claimed.id))!.leaseUntil).toBe('2026-03-02T08:30:00.000Z');
    });

    it('renews no finished delivery, even for its owner', async () => {
      const d = store().deliveries;
      const sent = (await d.claim(KEY, 'a', LEASE, T0))!;
      await d.saveSnapshot(sent.id, snapshot());
      await d.finish(sent.id, 'sent', T0);
      const failed = (await d.claim({ ...KEY, slot: '2026-03-03T08:00:00Z' }, 'a', LEASE, T0))!;
      await d.fail(failed.id, 'channel_not_found', T0);
      for (const id of [sent.id, failed.id]) {
        const before = await d.get(id);
        expect(await d.renew(id, 'a', '2026-03-02T09:00:00.000Z')).toBe(false);
        expect(await d.get(id)).toEqual(before);
      }
    });

    it('records parts one by one', async () => {
      const d = store().deliveries;
      const delivery = (await d.claim(KEY, 'a', LEASE, T0))!;
      await d.recordPart(delivery.id, 0, '1700000000.000100');
      await d.recordPart(delivery.id, 2, '1700000000.000300');
      await d.recordPart(delivery.id, 1, '1700000000.000200');
      const parts = (await d.get(delivery.id))!.sentParts;
      expect(parts[0]).toBe('1700000000.000100');
      expect(parts[1]).toBe('1700000000.000200');
      expect(parts[2]).toBe('1700000000.000300');
      expect(Object.keys(parts)).toHaveLength(3);
    });

    it('finishing moves the watermark with the status, and never back', async () => {
      const d = store().deliveries;
      expect(await d.getWatermark(KEY.subscriber, KEY.digest)).toBe(0);
      const delivery = (await d.claim(KEY, 'a', LEASE, T0))!;
      await d.saveSnapshot(delivery.id, snapshot({ watermarkTo: 40 }));
      expect((await d.get(delivery.id))!.status).toBe('composed');
      expect(await d.getWatermark(KEY.subscriber, KEY.digest)).toBe(0);
      await d.finish(delivery.id, 'sent', '2026-03-02T08:01:00.000Z');
      expect(await d.get(delivery.id)).toMatchObject({ status: 'sent', finishedAt: '2026-03-02T08:01:00.000Z' });
      expect(await d.getWatermark(KEY.subscriber, KEY.digest)).toBe(40);
      expect(await d.getWatermark(KEY.subscriber, 'weekly-roundup')).toBe(0);
      expect(await d.getWatermark('channel:other', KEY.digest)).toBe(0);
      // A finished delivery is never taken over, however old its lease.
      expect(await d.claim(KEY, 'b', '2026-03-09T00:00:00.000Z', '2026-03-08T00:00:00.000Z')).toBeNull();
      expect(await d.expired('2026-03-08T00:00:00.000Z')).toEqual([]);
      // An older slot finishing late leaves the watermark where it is.
      const older = (await d.claim({ ...KEY, slot: '2026-03-01T08:00:00Z' }, 'a', LEASE, T0))!;
      await d.saveSnapshot(older.id, snapshot({ watermarkTo: 25 }));
      await d.finish(older.id, 'sent', '2026-03-02T08:02:00.000Z');
      expect(await d.getWatermark(KEY.subscriber, KEY.digest)).toBe(40);
    });

    it('an empty digest with a snapshot moves the watermark; one without a snapshot does not', async () => {
      const d = store().deliveries;
      const noSnapshot = (await d.claim(KEY, 'a', LEASE, T0))!;
      await d.finish(noSnapshot.id, 'empty', T0);
      expect((await d.get(noSnapshot.id))!.status).toBe('empty');
      expect(await d.getWatermark(KEY.subscriber, KEY.digest)).toBe(0);
      const withSnapshot = (await d.claim({ ...KEY, slot: '2026-03-03T08:00:00Z' }, 'a', LEASE, T0))!;
      await d.saveSnapshot(withSnapshot.id, snapshot({ meetingIds: [], documentIds: [], parts: [], watermarkTo: 7 }));
      await d.finish(withSnapshot.id, 'empty', T0);
      expect(await d.getWatermark(KEY.subscriber, KEY.digest)).toBe(7);
      await expect(d.finish(withSnapshot.id + 100, 'sent', T0)).rejects.toThrow();
    });

    it('a failed delivery keeps its reason, is not retried and leaves the watermark', async () => {
      const d = store().deliveries;
      const delivery = (await d.claim(KEY, 'a', LEASE, T0))!;
      await d.saveSnapshot(delivery.id, snapshot());
      await d.fail(delivery.id, 'channel_not_found', '2026-03-02T08:01:00.000Z');
      expect(await d.get(delivery.id)).toMatchObject({ status: 'failed', error: 'channel_not_found', finishedAt: '2026-03-02T08:01:00.000Z' });
      expect(await d.getWatermark(KEY.subscriber, KEY.digest)).toBe(0);
      expect(await d.claim(KEY, 'b', '2026-03-09T00:00:00.000Z', '2026-03-08T00:00:00.000Z')).toBeNull();
      expect(await d.expired('2026-03-08T00:00:00.000Z')).toEqual([]);
      // A late finish from the old owner does not resurrect it.
      await d.finish(delivery.id, 'sent', '2026-03-02T08:02:00.000Z');
      expect((await d.get(delivery.id))!.status).toBe('failed');
      expect(await d.getWatermark(KEY.subscriber, KEY.digest)).toBe(0);
    });

    it('refuses a snapshot once finished, and parts or outcomes for an unknown delivery', async () => {
      const d = store().deliveries;
      const delivery = (await d.claim(KEY, 'a', LEASE, T0))!;
      await d.saveSnapshot(delivery.id, snapshot({ watermarkTo: 5 }));
      await d.finish(delivery.id, 'sent', T0);
      await expect(d.saveSnapshot(delivery.id, snapshot({ watermarkTo: 99 }))).rejects.toThrow();
      expect((await d.get(delivery.id))!.snapshot?.watermarkTo).toBe(5);
      await expect(d.saveSnapshot(delivery.id + 100, snapshot())).rejects.toThrow();
      await expect(d.recordPart(delivery.id + 100, 0, 'm')).rejects.toThrow();
      await expect(d.fail(delivery.id + 100, 'gone', T0)).rejects.toThrow();
    });

    it('reports the latest slot claimed per subscriber and digest', async () => {
      const d = store().deliveries;
      expect(await d.lastSlot(KEY.subscriber, KEY.digest)).toBeNull();
      await d.claim({ ...KEY, slot: '2026-03-03T08:00:00Z' }, 'a', LEASE, T0);
      await d.claim({ ...KEY, slot: '2026-03-01T08:00:00Z' }, 'a', LEASE, T0);
      await d.claim({ ...KEY, digest: 'weekly-roundup', slot: '2026-03-09T08:00:00Z' }, 'a', LEASE, T0);
      expect(await d.lastSlot(KEY.subscriber, KEY.digest)).toBe('2026-03-03T08:00:00Z');
      expect(await d.lastSlot(KEY.subscriber, 'weekly-roundup')).toBe('2026-03-09T08:00:00Z');
    });

    it('finds sent deliveries to a subscriber that included a meeting, newest first', async () => {
      const d = store().deliveries;
      const send = async (subscriber: string, slot: string, meetingIds: number[], finish: boolean) => {
        const delivery = (await d.claim({ subscriber, digest: 'daily-brief', slot }, 'a', LEASE, T0))!;
        await d.saveSnapshot(delivery.id, snapshot({ meetingIds }));
        if (finish) await d.finish(delivery.id, 'sent', T0);
        return delivery.id;
      };
      const older = await send(KEY.subscriber, '2026-03-01T08:00:00Z', [3, 14], true);
      const newer = await send(KEY.subscriber, '2026-03-02T08:00:00Z', [14], true);
      await send(KEY.subscriber, '2026-03-03T08:00:00Z', [14], false);
      await send(KEY.subscriber, '2026-03-04T08:00:00Z', [3, 141], true);
      await send('channel:elsewhere', '2026-03-02T08:00:00Z', [14], true);
      expect((await d.containing(KEY.subscriber, 14)).map((x) => x.id)).toEqual([newer, older]);
      expect((await d.containing(KEY.subscriber, 1)).map((x) => x.id)).toEqual([]);
    });
  });
}
