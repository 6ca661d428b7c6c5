import type { Store } from '../core/index.js';

export interface FirstDigestLimits {
  /** How far back a subscriber's first digest looks (default 7 days). */
  lookbackMs?: number;
  /** At most this many of the latest documents feed a first digest (default 2,000). */
  maxItems?: number;
}

/**
 * Where a digest starts: the watermark, or for a subscriber's first digest the
 * last `lookbackMs`, and no more than the latest `maxItems` documents (a new
 * schedule should not replay all history, nor a bulk import).
 */
export async function startingPoint(store: Store, subscriber: string, digest: string, at: Date, limits: FirstDigestLimits = {}): Promise<number> {
  const watermark = await store.deliveries.getWatermark(subscriber, digest);
  if (watermark > 0) return watermark;
  const byAge = await lastSeqBefore(store, new Date(at.getTime() - (limits.lookbackMs ?? 7 * 86_400_000)));
  const byCount = (await store.documents.lastSeq()) - (limits.maxItems ?? 2_000);
  return Math.max(byAge, byCount, 0);
}

/** The last document ingested before `when`, by bisecting the ingestion sequence. */
export async function lastSeqBefore(store: Store, when: Date): Promise<number> {
  const { documents } = store;
  let lo = 0;
  let hi = await documents.lastSeq();
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const first = (await documents.since(mid - 1, hi, 1))[0];
    if (first && Date.parse(first.ingestedAt) < when.getTime()) lo = first.id;
    else hi = mid - 1;
  }
  return lo;
}
