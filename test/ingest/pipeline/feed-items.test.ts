// A teaser feed item whose article is fetched: which title and date the stored document gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src/ingest/parse/index.js';
import { feedItemInput } from '../../../src/ingest/pipeline/feed-items.js';
import { send, serve, type TestServer } from './http-server.js';

const STORY = `<p>Senior officials of the partner group met in Aarhus on Thursday under Danish chairmanship and spent most of the day on the detention camps in the north-east, where thousands are still held.</p>
<p>Several delegations said they had taken their own nationals back in the past year and urged the others to do the same, while two said their courts were slowing the returns.</p>
<p>The group meets two or three times a year; its next session is to take place in the spring, officials said.</p>`;

function articleHtml(opts: { headline: string; head?: string; byline?: string }): string {
  return `<!doctype html><html><head><title>${opts.headline} | The Harbour Gazette</title>${opts.head ?? ''}</head><body>
<div class="masthead"><a href="/">The Harbour Gazette</a></div>
<main><article><h1>${opts.headline}</h1>${opts.byline ?? ''}<div class="body">${STORY}</div></article></main></body></html>`;
}

const HEADLINE = 'Partner group meets in Aarhus as worries over the camps mount';
let server: TestServer;
beforeAll(async () => {
  server = await serve({
    '/with-meta': send('text/html', articleHtml({ headline: HEADLINE, head: `<meta property="og:title" content="${HEADLINE}"><meta property="article:published_time" content="2025-06-13T09:00:00Z">` })),
    '/time-only': send('text/html', articleHtml({ headline: HEADLINE, byline: '<p>By Ole Lund · <time datetime="2025-06-14T10:00:00Z">14 June 2025</time></p>' })),
    '/no-date': send('text/html', articleHtml({ headline: HEADLINE })),
  });
});
afterAll(() => server.close());

const feed = { title: 'The Harbour Gazette — World', url: 'http://feeds.example.invalid/world.xml', sourceId: null };
const opts = { allowPrivate: true };
function teaser(path: string, published: string | null, title = "Inner circle turns to the camps"): FeedItem {
  return { title, url: `${server.origin}${path}`, published, summary: 'Concern over the detention sites dominated the talks.', content: null, guid: path };
}

describe('feedItemInput for a teaser whose article is fetched', () => {
  it("titles the document with the page's headline, not the feed's rewrite", async () => {
    for (const path of ['/with-meta', '/time-only', '/no-date']) {
      expect((await feedItemInput(teaser(path, null), feed, opts)).title).toBe(HEADLINE);
    }
  });

  it("keeps the feed item's title when the page gives none", async () => {
    const bare = `<html><body><main><article><div class="body">${STORY}</div></article></main></body></html>`;
    const s = await serve({ '/bare': send('text/html', bare) });
    try {
      const input = await feedItemInput({ ...teaser('/bare', null), url: `${s.origin}/bare` }, feed, opts);
      expect(input.title).toBe('Inner circle turns to the camps');
      expect(input.text).toContain('Senior officials of the partner group met in Aarhus');
    } finally {
      await s.close();
    }
  });

  it("dates it by the page's metadata, else the feed item's date, else a <time> in the page", async () => {
    const feedDate = '2025-06-15T07:00:00.000Z';
    expect((await feedItemInput(teaser('/with-meta', feedDate), feed, opts)).published).toBe('2025-06-13T09:00:00.000Z');
    expect((await feedItemInput(teaser('/time-only', feedDate), feed, opts)).published).toBe(feedDate);
    expect((await feedItemInput(teaser('/no-date', feedDate), feed, opts)).published).toBe(feedDate);
    expect((await feedItemInput(teaser('/time-only', null), feed, opts)).published).toBe('2025-06-14T10:00:00.000Z');
    expect((await feedItemInput(teaser('/no-date', null), feed, opts)).published).toBeNull();
  });
});
