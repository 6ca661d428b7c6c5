/**
 * The SimHash fingerprints of the most recent documents, held in memory (16 bytes each) and
 * brought up to date by id before each lookup, so a near-duplicate lookup scans a fixed number
 * of fingerprints whatever the size of the corpus. Syndicated copies of a story arrive close
 * together; older documents are still reached through the band index (see simhash-bands.ts).
 *
 * Ids are the ingestion sequence and commit in order (SQLite has one writer; PostgreSQL
 * inserts under an advisory lock), so "everything after the last id seen" misses nothing.
 * Shared by the SQLite and PostgreSQL stores; it holds no connection of its own.
 */
import { bits32, fingerprintHalves } from '../../core/index.js';

export interface FingerprintRow {
  id: number;
  simhash: string;
}

export interface Candidate extends FingerprintRow {
  distance: number;
}

function toHex(hi: number, lo: number): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

export class RecentFingerprints {
  private readonly ids: Float64Array;
  private readonly his: Uint32Array;
  private readonly los: Uint32Array;
  // The same fingerprints as text, as callers want them: formatting 16 per lookup was a third of its cost.
  private readonly hexes: string[];
  /** Slot the next fingerprint goes into; the ring holds the newest `size` before it. */
  private next = 0;
  private size = 0;
  /** The highest document id looked at so far (fingerprinted or not). */
  private seen = 0;
  private loaded = false;
  /** Once the ring has been full, older documents have left it (or were never read into it). */
  private overflowed = false;

  constructor(readonly capacity: number) {
    this.ids = new Float64Array(capacity);
    this.his = new Uint32Array(capacity);
    this.los = new Uint32Array(capacity);
    this.hexes = new Array<string>(capacity).fill('');
  }

  /**
   * Brings the window up to date. `newest(afterId, limit)` must return the fingerprinted
   * documents with id > afterId, newest first, at most `limit`; the first call reads the
   * newest `capacity` documents of the whole store.
   */
  async refresh(newest: (afterId: number, limit: number) => Promise<FingerprintRow[]> | FingerprintRow[]): Promise<void> {
    const rows = await newest(this.seen, this.capacity);
    if (!this.loaded && rows.length >= this.capacity) this.overflowed = true;
    this.loaded = true;
    for (let i = rows.length - 1; i >= 0; i--) this.push(rows[i]!);
  }

  /** Takes in one document newer than any seen so far; false when it was not taken (older, or no fingerprint). */
  push(row: FingerprintRow): boolean {
    if (row.id <= this.seen) return false;
    this.seen = row.id;
    const halves = fingerprintHalves(row.simhash);
    if (!halves) return false;
    this.ids[this.next] = row.id;
    this.his[this.next] = halves[0];
    this.los[this.next] = halves[1];
    this.hexes[this.next] = toHex(halves[0], halves[1]);
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
    if (this.size === this.capacity) this.overflowed = true;
    return true;
  }

  /**
   * Forgets the `count` newest fingerprints and looks again from `seen`: documents taken in
   * without a query, which a rollback may have undone (a later refresh reads back those that stayed).
   */
  rewind(count: number, seen: number): void {
    const n = Math.min(count, this.size);
    this.next = (this.next - n + this.capacity) % this.capacity;
    this.size -= n;
    this.seen = seen;
  }

  /** The highest document id looked at so far. */
  get seenUpTo(): number {
    return this.seen;
  }

  /**
   * True when the window holds every fingerprinted document there is (fewer than `capacity`
   * so far), so older ones need no index lookup.
   */
  get complete(): boolean {
    return this.loaded && !this.overflowed;
  }

  /** The oldest id in the window (0 when empty): older documents are the band index's to find. */
  get oldestId(): number {
    if (this.size === 0) return 0;
    return this.ids[(this.next - this.size + this.capacity) % this.capacity]!;
  }

  /** Fingerprints in the window within `maxBits` of `simhash`. */
  within(simhash: string, maxBits: number): Candidate[] {
    const target = fingerprintHalves(simhash);
    if (!target) return [];
    const [hi, lo] = target;
    // Runs over the whole window for every document ingested: local references to the arrays,
    // table lookups for the bit counts, and the second half skipped when the first is too far.
    const his = this.his;
    const los = this.los;
    const out: Candidate[] = [];
    for (let i = 0; i < this.size; i++) {
      const x = (his[i]! ^ hi) >>> 0;
      const dHi = bits32(x);
      if (dHi > maxBits) continue;
      const y = (los[i]! ^ lo) >>> 0;
      const d = dHi + bits32(y);
      if (d <= maxBits) out.push({ id: this.ids[i]!, simhash: this.hexes[i]!, distance: d });
    }
    return out;
  }

  /** The `count` newest fingerprints, newest first. */
  newest(count: number): FingerprintRow[] {
    const out: FingerprintRow[] = [];
    for (let k = 1; k <= Math.min(count, this.size); k++) {
      const i = (this.next - k + this.capacity) % this.capacity;
      out.push({ id: this.ids[i]!, simhash: this.hexes[i]! });
    }
    return out;
  }
}
