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

function addBits(v: Int32Array, offset: number, h: number): void {
  for (let bit = 0; bit < 32; bit++) v[offset + bit]! += (h >>> (31 - bit)) & 1 ? 1 : -1;
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

function shingleSize(words: HashedWords): number {
  return Math.min(SHINGLE_WORDS, words.hi.length);
}

function simhashOf(words: HashedWords): Fingerprint {
  const size = shingleSize(words);
  if (size === 0) return '0'.repeat(16);
  // Each occurrence of a shingle counts once, as with a weight per distinct shingle.
  const v = new Int32Array(64);
  for (let i = 0; i + size <= words.hi.length; i++) {
    addBits(v, 0, shingleHash(words.hi, i, size, SEED_HI));
    addBits(v, 32, shingleHash(words.lo, i, size, SEED_LO));
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let n = 0;
    for (let b = 0; b < 4; b++) n = (n << 1) | (v[nibble * 4 + b]! > 0 ? 1 : 0);
    hex += n.toString(16);
  }
  return hex;
}

/**
 * The distinct word shingles as 53-bit numbers: the two 32-bit shingle hashes, 21 bits of the
 * second. Two different shingles of two 1,000-word texts collide about once in 10^10 pairs.
 */
function shingleSetOf(words: HashedWords): Set<number> {
  const size = shingleSize(words);
  const out = new Set<number>();
  for (let i = 0; i + size <= words.hi.length && size > 0; i++) {
    out.add(shingleHash(words.hi, i, size, SEED_HI) * 0x200000 + (shingleHash(words.lo, i, size, SEED_LO) >>> 11));
  }
  return out;
}

/** 64-bit SimHash over word shingles of the normalized text, as 16 hex digits. Empty text gives all zeros. */
export function simhash(text: string): Fingerprint {
  return simhashOf(hashWords(words(text)));
}

/** A text's word shingles, for `setOverlap`. */
export function shingleSet(text: string): Set<number> {
  return shingleSetOf(hashWords(words(text)));
}

export interface TextKeys {
  contentHash: string;
  simhash(): Fingerprint;
  shingles(): Set<number>;
  /** The shingles packed (see packShingles), as remembered for later comparisons. */
  packed(): Float64Array;
}

/**
 * Content hash, SimHash and shingle set of one text, normalizing it once and hashing its words
 * once; SimHash and shingles are computed when first asked for (an exact copy needs neither).
 */
export function fingerprintText(text: string): TextKeys {
  const normalized = normalizeForHash(text);
  let hashed: HashedWords | null = null;
  let fingerprint: Fingerprint | null = null;
  let set: Set<number> | null = null;
  let packed: Float64Array | null = null;
  const wordHashes = (): HashedWords => (hashed ??= hashWords(wordsOfNormalized(normalized)));
  const shingles = (): Set<number> => (set ??= shingleSetOf(wordHashes()));
  return {
    contentHash: contentHashOfNormalized(normalized),
    simhash: () => (fingerprint ??= simhashOf(wordHashes())),
    shingles,
    packed: () => (packed ??= packShingles(shingles())),
  };
}

/** A text's keys as plain data, all computed: what another thread hands back with its extraction. */
export interface KeyData {
  contentHash: string;
  simhash: Fingerprint;
  /** Packed shingles (packShingles). */
  shingles: Float64Array;
}

export function keyData(text: string): KeyData {
  const keys = fingerprintText(text);
  return { contentHash: keys.contentHash, simhash: keys.simhash(), shingles: keys.packed() };
}

/** TextKeys over keys computed elsewhere; the shingle set is rebuilt only if asked for. */
export function keysFrom(data: KeyData): TextKeys {
  let set: Set<number> | null = null;
  return {
    contentHash: data.contentHash,
    simhash: () => data.simhash,
    shingles: () => (set ??= new Set(data.shingles)),
    packed: () => data.shingles,
  };
}

function toBigInt(f: Fingerprint | bigint): bigint {
  if (typeof f === 'bigint') return f;
  if (!/^[0-9a-f]{16}$/i.test(f)) throw new TypeError(`Not a 64-bit fingerprint: "${f}" (expected 16 hex digits).`);
  return BigInt(`0x${f}`);
}

const HEX64 = /^[0-9a-f]{16}$/i;

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two fingerprints (hex strings or bigints), 0–64. */
export function hammingDistance(a: Fingerprint | bigint, b: Fingerprint | bigint): number {
  // Two hex strings, as on every ingest: 32-bit halves, without BigInt allocations.
  if (typeof a === 'string' && typeof b === 'string' && HEX64.test(a) && HEX64.test(b)) {
    const half = (f: string, from: number): number => Number.parseInt(f.slice(from, from + 8), 16);
    return popcount32((half(a, 0) ^ half(b, 0)) >>> 0) + popcount32((half(a, 8) ^ half(b, 8)) >>> 0);
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
 * A shingle set packed into one typed array, for holding many (a shingle set is a hash table of
 * boxed numbers, several times larger, and a cache of them filled the old generation with garbage).
 */
export function packShingles(set: ReadonlySet<number>): Float64Array {
  return Float64Array.from(set);
}

/** `setOverlap` of a packed shingle set and a shingle set. */
export function packedOverlap(packed: Float64Array, set: ReadonlySet<number>): number {
  const smaller = Math.min(packed.length, set.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const s of packed) if (set.has(s)) shared++;
  return shared / smaller;
}

/** Share of the smaller text's word shingles found in the other (0–1): an exact check for a SimHash candidate pair. */
export function shingleOverlap(a: string, b: string): number {
  return setOverlap(shingleSet(a), shingleSet(b));
}
