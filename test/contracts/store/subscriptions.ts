import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/index.js';

export function subscriptionContract(store: () => Store): void {
  describe('subscriptions', () => {
    it('adds, lists per subscriber and in bulk, and removes', async () => {
      const s = store().subscriptions;
      const a1 = await s.add('channel:slack:T1:C1', 'topic:sahel', 'slack:T1:U1');
      const b1 = await s.add('channel:discord:G1:C9', 'body:"Africa Focus Group"', 'discord:U7');
      const a2 = await s.add('channel:slack:T1:C1', 'place:niger', 'slack:T1:U2');
      expect(a1).toMatchObject({ subscriber: 'channel:slack:T1:C1', filter: 'topic:sahel', createdBy: 'slack:T1:U1' });
      expect(Number.isNaN(Date.parse(a1.createdAt))).toBe(false);
      expect(a2.id).toBeGreaterThan(a1.id);
      expect(await s.get(b1.id)).toEqual(b1);
      expect(await s.listFor('channel:slack:T1:C1')).toEqual([a1, a2]);
      expect(await s.listFor('channel:nobody')).toEqual([]);
      const all = await s.listAll();
      expect(all).toHaveLength(3);
      expect(all.map((x) => x.subscriber)).toEqual([...all.map((x) => x.subscriber)].sort());
      expect(await s.remove(a1.id)).toBe(true);
      expect(await s.remove(a1.id)).toBe(false);
      expect(await s.get(a1.id)).toBeNull();
      expect(await s.listFor('channel:slack:T1:C1')).toEqual([a2]);
    });
  });
}
