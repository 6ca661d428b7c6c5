/**
 * A 64-bit SimHash fingerprint (16 hex digits) is stored as four 16-bit bands, each indexed,
 * so documents sharing a band value (or one within a bit of it, see near-duplicates.ts) are
 * found by exact lookups instead of a scan of every fingerprint.
 */

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
