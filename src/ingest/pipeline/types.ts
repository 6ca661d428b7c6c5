import type { DocumentInput, Extraction, Logger } from '../../core/index.js';

/** One document to ingest, whatever it came from. */
export interface IngestInput {
  text: string;
  title?: string | null;
  /** Publisher or site name. */
  outlet?: string | null;
  /** ISO date or timestamp; only the date is kept. */
  published?: string | null;
  url?: string | null;
  /** Other URLs the same text was found at. */
  urls?: readonly string[];
  sourceId?: number | null;
}

/** An extractor: in this thread (returns at once) or on the extractor thread (a promise). */
export type ExtractFn = (input: DocumentInput) => Extraction | Promise<Extraction>;

export interface IngestOptions {
  /** The extractor; the real one on this thread unless a caller passes the thread's or wraps it (e.g. to time it). */
  extract?: ExtractFn;
  log?: Logger;
}

export type IngestOutcome = 'new' | 'duplicate' | 'near-duplicate';

export interface IngestResult {
  outcome: IngestOutcome;
  /** The stored document: the new one, or the one this copy duplicates. */
  documentId: number;
  meetingsCreated: number;
  meetingsMerged: number;
}

export interface IngestFailure {
  /** The path or URL that failed. */
  source: string;
  message: string;
}

export interface IngestSummary {
  /** Items read (documents attempted, including duplicates and failures). */
  read: number;
  new: number;
  duplicates: number;
  meetingsCreated: number;
  meetingsMerged: number;
  failures: IngestFailure[];
}

export interface IngestProgress {
  done: number;
  /** Items known so far; grows while feeds are read. */
  total: number;
  /** What was just finished. */
  source: string;
  summary: IngestSummary;
}

export interface BatchOptions extends IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Documents loaded, and their extraction requested, ahead of the one being stored, where a
   * driver has them all in hand (files). Pays only with an extractor on another thread: it
   * extracts the next documents while this one is deduplicated, stored and merged. Default 0.
   */
  readAhead?: number;
}
