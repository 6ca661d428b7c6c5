import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/parse/index.js';
import { expectParseError } from './expect-parse-error.js';
import { fixture } from './fixtures.js';

const BASE = 'https://news.example.org/feed.xml';

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(fixture('rss2.xml'), BASE);

  it('reads the channel title with entities decoded', () => {
    expect(feed.title).toBe('Sahel Desk & Partners');
    expect(feed.items).toHaveLength(3);
  });

  it('turns CDATA HTML into plain text paragraphs and drops scripts', () => {
    const [first] = feed.items;
    expect(first).toEqual({
      title: 'Focus group convenes in Accra to review stabilisation funding',
      url: 'https://news.example.org/2025/06/accra-focus-group?utm_source=rss',
      published: '2025-06-10T14:30:00.000Z',
      summary: 'Delegates from twenty-two partner states met on Tuesday.\n\nThey reviewed pledges & projects.',
      content: 'Delegates from twenty-two partner states met on Tuesday in Accra.\n\nThe session was co-chaired by the host and by the Italian envoy.',
      guid: 'sahel-desk-0412',
    });
  });

  it('decodes entity-escaped HTML and uses a permalink guid as the URL', () => {
    const second = feed.items[1]!;
    expect(second.title).toBe('Ministers agree on a joint statement');
    expect(second.summary).toBe('A short statement followed the ministerial session in Rabat.');
    expect(second.url).toBe('https://news.example.org/2025/05/joint-statement');
    expect(second.content).toBeNull();
  });

  it('gives null for an unreadable date and falls back to the URL as guid', () => {
    const third = feed.items[2]!;
    expect(third.published).toBeNull();
    expect(third.guid).toBe('https://news.example.org/notes/1');
    expect(third.summary).toBe('Plain text with an ampersand & no markup.');
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFeed(fixture('atom.xml'), BASE);

  it('picks the alternate link, resolved against xml:base', () => {
    expect(feed.title).toBe('Coalition Newsroom');
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://coalition.example.net/news/political-directors-brussels',
      'https://coalition.example.net/news/financing-wrap',
    ]);
  });

  it('strips HTML titles, reads inline XHTML content and converts offsets to UTC', () => {
    const e = feed.items[0]!;
    expect(e.title).toBe('Political directors meet in Brussels');
    expect(e.content).toBe('Senior officials from the member states gathered on Wednesday.\n\nThey reviewed the campaign plan & the detainee file.');
    expect(e.summary).toBe('Senior officials reviewed the campaign plan.');
    expect(e.published).toBe('2025-06-11T14:00:00.000Z');
    expect(e.guid).toBe('tag:coalition.example.net,2025:77');
  });

  it('falls back to <updated> when <published> is missing', () => {
    expect(feed.items[1]!.published).toBe('2025-06-09T10:15:00.000Z');
  });
});

describe('parseFeed: RDF (RSS 1.0)', () => {
  const feed = parseFeed(fixture('rdf.xml'), BASE);

  it('reads items beside the channel with dc:date and rdf:about', () => {
    expect(feed.title).toBe('West Africa Archive');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      title: 'Envoys from the coastal states meet in Lomé',
      url: 'https://archive.example.com/item/9',
      published: '2024-11-20T12:00:00.000Z',
      summary: 'The meeting focused on border cooperation.',
      guid: 'https://archive.example.com/item/9',
    });
    expect(feed.items[1]!.url).toBe('https://archive.example.com/item/10');
    expect(feed.items[1]!.published).toBe('2024-11-21T00:00:00.000Z');
  });
});

describe('parseFeed: refusals', () => {
  it('reports malformed XML with the line, naming the source', async () => {
    const err = await expectParseError(() => parseFeed(fixture('malformed.xml'), BASE), 'malformed-xml', BASE);
    expect(err.message).toMatch(/line \d+/);
  });

  it('refuses an HTML page passed as a feed', async () => {
    const err = await expectParseError(() => parseFeed(fixture('page-not-feed.html'), BASE), 'not-a-feed', BASE);
    expect(err.message).toMatch(/HTML page/);
  });

  it('refuses well-formed XML that is not a feed, naming its root', async () => {
    const err = await expectParseError(() => parseFeed('<?xml version="1.0"?><sitemap><url/></sitemap>', BASE), 'not-a-feed', BASE);
    expect(err.message).toContain('<sitemap>');
  });

  it('refuses an empty body', async () => {
    await expectParseError(() => parseFeed('  \n', BASE), 'not-a-feed', BASE);
  });

  it('does not expand DOCTYPE entities (no entity bomb)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>&c;</title></channel></rss>`;
    const feed = parseFeed(bomb, BASE);
    expect(feed.title.length).toBeLessThan(20);
  });

  it('gives a stable hash guid to an item with neither guid nor link', () => {
    const xml = '<rss><channel><title>x</title><item><title>Bare</title><description>Only words.</description></item></channel></rss>';
    const a = parseFeed(xml, BASE).items[0]!;
    const b = parseFeed(xml, BASE).items[0]!;
    expect(a.url).toBeNull();
    expect(a.guid).toMatch(/^urn:sha256:[0-9a-f]{32}$/);
    expect(a.guid).toBe(b.guid);
  });
});
