import { isNearDuplicate, packedOverlap, type TextKeys } from '../dedupe/index.js';
import { MIN_SHINGLE_OVERLAP } from './ingest-document.js';

interface Seen {
  urls: readonly string[];
  contentHash: string;
  simhash: string;
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
    const simhash = keys.simhash();
    for (const s of this.seen) {
      if (s.contentHash === keys.contentHash || urls.some((u) => s.urls.includes(u))) return true;
      if (isNearDuplicate(simhash, s.simhash) && packedOverlap(s.packed, keys.shingles()) >= MIN_SHINGLE_OVERLAP) return true;
    }
    return false;
  }

  add(urls: readonly string[], keys: TextKeys): void {
    if (this.seen.length >= this.size) this.seen.shift();
    this.seen.push({ urls, contentHash: keys.contentHash, simhash: keys.simhash(), packed: keys.packed() });
  }
}
