import type { IsoDate, MeetingFacts, Person } from '../facts.js';

/** A sentence quoted from a source document, with where it came from. */
export interface CitedSentence {
  text: string;
  documentId: number;
  url: string | null;
}

/** A value sources disagree on, with the documents that support it. */
export interface FactVariant {
  field: 'start' | 'end' | 'city' | 'country' | 'kind';
  value: string;
  documentIds: number[];
}

export interface MeetingSource {
  documentId: number;
  url: string | null;
  title: string;
  outlet: string | null;
  published: IsoDate | null;
}

/**
 * One meeting, merged from all the documents that report it: the facts of one
 * report, merged (`primary` is true when at least one source reports it as its
 * main meeting), plus what only many sources together give.
 */
export interface MeetingRecord extends MeetingFacts {
  people: Person[];
  topics: string[];
  summary: CitedSentence[];
  variants: FactVariant[];
}

export interface Meeting extends MeetingRecord {
  id: number;
  sources: MeetingSource[];
  /** Ingestion sequence of the document that created it. */
  firstSeq: number;
  /** Ingestion sequence of the latest document that changed it. */
  lastSeq: number;
}

export interface MeetingQuery {
  body?: string;
  topic?: string;
  /** Matches city or country, case-insensitively. */
  place?: string;
  since?: IsoDate;
  until?: IsoDate;
  /** Include meetings only mentioned in passing (default false). */
  includeSecondary?: boolean;
  order?: 'newest' | 'oldest';
  limit: number;
  offset?: number;
}

export interface MeetingRepo {
  create(record: MeetingRecord, documentId: number): Promise<Meeting>;
  /** Replaces the merged facts and attaches one more document. */
  update(id: number, record: MeetingRecord, documentId: number): Promise<Meeting>;
  get(id: number): Promise<Meeting | null>;
  list(query: MeetingQuery): Promise<{ items: Meeting[]; total: number }>;
  /** Meetings of a body whose dates could overlap [from, to] (either may be open). */
  candidates(body: string, from: IsoDate | null, to: IsoDate | null): Promise<Meeting[]>;
  /** Meetings whose body, place or summary contain every word. */
  findByWords(words: readonly string[], limit: number): Promise<Meeting[]>;
  /** Meetings any of these documents reports, each once, by id. */
  ofDocuments(documentIds: readonly number[]): Promise<Meeting[]>;
  /** Meetings created or changed after `afterSeq`, up to `uptoSeq`. */
  changedSince(afterSeq: number, uptoSeq: number): Promise<Meeting[]>;
  /** Meetings per topic whose date (or first report) falls on or after `since`. */
  topicCounts(since: IsoDate): Promise<Map<string, number>>;
  /** Distinct bodies, most meetings first (for autocomplete). */
  bodies(): Promise<Array<{ body: string; count: number }>>;
  count(): Promise<number>;
}
