import type { FactVariant, IsoDate, Meeting } from '../../core/index.js';

export type VariantField = FactVariant['field'];

/** Each value a field has been reported with, and the documents reporting it. */
export type Support = Map<string, number[]>;

/**
 * The support table of a field before the new report. Variants hold it exactly once
 * sources disagreed; until then the one value is credited to every earlier source
 * (sources silent on the field are not told apart: a known approximation).
 */
export function existingSupport(existing: Meeting | null, field: VariantField): Support {
  const table: Support = new Map();
  if (!existing) return table;
  const variants = existing.variants.filter((v) => v.field === field);
  if (variants.length > 0) {
    for (const v of variants) table.set(v.value, [...v.documentIds]);
    return table;
  }
  const value = existing[field];
  if (value) table.set(value, existing.sources.map((s) => s.documentId));
  return table;
}

export function addSupport(table: Support, value: string | null, documentId: number): void {
  if (!value) return;
  const ids = table.get(value);
  if (!ids) table.set(value, [documentId]);
  else if (!ids.includes(documentId)) ids.push(documentId);
}

/**
 * The best-supported value: most documents; on a tie, the value first published
 * (then first ingested), taken as the primary report.
 */
export function bestSupported(table: Support, publishedOf: (id: number) => IsoDate | null, allow: (value: string) => boolean = () => true): string | null {
  const earliest = (ids: number[]): [string, number] => {
    let pub = '\uffff';
    for (const id of ids) {
      const p = publishedOf(id);
      if (p && p < pub) pub = p;
    }
    return [pub, Math.min(...ids)];
  };
  let best: { value: string; count: number; pub: string; id: number } | null = null;
  for (const [value, ids] of table) {
    if (!allow(value)) continue;
    const [pub, id] = earliest(ids);
    const better =
      !best || ids.length > best.count || (ids.length === best.count && (pub < best.pub || (pub === best.pub && id < best.id)));
    if (better) best = { value, count: ids.length, pub, id };
  }
  return best?.value ?? null;
}

/** Variants to keep for a field: every value with its documents, only when there is more than one. */
export function variantsOf(field: VariantField, table: Support): FactVariant[] {
  if (table.size < 2) return [];
  return [...table].map(([value, documentIds]) => ({ field, value, documentIds: [...documentIds].sort((a, b) => a - b) }));
}
