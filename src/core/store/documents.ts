import type { Extraction, IsoDate } from '../facts.js';

/** A stored document. Its `id` is also the ingestion sequence: it only grows. */
export interface StoredDocument {
  id: number;
  url: string | null;
  /** Every URL the same text was seen at (syndicated copies). */
  urls: string[];
  title: string;
  outlet: string | null;
  published: IsoDate | null;
  /** ISO timestamp of when Briefbot stored it. */
  ingestedAt: string;
  text: string;
  contentHash: string;
  /** Near-duplicate fingerprint (SimHash as 16 hex digits), if computed. */
  simhash: string | null;
  sourceId: number | null;
  extraction: Extraction;
}

export type NewDocument = Omit<StoredDocument, 'id' | 'ingestedAt' | 'urls'> & { urls?: string[] };

export interface SearchFilters {
  body?: string;
  topic?: string;
  place?: string;
  since?: IsoDate;
  until?: IsoDate;
}

export interface SearchHit {
  document: Pick<StoredDocument, 'id' | 'url' | 'title' | 'outlet' | 'published'>;
  /** A short excerpt; matched words are wrapped in `[[` and `]]`. */
  snippet: string;
  /** Relevance: higher is a better match (0 when listing without words). */
  rank: number;
}

/**
 * Counting every match of a common word costs more than the search itself, so a
 * search counts at most this many matches past the requested page.
 */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchResult {
  hits: SearchHit[];
  /**
   * How many documents match; when `capped`, more than this many do: counting
   * stopped at max(SEARCH_COUNT_CAP, offset + limit).
   */
  total: number;
  capped: boolean;
}

export interface DocumentRepo {
  /** Stores a document; returns its id (the ingestion sequence). */
  add(doc: NewDocument): Promise<StoredDocument>;
  get(id: number): Promise<StoredDocument | null>;
  getMany(ids: readonly number[]): Promise<StoredDocument[]>;
  findByUrl(url: string): Promise<StoredDocument | null>;
  findByContentHash(hash: string): Promise<StoredDocument | null>;
  /** Documents whose SimHash may be a near duplicate (same high bits bucket or recent ones). */
  nearDuplicateCandidates(simhash: string, limit: number): Promise<Array<{ id: number; simhash: string }>>;
  /** Records another URL for an existing document (a syndicated copy). */
  addUrl(id: number, url: string): Promise<void>;
  /**
   * Full-text search. `words` are plain words typed by a user: the store quotes
   * them itself, so no operator syntax can break the query. Every word must match.
   * With no words at all it lists what the filters match, newest published first.
   */
  search(words: readonly string[], filters: SearchFilters, limit: number, offset: number): Promise<SearchResult>;
  /** Documents stored after `afterSeq` up to and including `uptoSeq`, oldest first. */
  since(afterSeq: number, uptoSeq: number, limit: number): Promise<StoredDocument[]>;
  /** The highest ingestion sequence so far (0 when empty). */
  lastSeq(): Promise<number>;
  count(): Promise<number>;
}
