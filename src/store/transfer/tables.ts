/**
 * Every table a store holds, parents before children, with the columns that carry
 * data (not the derived full-text index or search vector). Both schemas share these
 * names and value forms, so a row moves between SQLite and PostgreSQL unchanged.
 */
export interface TableSpec {
  name: string;
  columns: readonly string[];
  /** A stable order for reading, so two exports of the same data are identical. */
  orderBy: string;
  /** The identity column whose sequence must continue after the highest id. */
  identity?: string;
}

export const TABLES: readonly TableSpec[] = [
  { name: 'meta', columns: ['key', 'value'], orderBy: 'key' },
  {
    name: 'sources',
    columns: [
      'id', 'kind', 'url', 'title', 'poll_interval_sec', 'etag', 'last_modified', 'last_fetched_at', 'last_new_item_at',
      'consecutive_failures', 'last_error', 'disabled_at', 'disabled_reason', 'disabled_announced', 'next_poll_at',
      'added_by', 'created_at', 'lease_owner', 'lease_until',
    ],
    orderBy: 'id',
    identity: 'id',
  },
  {
    name: 'documents',
    columns: [
      'id', 'url', 'title', 'outlet', 'published', 'ingested_at', 'text', 'content_hash', 'simhash', 'simhash_b0',
      'simhash_b1', 'simhash_b2', 'simhash_b3', 'source_id', 'extraction', 'is_meeting_report', 'development',
    ],
    orderBy: 'id',
    identity: 'id',
  },
  // No key of its own: the order URLs were recorded in is the table's insertion order.
  { name: 'document_urls', columns: ['document_id', 'url'], orderBy: '' },
  { name: 'document_topics', columns: ['document_id', 'topic_lc'], orderBy: 'document_id, topic_lc' },
  {
    name: 'meetings',
    columns: [
      'id', 'body', 'body_lc', 'parent', 'kind', 'city', 'city_lc', 'country', 'country_lc', 'start_date', 'end_date',
      'status', 'chairs', 'outcomes', 'people', 'topics', 'summary', 'variants', 'is_primary', 'search_text',
      'first_reported', 'first_seq', 'last_seq', 'created_at', 'updated_at', 'topic_key',
    ],
    orderBy: 'id',
    identity: 'id',
  },
  { name: 'meeting_topics', columns: ['meeting_id', 'topic', 'topic_lc'], orderBy: 'meeting_id, topic_lc' },
  { name: 'meeting_documents', columns: ['meeting_id', 'document_id'], orderBy: 'meeting_id, document_id' },
  { name: 'subscriptions', columns: ['id', 'subscriber', 'filter', 'created_by', 'created_at'], orderBy: 'id', identity: 'id' },
  {
    name: 'schedules',
    columns: ['subscriber', 'digest', 'cron', 'timezone', 'announce_empty', 'set_by', 'paused_at', 'paused_reason', 'updated_at'],
    orderBy: 'subscriber, digest',
  },
  {
    name: 'deliveries',
    columns: ['id', 'subscriber', 'digest', 'slot', 'owner', 'lease_until', 'status', 'snapshot', 'sent_parts', 'error', 'created_at', 'finished_at'],
    orderBy: 'id',
    identity: 'id',
  },
  { name: 'watermarks', columns: ['subscriber', 'digest', 'seq'], orderBy: 'subscriber, digest' },
];

export type Row = Record<string, unknown>;

/** Raw table access, one per backend. */
export interface TableAccess {
  /** Rows in the table's stable order, in batches. */
  read(table: TableSpec): AsyncIterable<Row[]>;
  count(table: TableSpec): Promise<number>;
  /** Runs `fn` in one transaction: an import lands whole or not at all. */
  transaction(fn: (writer: TableWriter) => Promise<void>): Promise<void>;
}

export interface TableWriter {
  /** Deletes every row of every table (children first). */
  clear(): Promise<void>;
  insert(table: TableSpec, rows: Row[]): Promise<void>;
  /** Moves identity sequences past the highest imported id. */
  finish(): Promise<void>;
}
