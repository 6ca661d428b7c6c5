import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlainText, richToPlain, type Reply } from '../../src/core/index.js';
import { createTestBed, USER, type TestBed } from '../helpers/command-context.js';
import { ask } from './ask.js';

let bed: TestBed;
let huge: number;
const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

beforeAll(async () => {
  bed = await createTestBed();
  // A meeting built from absurdly long ingested strings: every field must be cut to fit.
  const sourceUrls: number[] = [];
  let first = 0;
  for (let i = 0; i < 30; i++) {
    const text = `${long('Longwinded', 3000)} meeting report number ${i}.`;
    const doc = await bed.store.documents.add({
      url: `https://news.example.org/long/${i}?${'q'.repeat(i % 2 ? 900 : 10)}`,
      title: long('Title', 400),
      outlet: long('Outlet', 100),
      published: '2023-06-01',
      text,
      contentHash: `long-${i}`,
      simhash: null,
      sourceId: null,
      extraction: { published: '2023-06-01', is_meeting_report: true, meetings: [], topics: ['sahel'], people: [], development: 'meeting', summary: [] },
    });
    sourceUrls.push(doc.id);
    const record = {
      body: `Longwinded ${long('Body', 500)}`,
      parent: long('Parent', 300),
      kind: 'plenary' as const,
      city: long('City', 200),
      country: long('Country', 200),
      start: '2023-06-01',
      end: '2023-06-03',
      status: 'held' as const,
      chairs: Array.from({ length: 40 }, (_, k) => long(`Chair${k}x`, 30)),
      outcomes: Array.from({ length: 40 }, (_, k) => long(`Outcome${k}x`, 200)),
      people: Array.from({ length: 40 }, (_, k) => ({ name: long(`Name${k}x`, 30), role: long('Role', 60) })),
      topics: ['sahel'],
      summary: Array.from({ length: 10 }, (_, k) => ({ text: long(`Sentence${k}x`, 300), documentId: doc.id, url: null })),
      variants: Array.from({ length: 10 }, (_, k) => ({ field: 'city' as const, value: long(`Variant${k}x`, 50), documentIds: sourceUrls.slice(0, 20) })),
      primary: true,
    };
    if (i === 0) first = (await bed.store.meetings.create(record, doc.id)).id;
    else await bed.store.meetings.update(first, record, doc.id);
  }
  huge = first;
  await bed.store.subscriptions.add(`channel:slack:T1:C100`, long('keyword', 60), USER);
});
afterAll(async () => bed.close());

function checkBudget(reply: Reply): void {
  const text = renderPlainText(reply);
  expect(text.length).toBeLessThanOrEqual(3500);
  expect(text).not.toContain('[object Object]');
  for (const block of reply.blocks) {
    const size =
      block.type === 'text' || block.type === 'context' ? richToPlain(block.text).length
      : block.type === 'list' ? block.items.reduce((n, item) => n + richToPlain(item).length + 3, 0)
      : block.type === 'fields' ? block.fields.reduce((n, f) => n + f.name.length + richToPlain(f.value).length + 2, 0)
      : 0;
    expect(size).toBeLessThanOrEqual(1800);
  }
}

describe('every reply fits the smallest platform budget', () => {
  it.each([
    () => `meeting ${huge}`,
    () => 'meetings',
    () => 'meetings topic:sahel',
    () => 'search Longwinded0',
    () => 'search meeting report',
    () => 'timeline Longwinded',
    () => `why ${huge}`,
    () => 'meeting longwinded',
    () => 'subscriptions for:channel',
  ])('%s is cut to fit', async (line) => {
    const { reply, text } = await ask(bed, line());
    expect(reply.error).toBeUndefined();
    checkBudget(reply);
    expect(text).toContain('…');
  });

  it.each(['help', 'help subscribe', 'topics', 'sources', 'schedule'])('%s fits', async (line) => {
    const { reply } = await ask(bed, line);
    expect(reply.error).toBeUndefined();
    checkBudget(reply);
  });

  it('still shows the essentials of the long meeting, cut with an ellipsis', async () => {
    const { reply } = await ask(bed, `meeting ${huge}`);
    expect(reply.title).toMatch(/^#\d+ Longwinded Body0 Body1 .*…, 1–3 Jun 2023$/);
    expect(reply.citations!.length).toBeLessThanOrEqual(8);
    expect(reply.citations!.every((c) => c.url === null || c.url.length <= 500)).toBe(true);
    expect(renderPlainText(reply)).toContain('more sources report it');
  });
});
