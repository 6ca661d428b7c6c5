import { fingerprintHalves, halvesDistance, type FingerprintHalves } from '../../core/index.js';
import { NEAR_DUPLICATE_BITS, sameStory, type TextKeys } from './simhash.js';

/** Documents held: syndicated copies mostly sit next to their original in a folder or feed. */
export const RECENT_TEXTS = 32;

interface Seen {
  urls: readonly string[];
  contentHash: string;
  simhash: FingerprintHalves | null;
  packed: Float64Array;
}

/**
 * The documents read last, to spot a copy among those read ahead before its turn comes. The tests
 * are the ones ingestion decides with (a shared URL, the same text, or a SimHash neighbour whose
 * shingles confirm it), so a document found here is, at its turn, all but certain to be called a
 * copy of one stored, and extracting it ahead would be work thrown away.
 */
export class RecentTexts {
  private readonly seen: Seen[] = [];

  constructor(private readonly size: number) {}

  /** True if the document repeats one of those read last. */
  repeats(urls: readonly string[], keys: TextKeys): boolean {
    // Checked against every document held: the fingerprint is parsed once, not once per pair.
    const simhash = fingerprintHalves(keys.simhash());
    for (const s of this.seen) {
      if (s.contentHash === keys.contentHash || (urls.length > 0 && urls.some((u) => s.urls.includes(u)))) return true;
      if (simhash && s.simhash && halvesDistance(simhash, s.simhash) <= NEAR_DUPLICATE_BITS && sameStory(s.packed, keys.packed())) return true;
    }
    return false;
  }

  add(urls: readonly string[], keys: TextKeys): void {
    if (this.seen.length >= this.size) this.seen.shift();
    this.seen.push({ urls, contentHash: keys.contentHash, simhash: fingerprintHalves(keys.simhash()), packed: keys.packed() });
  }
}
