import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/index.js';
import { meetingRecord, newDocument } from './fixtures.js';

export function meetingContract(store: () => Store): void {
  describe('meetings', () => {
    it('creates a meeting from a document and reads it back whole', async () => {
      const doc = await store().documents.add(newDocument({ url: 'https://wire.example/afg', published: '2026-02-10' }));
      const record = meetingRecord();
      const meeting = await store().meetings.create(record, doc.id);
      expect(meeting).toEqual({
        ...record,
        id: meeting.id,
        firstSeq: doc.id,
        lastSeq: doc.id,
        sources: [{ documentId: doc.id, url: doc.url, title: doc.title, outlet: doc.outlet, published: '2026-02-10' }],
      });
      expect(await store().meetings.get(meeting.id)).toEqual(meeting);
      expect(await store().meetings.get(meeting.id + 1)).toBeNull();
      expect(await store().meetings.count()).toBe(1);
    });

    it('update replaces the facts, adds the document and moves lastSeq forward only', async () => {
      const first = await store().documents.add(newDocument());
      const second = await store().documents.add(newDocument());
      const created = await store().meetings.create(meetingRecord({ topics: ['sahel'] }), first.id);
      const changed = meetingRecord({ city: 'Niamey', country: 'Niger', topics: ['border-security'], outcomes: ['new plan'], primary: false });
      const updated = await store().meetings.update(created.id, changed, second.id);
      expect(updated).toMatchObject({ ...changed, id: created.id, firstSeq: first.id, lastSeq: second.id });
      expect(updated.sources.map((s) => s.documentId)).toEqual([first.id, second.id]);
      // The replaced topic no longer matches; the new one does.
      expect((await store().meetings.list({ topic: 'sahel', includeSecondary: true, limit: 10 })).total).toBe(0);
      expect((await store().meetings.list({ topic: 'border-security', includeSecondary: true, limit: 10 })).total).toBe(1);
      // Re-merging an older document changes facts but not the sequence, and does not duplicate the source.
      const again = await store().meetings.update(created.id, meetingRecord(), first.id);
      expect(again.lastSeq).toBe(second.id);
      expect(again.sources).toHaveLength(2);
      expect(again.city).toBe('Rabat');
      await expect(store().meetings.update(created.id + 50, meetingRecord(), first.id)).rejects.toThrow();
    });

    it('keeps topic rows in step with the topics through merges that keep, grow, respell and drop them', async () => {
      const doc = await store().documents.add(newDocument({ published: '2026-03-01' }));
      const other = await store().documents.add(newDocument({ published: '2026-03-02' }));
      const created = await store().meetings.create(meetingRecord({ start: '2026-03-01', topics: ['sahel'] }), doc.id);
      const topics = async (): Promise<Array<[string, number]>> => [...(await store().meetings.topicCounts('2026-01-01'))];
      await store().meetings.update(created.id, meetingRecord({ start: '2026-03-01', topics: ['sahel'] }), other.id);
      expect(await topics()).toEqual([['sahel', 1]]);
      await store().meetings.update(created.id, meetingRecord({ start: '2026-03-01', topics: ['sahel', 'financing'] }), other.id);
      expect(await topics()).toEqual([['financing', 1], ['sahel', 1]]);
      // The same topics again: nothing doubles, nothing goes.
      await store().meetings.update(created.id, meetingRecord({ start: '2026-03-01', topics: ['sahel', 'financing'] }), other.id);
      expect(await topics()).toEqual([['financing', 1], ['sahel', 1]]);
      // A new first spelling of a topic is the one shown.
      await store().meetings.update(created.id, meetingRecord({ start: '2026-03-01', topics: ['Sahel', 'financing'] }), other.id);
      expect(await topics()).toEqual([['financing', 1], ['Sahel', 1]]);
      await store().meetings.update(created.id, meetingRecord({ start: '2026-03-01', topics: ['financing'] }), other.id);
      expect(await topics()).toEqual([['financing', 1]]);
      expect((await store().meetings.list({ topic: 'sahel', limit: 10 })).total).toBe(0);
    });

    it('finds candidate meetings of a body whose dates could overlap', async () => {
      const doc = await store().documents.add(newDocument());
      const feb = await store().meetings.create(meetingRecord({ start: '2026-02-09', end: '2026-02-10' }), doc.id);
      const june = await store().meetings.create(meetingRecord({ start: '2026-06-01', end: null }), doc.id);
      const undated = await store().meetings.create(meetingRecord({ start: null, end: null }), doc.id);
      await store().meetings.create(meetingRecord({ body: 'Small Group', start: '2026-02-09' }), doc.id);
      const ids = async (from: string | null, to: string | null) =>
        (await store().meetings.candidates('AFRICA FOCUS GROUP', from, to)).map((m) => m.id).sort((a, b) => a - b);
      expect(await ids('2026-02-10', '2026-02-12')).toEqual([feb.id, undated.id]);
      expect(await ids('2026-02-11', '2026-05-31')).toEqual([undated.id]);
      expect(await ids(null, '2026-03-01')).toEqual([feb.id, undated.id]);
      expect(await ids('2026-03-01', null)).toEqual([june.id, undated.id]);
      expect(await ids(null, null)).toEqual([feb.id, june.id, undated.id]);
      expect(await store().meetings.candidates('Nobody', null, null)).toEqual([]);
    });

    it('finds meetings whose body, place or summary contain every word', async () => {
      const doc = await store().documents.add(newDocument());
      const rabat = await store().meetings.create(meetingRecord(), doc.id);
      const niamey = await store().meetings.create(
        meetingRecord({ body: 'Sahel Partnership', city: 'Niamey', country: 'Niger', summary: [{ text: 'Ministers pledged drones.', documentId: doc.id, url: null }] }),
        doc.id,
      );
      const ids = async (words: string[]) => (await store().meetings.findByWords(words, 10)).map((m) => m.id);
      expect(await ids(['FOCUS', 'rabat'])).toEqual([rabat.id]);
      expect(await ids(['niger', 'drones'])).toEqual([niamey.id]);
      expect(await ids(['morocco', 'drones'])).toEqual([]);
      expect(await ids(['work plan'])).toEqual([rabat.id]);
      expect((await store().meetings.findByWords(['a'], 1)).length).toBe(1);
      expect(await ids([])).toEqual([]);
    });

    it('lists meetings changed after a sequence up to another', async () => {
      const d1 = await store().documents.add(newDocument());
      const d2 = await store().documents.add(newDocument());
      const d3 = await store().documents.add(newDocument());
      const a = await store().meetings.create(meetingRecord(), d1.id);
      const b = await store().meetings.create(meetingRecord({ body: 'Small Group' }), d2.id);
      await store().meetings.update(a.id, meetingRecord({ outcomes: ['later'] }), d3.id);
      const ids = async (after: number, upto: number) => (await store().meetings.changedSince(after, upto)).map((m) => m.id);
      expect(await ids(d1.id, d2.id)).toEqual([b.id]);
      expect(await ids(d1.id, d3.id)).toEqual([b.id, a.id]);
      expect(await ids(0, d1.id)).toEqual([]);
      expect(await ids(d3.id, d3.id + 10)).toEqual([]);
    });

    it('counts primary meetings per topic from a date, falling back to the first report', async () => {
      const old = await store().documents.add(newDocument({ published: '2025-06-01' }));
      const recent = await store().documents.add(newDocument({ published: '2026-03-01' }));
      await store().meetings.create(meetingRecord({ start: '2026-02-01', topics: ['sahel', 'financing'] }), old.id);
      await store().meetings.create(meetingRecord({ start: null, end: null, topics: ['sahel'] }), recent.id);
      await store().meetings.create(meetingRecord({ start: null, end: null, topics: ['sahel'] }), old.id);
      await store().meetings.create(meetingRecord({ start: '2025-01-01', topics: ['sahel'] }), recent.id);
      await store().meetings.create(meetingRecord({ start: '2026-02-01', topics: ['sahel'], primary: false }), recent.id);
      const counts = await store().meetings.topicCounts('2026-01-01');
      expect(Object.fromEntries(counts)).toEqual({ sahel: 2, financing: 1 });
      expect((await store().meetings.topicCounts('2027-01-01')).size).toBe(0);
    });

    it('lists distinct bodies, most meetings first', async () => {
      const doc = await store().documents.add(newDocument());
      for (const body of ['Small Group', 'Africa Focus Group', 'Small Group', 'Sahel Partnership', 'Small Group', 'Africa Focus Group']) {
        await store().meetings.create(meetingRecord({ body }), doc.id);
      }
      expect(await store().meetings.bodies()).toEqual([
        { body: 'Small Group', count: 3 },
        { body: 'Africa Focus Group', count: 2 },
        { body: 'Sahel Partnership', count: 1 },
      ]);
      expect(await store().meetings.count()).toBe(6);
    });
  });
}
