import { describe, expect, it } from 'vitest';
import { renderPlainText, spansOf, type Block, type DigestInput, type Meeting, type Reply, type Span, type StoredDocument } from '../../src/core/index.js';
import { digests } from '../../digests/index.js';
import { renderParts as slackParts } from '../../src/platforms/slack/render.js';
import { LIMITS as SLACK } from '../../src/platforms/slack/blocks.js';
import { renderParts as discordParts, LIMITS as DISCORD } from '../../src/platforms/discord/render.js';

const kind = (id: string) => digests.find((d) => d.id === id)!;

let nextId = 1;
function meeting(over: Partial<Meeting> & Pick<Meeting, 'body' | 'start'>): Meeting {
  const id = nextId++;
  const docA = id * 10;
  const docB = id * 10 + 1;
  return {
    id,
    parent: null,
    kind: 'focus-group',
    city: 'Niamey',
    country: 'Niger',
    end: null,
    status: 'held',
    chairs: ['Italy'],
    outcomes: [],
    people: [],
    topics: ['sahel'],
    summary: [
      { text: `Meeting ${id} compared notes on cross-border financing.`, documentId: docA, url: `https://a.example/${docA}` },
      { text: `A later report on meeting ${id} said a plan was adopted.`, documentId: docB, url: `https://b.example/${docB}` },
    ],
    variants: [],
    primary: true,
    sources: [
      { documentId: docA, url: `https://a.example/${docA}`, title: `Report A on ${id}`, outlet: 'Wire A', published: '2026-02-26' },
      { documentId: docB, url: `https://b.example/${docB}`, title: `Report B on ${id}`, outlet: 'Wire B', published: '2026-02-27' },
    ],
    firstSeq: docA,
    lastSeq: docB,
    ...over,
  };
}

function statement(id: number, development: StoredDocument['extraction']['development'] = 'statement'): StoredDocument {
  return {
    id,
    url: `https://c.example/${id}`,
    urls: [],
    title: `Statement ${id} on returnees`,
    outlet: 'Wire C',
    published: '2026-02-28',
    ingestedAt: '2026-02-28T10:00:00Z',
    text: 'The ministry issued a statement on returnees. It welcomed repatriations.',
    contentHash: `h${id}`,
    simhash: null,
    sourceId: null,
    extraction: { published: '2026-02-28', is_meeting_report: false, meetings: [], topics: ['foreign-fighters'], people: [], development, summary: [{ text: 'The ministry issued a statement on returnees.', start: 0, end: 45 }] },
  };
}

function input(over: Partial<DigestInput> = {}): DigestInput {
  return {
    subscriber: { kind: 'channel', ref: 'shell:desk' },
    meetings: [],
    documents: [],
    upcoming: [],
    window: { from: new Date('2026-03-01T08:00:00Z'), to: new Date('2026-03-02T08:00:00Z') },
    timezone: 'America/New_York',
    announceEmpty: false,
    ...over,
  };
}

const spansOfBlock = (b: Block): readonly Span[] => (b.type === 'text' || b.type === 'context' ? spansOf(b.text) : b.type === 'list' ? b.items.flatMap((i) => spansOf(i)) : []);

describe('daily brief', () => {
  it('groups meetings by body with date, place, chairs, a cited two-sentence summary and sources', () => {
    const a = meeting({ body: 'Africa Focus Group', start: '2026-02-26', end: '2026-02-27' });
    const b = meeting({ body: 'Communications Working Group', start: '2026-02-25', city: 'Rome', country: 'Italy', chairs: ['UK', 'UAE'] });
    const reply = kind('daily-brief').compose(input({ meetings: [b, a] }))!;
    const headings = reply.blocks.filter((x) => x.type === 'heading').map((x) => (x as { text: string }).text);
    expect(headings).toEqual(['Africa Focus Group', 'Communications Working Group']);
    const text = renderPlainText(reply);
    expect(text).toContain('Daily brief, Monday, 2 March 2026'); // 08:00Z is 03:00 in New York
    expect(text).toContain('26–27 Feb 2026, Niamey, Niger');
    expect(text).toContain('Chaired by UK, UAE');
    // Each summary sentence cites its own source document.
    for (const m of [a, b]) {
      for (const sentence of m.summary) {
        const block = reply.blocks.find((x) => spansOfBlock(x).includes(sentence.text))!;
        const spans = spansOfBlock(block);
        const cite = spans[spans.indexOf(sentence.text) + 1] as { cite: number };
        expect(reply.citations!.find((c) => c.n === cite.cite)?.url).toBe(sentence.url);
      }
    }
    expect(text).toContain(`Sources: Report A on ${a.id} (https://a.example/${a.id * 10})`);
  });

  it('says when a meeting was put off, called off or is under way, and nothing for one held', () => {
    const held = meeting({ body: 'Africa Focus Group', start: '2026-02-26' });
    const postponed = meeting({ body: 'Small Group', start: '2026-04-02', city: 'Rome', country: 'Italy', status: 'postponed' });
    const cancelled = meeting({ body: 'Sahel Ministerial', start: '2026-03-05', city: 'Bamako', country: 'Mali', status: 'cancelled' });
    const ongoing = meeting({ body: 'Counter ISIS Finance Group', start: '2026-03-01', city: 'Doha', country: 'Qatar', status: 'ongoing' });
    const text = renderPlainText(kind('daily-brief').compose(input({ meetings: [held, postponed, cancelled, ongoing] }))!);
    expect(text).toContain('2 Apr 2026, Rome, Italy (postponed)');
    expect(text).toContain('5 Mar 2026, Bamako, Mali (cancelled)');
    expect(text).toContain('1 Mar 2026, Doha, Qatar (under way)');
    expect(text).toMatch(/26 Feb 2026, Niamey, Niger\n/);
    const alert = renderPlainText(kind('alert').compose(input({ meetings: [cancelled] }))!);
    expect(alert).toContain('Sahel Ministerial: 5 Mar 2026, Bamako, Mali (cancelled).');
  });

  it('lists non-meeting developments under their own heading, with summary and source', () => {
    const reply = kind('daily-brief').compose(input({ documents: [statement(501), statement(502, 'designation'), statement(503, 'other')] }))!;
    const text = renderPlainText(reply);
    expect(text).toContain('Other developments');
    expect(text).toContain('Statement: Statement 501 on returnees The ministry issued a statement on returnees.[1]');
    expect(text).toContain('Designation: Statement 502');
    expect(text).not.toContain('Statement 503'); // "other" is not a development kind
    expect(reply.citations?.map((c) => c.url)).toEqual(['https://c.example/501', 'https://c.example/502']);
  });

  it('is silent when empty, or says since when, in the subscriber timezone', () => {
    expect(kind('daily-brief').compose(input())).toBeNull();
    expect(kind('daily-brief').compose(input({ documents: [statement(9, 'other')] }))).toBeNull();
    const announced = kind('daily-brief').compose(input({ announceEmpty: true, window: { from: new Date('2026-03-01T02:00:00Z'), to: new Date('2026-03-02T08:00:00Z') } }))!;
    expect(renderPlainText(announced)).toContain('Nothing new since Saturday, 28 February 2026.'); // 21:00 in New York
    expect(renderPlainText(kind('alert').compose(input({ announceEmpty: true, window: { from: null, to: new Date() } }))!)).toContain('Nothing new yet.');
  });
});

