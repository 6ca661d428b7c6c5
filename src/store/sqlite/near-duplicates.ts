/**
 * Near-duplicate candidates at a cost that does not grow with the corpus, for both stores.
 *
 * 1. Every fingerprint in a window of the most recent documents is compared in memory
 *    (RecentFingerprints): syndicated copies arrive close together, and there any two within
 *    CANDIDATE_BITS are found, however the differing bits fall.
 * 2. Older documents are looked up in the four 16-bit band indexes, probing each band within
 *    HISTORY_RADIUS bits: 4 x 17 exact lookups, each matching about corpus / 65 536 rows. Two
 *    fingerprints at most 7 bits apart always share a band within 1 bit (pigeonhole), so those
 *    are always found; farther ones (up to CANDIDATE_BITS) often are. Probing within 3 bits, as
 *    before, guaranteed 15 but matched 4 % of the whole corpus on every lookup.
 */
import { fingerprintDistance } from '../../core/index.js';
import { RecentFingerprints, type Candidate, type FingerprintRow } from './recent-fingerprints.js';
import { isFingerprint, simhashBands } from './simhash-bands.js';

/** Documents held in the in-memory window (16 bytes each). */
export const RECENT_WINDOW = 8192;
/** Fingerprints farther apart than this are not offered as candidates (the pipeline's near-duplicate bound). */
export const CANDIDATE_BITS = 15;
const HISTORY_RADIUS = 1;
const BAND_BITS = 16;

const HISTORY_MASKS: number[] = [0];
for (let bit = 0; bit < BAND_BITS && HISTORY_RADIUS >= 1; bit++) HISTORY_MASKS.push(1 << bit);

/** For each of the four bands, its value and every value within HISTORY_RADIUS bits of it. */
export function historyProbes(simhash: string): string[][] {
  return simhashBands(simhash).map((band) => {
    const value = Number.parseInt(band!, 16);
    return HISTORY_MASKS.map((mask) => (value ^ mask).toString(16).padStart(4, '0'));
  });
}

export interface NearDuplicateSource {
  /** Fingerprinted documents with id > afterId, newest first, at most `limit`. */
  newest(afterId: number, limit: number): Promise<FingerprintRow[]> | FingerprintRow[];
  /** Documents with id < beforeId whose band `i` is one of `probes[i]`, for any i. */
  byBands(probes: string[][], beforeId: number): Promise<FingerprintRow[]> | FingerprintRow[];
  /**
   * Optional: a value that stays the same only while every document added or removed went
   * through this finder's `added` (SQLite inside a batch, which holds the write lock); null
   * when other writers may interleave. While it holds, the window is kept without a query.
   */
  writeEpoch?(): number | null;
}

export class NearDuplicateFinder {
  private readonly window: RecentFingerprints;
  /** The write epoch the window was last brought up to date in (null: none). */
  private syncedIn: number | null = null;
  /** Documents added since then, taken into the window at the next lookup if the epoch still holds. */
  private pending: FingerprintRow[] = [];
  /** Noted adds taken into the window since the last query (a rollback may have undone them), and where that query left off. */
  private unconfirmed = 0;
  private queriedUpTo = 0;

  constructor(
    private readonly source: NearDuplicateSource,
    capacity: number = RECENT_WINDOW,
  ) {
    this.window = new RecentFingerprints(capacity);
  }

  /** Notes a document just added; a rollback before the next lookup changes the epoch and drops it. */
  added(row: FingerprintRow): void {
    if (this.syncedIn !== null && this.syncedIn === this.source.writeEpoch?.()) this.pending.push(row);
  }

  private async bringUpToDate(): Promise<void> {
    const epoch = this.source.writeEpoch?.() ?? null;
    // The query reads the newest wide document row, cold after a document's other work: skipped
    // when the only changes since the last lookup are the adds noted here.
    if (epoch !== null && epoch === this.syncedIn) {
      for (const row of this.pending) if (this.window.push(row)) this.unconfirmed++;
    } else {
      if (this.unconfirmed > 0) this.window.rewind(this.unconfirmed, this.queriedUpTo);
      await this.window.refresh((afterId, max) => this.source.newest(afterId, max));
      this.unconfirmed = 0;
      this.queriedUpTo = this.window.seenUpTo;
    }
    this.pending = [];
    this.syncedIn = epoch;
  }

  /**
   * Up to `limit` candidates: those within CANDIDATE_BITS closest first (newest first among
   * equals), then the most recent fingerprints to fill the list.
   */
  async candidates(simhash: string, limit: number): Promise<FingerprintRow[]> {
    if (limit <= 0) return [];
    await this.bringUpToDate();
    const found = new Map<number, Candidate>();
    if (isFingerprint(simhash)) {
      const target = simhash.toLowerCase();
      for (const c of this.window.within(target, CANDIDATE_BITS)) found.set(c.id, c);
      if (!this.window.complete) {
        for (const row of await this.source.byBands(historyProbes(target), this.window.oldestId)) {
          const distance = fingerprintDistance(target, row.simhash);
          if (distance <= CANDIDATE_BITS && !found.has(row.id)) found.set(row.id, { ...row, distance });
        }
      }
    }
    const out: FingerprintRow[] = [...found.values()]
      .sort((a, b) => a.distance - b.distance || b.id - a.id)
      .slice(0, limit)
      .map(({ id, simhash: hash }) => ({ id, simhash: hash }));
    for (const row of this.window.newest(limit)) {
      if (out.length >= limit) break;
      if (!found.has(row.id)) out.push(row);
    }
    return out;
  }
}
