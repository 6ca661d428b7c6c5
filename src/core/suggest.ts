import { distance } from 'fastest-levenshtein';

/**
 * The candidates closest to `word`, within a typo's reach. Only the best
 * distance counts: `meetngs` suggests `meetings`, not also `meeting`.
 */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  const scored = candidates
    .map((c) => ({ c, d: c.startsWith(w) && w.length >= 2 ? 0.5 : distance(w, c.toLowerCase()) }))
    .filter((x) => x.d <= limit);
  const best = Math.min(...scored.map((x) => x.d));
  return scored
    .filter((x) => x.d === best)
    .sort((a, b) => a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}
