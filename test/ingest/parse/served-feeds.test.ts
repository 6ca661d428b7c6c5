// End to end over real HTTP: fetch each feed from a local server, parse it, and for
// teaser items fetch the linked page and extract only the story.
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, type FetchOptions } from '../../../src/ingest/fetch/index.js';
import { canonicalizeUrl, extractArticle, isTeaser, parseFeed, ParseError } from '../../../src/ingest/parse/index.js';
import { startServer, type LocalServer } from '../fetch/local-server.js';
import { fixture } from './fixtures.js';

const OPTS: FetchOptions = { allowPrivate: true, connectTimeoutMs: 2000, readTimeoutMs: 2000 };
let server: LocalServer;

const CHROME = ['Accept all cookies', 'We use cookies', 'Share on Facebook', 'Related stories', 'Flooding closes roads', 'Subscribe', 'All rights reserved', 'Privacy policy', 'Politics', 'Opinion'];

beforeAll(async () => {
  const xml = (name: string, type = 'application/rss+xml') => (_req: unknown, res: ServerResponse) =>
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(fixture(name).replaceAll('{{origin}}', server.origin));
  const html = (name: string) => xml(name, 'text/html');
  server = await startServer({
    '/rss': xml('rss2.xml'),
    '/atom': xml('atom.xml', 'application/atom+xml'),
    '/rdf': xml('rdf.xml', 'application/rdf+xml'),
    '/teasers': xml('teaser-feed.xml'),
    '/broken': xml('malformed.xml', 'text/xml'),
    '/home': html('page-not-feed.html'),
    '/articles/abuja-meeting': html('article-abuja.html'),
    '/articles/plenary-note': html('article-divs.html'),
  });
});
afterAll(() => server.close());

async function getText(path: string): Promise<{ text: string; finalUrl: string }> {
  const r = await fetchUrl(`${server.origin}${path}`, OPTS);
  if (r.status !== 'ok') throw new Error('expected a body');
  return r;
}

describe('served feeds', () => {
  it.each([
    ['/rss', 'Sahel Desk & Partners', 3],
    ['/atom', 'Coalition Newsroom', 2],
    ['/rdf', 'West Africa Archive', 2],
  ])('fetches and parses %s', async (path, title, count) => {
    const r = await getText(path);
    const feed = parseFeed(r.text, r.finalUrl);
    expect(feed.title).toBe(title);
    expect(feed.items).toHaveLength(count);
  });

  it('resolves relative item links against the feed URL it was fetched from', async () => {
    const r = await getText('/rss');
    expect(parseFeed(r.text, r.finalUrl).items[0]!.url).toBe(`${server.origin}/2025/06/accra-focus-group?utm_source=rss`);
  });

  it.each([
    ['/broken', 'malformed-xml'],
    ['/home', 'not-a-feed'],
  ])('gives a typed error for %s naming the URL', async (path, code) => {
    const r = await getText(path);
    let caught: unknown;
    try {
      parseFeed(r.text, r.finalUrl);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ParseError);
    expect((caught as ParseError).code).toBe(code);
    expect((caught as ParseError).message).toContain(`${server.origin}${path}`);
  });
});

describe('teaser feed whose pages are full of site chrome', () => {
  it('flags the teaser items and extracts only the story from each linked page', async () => {
    const r = await getText('/teasers');
    const feed = parseFeed(r.text, r.finalUrl);
    expect(feed.items.map((i) => isTeaser(i))).toEqual([true, true]);

    const first = feed.items[0]!;
    const link = canonicalizeUrl(first.url!);
    expect(link).toBe(`${server.origin}/articles/abuja-meeting`);

    const page = await getText(new URL(link).pathname);
    const article = extractArticle(page.text, page.finalUrl);
    expect(article.title).toBe('Africa focus group meets in Abuja');
    expect(article.published).toBe('2025-06-04T06:45:00.000Z');
    expect(article.canonicalUrl).toBe(`${server.origin}/articles/abuja-meeting`);
    expect(article.text.split('\n\n')).toHaveLength(5);
    expect(article.text).toMatch(/^Officials from more than twenty partner countries/);
    expect(article.text).toMatch(/no host city has been announced\.$/);
    for (const bit of CHROME) expect(article.text).not.toContain(bit);

    const second = await getText('/articles/plenary-note');
    const other = extractArticle(second.text, second.finalUrl);
    expect(other.text.split('\n\n')).toHaveLength(3);
    for (const bit of ['Log in', 'small files on your device', 'Share this', 'Most read', 'Celebrity chef', 'Advertise with us']) {
      expect(other.text).not.toContain(bit);
    }
  });
});
