import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../../src/ingest/pipeline/index.js';
import { ROME_OWN_REPORT, ROME_SYNDICATED, ROME_WIRE, RIYADH_LATER } from './stories.js';
import { allMeetings, tempStore, type TempStore } from './temp-store.js';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.close();
});

describe('ingestDocument', () => {
  it('stores a syndicated copy once, with both URLs', async () => {
    const first = await ingestDocument(t.store, ROME_WIRE);
    const second = await ingestDocument(t.store, ROME_SYNDICATED);
    expect(first.outcome).toBe('new');
    expect(second).toMatchObject({ outcome: 'near-duplicate', documentId: first.documentId, meetingsCreated: 0, meetingsMerged: 0 });
    expect(await t.store.documents.count()).toBe(1);
    const doc = await t.store.documents.get(first.documentId);
    // The tracking parameter is gone from the canonical URL.
    expect(doc?.urls).toEqual(
      expect.arrayContaining(['https://tiberwire.example/world/coalition-rome', 'https://harbourdaily.example/news/2033/06/13/coalition-rome-talks']),
    );
    const rome = (await allMeetings(t.store)).filter((m) => m.city === 'Rome');
    expect(rome).toHaveLength(1);
    expect(rome[0]!.sources).toHaveLength(1);
  });

  it('treats the same URL or the same text as a duplicate, and records a new URL for the same text', async () => {
    const first = await ingestDocument(t.store, ROME_WIRE);
    expect(await ingestDocument(t.store, { ...ROME_WIRE, text: `${ROME_WIRE.text}\nUpdated.` })).toMatchObject({ outcome: 'duplicate', documentId: first.documentId });
    const copy = await ingestDocument(t.store, { ...ROME_WIRE, url: 'https://mirror.example/rome' });
    expect(copy).toMatchObject({ outcome: 'duplicate', documentId: first.documentId });
    expect((await t.store.documents.get(first.documentId))?.urls).toContain('https://mirror.example/rome');
    expect(await t.store.documents.count()).toBe(1);
  });

  it('joins two different reports of one meeting into one meeting with two sources', async () => {
    const a = await ingestDocument(t.store, ROME_WIRE);
    const b = await ingestDocument(t.store, ROME_OWN_REPORT);
    expect(b.outcome).toBe('new');
    expect(b.meetingsMerged).toBeGreaterThanOrEqual(1);
    const rome = (await allMeetings(t.store)).filter((m) => m.city === 'Rome');
    expect(rome).toHaveLength(1);
    const meeting = rome[0]!;
    expect(meeting.sources.map((s) => s.documentId).sort()).toEqual([a.documentId, b.documentId].sort());
    expect(meeting.chairs).toEqual(expect.arrayContaining(['Italy', 'United States']));
    expect(meeting.start).toBe('2033-06-12');
  });

  it('never joins reports of different meetings', async () => {
    await ingestDocument(t.store, ROME_WIRE);
    const later = await ingestDocument(t.store, RIYADH_LATER);
    expect(later.meetingsCreated).toBeGreaterThanOrEqual(1);
    expect(later.meetingsMerged).toBe(0);
    const primary = (await allMeetings(t.store)).filter((m) => m.primary);
    expect(primary.map((m) => m.city).sort()).toEqual(['Riyadh', 'Rome']);
    for (const m of primary) expect(m.sources).toHaveLength(1);
  });

  it('quotes every summary sentence verbatim from the document it cites', async () => {
    for (const s of [ROME_WIRE, ROME_OWN_REPORT, RIYADH_LATER]) await ingestDocument(t.store, s);
    const meetings = await allMeetings(t.store);
    let sentences = 0;
    for (const m of meetings) {
      for (const s of m.summary) {
        const doc = await t.store.documents.get(s.documentId);
        expect(doc?.text).toContain(s.text);
        expect(s.url).toBe(doc?.url);
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThanOrEqual(4);
    const rome = meetings.find((m) => m.city === 'Rome' && m.primary)!;
    expect(new Set(rome.summary.map((s) => s.documentId)).size).toBe(2);
  });

  it('stores nothing when extraction fails', async () => {
    const boom = () => {
      throw new Error('extractor exploded');
    };
    await expect(ingestDocument(t.store, ROME_WIRE, { extract: boom })).rejects.toThrow('extractor exploded');
    expect(await t.store.documents.count()).toBe(0);
    expect(await t.store.meetings.count()).toBe(0);
  });

  it('stores a meeting mentioned in passing as secondary, without the document topics', async () => {
    await ingestDocument(t.store, RIYADH_LATER);
    const meetings = await allMeetings(t.store);
    const riyadh = meetings.find((m) => m.city === 'Riyadh')!;
    const madrid = meetings.find((m) => m.city === 'Madrid')!;
    expect(riyadh).toMatchObject({ primary: true, start: '2033-07-15' });
    expect(riyadh.topics.length).toBeGreaterThan(0);
    expect(madrid).toMatchObject({ body: 'Counter ISIS Finance Group', primary: false, status: 'announced', start: '2033-09-20', topics: [] });
    // The listing of primary meetings leaves it out.
    const listed = (await t.store.meetings.list({ limit: 10 })).items.map((m) => m.city);
    expect(listed).toEqual(['Riyadh']);
  });
});
