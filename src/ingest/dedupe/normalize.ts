/** Text folded for comparison: Unicode-normalized, lowercased, typographic quotes and dashes made plain, whitespace collapsed. */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text (letters and digits), normalized. */
export function words(text: string): string[] {
  return wordsOfNormalized(normalizeForHash(text));
}

/** The words of a text already passed through `normalizeForHash`. */
export function wordsOfNormalized(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}
