import { describe, expect, it } from 'vitest';
import type { NewSchedule, Store } from '../../../src/core/index.js';

const DAILY: NewSchedule = {
  subscriber: 'channel:slack:T1:C1',
  digest: 'daily-brief',
  cron: '0 8 * * 1-5',
  timezone: 'Europe/Rome',
  announceEmpty: false,
  setBy: 'slack:T1:U1',
};

export function scheduleContract(store: () => Store): void {
  describe('schedules', () => {
    it('sets one schedule per subscriber and digest, replacing it and clearing a pause', async () => {
      const s = store().schedules;
      const created = await s.set(DAILY);
      expect(created).toMatchObject({ ...DAILY, pausedAt: null, pausedReason: null });
      expect(Number.isNaN(Date.parse(created.updatedAt))).toBe(false);
      await s.pause(DAILY.subscriber, DAILY.digest, 'channel_not_found');
      const paused = await s.get(DAILY.subscriber, DAILY.digest);
      expect(paused?.pausedReason).toBe('channel_not_found');
      expect(paused?.pausedAt).not.toBeNull();
      const replaced = await s.set({ ...DAILY, cron: '30 7 * * *', timezone: 'Africa/Lagos', announceEmpty: true, setBy: 'slack:T1:U2' });
      expect(replaced).toMatchObject({ cron: '30 7 * * *', timezone: 'Africa/Lagos', announceEmpty: true, setBy: 'slack:T1:U2', pausedAt: null, pausedReason: null });
      expect(await s.listFor(DAILY.subscriber)).toEqual([replaced]);
    });

    it('lists per subscriber and in bulk, gets and removes', async () => {
      const s = store().schedules;
      const weekly = await s.set({ ...DAILY, digest: 'weekly-roundup', cron: '0 9 * * 1' });
      const daily = await s.set(DAILY);
      const other = await s.set({ ...DAILY, subscriber: 'user:discord:U7' });
      expect(await s.listFor(DAILY.subscriber)).toEqual([daily, weekly]);
      expect(await s.listAll()).toEqual([daily, weekly, other]);
      expect(await s.get('user:discord:U7', 'weekly-roundup')).toBeNull();
      expect(await s.remove(DAILY.subscriber, 'weekly-roundup')).toBe(true);
      expect(await s.remove(DAILY.subscriber, 'weekly-roundup')).toBe(false);
      expect(await s.listFor(DAILY.subscriber)).toEqual([daily]);
    });
  });
}
