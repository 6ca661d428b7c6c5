import { createHash } from 'node:crypto';
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

/** 64-bit SimHash over word shingles of the normalized text, as 16 hex digits. Empty text gives all zeros. */
export function simhash(text: string): Fingerprint {
  const counts = new Map<string, number>();
  for (const s of shingles(words(text))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const v = new Array<number>(64).fill(0);
  for (const [shingle, weight] of counts) {
    const h = createHash('sha1').update(shingle).digest();
    for (let bit = 0; bit < 64; bit++) {
      const on = (h[bit >> 3]! >> (7 - (bit & 7))) & 1;
      v[bit]! += on ? weight : -weight;
    }
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
