// Words too common in this domain to say whether two sentences report the same thing.
const STOP = new Set(
  'a an and are as at be been but by for from had has have he in is it its of on or said says that the their they this to was were which will with who would after also over'.split(' '),
);

/** Lower-cased content words of a text (letters and digits, accents folded). */
export function wordSet(text: string): Set<string> {
  const out = new Set<string>();
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const w of folded.split(/[^a-z0-9]+/)) {
    if (w.length > 1 && !STOP.has(w)) out.add(w);
  }
  return out;
}

/** Jaccard similarity of two word sets, 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

// Titles of a meeting's sources and the sentences of its summary are compared again on every
// report merged into it; their word sets are remembered. Bounded: cleared when full.
const WORD_SET_CACHE = 2048;
const wordSets = new Map<string, ReadonlySet<string>>();

/** `wordSet`, remembered for texts seen again; the set is shared, so it must not be changed. */
export function knownWordSet(text: string): ReadonlySet<string> {
  let set = wordSets.get(text);
  if (!set) {
    set = wordSet(text);
    if (wordSets.size >= WORD_SET_CACHE) wordSets.clear();
    wordSets.set(text, set);
  }
  return set;
}
