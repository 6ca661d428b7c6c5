import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/index.js';
import { extraction, newDocument } from './fixtures.js';

export function documentContract(store: () => Store): void {
  describe('documents', () => {
    it('adds documents with growing ids and round-trips every field', async () => {
      const ex = extraction({ topics: ['financing'], development: 'statement', is_meeting_report: false, meetings: [] });
      const first = await store().documents.add(
        newDocument({ url: 'https://a.example/1', urls: ['https://b.example/copy'], simhash: '0f0f0f0f0f0f0f0f', extraction: ex }),
      );
      const second = await store().documents.add(newDocument({ url: null }));
      expect(second.id).toBeGreaterThan(first.id);
      expect(first.urls).toEqual(['https://a.example/1', 'https://b.example/copy']);
      expect(first.extraction).toEqual(ex);
      expect(first.simhash).toBe('0f0f0f0f0f0f0f0f');
      expect(Number.isNaN(Date.parse(first.ingestedAt))).toBe(false);
      expect(second.url).toBeNull();
      expect(second.urls).toEqual([]);
      expect(await store().documents.get(first.id)).toEqual(first);
      expect(await store().documents.get(second.id + 100)).toBeNull();
    });

    it('add returns what get reads back, leaving out a URL another document already has', async () => {
      const first = await store().documents.add(newDocument({ url: 'https://a.example/story', urls: ['https://mirror.example/story'] }));
      const second = await store().documents.add(
        newDocument({ url: 'https://b.example/story', urls: ['https://mirror.example/story', 'https://b.example/story', 'https://b.example/amp'], simhash: 'ABCDEF0123456789' }),
      );
      expect(second.urls).toEqual(['https://b.example/story', 'https://b.example/amp']);
      expect(second.simhash).toBe('abcdef0123456789');
      expect(await store().documents.get(second.id)).toEqual(second);
      expect((await store().documents.findByUrl('https://mirror.example/story'))?.id).toBe(first.id);
    });

    it('getMany returns the found documents in the order asked, once each', async () => {
      const a = await store().documents.add(newDocument());
      const b = await store().documents.add(newDocument());
      const many = await store().documents.getMany([b.id, 9999, a.id, b.id]);
      expect(many.map((d) => d.id)).toEqual([b.id, a.id]);
      expect(many[0]).toEqual(b);
      expect(await store().documents.getMany([])).toEqual([]);
    });

    it('finds a document by any of its URLs, including ones added later', async () => {
      const doc = await store().documents.add(newDocument({ url: 'https://origin.example/story' }));
      await store().documents.addUrl(doc.id, 'https://mirror.example/story');
      expect((await store().documents.findByUrl('https://origin.example/story'))?.id).toBe(doc.id);
      const viaMirror = await store().documents.findByUrl('https://mirror.example/story');
      expect(viaMirror?.id).toBe(doc.id);
      expect(viaMirror?.urls).toEqual(['https://origin.example/story', 'https://mirror.example/story']);
      expect(await store().documents.findByUrl('https://nowhere.example/')).toBeNull();
    });

    it('finds the first document with a content hash', async () => {
      const first = await store().documents.add(newDocument({ contentHash: 'same' }));
      await store().documents.add(newDocument({ contentHash: 'same' }));
      expect((await store().documents.findByContentHash('same'))?.id).toBe(first.id);
      expect(await store().documents.findByContentHash('other')).toBeNull();
    });

    it('offers near-duplicate candidates closest first, then recent fingerprints', async () => {
      const add = (simhash: string | null) => store().documents.add(newDocument({ simhash }));
      // Distances from 0000000000000000: 2 bits, and 12 bits spread 3 per 16-bit quarter.
      const near2 = await add('0003000000000000');
      const near12 = await add('0007000700070007');
      await add(null);
      await add('000f000f000f000f');
      const recent = [];
      for (let i = 1; i <= 4; i += 1) recent.push(await add(`fff${i}fff${i}fff${i}fff${i}`));
      expect(await store().documents.nearDuplicateCandidates('0000000000000000', 2)).toEqual([
        { id: near2.id, simhash: '0003000000000000' },
        { id: near12.id, simhash: '0007000700070007' },
      ]);
      const topped = await store().documents.nearDuplicateCandidates('0000000000000000', 3);
      expect(topped.map((c) => c.id).slice(0, 2)).toEqual([near2.id, near12.id]);
      expect(topped).toHaveLength(3);
      // Nothing close: the most recent fingerprints, newest first, never unfingerprinted ones.
      const fallback = await store().documents.nearDuplicateCandidates('9999888877776666', 3);
      expect(fallback.map((c) => c.id)).toEqual([recent[3]!.id, recent[2]!.id, recent[1]!.id]);
      expect(await store().documents.nearDuplicateCandidates('9999888877776666', 50)).toHaveLength(7);
    });

    it('lists documents after a sequence up to another, oldest first, with a limit', async () => {
      expect(await store().documents.lastSeq()).toBe(0);
      expect(await store().documents.count()).toBe(0);
      const ids = [];
      for (let i = 0; i < 5; i += 1) ids.push((await store().documents.add(newDocument())).id);
      expect(await store().documents.lastSeq()).toBe(ids[4]);
      expect(await store().documents.count()).toBe(5);
      const window = await store().documents.since(ids[0]!, ids[3]!, 10);
      expect(window.map((d) => d.id)).toEqual([ids[1], ids[2], ids[3]]);
      const limited = await store().documents.since(0, ids[4]!, 2);
      expect(limited.map((d) => d.id)).toEqual([ids[0], ids[1]]);
      expect(limited[0]?.urls).toHaveLength(1);
      expect(await store().documents.since(ids[4]!, ids[4]!, 10)).toEqual([]);
    });
  });
}
