import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/index.js';
import { extraction, meetingRecord, newDocument } from './fixtures.js';

/** Store.rewriteTopics and meetings.ofDocuments: what `briefbot retag` writes with and reads. */
export function topicRewriteContract(store: () => Store): void {
  describe('topic rewrite', () => {
    const docIds = async (topic: string) => (await store().documents.search([], { topic }, 20, 0)).hits.map((h) => h.document.id);
    const meetingIds = async (topic: string) => (await store().meetings.list({ topic, includeSecondary: true, limit: 20 })).items.map((m) => m.id);

    it('replaces the topics of documents and meetings, with what topic filters and counts read, and nothing else', async () => {
      const tagged = await store().documents.add(newDocument({ extraction: extraction({ topics: ['sahel', 'border-security'] }) }));
      const other = await store().documents.add(newDocument({ extraction: extraction({ topics: ['financing'] }) }));
      const meeting = await store().meetings.create(meetingRecord({ topics: ['sahel', 'Border-Security'] }), tagged.id);
      const untouched = await store().meetings.create(meetingRecord({ topics: ['financing'], start: '2026-01-05', end: null }), other.id);

      await store().rewriteTopics({
        documents: [{ id: tagged.id, topics: ['maritime-security', 'sahel'] }],
        meetings: [{ id: meeting.id, topics: ['Maritime-Security', 'sahel', 'maritime-security'] }],
      });

      const doc = (await store().documents.get(tagged.id))!;
      expect(doc.extraction).toEqual({ ...tagged.extraction, topics: ['maritime-security', 'sahel'] });
      // The extraction keeps its key order, so the stored JSON differs from the old one only in its topics.
      expect(Object.keys(doc.extraction)).toEqual(Object.keys(tagged.extraction));
      expect({ ...doc, extraction: null }).toEqual({ ...tagged, extraction: null });
      expect(await store().documents.get(other.id)).toEqual(other);

      const after = (await store().meetings.get(meeting.id))!;
      expect(after).toEqual({ ...meeting, topics: ['Maritime-Security', 'sahel', 'maritime-security'] });
      expect(await store().meetings.get(untouched.id)).toEqual(untouched);

      // Documents match a topic of their own or of a meeting they report.
      expect(await docIds('border-security')).toEqual([]);
      expect(await docIds('maritime-security')).toEqual([tagged.id]);
      expect(await docIds('financing')).toEqual([other.id]);
      expect(await meetingIds('border-security')).toEqual([]);
      expect(await meetingIds('MARITIME-security')).toEqual([meeting.id]);
      expect(await meetingIds('sahel')).toEqual([meeting.id]);
      // One row per topic, in its first spelling: the folded duplicate counts once.
      expect(await store().meetings.topicCounts('2020-01-01')).toEqual(new Map([['Maritime-Security', 1], ['sahel', 1], ['financing', 1]]));
    });

    it('can clear every topic, and writing the same topics again changes nothing', async () => {
      const doc = await store().documents.add(newDocument({ extraction: extraction({ topics: ['sahel'] }) }));
      const meeting = await store().meetings.create(meetingRecord({ topics: ['sahel'] }), doc.id);
      await store().rewriteTopics({ documents: [{ id: doc.id, topics: [] }], meetings: [{ id: meeting.id, topics: [] }] });
      expect((await store().documents.get(doc.id))!.extraction.topics).toEqual([]);
      expect((await store().meetings.get(meeting.id))!.topics).toEqual([]);
      expect(await docIds('sahel')).toEqual([]);
      expect(await meetingIds('sahel')).toEqual([]);
      expect(await store().meetings.topicCounts('2020-01-01')).toEqual(new Map());

      await store().rewriteTopics({ documents: [{ id: doc.id, topics: ['sahel'] }], meetings: [{ id: meeting.id, topics: ['sahel'] }] });
      await store().rewriteTopics({ documents: [{ id: doc.id, topics: ['sahel'] }], meetings: [{ id: meeting.id, topics: ['sahel'] }] });
      expect(await docIds('sahel')).toEqual([doc.id]);
      expect(await meetingIds('sahel')).toEqual([meeting.id]);
      expect(await store().meetings.topicCounts('2020-01-01')).toEqual(new Map([['sahel', 1]]));
      await store().rewriteTopics({ documents: [], meetings: [] });
      expect((await store().meetings.get(meeting.id))!.topics).toEqual(['sahel']);
    });

    it('writes all or nothing: an unknown id fails the call and leaves every topic as it was', async () => {
      const doc = await store().documents.add(newDocument({ extraction: extraction({ topics: ['sahel'] }) }));
      const meeting = await store().meetings.create(meetingRecord({ topics: ['sahel'] }), doc.id);
      await expect(
        store().rewriteTopics({ documents: [{ id: doc.id, topics: ['financing'] }], meetings: [{ id: meeting.id, topics: ['financing'] }, { id: meeting.id + 50, topics: [] }] }),
      ).rejects.toThrow(`No meeting ${meeting.id + 50}`);
      await expect(store().rewriteTopics({ documents: [{ id: doc.id + 50, topics: [] }], meetings: [{ id: meeting.id, topics: [] }] })).rejects.toThrow(`No document ${doc.id + 50}`);
      expect((await store().documents.get(doc.id))!.extraction.topics).toEqual(['sahel']);
      expect(await store().meetings.get(meeting.id)).toEqual(meeting);
      expect(await docIds('financing')).toEqual([]);
      expect(await meetingIds('financing')).toEqual([]);
      expect(await meetingIds('sahel')).toEqual([meeting.id]);
    });

    it('ofDocuments lists the meetings any of the documents reports, each once, by id, with their sources', async () => {
      const a = await store().documents.add(newDocument());
      const b = await store().documents.add(newDocument());
      const c = await store().documents.add(newDocument());
      const shared = await store().meetings.create(meetingRecord({ start: '2026-03-01', end: null }), a.id);
      const merged = await store().meetings.update(shared.id, meetingRecord({ start: '2026-03-01', end: null }), b.id);
      const onlyB = await store().meetings.create(meetingRecord({ body: 'Small Group' }), b.id);
      const onlyC = await store().meetings.create(meetingRecord({ body: 'Counter Finance Group' }), c.id);
      expect(await store().meetings.ofDocuments([b.id, a.id])).toEqual([merged, onlyB]);
      expect((await store().meetings.ofDocuments([a.id]))[0]!.sources.map((s) => s.documentId)).toEqual([a.id, b.id]);
      expect((await store().meetings.ofDocuments([c.id, c.id])).map((m) => m.id)).toEqual([onlyC.id]);
      expect(await store().meetings.ofDocuments([])).toEqual([]);
      expect(await store().meetings.ofDocuments([c.id + 50])).toEqual([]);
    });
  });
}
