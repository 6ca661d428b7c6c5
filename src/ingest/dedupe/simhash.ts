import { words } from './normalize.js';

/** A 64-bit SimHash fingerprint as 16 lowercase hex digits. */
export type Fingerprint = string;

/** Words per shingle. Three-word shingles keep distinct wording about the same facts apart. */
export const SHINGLE_WORDS = 3;

/**
 * Fingerprints at most this many bits apart are near-duplicates. On the fixtures in
 * test/fixtures/ingest/dedupe, syndicated copies (new headline, byline, a paragraph dropped,
 * boilerplate added, spelling localized) are 7–14 bits apart; an independent report of the same
 * meeting is 25–30, as far as unrelated text. Unrelated pairs fall this close about 1 time in
 * 100 000, so compare within a window of recent documents and confirm with `shingleOverlap`.
 * 15 is also the most that the SQLite store's 4-band index is guaranteed to find.
 */
export const NEAR_DUPLICATE_BITS = 15;

function shingles(tokens: string[]): string[] {
  if (tokens.length <= SHINGLE_WORDS) return tokens.length ? [tokens.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i++) out.push(tokens.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

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

/** 64-bit SimHash over word shingles of the normalized text, as 16 hex digits. Empty text gives all zeros. */
export function simhash(text: string): Fingerprint {
  const tokens = words(text);
  if (tokens.length === 0) return '0'.repeat(16);
  const hi = new Uint32Array(tokens.length);
  const lo = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    hi[i] = wordHash(tokens[i]!, 0x2545f491);
    lo[i] = wordHash(tokens[i]!, 0x6c8e9cf5);
  }
  // Each occurrence of a shingle counts once, as with a weight per distinct shingle.
  const size = Math.min(SHINGLE_WORDS, tokens.length);
  const v = new Int32Array(64);
  for (let i = 0; i + size <= tokens.length; i++) {
    addBits(v, 0, shingleHash(hi, i, size, 0x1b873593));
    addBits(v, 32, shingleHash(lo, i, size, 0x5bd1e995));
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let n = 0;
    for (let b = 0; b < 4; b++) n = (n << 1) | (v[nibble * 4 + b]! > 0 ? 1 : 0);
    hex += n.toString(16);
  }
  return hex;
}

function toBigInt(f: Fingerprint | bigint): bigint {
  if (typeof f === 'bigint') return f;
  if (!/^[0-9a-f]{16}$/i.test(f)) throw new TypeError(`Not a 64-bit fingerprint: "${f}" (expected 16 hex digits).`);
  return BigInt(`0x${f}`);
}

/** Number of differing bits between two fingerprints (hex strings or bigints), 0–64. */
export function hammingDistance(a: Fingerprint | bigint, b: Fingerprint | bigint): number {
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

/** Share of the smaller text's word shingles found in the other (0–1): an exact check for a SimHash candidate pair. */
export function shingleOverlap(a: string, b: string): number {
  const sa = new Set(shingles(words(a)));
  const sb = new Set(shingles(words(b)));
  const small = sa.size <= sb.size ? sa : sb;
  const large = small === sa ? sb : sa;
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}
