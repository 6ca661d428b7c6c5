import type { DocumentRepo, NewDocument, SearchFilters, SearchResult, StoredDocument } from '../../core/index.js';
import { DOCUMENT_COLUMNS as COLUMNS, toDocuments, type DocumentRow } from '../rows/documents.js';
import { topicToken } from '../sqlite/meeting-rows.js';
import { fromBool, toJson } from '../sqlite/rows.js';
import { NearDuplicateFinder } from '../sqlite/near-duplicates.js';
import type { FingerprintRow } from '../sqlite/recent-fingerprints.js';
import { simhashBands } from '../sqlite/simhash-bands.js';
import { searchDocuments } from './document-search.js';
import type { PgDb } from './pg-db.js';


/** Any fixed number: document inserts take it so ids commit in the order they were drawn. */
const DOCUMENT_SEQ_LOCK = 0x646f6373;

export class PgDocumentRepo implements DocumentRepo {
  private readonly nearDuplicates: NearDuplicateFinder;

  constructor(
    private readonly db: PgDb,
    nearDuplicateWindow?: number,
  ) {
    this.nearDuplicates = new NearDuplicateFinder({
      newest: (afterId, limit) =>
        db.all<FingerprintRow>('SELECT id, simhash FROM documents WHERE id > $1 AND simhash IS NOT NULL ORDER BY id DESC LIMIT $2', afterId, limit),
      byBands: (probes, beforeId) =>
        db.all<FingerprintRow>(
          `SELECT id, simhash FROM documents WHERE simhash_b0 = ANY($1::text[]) AND id < $5
           UNION SELECT id, simhash FROM documents WHERE simhash_b1 = ANY($2::text[]) AND id < $5
           UNION SELECT id, simhash FROM documents WHERE simhash_b2 = ANY($3::text[]) AND id < $5
           UNION SELECT id, simhash FROM documents WHERE simhash_b3 = ANY($4::text[]) AND id < $5`,
          ...probes,
          beforeId,
        ),
    }, nearDuplicateWindow);
  }

  async add(doc: NewDocument): Promise<StoredDocument> {
    const id = await this.db.tx(async (tx) => {
      // The id is the ingestion sequence digests read with since(after, upto): two
      // replicas inserting at once could otherwise commit 8 after 9 has been read
      // past, and 8 would never be sent. The lock lasts until commit.
      await tx.run('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', DOCUMENT_SEQ_LOCK);
      const inserted = await tx.get<{ id: number }>(
        `INSERT INTO documents (url, title, outlet, published, ingested_at, text, content_hash, simhash,
           simhash_b0, simhash_b1, simhash_b2, simhash_b3, source_id, extraction, is_meeting_report, development)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        doc.url,
        doc.title,
        doc.outlet,
        doc.published,
        this.db.now(),
        doc.text,
        doc.contentHash,
        doc.simhash === null ? null : doc.simhash.toLowerCase(),
        ...simhashBands(doc.simhash),
        doc.sourceId,
        toJson(doc.extraction),
        fromBool(doc.extraction.is_meeting_report),
        doc.extraction.development,
      );
      const newId = inserted!.id;
      for (const url of [doc.url, ...(doc.urls ?? [])]) {
        if (url !== null) await insertUrl(tx, newId, url);
      }
      const topics = [...new Set(doc.extraction.topics.map(topicToken))];
      if (topics.length > 0) {
        await tx.run(
          'INSERT INTO document_topics (document_id, topic_lc) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
          newId,
          topics,
        );
      }
      return newId;
    });
    const stored = await this.get(id);
    if (!stored) throw new Error(`Document ${id} vanished after insert`);
    return stored;
  }

  async get(id: number): Promise<StoredDocument | null> {
    const row = await this.db.get<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = $1`, id);
    return row ? (await this.withUrls([row]))[0]! : null;
  }

  async getMany(ids: readonly number[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.all<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ANY($1::bigint[])`, [...ids]);
    const byId = new Map((await this.withUrls(rows)).map((doc) => [doc.id, doc]));
    return [...new Set(ids)].flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [doc] : [];
    });
  }

  async findByUrl(url: string): Promise<StoredDocument | null> {
    const row = await this.db.get<DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE id = (SELECT document_id FROM document_urls WHERE url = $1)`,
      url,
    );
    return row ? (await this.withUrls([row]))[0]! : null;
  }

  async findByContentHash(hash: string): Promise<StoredDocument | null> {
    const row = await this.db.get<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE content_hash = $1 ORDER BY id LIMIT 1`, hash);
    return row ? (await this.withUrls([row]))[0]! : null;
  }

  async nearDuplicateCandidates(simhash: string, limit: number): Promise<Array<{ id: number; simhash: string }>> {
    return this.nearDuplicates.candidates(simhash, limit);
  }

  async addUrl(id: number, url: string): Promise<void> {
    await insertUrl(this.db, id, url);
  }

  async search(words: readonly string[], filters: SearchFilters, limit: number, offset: number): Promise<SearchResult> {
    return searchDocuments(this.db, words, filters, limit, offset);
  }

  async since(afterSeq: number, uptoSeq: number, limit: number): Promise<StoredDocument[]> {
    const rows = await this.db.all<DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`,
      afterSeq,
      uptoSeq,
      limit,
    );
    return this.withUrls(rows);
  }

  async lastSeq(): Promise<number> {
    return (await this.db.get<{ seq: number | null }>('SELECT MAX(id) AS seq FROM documents'))?.seq ?? 0;
  }

  async count(): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*)::int AS n FROM documents'))?.n ?? 0;
  }

  private async withUrls(rows: DocumentRow[]): Promise<StoredDocument[]> {
    if (rows.length === 0) return [];
    const urlRows = await this.db.all<{ document_id: number; url: string }>(
      'SELECT document_id, url FROM document_urls WHERE document_id = ANY($1::bigint[]) ORDER BY seq',
      rows.map((r) => r.id),
    );
    return toDocuments(rows, urlRows);
  }
}

/** A URL already known (for this or another document) keeps its first owner. */
async function insertUrl(db: PgDb, id: number, url: string): Promise<void> {
  await db.run('INSERT INTO document_urls (document_id, url) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING', id, url);
}
