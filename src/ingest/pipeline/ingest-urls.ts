import type { Store } from '../../core/index.js';
import { parseBriefingText } from '../extract/briefing-format.js';
import { extractArticle, parseFeed, type Feed } from '../parse/index.js';
import { Batch } from './batch.js';
import { storedAt, feedItemInput, fetchText, itemSource } from './feed-items.js';
import type { PipelineFetchOptions } from './fetch-options.js';
import type { BatchOptions, IngestInput, IngestSummary } from './types.js';

export interface UrlBatchOptions extends BatchOptions {
  fetch?: PipelineFetchOptions;
  /** Fetch from loopback and private addresses (FETCH_ALLOW_PRIVATE). */
  allowPrivate?: boolean;
}

/** A URL to ingest; `feed` insists on a feed (an HTML page there is an error), `auto` judges by the body. */
export type UrlTarget = string | { url: string; kind: 'feed' | 'page' | 'auto' };

const XML_TYPE = /\b(?:rss|atom|xml)\b/i;
const XML_START = /^\s*(?:<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])/;

export function looksLikeFeed(contentType: string | null, body: string): boolean {
  return XML_START.test(body) || (contentType !== null && XML_TYPE.test(contentType) && !/html/i.test(contentType));
}

/** Ingests a parsed feed's items into the batch; returns how many were new documents. */
export async function ingestFeedItems(
  store: Store,
  batch: Batch,
  feed: Feed,
  meta: { url: string; sourceId: number | null },
  fetchOpts: PipelineFetchOptions,
): Promise<number> {
  batch.expect(feed.items.length);
  let fresh = 0;
  for (const item of feed.items) {
    const source = itemSource(meta.url, item);
    const known = await storedAt(store, item);
    if (known !== null) {
      batch.record(source, { outcome: 'duplicate', documentId: known, meetingsCreated: 0, meetingsMerged: 0 });
      continue;
    }
    const result = await batch.ingest(source, () => feedItemInput(item, { title: feed.title, url: meta.url, sourceId: meta.sourceId }, fetchOpts));
    if (result?.outcome === 'new') fresh++;
  }
  return fresh;
}

function pageInput(url: string, finalUrl: string, body: string, contentType: string | null): IngestInput {
  if (contentType && /text\/plain/i.test(contentType)) {
    const b = parseBriefingText(body);
    return { text: b.body, title: b.title, outlet: b.source, published: b.published, url, urls: [finalUrl] };
  }
  const a = extractArticle(body, finalUrl);
  return { text: a.text, title: a.title || null, outlet: a.siteName, published: a.published, url, urls: [finalUrl, a.canonicalUrl] };
}

/** Ingests feed and page URLs: a feed gives its items (teasers fetched in full), a page gives one document. */
export async function ingestUrls(store: Store, targets: readonly UrlTarget[], opts: UrlBatchOptions = {}): Promise<IngestSummary> {
  const batch = new Batch(store, opts);
  const fetchOpts: PipelineFetchOptions = { ...opts.fetch, allowPrivate: opts.allowPrivate ?? opts.fetch?.allowPrivate ?? false };
  for (const target of targets) {
    const { url, kind } = typeof target === 'string' ? { url: target, kind: 'auto' as const } : target;
    batch.expect(1);
    let page: Awaited<ReturnType<typeof fetchText>>;
    try {
      page = await fetchText(url, fetchOpts);
    } catch (error) {
      batch.fail(url, error);
      continue;
    }
    const asFeed = kind === 'feed' || (kind === 'auto' && looksLikeFeed(page.contentType, page.text));
    if (!asFeed) {
      await batch.ingest(url, async () => pageInput(url, page.finalUrl, page.text, page.contentType));
      continue;
    }
    let feed: Feed;
    try {
      feed = parseFeed(page.text, page.finalUrl);
    } catch (error) {
      batch.fail(url, error);
      continue;
    }
    // The feed itself was an expected item; its entries now take its place.
    batch.expect(-1);
    await ingestFeedItems(store, batch, feed, { url, sourceId: null }, fetchOpts);
  }
  return batch.summary;
}
