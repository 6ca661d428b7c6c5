import type { Extraction, StoredDocument } from '../../core/index.js';
import { fromJson, toJson } from './values.js';

/** A `documents` row as both backends store it. */
export interface DocumentRow {
  id: number;
  url: string | null;
  title: string;
  outlet: string | null;
  published: string | null;
  ingested_at: string;
  text: string;
  content_hash: string;
  simhash: string | null;
  source_id: number | null;
  extraction: string;
}

export const DOCUMENT_COLUMNS = 'id, url, title, outlet, published, ingested_at, text, content_hash, simhash, source_id, extraction';

/** Documents from their rows and their `document_urls` rows (in the order the URLs were seen). */
export function toDocuments(rows: readonly DocumentRow[], urlRows: ReadonlyArray<{ document_id: number; url: string }>): StoredDocument[] {
  const urls = new Map<number, string[]>();
  for (const { document_id, url } of urlRows) {
    const list = urls.get(document_id) ?? [];
    list.push(url);
    urls.set(document_id, list);
  }
  return rows.map((row) => {
    const doc: Omit<StoredDocument, 'extraction'> = {
      id: row.id,
      url: row.url,
      urls: urls.get(row.id) ?? [],
      title: row.title,
      outlet: row.outlet,
      published: row.published,
      ingestedAt: row.ingested_at,
      text: row.text,
      contentHash: row.content_hash,
      simhash: row.simhash,
      sourceId: row.source_id,
    };
    // Parsed when first read: a near-duplicate check loads documents for their text alone, and
    // parsing every candidate's extraction cost more than the rest of the load.
    let extraction: Extraction | undefined;
    return Object.defineProperty(doc, 'extraction', {
      enumerable: true,
      configurable: true,
      get: () => (extraction ??= fromJson<Extraction>(row.extraction)!),
      set: (value: Extraction) => void (extraction = value),
    }) as StoredDocument;
  });
}

/** A stored extraction (as its JSON text) with new topics and every other fact, in its key order, as it was. */
export function withTopics(extraction: string, topics: readonly string[]): string {
  return toJson({ ...fromJson<Extraction>(extraction)!, topics });
}