describe('weekly roundup', () => {
  it('shows a dated timeline, counts per topic and what is coming up', () => {
    const late = meeting({ body: 'Africa Focus Group', start: '2026-02-27', topics: ['sahel', 'financing'] });
    const early = meeting({ body: 'Global Coalition to Defeat ISIS', start: '2026-02-23', topics: ['sahel'] });
    const ahead = meeting({ body: 'Sahel Ministerial', start: '2026-03-20', status: 'announced' });
    const reply = kind('weekly-roundup').compose(input({ meetings: [late, early], upcoming: [ahead, late] }))!;
    const text = renderPlainText(reply);
    expect(text.indexOf('23 Feb 2026: Global Coalition')).toBeLessThan(text.indexOf('27 Feb 2026: Africa Focus Group'));
    expect(text).toContain('Meetings per topic: sahel: 2, financing: 1');
    expect(text).toContain('Coming up');
    expect(text).toContain('20 Mar 2026: Sahel Ministerial, Niamey, Niger (announced)');
    // A meeting already in this week's timeline is not repeated under "Coming up".
    expect(text.split('27 Feb 2026: Africa Focus Group')).toHaveLength(2);
  });
});

describe('alert', () => {
  it('batches everything that arrived into one short message', () => {
    const ms = Array.from({ length: 10 }, (_, i) => meeting({ body: `Body ${i}`, start: '2026-03-01' }));
    const reply = kind('alert').compose(input({ meetings: ms, documents: [statement(700)] }))!;
    expect(reply.title).toBe('Alert: 11 new developments');
    expect(reply.blocks[0]).toMatchObject({ type: 'list' });
    expect((reply.blocks[0] as { items: unknown[] }).items).toHaveLength(10);
    expect(kind('alert').compose(input())).toBeNull();
    expect(kind('alert').defaultCron).toBe('*/5 * * * *');
  });
});

describe('rendering digests on every platform within budget', () => {
  const big = (): Reply => {
    const ms = Array.from({ length: 60 }, (_, i) =>
      meeting({ body: `Working Group ${i % 7}`, start: `2026-02-${String((i % 27) + 1).padStart(2, '0')}`, chairs: ['Country A', 'Country B', 'Country C'] }),
    );
    return kind('daily-brief').compose(input({ meetings: ms, documents: Array.from({ length: 30 }, (_, i) => statement(1000 + i)) }))!;
  };

  it('shell: plain text, every meeting capped and pointed to', () => {
    const text = renderPlainText(big());
    expect(text).toContain('And 20 more meetings; list them with /brief meetings.');
    expect(text).toContain('And 5 more; search them with /brief search.');
    expect(text).not.toContain('[object Object]');
  });

  it('Slack: several messages, each within Block Kit limits', () => {
    const parts = slackParts(big());
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.blocks.length).toBeLessThanOrEqual(SLACK.blocksPerMessage);
      for (const block of part.blocks) if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK.sectionText);
    }
    expect(JSON.stringify(parts)).toContain('Working Group 6');
  });

  it('Discord: several messages, each within embed limits', () => {
    const parts = discordParts(big());
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.embeds.length).toBeLessThanOrEqual(DISCORD.embedsPerMessage);
      let total = 0;
      for (const embed of part.embeds) {
        expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD.description);
        total += (embed.description ?? '').length + (embed.title ?? '').length + (embed.footer?.text ?? '').length;
      }
      expect(total).toBeLessThanOrEqual(DISCORD.embedTotal);
    }
  });
});
