/** Folds case, accents and punctuation so "Marrakech" spellings and "the Sahel" compare by letters. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Values folded-equal when both are present; null when either side is unknown. */
export function sameName(a: string | null, b: string | null): boolean | null {
  if (!a || !b) return null;
  return fold(a) === fold(b);
}

/** Appends the values not already present (compared folded), keeping first spellings. */
export function unionNames(into: readonly string[], more: readonly string[]): string[] {
  const seen = new Set(into.map(fold));
  const out = [...into];
  for (const v of more) {
    const k = fold(v);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}
