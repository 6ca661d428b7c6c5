import { fetchUrl, type FetchedText } from '../fetch/index.js';
import { canonicalizeUrl, extractArticle, isTeaser, type FeedItem } from '../parse/index.js';
import type { Store } from '../../core/index.js';
import type { PipelineFetchOptions } from './fetch-options.js';
import type { IngestInput } from './types.js';

/** Fetches a URL that must have a body (no conditional GET, so never 304). */
export async function fetchText(url: string, opts: PipelineFetchOptions): Promise<FetchedText> {
  const result = await fetchUrl(url, opts);
  if (result.status !== 'ok') throw new Error(`${url} answered "not modified" to a plain request`);
  return result;
}

/** How a feed item is named in failures: its link, else the feed and its id. */
export function itemSource(feedUrl: string, item: FeedItem): string {
  return item.url ?? `${feedUrl} (item "${item.title || item.guid}")`;
}

/** The stored document at the item's link, if any, so its article need not be fetched again. */
export async function storedAt(store: Store, item: FeedItem): Promise<number | null> {
  if (!item.url) return null;
  try {
    return (await store.documents.findByUrl(canonicalizeUrl(item.url)))?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * The document a feed item stands for: its own text, or the linked article's main text when it is
 * only a teaser. A fetched article is titled by the page's headline (the item's title is the
 * fallback) and dated by the page's metadata, else the item's date, else a <time> in the page.
 */
export async function feedItemInput(item: FeedItem, feed: { title: string; url: string; sourceId: number | null }, opts: PipelineFetchOptions): Promise<IngestInput> {
  const base = { title: item.title || null, outlet: feed.title || null, published: item.published, sourceId: feed.sourceId };
  if (!isTeaser(item) || !item.url) {
    const text = item.content && item.content.length >= item.summary.length ? item.content : item.summary;
    if (!text.trim()) throw new Error(`${itemSource(feed.url, item)} has no text and no link to fetch it from`);
    return { ...base, text, url: item.url };
  }
  const page = await fetchText(item.url, opts);
  const article = extractArticle(page.text, page.finalUrl);
  // The page's own headline and dated metadata name the story as published; a feed's title is
  // often a shorter rewrite. The feed's date still beats a <time> found in the page.
  return {
    ...base,
    text: article.text,
    title: article.title || base.title,
    outlet: base.outlet ?? article.siteName,
    published: (article.publishedFrom === 'metadata' ? article.published : null) ?? base.published ?? article.published,
    url: item.url,
    urls: [page.finalUrl, article.canonicalUrl],
  };
}
