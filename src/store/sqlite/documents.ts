import type { DocumentRepo, NewDocument, SearchFilters, SearchResult, StoredDocument } from '../../core/index.js';
import { DOCUMENT_COLUMNS as COLUMNS, toDocuments, type DocumentRow } from '../rows/documents.js';
import type { Db } from './db.js';
import { fromBool, toJson } from './rows.js';
import { searchDocuments } from './document-search.js';
import { topicToken } from './meeting-rows.js';
import { NearDuplicateFinder } from './near-duplicates.js';
import type { FingerprintRow } from './recent-fingerprints.js';
import { simhashBands } from './simhash-bands.js';


const INDEX_ONE = 'INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)';
// Ids rolled back since are simply not found; an id handed out again is indexed once.
const INDEX_MANY = `INSERT INTO documents_fts (rowid, title, text)
  SELECT id, title, text FROM documents WHERE id IN (SELECT value FROM json_each(?))`;

export class SqliteDocumentRepo implements DocumentRepo {
  private readonly nearDuplicates: NearDuplicateFinder;
  /** Documents added in the open batch, indexed for search when it commits (see migration 005). */
  private unindexed: number[] = [];

  constructor(
    private readonly db: Db,
    nearDuplicateWindow?: number,
  ) {
    this.nearDuplicates = new NearDuplicateFinder({
      newest: (afterId, limit) =>
        db.all<FingerprintRow>('SELECT id, simhash FROM documents WHERE id > ? AND simhash IS NOT NULL ORDER BY id DESC LIMIT ?', afterId, limit),
      byBands: (probes, beforeId) => {
        const [p0, p1, p2, p3] = probes.map(toJson);
        return db.all<FingerprintRow>(
          `SELECT id, simhash FROM documents WHERE simhash_b0 IN (SELECT value FROM json_each(?)) AND id < ?
           UNION SELECT id, simhash FROM documents WHERE simhash_b1 IN (SELECT value FROM json_each(?)) AND id < ?
           UNION SELECT id, simhash FROM documents WHERE simhash_b2 IN (SELECT value FROM json_each(?)) AND id < ?
           UNION SELECT id, simhash FROM documents WHERE simhash_b3 IN (SELECT value FROM json_each(?)) AND id < ?`,
          p0, beforeId, p1, beforeId, p2, beforeId, p3, beforeId,
        );
      },
      writeEpoch: () => db.writeEpoch(),
    }, nearDuplicateWindow);
    db.onBatchEnd((committing) => {
      const ids = this.unindexed;
      this.unindexed = [];
      if (committing && ids.length > 0) db.run(INDEX_MANY, toJson(ids));
    });
  }

  async add(doc: NewDocument): Promise<StoredDocument> {
    const ingestedAt = this.db.now();
    const simhash = doc.simhash === null ? null : doc.simhash.toLowerCase();
    const urls: string[] = [];
    const id = this.db.tx(() => {
      const bands = simhashBands(doc.simhash);
      const result = this.db.run(
        `INSERT INTO documents (url, title, outlet, published, ingested_at, text, content_hash, simhash,
           simhash_b0, simhash_b1, simhash_b2, simhash_b3, source_id, extraction, is_meeting_report, development)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        doc.url,
        doc.title,
        doc.outlet,
        doc.published,
        ingestedAt,
        doc.text,
        doc.contentHash,
        simhash,
        ...bands,
        doc.sourceId,
        toJson(doc.extraction),
        fromBool(doc.extraction.is_meeting_report),
        doc.extraction.development,
      );
      const newId = Number(result.lastInsertRowid);
      if (this.db.batchDepth > 0) this.unindexed.push(newId);
      else this.db.run(INDEX_ONE, newId, doc.title, doc.text);
      for (const url of [doc.url, ...(doc.urls ?? [])]) {
        if (url !== null && this.insertUrl(newId, url)) urls.push(url);
      }
      if (doc.extraction.topics.length > 0) {
        // One statement for all topics: each statement run costs more than its row.
        this.db.run(
          'INSERT OR IGNORE INTO document_topics (document_id, topic_lc) SELECT ?, value FROM json_each(?)',
          newId,
          toJson(doc.extraction.topics.map(topicToken)),
        );
      }
      return newId;
    });
    if (simhash !== null) this.nearDuplicates.added({ id, simhash });
    // What was written, without reading it back (the urls are the ones this document got).
    return {
      id,
      url: doc.url,
      urls,
      title: doc.title,
      outlet: doc.outlet,
      published: doc.published,
      ingestedAt,
      text: doc.text,
      contentHash: doc.contentHash,
      simhash,
      sourceId: doc.sourceId,
      extraction: doc.extraction,
    };
  }

  async get(id: number): Promise<StoredDocument | null> {
    const row = this.db.get<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`, id);
    return row ? this.toDocument(row) : null;
  }

  async getMany(ids: readonly number[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = this.db.all<DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
      toJson(ids),
    );
    const byId = new Map(this.withUrls(rows).map((doc) => [doc.id, doc]));
    // In the caller's order, each document once.
    return [...new Set(ids)].flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [doc] : [];
    });
  }

  async findByUrl(url: string): Promise<StoredDocument | null> {
    const row = this.db.get<DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE id = (SELECT document_id FROM document_urls WHERE url = ?)`,
      url,
    );
    return row ? this.toDocument(row) : null;
  }

  async findByContentHash(hash: string): Promise<StoredDocument | null> {
    const row = this.db.get<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1`, hash);
    return row ? this.toDocument(row) : null;
  }

  async nearDuplicateCandidates(simhash: string, limit: number): Promise<Array<{ id: number; simhash: string }>> {
    return this.nearDuplicates.candidates(simhash, limit);
  }

  async addUrl(id: number, url: string): Promise<void> {
    this.insertUrl(id, url);
  }

  async search(
    words: readonly string[],
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): Promise<SearchResult> {
    return searchDocuments(this.db, words, filters, limit, offset);
  }

  async since(afterSeq: number, uptoSeq: number, limit: number): Promise<StoredDocument[]> {
    const rows = this.db.all<DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
      afterSeq,
      uptoSeq,
      limit,
    );
    return this.withUrls(rows);
  }

  async lastSeq(): Promise<number> {
    return this.db.get<{ seq: number | null }>('SELECT MAX(id) AS seq FROM documents')?.seq ?? 0;
  }

  async count(): Promise<number> {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents')?.n ?? 0;
  }

  /** True when the URL was new. A URL already known (for this or another document) keeps its first owner. */
  private insertUrl(id: number, url: string): boolean {
    return this.db.run('INSERT OR IGNORE INTO document_urls (document_id, url) VALUES (?, ?)', id, url).changes > 0;
  }

  private toDocument(row: DocumentRow): StoredDocument {
    return this.withUrls([row])[0]!;
  }

  private withUrls(rows: DocumentRow[]): StoredDocument[] {
    if (rows.length === 0) return [];
    const urlRows = this.db.all<{ document_id: number; url: string }>(
      'SELECT document_id, url FROM document_urls WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY rowid',
      toJson(rows.map((r) => r.id)),
    );
    return toDocuments(rows, urlRows);
  }
}
