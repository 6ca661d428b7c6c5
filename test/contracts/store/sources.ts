import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/index.js';
import { newDocument } from './fixtures.js';

const T0 = '2026-03-02T08:00:00.000Z';
const T1 = '2026-03-02T08:05:00.000Z';
const T2 = '2026-03-02T08:10:00.000Z';

export function sourceContract(store: () => Store): void {
  describe('sources', () => {
    it('adds a source once per URL, due at once, and reads it back', async () => {
      const before = Date.now();
      const feed = await store().sources.add({ kind: 'feed', url: 'https://feeds.example/a.xml', title: 'A', pollIntervalSec: 900, addedBy: 'slack:T1:U1' });
      expect(feed).toMatchObject({
        kind: 'feed',
        url: 'https://feeds.example/a.xml',
        title: 'A',
        pollIntervalSec: 900,
        etag: null,
        lastModified: null,
        lastFetchedAt: null,
        lastNewItemAt: null,
        consecutiveFailures: 0,
        lastError: null,
        disabledAt: null,
        disabledReason: null,
        disabledAnnounced: false,
        addedBy: 'slack:T1:U1',
      });
      expect(Date.parse(feed.nextPollAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(feed.nextPollAt)).toBeLessThanOrEqual(Date.now() + 1000);
      const again = await store().sources.add({ kind: 'page', url: 'https://feeds.example/a.xml', pollIntervalSec: 60 });
      expect(again).toEqual(feed);
      const page = await store().sources.add({ kind: 'page', url: 'https://site.example/news', pollIntervalSec: 3600 });
      expect(page.title).toBeNull();
      expect(page.addedBy).toBeNull();
      expect(await store().sources.get(page.id)).toEqual(page);
      expect(await store().sources.findByUrl('https://site.example/news')).toEqual(page);
      expect(await store().sources.findByUrl('https://site.example/other')).toBeNull();
      expect((await store().sources.list()).map((s) => s.id)).toEqual([feed.id, page.id]);
    });

    it('removes a source and detaches its documents', async () => {
      const source = await store().sources.add({ kind: 'feed', url: 'https://feeds.example/gone.xml', pollIntervalSec: 900 });
      const doc = await store().documents.add(newDocument({ sourceId: source.id }));
      expect(doc.sourceId).toBe(source.id);
      expect(await store().sources.remove(source.id)).toBe(true);
      expect(await store().sources.remove(source.id)).toBe(false);
      expect(await store().sources.get(source.id)).toBeNull();
      expect((await store().documents.get(doc.id))?.sourceId).toBeNull();
    });

    it('updates only the health fields given', async () => {
      const source = await store().sources.add({ kind: 'feed', url: 'https://feeds.example/h.xml', title: 'H', pollIntervalSec: 900 });
      await store().sources.updateHealth(source.id, { etag: 'W/"1"', consecutiveFailures: 3, lastError: 'timeout', nextPollAt: T1 });
      await store().sources.updateHealth(source.id, { disabledAt: T2, disabledReason: 'too many failures', disabledAnnounced: true });
      await store().sources.updateHealth(source.id, {});
      const after = await store().sources.get(source.id);
      expect(after).toEqual({
        ...source,
        etag: 'W/"1"',
        consecutiveFailures: 3,
        lastError: 'timeout',
        nextPollAt: T1,
        disabledAt: T2,
        disabledReason: 'too many failures',
        disabledAnnounced: true,
      });
      await store().sources.updateHealth(source.id, { lastError: null, disabledAt: null, disabledAnnounced: false });
      expect(await store().sources.get(source.id)).toMatchObject({ lastError: null, disabledAt: null, disabledAnnounced: false, etag: 'W/"1"' });
    });

    it('claims due, enabled, unleased sources, leasing them to one owner', async () => {
      const add = async (name: string, nextPollAt: string) => {
        const source = await store().sources.add({ kind: 'feed', url: `https://feeds.example/${name}`, pollIntervalSec: 900 });
        await store().sources.updateHealth(source.id, { nextPollAt });
        return source;
      };
      const due1 = await add('due1', '2026-03-02T07:00:00.000Z');
      const due2 = await add('due2', '2026-03-02T07:30:00.000Z');
      const later = await add('later', T2);
      const disabled = await add('disabled', '2026-03-02T06:00:00.000Z');
      await store().sources.updateHealth(disabled.id, { disabledAt: '2026-03-01T00:00:00.000Z' });

      const first = await store().sources.claimDue(T0, 'replica-a', T1, 1);
      expect(first.map((s) => s.id)).toEqual([due1.id]);
      const second = await store().sources.claimDue(T0, 'replica-b', T1, 10);
      expect(second.map((s) => s.id)).toEqual([due2.id]);
      expect(await store().sources.claimDue(T0, 'replica-c', T1, 10)).toEqual([]);
      // Once the leases run out, the still-due sources (and the one now due) go again.
      const retaken = await store().sources.claimDue(T2, 'replica-c', '2026-03-02T08:20:00.000Z', 10);
      expect(retaken.map((s) => s.id)).toEqual([due1.id, due2.id, later.id]);
    });

    it('recording the next poll time ends the lease', async () => {
      const source = await store().sources.add({ kind: 'feed', url: 'https://feeds.example/lease.xml', pollIntervalSec: 60 });
      await store().sources.updateHealth(source.id, { nextPollAt: '2026-03-02T07:00:00.000Z' });
      expect(await store().sources.claimDue(T0, 'a', T2, 5)).toHaveLength(1);
      await store().sources.updateHealth(source.id, { lastFetchedAt: T0, nextPollAt: T1 });
      expect((await store().sources.claimDue(T1, 'b', T2, 5)).map((s) => s.id)).toEqual([source.id]);
    });
  });
}
