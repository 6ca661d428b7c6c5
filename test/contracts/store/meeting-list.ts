import { describe, expect, it } from 'vitest';
import type { MeetingQuery, MeetingRecord, Store } from '../../../src/core/index.js';
import { meetingRecord, newDocument } from './fixtures.js';

export function meetingListContract(store: () => Store): void {
  describe('meetings.list', () => {
    async function seed() {
      const doc = await store().documents.add(newDocument());
      const make = (overrides: Partial<MeetingRecord>) => store().meetings.create(meetingRecord(overrides), doc.id);
      return {
        afgRabat: await make({ body: 'Africa Focus Group', city: 'Rabat', country: 'Morocco', start: '2026-02-09', end: '2026-02-10', topics: ['sahel'] }),
        afgAbuja: await make({ body: 'Africa Focus Group', city: 'Abuja', country: 'Nigeria', start: '2025-11-20', end: null, topics: ['Sahel', 'financing'] }),
        ministerial: await make({ body: 'Global Coalition Ministerial', city: 'Rome', country: 'Italy', start: '2026-03-05', end: '2026-03-06', topics: [] }),
        undated: await make({ body: 'Small Group', city: null, country: 'Niger', start: null, end: null, topics: ['sahel'] }),
        secondary: await make({ body: 'Africa Focus Group', city: 'Niamey', country: 'Niger', start: '2026-04-01', end: null, primary: false }),
      };
    }

    const ids = async (query: Partial<MeetingQuery>) => {
      const result = await store().meetings.list({ limit: 50, ...query });
      return result.items.map((m) => m.id);
    };

    it('lists primary meetings newest first, undated last, and counts them', async () => {
      const m = await seed();
      const result = await store().meetings.list({ limit: 50 });
      expect(result.total).toBe(4);
      expect(result.items.map((x) => x.id)).toEqual([m.ministerial.id, m.afgRabat.id, m.afgAbuja.id, m.undated.id]);
      expect(result.items[1]!.sources).toHaveLength(1);
      expect(await ids({ order: 'oldest' })).toEqual([m.afgAbuja.id, m.afgRabat.id, m.ministerial.id, m.undated.id]);
      expect(await ids({ includeSecondary: true })).toEqual([m.secondary.id, m.ministerial.id, m.afgRabat.id, m.afgAbuja.id, m.undated.id]);
    });

    it('breaks ties on the same date by id, newest id first', async () => {
      const doc = await store().documents.add(newDocument());
      const a = await store().meetings.create(meetingRecord({ start: '2026-01-01' }), doc.id);
      const b = await store().meetings.create(meetingRecord({ start: '2026-01-01' }), doc.id);
      const c = await store().meetings.create(meetingRecord({ start: null }), doc.id);
      const d = await store().meetings.create(meetingRecord({ start: null }), doc.id);
      expect(await ids({})).toEqual([b.id, a.id, d.id, c.id]);
    });

    it('matches a body by name, prefix or part of it, case-insensitively', async () => {
      const m = await seed();
      expect(await ids({ body: 'africa focus' })).toEqual([m.afgRabat.id, m.afgAbuja.id]);
      expect(await ids({ body: 'AFRICA FOCUS GROUP' })).toEqual([m.afgRabat.id, m.afgAbuja.id]);
      expect(await ids({ body: 'coalition' })).toEqual([m.ministerial.id]);
      expect(await ids({ body: 'Working Group' })).toEqual([]);
    });

    it('filters by topic and by place (city or country), case-insensitively', async () => {
      const m = await seed();
      expect(await ids({ topic: 'SAHEL' })).toEqual([m.afgRabat.id, m.afgAbuja.id, m.undated.id]);
      expect(await ids({ topic: 'financing' })).toEqual([m.afgAbuja.id]);
      expect(await ids({ topic: 'sah' })).toEqual([]);
      expect(await ids({ place: 'niger' })).toEqual([m.undated.id]);
      expect(await ids({ place: 'niger', includeSecondary: true })).toEqual([m.secondary.id, m.undated.id]);
      expect(await ids({ place: 'ABUJA' })).toEqual([m.afgAbuja.id]);
      expect(await ids({ place: 'Nige' })).toEqual([]);
      expect(await ids({ topic: 'sahel', place: 'morocco', body: 'focus' })).toEqual([m.afgRabat.id]);
    });

    it('filters by dates: a meeting counts when its days overlap the range', async () => {
      const m = await seed();
      expect(await ids({ since: '2026-02-10' })).toEqual([m.ministerial.id, m.afgRabat.id]);
      expect(await ids({ since: '2026-02-11' })).toEqual([m.ministerial.id]);
      expect(await ids({ until: '2026-02-09' })).toEqual([m.afgRabat.id, m.afgAbuja.id]);
      expect(await ids({ since: '2025-12-01', until: '2026-03-01' })).toEqual([m.afgRabat.id]);
      expect(await ids({ since: '2027-01-01' })).toEqual([]);
    });

    it('pages with limit and offset, the total unchanged', async () => {
      const m = await seed();
      const page = await store().meetings.list({ limit: 2, offset: 2 });
      expect(page.total).toBe(4);
      expect(page.items.map((x) => x.id)).toEqual([m.afgAbuja.id, m.undated.id]);
      const past = await store().meetings.list({ limit: 2, offset: 8 });
      expect(past).toEqual({ items: [], total: 4 });
      expect(await store().meetings.list({ body: 'nobody', limit: 5 })).toEqual({ items: [], total: 0 });
    });
  });
}
