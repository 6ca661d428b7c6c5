import { fingerprintHalves, halvesDistance } from '../../core/index.js';
import { contentHashOfNormalized } from './content-hash.js';
import { normalizeForHash, words, wordsOfNormalized } from './normalize.js';

/** A 64-bit SimHash fingerprint as 16 lowercase hex digits. */
export type Fingerprint = string;

/** Words per shingle. Three-word shingles keep distinct wording about the same facts apart. */
export const SHINGLE_WORDS = 3;

/**
 * Fingerprints at most this many bits apart are near-duplicates. On the fixtures in
 * test/fixtures/ingest/dedupe, syndicated copies (new headline, byline, a paragraph dropped,
 * boilerplate added, spelling localized) are 7–14 bits apart; an independent report of the same
 * meeting is 34–36, as far as unrelated text (22–38). Unrelated pairs fall this close rarely but
 * not never, so candidates are confirmed with `shingleOverlap`. The stores find every document
 * within 15 bits among the most recent ones, and those within 7 among all.
 */
export const NEAR_DUPLICATE_BITS = 15;

// MurmurHash3's 32-bit finalizer: every input bit flips about half the output bits.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// A word's 32-bit hash under `seed` (Murmur3-style, one UTF-16 unit at a time). Two seeds give the
// two halves of a shingle's 64 bits: a keyed cryptographic hash per shingle cost more than the
// whole rest of ingestion, and SimHash needs only well-spread bits, not collision resistance.
function wordHash(word: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < word.length; i++) {
    let k = Math.imul(word.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ word.length);
}

// An ordered combination of a shingle's word hashes ("a b c" and "c b a" differ).
function shingleHash(hashes: Uint32Array, start: number, count: number, seed: number): number {
  let h = seed;
  for (let i = start; i < start + count; i++) h = (Math.imul((h ^ hashes[i]!) >>> 0, 0x9e3779b1) + 0x7f4a7c15) | 0;
  return fmix32(h ^ count);
}

interface HashedWords {
  hi: Uint32Array;
  lo: Uint32Array;
}

function hashWords(tokens: string[]): HashedWords {
  const hi = new Uint32Array(tokens.length);
  const lo = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    hi[i] = wordHash(tokens[i]!, 0x2545f491);
    lo[i] = wordHash(tokens[i]!, 0x6c8e9cf5);
  }
  return { hi, lo };
}

const SEED_HI = 0x1b873593;
const SEED_LO = 0x5bd1e995;

/** The two 32-bit hashes of the shingle at each word position: hashed once for SimHash and the shingle set alike. */
function shingleHashes(words: HashedWords): HashedWords {
  const size = Math.min(SHINGLE_WORDS, words.hi.length);
  const count = size === 0 ? 0 : words.hi.length - size + 1;
  const hi = new Uint32Array(count);
  const lo = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    hi[i] = shingleHash(words.hi, i, size, SEED_HI);
    lo[i] = shingleHash(words.lo, i, size, SEED_LO);
  }
  return { hi, lo };
}

/**
 * The bits set in more than half of the hashes: SimHash's vote, each hash weighing one. Counted
 * in bit planes (a vertical counter), where adding a hash ripples a carry through about two
 * planes instead of updating 32 counters; the vote is the same.
 */
function majorityBits(hashes: Uint32Array): number {
  const planes = new Int32Array(32);
  const count = hashes.length;
  let depth = 0;
  for (let i = 0; i < count; i++) {
    let carry = hashes[i]! | 0;
    let k = 0;
    while (carry !== 0) {
      const plane = planes[k]!;
      planes[k] = plane ^ carry;
      carry = plane & carry;
      k++;
    }
    if (k > depth) depth = k;
  }
  let out = 0;
  for (let bit = 0; bit < 32; bit++) {
    let ones = 0;
    for (let k = depth - 1; k >= 0; k--) ones = ones * 2 + ((planes[k]! >>> bit) & 1);
    if (2 * ones > count) out |= 1 << bit;
  }
  return out >>> 0;
}

const hex32 = (n: number): string => n.toString(16).padStart(8, '0');

function simhashOf(shingles: HashedWords): Fingerprint {
  return hex32(majorityBits(shingles.hi)) + hex32(majorityBits(shingles.lo));
}

