/**
 * Candidate lookup for 64-bit SimHash fingerprints (16 hex digits), by multi-index
 * hashing: the fingerprint is stored as four 16-bit bands, each indexed. If two
 * fingerprints differ in at most 15 bits, some band differs in at most 3 of them
 * (pigeonhole), so probing every value within 3 bits of each band finds them all.
 * That is 697 probes per band, and about 1.5 rows per probe at 100,000 documents.
 */

export const BAND_COUNT = 4;
const BAND_BITS = 16;
const PROBE_RADIUS = 3;

export type Bands = [string | null, string | null, string | null, string | null];

export function isFingerprint(simhash: string | null): simhash is string {
  return simhash !== null && /^[0-9a-f]{16}$/i.test(simhash);
}

/** The four bands as 4-hex-digit strings, or nulls when there is no valid fingerprint. */
export function simhashBands(simhash: string | null): Bands {
  if (!isFingerprint(simhash)) return [null, null, null, null];
  const s = simhash.toLowerCase();
  return [s.slice(0, 4), s.slice(4, 8), s.slice(8, 12), s.slice(12, 16)];
}

function masksWithin(radius: number): number[] {
  const masks: number[] = [];
  for (let mask = 0; mask < 1 << BAND_BITS; mask += 1) {
    let bits = 0;
    for (let m = mask; m !== 0; m &= m - 1) bits += 1;
    if (bits <= radius) masks.push(mask);
  }
  return masks;
}

const PROBE_MASKS = masksWithin(PROBE_RADIUS);

/** For each band, every band value within PROBE_RADIUS bits of the fingerprint's. */
export function bandProbes(simhash: string): string[][] {
  return simhashBands(simhash).map((band) => {
    const value = Number.parseInt(band!, 16);
    return PROBE_MASKS.map((mask) => (value ^ mask).toString(16).padStart(4, '0'));
  });
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Differing bits between two 16-hex-digit fingerprints, on 32-bit halves (BigInt is far slower). */
export function hammingDistance(a: string, b: string): number {
  const high = Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16);
  const low = Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16);
  return popcount32(high) + popcount32(low);
}
