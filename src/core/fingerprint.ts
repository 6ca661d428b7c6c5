/**
 * 64-bit SimHash fingerprints, written as 16 hex digits, and how many bits two differ by: the
 * near-duplicate test of ingestion and the stores' candidate windows alike.
 */

/** A fingerprint as its two 32-bit halves: compared with many others, it is parsed once. */
export type FingerprintHalves = readonly [number, number];

const HEX16 = /^[0-9a-f]{16}$/i;

// Set bits of every 16-bit value: two lookups count a 32-bit word.
const BITS16 = new Uint8Array(1 << 16);
for (let v = 1; v < BITS16.length; v++) BITS16[v] = BITS16[v >>> 1]! + (v & 1);

/** Set bits of a 32-bit word. */
export function bits32(x: number): number {
  return BITS16[x & 0xffff]! + BITS16[x >>> 16]!;
}

/** The two halves of a 16-hex-digit fingerprint, or null when it is not one. */
export function fingerprintHalves(simhash: string): FingerprintHalves | null {
  if (!HEX16.test(simhash)) return null;
  return [Number.parseInt(simhash.slice(0, 8), 16), Number.parseInt(simhash.slice(8, 16), 16)];
}

/** Differing bits between two fingerprints given as halves, 0–64. */
export function halvesDistance(a: FingerprintHalves, b: FingerprintHalves): number {
  return bits32((a[0] ^ b[0]) >>> 0) + bits32((a[1] ^ b[1]) >>> 0);
}

/** Differing bits between two 16-hex-digit fingerprints; 64 when either is not one. */
export function fingerprintDistance(a: string, b: string): number {
  const x = fingerprintHalves(a);
  const y = fingerprintHalves(b);
  return x && y ? halvesDistance(x, y) : 64;
}