/**
 * The distinct shingles as 53-bit numbers, ascending: the two 32-bit shingle hashes, 21 bits of
 * the second. Two different shingles of two 1,000-word texts collide about once in 10^10 pairs.
 */
function packedOf(shingles: HashedWords): Float64Array {
  const all = new Float64Array(shingles.hi.length);
  for (let i = 0; i < all.length; i++) all[i] = shingles.hi[i]! * 0x200000 + (shingles.lo[i]! >>> 11);
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (distinct === 0 || all[i] !== all[distinct - 1]) all[distinct++] = all[i]!;
  return all.slice(0, distinct);
}

/** 64-bit SimHash over word shingles of the normalized text, as 16 hex digits. Empty text gives all zeros. */
export function simhash(text: string): Fingerprint {
  return simhashOf(shingleHashes(hashWords(words(text))));
}

/** A text's word shingles, for `setOverlap`. */
export function shingleSet(text: string): Set<number> {
  return new Set(packedOf(shingleHashes(hashWords(words(text)))));
}

export interface TextKeys {
  contentHash: string;
  simhash(): Fingerprint;
  /** The distinct shingles, ascending: compared with packedOverlap, remembered for later comparisons. */
  packed(): Float64Array;
}

/**
 * Content hash, SimHash and packed shingles of one text, normalizing it once and hashing its words
 * once; SimHash and shingles are computed when first asked for (an exact copy needs neither).
 */
export function fingerprintText(text: string): TextKeys {
  const normalized = normalizeForHash(text);
  let hashed: HashedWords | null = null;
  let fingerprint: Fingerprint | null = null;
  let packed: Float64Array | null = null;
  const hashes = (): HashedWords => (hashed ??= shingleHashes(hashWords(wordsOfNormalized(normalized))));
  const packedShingles = (): Float64Array => (packed ??= packedOf(hashes()));
  return {
    contentHash: contentHashOfNormalized(normalized),
    simhash: () => (fingerprint ??= simhashOf(hashes())),
    packed: packedShingles,
  };
}

function toBigInt(f: Fingerprint | bigint): bigint {
  if (typeof f === 'bigint') return f;
  if (!/^[0-9a-f]{16}$/i.test(f)) throw new TypeError(`Not a 64-bit fingerprint: "${f}" (expected 16 hex digits).`);
  return BigInt(`0x${f}`);
}

/** Number of differing bits between two fingerprints (hex strings or bigints), 0–64. */
export function hammingDistance(a: Fingerprint | bigint, b: Fingerprint | bigint): number {
  // Two hex strings, as on every ingest: 32-bit halves, without BigInt allocations.
  if (typeof a === 'string' && typeof b === 'string') {
    const x = fingerprintHalves(a);
    const y = fingerprintHalves(b);
    if (x && y) return halvesDistance(x, y);
  }
  let x = toBigInt(a) ^ toBigInt(b);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

/** True when two fingerprints are within `maxBits` (default NEAR_DUPLICATE_BITS): the same story, lightly edited. */
export function isNearDuplicate(a: Fingerprint | bigint, b: Fingerprint | bigint, maxBits: number = NEAR_DUPLICATE_BITS): boolean {
  return hammingDistance(a, b) <= maxBits;
}

/** Share of the smaller set's shingles found in the other (0–1); 0 when either is empty. */
export function setOverlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/**
 * `setOverlap` of two packed shingle sets (TextKeys.packed: distinct, ascending), by one merge
 * walk: no hash set to build, and no hashing of doubles to probe one.
 */
export function packedOverlap(a: Float64Array, b: Float64Array): number {
  const smaller = Math.min(a.length, b.length);
  if (smaller === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / smaller;
}

// Share of the shorter text's shingles a SimHash candidate must share to be the same story lightly
// edited. Syndicated copies (byline, footer, a paragraph cut) share nearly all; reports of different
// meetings written from one house template can share half, and must not be folded together.
const SAME_STORY_OVERLAP = 0.8;

/** Whether two texts close by SimHash are one story lightly edited, by their packed shingles. */
export function sameStory(a: Float64Array, b: Float64Array): boolean {
  return packedOverlap(a, b) >= SAME_STORY_OVERLAP;
}

/** Share of the smaller text's word shingles found in the other (0–1): an exact check for a SimHash candidate pair. */
export function shingleOverlap(a: string, b: string): number {
  return setOverlap(shingleSet(a), shingleSet(b));
}
