import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, type Extraction } from '../../src/core/index.js';
import { createTestBed, type TestBed } from '../helpers/command-context.js';
import { ask } from './ask.js';

const extraction = (): Extraction => ({ published: null, is_meeting_report: false, meetings: [], topics: [], people: [], development: 'other', summary: [] });

let bed: TestBed;
beforeAll(async () => {
  bed = await createTestBed({ seed: false });
  const add = async () => {
    for (let i = 0; i < SEARCH_COUNT_CAP + 25; i += 1) {
      await bed.store.documents.add({
        url: `https://wire.example.org/convoy/${i}`, title: `Convoy note ${i}`, outlet: 'Example Wire', published: '2023-05-01',
        text: `A supply convoy reached the river crossing, note ${i}.`, contentHash: `convoy-${i}`, simhash: null, sourceId: null, extraction: extraction(),
      });
    }
  };
  await (bed.store.batch ? bed.store.batch(add) : add());
});
afterAll(async () => bed.close());

describe('search over more matches than the store counts', () => {
  it('says more than the cap match and still pages past it', async () => {
    const first = await ask(bed, 'search convoy');
    expect(first.text).toContain(`More than ${SEARCH_COUNT_CAP.toLocaleString('en-US')} documents match.`);
    const pages = SEARCH_COUNT_CAP / 10 + 1;
    expect(first.reply.paging).toMatchObject({ page: 1, pages, next: 'search convoy page:2' });
    // The page past the cap exists and counts to its own end; the last page counts exactly.
    const past = await ask(bed, `search convoy page:${pages}`);
    expect(past.reply.error).toBeUndefined();
    expect(past.text).toContain(`More than ${(SEARCH_COUNT_CAP + 10).toLocaleString('en-US')} documents match.`);
    expect(past.reply.paging).toMatchObject({ page: pages, pages: pages + 1 });
    const last = await ask(bed, `search convoy page:${pages + 2}`);
    expect(last.text).toContain(`${(SEARCH_COUNT_CAP + 25).toLocaleString('en-US')} documents match.`);
    expect(last.reply.paging).toMatchObject({ page: pages + 2, pages: pages + 2, next: null });
    expect((await ask(bed, `search convoy page:${pages + 3}`)).reply.error).toBeDefined();
  });
});
