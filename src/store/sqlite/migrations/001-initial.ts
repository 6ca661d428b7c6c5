/**
 * The first schema. Timestamps are ISO-8601 UTC text (`Date.toISOString()`), calendar
 * dates are `YYYY-MM-DD` text, so both compare correctly as strings.
 */
export const sql = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  poll_interval_sec INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_fetched_at TEXT,
  last_new_item_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  disabled_at TEXT,
  disabled_reason TEXT,
  disabled_announced INTEGER NOT NULL DEFAULT 0,
  next_poll_at TEXT NOT NULL,
  added_by TEXT,
  created_at TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT
);
CREATE INDEX sources_due ON sources (next_poll_at) WHERE disabled_at IS NULL;

-- id is the ingestion sequence: AUTOINCREMENT never reuses a number.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT UNIQUE,
  title TEXT NOT NULL,
  outlet TEXT,
  published TEXT,
  ingested_at TEXT NOT NULL,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  simhash TEXT,
  -- The SimHash split in four 16-bit bands: two fingerprints within Hamming
  -- distance 3 share at least one band exactly, so an index finds candidates.
  simhash_b0 TEXT,
  simhash_b1 TEXT,
  simhash_b2 TEXT,
  simhash_b3 TEXT,
  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
  extraction TEXT NOT NULL,
  is_meeting_report INTEGER NOT NULL,
  development TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_source ON documents (source_id);
CREATE INDEX documents_simhash_b0 ON documents (simhash_b0) WHERE simhash_b0 IS NOT NULL;
CREATE INDEX documents_simhash_b1 ON documents (simhash_b1) WHERE simhash_b1 IS NOT NULL;
CREATE INDEX documents_simhash_b2 ON documents (simhash_b2) WHERE simhash_b2 IS NOT NULL;
CREATE INDEX documents_simhash_b3 ON documents (simhash_b3) WHERE simhash_b3 IS NOT NULL;

CREATE TABLE document_urls (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  url TEXT NOT NULL UNIQUE
);
CREATE INDEX document_urls_document ON document_urls (document_id);

CREATE TABLE document_topics (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  topic_lc TEXT NOT NULL,
  PRIMARY KEY (document_id, topic_lc)
);
CREATE INDEX document_topics_topic ON document_topics (topic_lc, document_id);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text,
  content = 'documents', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,
  body_lc TEXT NOT NULL,
  parent TEXT,
  kind TEXT NOT NULL,
  city TEXT,
  city_lc TEXT,
  country TEXT,
  country_lc TEXT,
  start_date TEXT,
  end_date TEXT,
  status TEXT NOT NULL,
  chairs TEXT NOT NULL,
  outcomes TEXT NOT NULL,
  people TEXT NOT NULL,
  topics TEXT NOT NULL,
  summary TEXT NOT NULL,
  variants TEXT NOT NULL,
  is_primary INTEGER NOT NULL,
  -- Lowercased body, place and summary text, for findByWords.
  search_text TEXT NOT NULL,
  -- The meeting's date for topic counts when it has none: the first report's date.
  first_reported TEXT NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX meetings_primary_start ON meetings (is_primary, start_date, id);
CREATE INDEX meetings_start ON meetings (start_date, id);
CREATE INDEX meetings_body ON meetings (body_lc, start_date);
CREATE INDEX meetings_city ON meetings (city_lc);
CREATE INDEX meetings_country ON meetings (country_lc);
CREATE INDEX meetings_last_seq ON meetings (last_seq);

CREATE TABLE meeting_topics (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  topic TEXT NOT NULL,
  topic_lc TEXT NOT NULL,
  PRIMARY KEY (meeting_id, topic_lc)
);
CREATE INDEX meeting_topics_topic ON meeting_topics (topic_lc, meeting_id);

CREATE TABLE meeting_documents (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (meeting_id, document_id)
);
CREATE INDEX meeting_documents_document ON meeting_documents (document_id, meeting_id);

CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscriber TEXT NOT NULL,
  filter TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX subscriptions_subscriber ON subscriptions (subscriber, id);

CREATE TABLE schedules (
  subscriber TEXT NOT NULL,
  digest TEXT NOT NULL,
  cron TEXT NOT NULL,
  timezone TEXT NOT NULL,
  announce_empty INTEGER NOT NULL,
  set_by TEXT NOT NULL,
  paused_at TEXT,
  paused_reason TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (subscriber, digest)
);

CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscriber TEXT NOT NULL,
  digest TEXT NOT NULL,
  slot TEXT NOT NULL,
  owner TEXT NOT NULL,
  lease_until TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('claimed', 'composed', 'sent', 'failed', 'empty')),
  snapshot TEXT,
  sent_parts TEXT NOT NULL DEFAULT '{}',
  error TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  UNIQUE (subscriber, digest, slot)
);
CREATE INDEX deliveries_unfinished ON deliveries (lease_until) WHERE status IN ('claimed', 'composed');
CREATE INDEX deliveries_subscriber_status ON deliveries (subscriber, status, slot);

CREATE TABLE watermarks (
  subscriber TEXT NOT NULL,
  digest TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (subscriber, digest)
);
`;
