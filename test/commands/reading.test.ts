import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBed, type TestBed } from '../helpers/command-context.js';
import { ask, idsIn } from './ask.js';

let bed: TestBed;
beforeAll(async () => {
  bed = await createTestBed();
});
afterAll(async () => bed.close());

describe('meetings', () => {
  it('lists the newest first with dates, body, place, chairs and source counts, shared publicly', async () => {
    const { reply, text } = await ask(bed, '/brief meetings');
    expect(reply.ephemeral).toBe(false);
    expect(reply.error).toBeUndefined();
    const ids = idsIn(reply);
    expect(ids).toHaveLength(10);
    expect(ids[0]).toBe(bed.seeded.rabatAnnounced);
    expect(text).toContain(`#${bed.seeded.niamey} · 1–2 Mar 2023 · Africa Focus Group (Global Coalition) · Niamey, Niger · chaired by Morocco, United States, Italy and Niger · 2 sources`);
    expect(text).toContain('14 Sep 2023 (announced)');
    expect(reply.paging).toEqual({ page: 1, pages: 3, next: 'meetings page:2', prev: null });
  });

  it('pages through all 28 meetings without repeats, keeping filters in next/prev', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const { reply } = await ask(bed, `meetings page:${page}`);
      seen.push(...idsIn(reply));
    }
    expect(seen).toHaveLength(28);
    expect(new Set(seen).size).toBe(28);
    const second = await ask(bed, 'meetings topic:counter-messaging page:2');
    expect(second.reply.paging).toEqual({ page: 2, pages: 3, next: 'meetings topic:counter-messaging page:3', prev: 'meetings topic:counter-messaging' });
  });

  it('filters by body, topic, place and a date range', async () => {
    expect(idsIn((await ask(bed, 'meetings body:"Africa Focus Group"')).reply)).toEqual([bed.seeded.rabatAnnounced, bed.seeded.niamey]);
    expect(idsIn((await ask(bed, 'meetings topic:stabilization')).reply)).toEqual([bed.seeded.riyadh, bed.seeded.niamey]);
    expect(idsIn((await ask(bed, 'meetings place:niamey')).reply)).toEqual([bed.seeded.niamey]);
    expect(idsIn((await ask(bed, 'meetings place:Morocco until:2022-12-31')).reply)).toEqual([bed.seeded.marrakech]);
    const range = idsIn((await ask(bed, 'meetings since:2023-03-01 until:2023-03-31')).reply);
    expect(range).toEqual([bed.seeded.workingGroup[20], bed.seeded.niamey]);
  });

  it('reads spans relative to now (2023-06-29): since:4w covers June only', async () => {
    const ids = idsIn((await ask(bed, 'meetings since:4w until:0d')).reply);
    expect(ids).toEqual([bed.seeded.workingGroup[23], bed.seeded.riyadh]);
  });

  it('says so when nothing matches, without an error', async () => {
    const { reply, text } = await ask(bed, 'meetings place:Oslo');
    expect(reply.error).toBeUndefined();
    expect(text).toContain('No meetings match in "Oslo"');
  });

  it.each([
    ['meetings since:2023-02-30', 'bad-date', 'not a real date'],
    ['meetings since:yesterday', 'bad-date', 'takes a date or a span'],
    ['meetings since:2023-06-01 until:2023-01-01', 'bad-date', 'is after'],
    ['meetings topic:sahl', 'bad-option', '`topic:sahel`'],
    ['meetings page:9', 'bad-option', 'only 3 pages'],
    ['meetings page:0', 'bad-option', 'page number'],
    ['meetings colour:red', 'unknown-option', 'no option `colour:`'],
  ])('rejects %s', async (line, code, words) => {
    const { reply, text } = await ask(bed, line);
    expect(reply.error?.code).toBe(code);
    expect(reply.ephemeral).toBe(true);
    expect(text).toContain(words);
  });
});

describe('meeting', () => {
  it('shows one meeting in full: facts, disagreeing dates, outcomes, people, cited summary and sources', async () => {
    for (const line of [`meeting ${bed.seeded.niamey}`, `meeting #${bed.seeded.niamey}`]) {
      const { reply, text } = await ask(bed, line);
      expect(reply.ephemeral).toBe(false);
      expect(reply.title).toBe(`#${bed.seeded.niamey} Africa Focus Group, 1–2 Mar 2023`);
      expect(text).toContain('Group: Africa Focus Group (Global Coalition)');
      expect(text).toContain('Kind: focus-group');
      expect(text).toContain('Place: Niamey, Niger');
      expect(text).toContain('Chairs: Morocco, United States, Italy and Niger');
      expect(text).toContain('Sources disagree: start 2023-03-01 [1]; start 2023-03-02 [2]');
      expect(text).toContain('• adopted an action plan for stabilization support');
      expect(text).toContain('• Leila Bennani, head of the Moroccan delegation');
      expect(text).toContain('shared the chair.[1] Four co-chairs steered the talks on the Sahel.[2]');
      expect(reply.citations?.map((c) => [c.n, c.outlet, c.published])).toEqual([
        [1, 'Example Security News', '2023-03-03'],
        [2, 'Coalition Bulletin', '2023-03-02'],
      ]);
      // Every citation marker points at a listed citation.
      const summary = reply.blocks.find((b) => b.type === 'text' && Array.isArray(b.text));
      const cites = summary && summary.type === 'text' && Array.isArray(summary.text) ? summary.text.filter((s) => typeof s === 'object' && 'cite' in s) : [];
      expect(cites.length).toBe(3);
    }
  });

  it('finds a meeting by words; several matches are listed to choose from', async () => {
    expect((await ask(bed, 'meeting Riyadh')).reply.title).toContain(`#${bed.seeded.riyadh} Global Coalition`);
    const several = await ask(bed, 'meeting africa focus');
    expect(several.reply.title).toBe('Several meetings match');
    expect(idsIn(several.reply)).toEqual([bed.seeded.rabatAnnounced, bed.seeded.niamey]);
  });

  it('asks for more words when more than ten meetings match', async () => {
    const { reply, text } = await ask(bed, 'meeting communications working');
    expect(idsIn(reply)).toHaveLength(10);
    expect(text).toContain('More match too; add words to narrow it.');
  });

  it('an unknown id is not-found with a hint; no words is missing-argument', async () => {
    const unknown = await ask(bed, 'meeting #9999');
    expect(unknown.reply.error?.code).toBe('not-found');
    expect(unknown.text).toContain('There is no meeting #9999');
    expect(unknown.text).toContain('/brief meetings');
    expect((await ask(bed, 'meeting zanzibar summit')).reply.error?.code).toBe('not-found');
    expect((await ask(bed, 'meeting')).reply.error?.code).toBe('missing-argument');
  });
});

