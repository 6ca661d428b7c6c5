import { describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, type Store } from '../../../src/core/index.js';
import { extraction, meetingRecord, newDocument } from './fixtures.js';

const HOSTILE = ['"', '*', 'NEAR(', 'OR OR', 'a" OR "b', '-', 'title:', '(', ')', '^', 'AND', '🛰️🙂', 'x'.repeat(10_000), "'", '\\', '""""'];

export function documentSearchContract(store: () => Store): void {
  describe('documents.search', () => {
    async function seed() {
      const s = store();
      const rabat = await s.documents.add(
        newDocument({
          title: 'Focus group convenes on the Sahel',
          text: 'Envoys reviewed stabilisation support for the Sahel and agreed to meet again in spring.',
          published: '2026-01-15',
        }),
      );
      const rome = await s.documents.add(
        newDocument({
          title: 'Ministers discuss financing',
          text: 'A long communique on counter-financing mentioned the Sahel once among many other regions and themes.',
          published: '2026-03-20',
          extraction: extraction({ topics: ['financing'] }),
        }),
      );
      const other = await s.documents.add(
        newDocument({ title: 'Unrelated harbour news', text: 'Fishing boats returned early because of the weather.', published: '2026-02-01' }),
      );
      await s.meetings.create(meetingRecord({ body: 'Africa Focus Group', city: 'Rabat', country: 'Morocco', topics: ['sahel'] }), rabat.id);
      await s.meetings.create(
        meetingRecord({ body: 'Global Coalition Ministerial', city: 'Rome', country: 'Italy', topics: ['foreign-fighters'] }),
        rome.id,
      );
      return { rabat, rome, other };
    }

    it('finds documents containing every word, best match first, with marked snippets', async () => {
      const { rabat, rome } = await seed();
      const result = await store().documents.search(['sahel'], {}, 10, 0);
      expect(result.total).toBe(2);
      expect(result.hits.map((h) => h.document.id)).toEqual([rabat.id, rome.id]);
      expect(result.hits[0]!.rank).toBeGreaterThan(result.hits[1]!.rank);
      expect(result.hits[0]!.document).toEqual({
        id: rabat.id,
        url: rabat.url,
        title: rabat.title,
        outlet: rabat.outlet,
        published: '2026-01-15',
      });
      expect(result.hits[0]!.snippet).toMatch(/\[\[Sahel\]\]/);
      const both = await store().documents.search(['SAHEL', 'financing'], {}, 10, 0);
      expect(both.hits.map((h) => h.document.id)).toEqual([rome.id]);
      expect((await store().documents.search(['sahel', 'harbour'], {}, 10, 0)).total).toBe(0);
    });

    it('matches a term of several words (a quoted phrase) only as a phrase, on every backend', async () => {
      const s = store();
      const together = await s.documents.add(newDocument({ title: 'Alerts', text: 'Officials praised the early warning network along the border.' }));
      await s.documents.add(newDocument({ title: 'Weather', text: 'A warning came late; the early boats had already left.' }));
      const phrase = await s.documents.search(['early warning'], {}, 10, 0);
      expect(phrase.hits.map((h) => h.document.id)).toEqual([together.id]);
      expect(phrase.total).toBe(1);
      const words = await s.documents.search(['early', 'warning'], {}, 10, 0);
      expect(words.total).toBe(2);
    });

    it('pages with limit and offset while the total stays the same', async () => {
      for (let i = 0; i < 5; i += 1) await store().documents.add(newDocument({ text: `Patrol report ${i} about the lake basin.` }));
      const page1 = await store().documents.search(['basin'], {}, 2, 0);
      const page3 = await store().documents.search(['basin'], {}, 2, 4);
      expect(page1.total).toBe(5);
      expect(page1.hits).toHaveLength(2);
      expect(page3.total).toBe(5);
      expect(page3.hits).toHaveLength(1);
      const ids = new Set([...page1.hits, ...(await store().documents.search(['basin'], {}, 2, 2)).hits, ...page3.hits].map((h) => h.document.id));
      expect(ids.size).toBe(5);
      expect((await store().documents.search(['basin'], {}, 2, 10)).hits).toEqual([]);
    });

    it('filters by publication dates, meeting body, place and topic', async () => {
      const { rabat, rome } = await seed();
      const ids = async (filters: Parameters<Store['documents']['search']>[1]) =>
        (await store().documents.search(['sahel'], filters, 10, 0)).hits.map((h) => h.document.id);
      expect(await ids({ since: '2026-02-01' })).toEqual([rome.id]);
      expect(await ids({ until: '2026-02-01' })).toEqual([rabat.id]);
      expect(await ids({ since: '2026-01-15', until: '2026-03-20' })).toEqual([rabat.id, rome.id]);
      expect(await ids({ body: 'africa focus' })).toEqual([rabat.id]);
      expect(await ids({ body: 'ministerial' })).toEqual([rome.id]);
      expect(await ids({ place: 'ITALY' })).toEqual([rome.id]);
      expect(await ids({ place: 'rabat' })).toEqual([rabat.id]);
      expect(await ids({ place: 'Paris' })).toEqual([]);
      // A topic of a meeting the document reports, or of the document itself.
      expect(await ids({ topic: 'foreign-fighters' })).toEqual([rome.id]);
      expect(await ids({ topic: 'Financing' })).toEqual([rome.id]);
      expect(await ids({ topic: 'sahel', body: 'coalition' })).toEqual([]);
      const filtered = await store().documents.search(['sahel'], { place: 'morocco' }, 10, 0);
      expect(filtered.total).toBe(1);
    });

    it('with no words, lists what the filters match, newest first', async () => {
      const { rabat, rome, other } = await seed();
      const all = await store().documents.search([], {}, 10, 0);
      expect(all.total).toBe(3);
      expect(all.hits.map((h) => h.document.id)).toEqual([rome.id, other.id, rabat.id]);
      const inMorocco = await store().documents.search([], { place: 'Morocco' }, 10, 0);
      expect(inMorocco.hits.map((h) => h.document.id)).toEqual([rabat.id]);
    });

    it('counts matches up to the cap past the page, and says when it stopped there', async () => {
      const s = store();
      // Dates alternate (every id range holds both years) and every tenth is older still (scattered over all ids).
      const published = (i: number) => (i % 2 ? '2026-02-01' : i % 10 === 0 ? '2024-06-01' : '2025-02-01');
      const add = async () => {
        for (let i = 0; i <= SEARCH_COUNT_CAP; i += 1) {
          await s.documents.add(newDocument({ text: `Convoy note ${i} from the northern road.`, published: published(i) }));
        }
      };
      await (s.batch ? s.batch(add) : add());
      const more = SEARCH_COUNT_CAP + 1;
      expect(await s.documents.search(['convoy'], {}, 10, 0)).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true });
      // The filter-only listing counts the same way.
      expect(await s.documents.search([], {}, 10, 0)).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true });
      // A page reaching past the cap counts to its own end: exact here, so no next page is offered.
      const late = await s.documents.search(['convoy'], {}, 10, SEARCH_COUNT_CAP - 5);
      expect(late).toMatchObject({ total: more, capped: false });
      expect(late.hits).toHaveLength(6);
      expect(await s.documents.search(['convoy'], {}, 10, SEARCH_COUNT_CAP - 20)).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true });
      // Under the cap the count is exact.
      const half = Math.ceil(more / 2);
      expect(await s.documents.search(['convoy'], { since: '2026-01-01' }, 10, 0)).toMatchObject({ total: more - half, capped: false });
      expect(await s.documents.search(['convoy', 'road'], { until: '2025-12-31' }, 10, 0)).toMatchObject({ total: half, capped: false });
      expect(await s.documents.search([], { until: '2025-12-31' }, 10, 0)).toMatchObject({ total: half, capped: false });
      expect(await s.documents.search(['convoy'], { since: '2027-01-01' }, 10, 0)).toMatchObject({ hits: [], total: 0, capped: false });
      const oldest = await s.documents.search(['convoy'], { until: '2024-12-31' }, 200, 0);
      expect(oldest).toMatchObject({ total: Math.floor(SEARCH_COUNT_CAP / 10) + 1, capped: false });
      expect(new Set(oldest.hits.map((h) => h.document.published))).toEqual(new Set(['2024-06-01']));
      const middle = await s.documents.search(['northern'], { since: '2025-01-01', until: '2025-12-31' }, 10, 0);
      expect(middle.total).toBe(half - Math.floor(SEARCH_COUNT_CAP / 10) - 1);
    });

    it('treats operator syntax as plain words and never fails on hostile input', async () => {
      const { rabat } = await seed();
      await store().documents.add(newDocument({ title: 'Quoted', text: 'The memo said near the border, or not.' }));
      for (const word of HOSTILE) {
        const result = await store().documents.search([word], {}, 5, 0);
        expect(result.total).toBeGreaterThanOrEqual(0);
        const mixed = await store().documents.search(['sahel', word], { body: word, topic: word, place: word }, 5, 0);
        expect(mixed.hits).toEqual([]);
      }
      // `OR` and `NEAR` are words here, not operators: only documents containing them match.
      expect((await store().documents.search(['near'], {}, 5, 0)).total).toBe(1);
      expect((await store().documents.search(['sahel', 'OR', 'harbour'], {}, 5, 0)).total).toBe(0);
      expect((await store().documents.search(['stabilisation*'], {}, 5, 0)).hits.map((h) => h.document.id)).toEqual([rabat.id]);
      expect((await store().documents.search(['-sahel'], {}, 5, 0)).total).toBe(2);
    });
  });
}
