import type { Source, SourceHealth, Store } from '../../core/index.js';
import { fetchUrl, nextPollDelay, shouldDisable, DISABLE_AFTER_FAILURES } from '../fetch/index.js';
import { extractArticle, parseFeed } from '../parse/index.js';
import { Batch } from './batch.js';
import type { PipelineFetchOptions } from './fetch-options.js';
import { ingestFeedItems } from './ingest-urls.js';
import { describeFailure } from './summary.js';
import type { IngestOptions, IngestSummary } from './types.js';

export interface PollSourceOptions {
  fetch: PipelineFetchOptions;
  ingest?: IngestOptions;
  /** Failures in a row before the source is disabled. Default DISABLE_AFTER_FAILURES. */
  disableAfter?: number;
  /** Spread of retry delays (0–1), so failing sources do not retry in step. Default 0.1. */
  jitter?: number;
}

export type PollOutcome =
  | { status: 'not-modified' }
  | { status: 'ok'; summary: IngestSummary }
  | { status: 'failed'; error: string; disabled: boolean };

function later(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString();
}

/**
 * Polls one source with a conditional GET, ingests what is new, and records its
 * health: a success resets the failure count; each failure doubles the delay until
 * the source is disabled with the reason stored.
 */
export async function pollSource(store: Store, source: Source, now: Date, opts: PollSourceOptions): Promise<PollOutcome> {
  const backoff = { jitter: opts.jitter ?? 0.1 };
  try {
    const result = await fetchUrl(source.url, { ...opts.fetch, etag: source.etag, lastModified: source.lastModified });
    const health: SourceHealth = {
      lastFetchedAt: now.toISOString(),
      consecutiveFailures: 0,
      lastError: null,
      nextPollAt: later(now, nextPollDelay(0, source.pollIntervalSec, backoff)),
      etag: result.etag,
      lastModified: result.lastModified,
    };
    if (result.status === 'not-modified') {
      await store.sources.updateHealth(source.id, health);
      return { status: 'not-modified' };
    }
    const batch = new Batch(store, opts.ingest ?? {});
    let fresh: number;
    if (source.kind === 'feed') {
      const feed = parseFeed(result.text, result.finalUrl);
      if (!source.title && feed.title) health.title = feed.title;
      fresh = await ingestFeedItems(store, batch, feed, { url: source.url, sourceId: source.id }, opts.fetch);
    } else {
      const article = extractArticle(result.text, result.finalUrl);
      batch.expect(1);
      const r = await batch.ingest(source.url, async () => ({
        text: article.text,
        title: article.title || null,
        outlet: article.siteName,
        published: article.published,
        url: source.url,
        urls: [result.finalUrl, article.canonicalUrl],
        sourceId: source.id,
      }));
      fresh = r?.outcome === 'new' ? 1 : 0;
    }
    if (fresh > 0) health.lastNewItemAt = now.toISOString();
    await store.sources.updateHealth(source.id, health);
    return { status: 'ok', summary: batch.summary };
  } catch (error) {
    const failures = source.consecutiveFailures + 1;
    const message = describeFailure(source.url, error);
    const disable = shouldDisable(failures, opts.disableAfter ?? DISABLE_AFTER_FAILURES);
    await store.sources.updateHealth(source.id, {
      lastFetchedAt: now.toISOString(),
      consecutiveFailures: failures,
      lastError: message,
      nextPollAt: later(now, nextPollDelay(failures, source.pollIntervalSec, backoff)),
      ...(disable ? { disabledAt: now.toISOString(), disabledReason: `Stopped polling after ${failures} failures in a row; last error: ${message}` } : {}),
    });
    return { status: 'failed', error: message, disabled: disable };
  }
}
