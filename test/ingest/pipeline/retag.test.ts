import { afterEach, describe, expect, it } from 'vitest';
import { renderPlainText, type Meeting, type StoredDocument } from '../../../src/core/index.js';
import { ingestDocument } from '../../../src/ingest/pipeline/index.js';
import { retagStored } from '../../../src/ingest/pipeline/retag.js';
import { createTaxonomy } from '../../../src/ingest/taxonomy.js';
import { createTestBed, type TestBed } from '../../helpers/command-context.js';
import { ROME_OWN_REPORT, ROME_WIRE } from './stories.js';

// Briefings written for this test: two reports of one meeting in Accra, only the first about shipping.
const ACCRA_REPORT = {
  title: 'Coalition experts discuss maritime security in Accra',
  outlet: 'Coastline Post',
  published: '2033-08-03',
  url: 'https://coastline.example/accra-maritime',
  text: `ACCRA, August 2 - Experts of the Global Coalition to Defeat ISIS met in Accra on 2 August 2033 to discuss maritime security in the Gulf of Guinea, hosted by Ghana.

Delegates reviewed recent piracy cases off the coast and how naval patrols of neighbouring states could share what they see. Ghana offered its port for a joint exercise next year.`,
};
const ACCRA_FOLLOW_UP = {
  title: 'Ghana hosts coalition talks on funding for returnees',
  outlet: 'Volta Review',
  published: '2033-08-04',
  url: 'https://voltareview.example/coalition-accra',
  text: `Experts of the Global Coalition to Defeat ISIS met in Accra on 2 August 2033, with Ghana as host, and talked mostly about money for families returning to towns freed from the group.

Several delegations promised to pay for schools and clinics before the rainy season. A diplomat said the next round would look at how the money had been spent.`,
};

const MARITIME = { id: 'maritime-security', label: 'Maritime security', phrases: ['maritime security', 'piracy', 'naval patrols?'], exclude: [] };

let bed: TestBed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

describe('retagStored', () => {
  async function ingestAll(b: TestBed): Promise<StoredDocument[]> {
    const ids: number[] = [];
    // Stored with the built-in topics only, as before the user's file existed.
    for (const story of [ROME_WIRE, ACCRA_REPORT, ROME_OWN_REPORT, ACCRA_FOLLOW_UP]) {
      const result = await ingestDocument(b.store, story);
      expect(result.outcome).toBe('new');
      ids.push(result.documentId);
    }
    return b.store.documents.getMany(ids);
  }
  const meetingsOf = async (b: TestBed): Promise<Meeting[]> => (await b.store.meetings.list({ limit: 100, includeSecondary: true, order: 'oldest' })).items;
  const ask = async (b: TestBed, text: string): Promise<string> => renderPlainText(await b.dispatcher.handle(text, b.asker()));

  it('tags stored documents with a new user topic, gives it to their meeting, changes nothing else, and a second run nothing at all', async () => {
    const taxonomy = createTaxonomy([MARITIME]);
    bed = await createTestBed({ seed: false, topics: taxonomy.topics });
    const docs = await ingestAll(bed);
    const [, accra] = docs;
    const before = await meetingsOf(bed);
    const accraMeeting = before.find((m) => m.sources.some((s) => s.documentId === accra!.id))!;
    // Both Accra reports merged into one meeting, as did both Rome reports.
    expect(accraMeeting.sources).toHaveLength(2);
    expect(before.find((m) => m.sources.length === 2 && m !== accraMeeting)).toBeDefined();
    expect(accra!.extraction.topics).not.toContain('maritime-security');
    expect(await ask(bed, '/brief meetings topic:maritime-security')).not.toContain('Accra');

    // Two documents per batch: the Accra meeting's sources fall in different batches.
    const progress: number[] = [];
    const summary = await retagStored(bed.store, { extract: taxonomy.extract, batchSize: 2, onProgress: (p) => progress.push(p.done) });
    expect(summary).toEqual({ documents: 4, documentsChanged: 1, meetingsChanged: 1 });
    expect(progress).toEqual([2, 4]);

    const after = await bed.store.documents.getMany(docs.map((d) => d.id));
    const retagged = after[1]!;
    expect(retagged.extraction.topics).toContain('maritime-security');
    // The new topic is the only difference, in the document and in its meeting.
    expect({ ...retagged.extraction, topics: retagged.extraction.topics.filter((t) => t !== 'maritime-security') }).toEqual(accra!.extraction);
    expect(after.filter((d) => d.id !== accra!.id)).toEqual(docs.filter((d) => d.id !== accra!.id));
    const meetings = await meetingsOf(bed);
    const merged = meetings.find((m) => m.id === accraMeeting.id)!;
    expect(merged.topics).toContain('maritime-security');
    expect({ ...merged, topics: merged.topics.filter((t) => t !== 'maritime-security') }).toEqual(accraMeeting);
    expect(meetings.filter((m) => m.id !== accraMeeting.id)).toEqual(before.filter((m) => m.id !== accraMeeting.id));

    // What users see: the topic filter, the topic list and search by topic find it now.
    const listed = await ask(bed, '/brief meetings topic:maritime-security');
    expect(listed).toContain(`#${accraMeeting.id}`);
    expect(listed).toContain('Accra');
    expect(listed).toContain('1 meeting');
    expect((await bed.store.documents.search([], { topic: 'maritime-security' }, 10, 0)).hits.map((h) => h.document.id).sort()).toEqual(
      accraMeeting.sources.map((s) => s.documentId).sort(),
    );
    expect((await bed.store.meetings.topicCounts('2033-01-01')).get('maritime-security')).toBe(1);

    expect(await retagStored(bed.store, { extract: taxonomy.extract, batchSize: 2 })).toEqual({ documents: 4, documentsChanged: 0, meetingsChanged: 0 });
    expect(await meetingsOf(bed)).toEqual(meetings);
  });

  it('tagging again without the user topic takes it away and leaves every meeting exactly as ingested', async () => {
    bed = await createTestBed({ seed: false });
    const docs = await ingestAll(bed);
    const before = await meetingsOf(bed);
    // The first run changes nothing: merging and re-tagging derive meeting topics alike.
    expect(await retagStored(bed.store)).toEqual({ documents: 4, documentsChanged: 0, meetingsChanged: 0 });
    expect(await meetingsOf(bed)).toEqual(before);

    expect(await retagStored(bed.store, { extract: createTaxonomy([MARITIME]).extract, batchSize: 3 })).toEqual({ documents: 4, documentsChanged: 1, meetingsChanged: 1 });
    expect(await retagStored(bed.store, { batchSize: 1 })).toEqual({ documents: 4, documentsChanged: 1, meetingsChanged: 1 });
    expect(await meetingsOf(bed)).toEqual(before);
    expect(await bed.store.documents.getMany(docs.map((d) => d.id))).toEqual(docs);
    expect(await bed.store.meetings.list({ topic: 'maritime-security', includeSecondary: true, limit: 10 })).toEqual({ items: [], total: 0 });
  });
});