describe('search', () => {
  it('finds documents with bold highlighted matches, privately', async () => {
    const { reply } = await ask(bed, 'search action plan');
    expect(reply.ephemeral).toBe(true);
    const list = reply.blocks[0];
    expect(list?.type).toBe('list');
    const item = list?.type === 'list' ? list.items[0] : undefined;
    expect(Array.isArray(item)).toBe(true);
    const spans = item as unknown as Array<unknown>;
    expect(spans[0]).toEqual({ text: 'Africa Focus Group convenes in Niamey', url: 'https://news.example.org/2023/03/afg-niamey' });
    expect(spans).toContainEqual({ text: 'action', bold: true });
    expect(spans).toContainEqual({ text: 'plan', bold: true });
  });

  it('applies filters and pages', async () => {
    const all = await ask(bed, 'search counter-messaging');
    expect(all.reply.paging?.pages).toBe(3);
    const page2 = await ask(bed, 'search counter-messaging page:2');
    const items = (r: typeof page2.reply) => (r.blocks[0]?.type === 'list' ? r.blocks[0].items.map((i) => JSON.stringify(i)) : []);
    expect(items(page2.reply)).toHaveLength(10);
    expect(items(page2.reply).filter((i) => items(all.reply).includes(i))).toEqual([]);
    expect(page2.reply.paging).toEqual({ page: 2, pages: 3, next: 'search counter-messaging page:3', prev: 'search counter-messaging' });
    const inRome = await ask(bed, 'search counter-messaging place:Rome since:2023-01-01');
    expect(inRome.text).toContain('3 documents match');
    const sahel = await ask(bed, 'search Niamey topic:sahel');
    expect(sahel.text).toContain('2 documents match');
  });

  it('treats operators and quotes as plain words', async () => {
    for (const line of ['search NEAR( OR OR', 'search "*" action', 'search plan* -', 'search Niamey AND']) {
      const { reply } = await ask(bed, line);
      expect(reply.error?.code).not.toBe('internal');
    }
    expect((await ask(bed, 'search zzzqqq')).text).toContain('Nothing matches `zzzqqq`');
    // A quoted phrase must appear as such: both words occur in the Niamey report, but not side by side.
    expect((await ask(bed, 'search "plan participants"')).text).toContain('Nothing matches `"plan participants"`');
    expect((await ask(bed, 'search plan participants')).text).toContain('1 document matches');
    expect((await ask(bed, 'search "action plan"')).text).toContain('1 document matches');
    expect((await ask(bed, 'search')).reply.error?.code).toBe('missing-argument');
    expect((await ask(bed, 'search plan since:2023-13-01')).reply.error?.code).toBe('bad-date');
  });
});

describe('timeline', () => {
  it("lists a body's meetings oldest first with place and outcome, flagging the announced one", async () => {
    const { reply, text } = await ask(bed, 'timeline africa focus group');
    expect(reply.ephemeral).toBe(false);
    expect(text).toContain(`• 1–2 Mar 2023 #${bed.seeded.niamey} · Niamey, Niger · adopted an action plan for stabilization support`);
    expect(text).toContain(`• Upcoming: 14 Sep 2023 #${bed.seeded.rabatAnnounced} · Rabat, Morocco`);
    expect(text.indexOf('Mar 2023')).toBeLessThan(text.indexOf('Sep 2023'));
  });

  it('pages a long timeline from the first meeting', async () => {
    const { reply, text } = await ask(bed, 'timeline Communications Working Group');
    expect(text.split('\n')[2]).toContain('15 Jul 2021');
    expect(reply.paging).toEqual({ page: 1, pages: 3, next: 'timeline Communications Working Group page:2', prev: null });
  });

  it('an unknown body suggests the closest', async () => {
    const { reply, text } = await ask(bed, 'timeline Africa Focus Grop');
    expect(reply.error?.code).toBe('not-found');
    expect(text).toContain('Did you mean `Africa Focus Group`');
    expect((await ask(bed, 'timeline')).reply.error?.code).toBe('missing-argument');
    expect((await ask(bed, 'timeline group')).reply.error?.code).toBe('ambiguous');
  });
});

describe('topics', () => {
  it('lists the taxonomy with meetings in the last 30 days', async () => {
    const { reply, text } = await ask(bed, 'topics');
    expect(reply.ephemeral).toBe(true);
    expect(text).toContain('• financing Financing: 1 meeting');
    expect(text).toContain('• counter-messaging Counter-messaging: 1 meeting');
    expect(text).toContain('• detention Detention and camps: 0 meetings');
    expect(text).toContain('since 2023-05-30');
    expect((await ask(bed, 'topics page:2')).reply.error?.code).toBe('bad-option');
  });
});
