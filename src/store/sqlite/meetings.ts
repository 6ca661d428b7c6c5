import type { IsoDate, Meeting, MeetingQuery, MeetingRecord, MeetingRepo, MeetingSource } from '../../core/index.js';
import type { Db } from './db.js';
import { MEETING_COLUMNS, RECORD_COLUMNS, recordValues, toMeeting, topicRows as firstSpellings, type MeetingRow } from './meeting-rows.js';
import { meetingOrder, meetingWhere } from './meeting-query.js';
import { fold, toJson } from './rows.js';

// Both return what the database decides; the rest of the Meeting handed back is the record
// written (parsing its JSON columns back cost more than the write on every merge).
const RETURNING = 'RETURNING id, first_seq, last_seq';
const INSERT_SQL = `INSERT INTO meetings (${RECORD_COLUMNS.join(', ')}, first_reported, first_seq, last_seq, created_at, updated_at)
  VALUES (${RECORD_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?, ?) ${RETURNING}`;
const UPDATE_SQL = `UPDATE meetings SET ${RECORD_COLUMNS.map((c) => `${c} = ?`).join(', ')},
  last_seq = MAX(last_seq, ?), updated_at = ? WHERE id = ? ${RETURNING}`;
// Where a meeting begins and how long it lasts, spelled as migration 006 indexes them.
const BEGINS = 'COALESCE(m.start_date, m.end_date)';
const ENDS = 'COALESCE(m.end_date, m.start_date)';
const LASTS = `CASE WHEN start_date IS NULL AND end_date IS NULL THEN 0
  ELSE COALESCE(julianday(COALESCE(end_date, start_date)) - julianday(COALESCE(start_date, end_date)), 36500) END`;
/**
 * Meetings of a body that overlap [from, to], undated ones included. A meeting overlapping the
 * window begins no earlier than `from` less the body's longest meeting, so the begin index is
 * read over that range only, not over every meeting of the body. The indexes are named: left to
 * itself, the planner took the older body index and scanned it.
 */
export const WINDOW_SQL = `SELECT ${MEETING_COLUMNS} FROM meetings m INDEXED BY meetings_body_from WHERE m.body_lc = @body AND ${BEGINS} IS NULL
  UNION ALL
  SELECT ${MEETING_COLUMNS} FROM meetings m INDEXED BY meetings_body_from WHERE m.body_lc = @body AND ${ENDS} >= @from
    AND ${BEGINS} BETWEEN date(@from, '-' || CAST((SELECT ${LASTS} FROM meetings INDEXED BY meetings_body_span
      WHERE body_lc = @body ORDER BY ${LASTS} DESC LIMIT 1) AS INTEGER) || ' days') AND @to
  ORDER BY start_date DESC NULLS LAST, id DESC`;
const SOURCES_SQL = `SELECT d.id AS documentId, d.url, d.title, d.outlet, d.published
  FROM meeting_documents md JOIN documents d ON d.id = md.document_id WHERE md.meeting_id = ? ORDER BY d.id`;

interface Written {
  id: number;
  first_seq: number;
  last_seq: number;
}

/** The meeting as written: the record's own values (not copies) beside the stored sequence numbers. */
function written(row: Written, record: MeetingRecord, sources: MeetingSource[]): Meeting {
  return { ...record, id: row.id, sources, firstSeq: row.first_seq, lastSeq: row.last_seq };
}

/** The meeting_topics rows a record has, as JSON. */
const topicRows = (topics: readonly string[]): string => toJson(firstSpellings(topics));
/** Where the topics column's JSON stands among `recordValues`. */
const TOPICS_VALUE = RECORD_COLUMNS.indexOf('topics');

export class SqliteMeetingRepo implements MeetingRepo {
  constructor(private readonly db: Db) {}

  async create(record: MeetingRecord, documentId: number): Promise<Meeting> {
    return this.db.tx(() => {
      const doc = this.db.get<{ url: string | null; title: string; outlet: string | null; published: string | null; ingested_at: string }>(
        'SELECT url, title, outlet, published, ingested_at FROM documents WHERE id = ?',
        documentId,
      );
      if (!doc) throw new Error(`No document ${documentId} to create a meeting from`);
      const now = this.db.now();
      const row = this.db.get<Written>(
        INSERT_SQL,
        ...recordValues(record),
        doc.published ?? doc.ingested_at.slice(0, 10),
        documentId,
        documentId,
        now,
        now,
      )!;
      this.attach(row.id, record, documentId);
      // A new meeting's one source is the document it was created from.
      return written(row, record, [{ documentId, url: doc.url, title: doc.title, outlet: doc.outlet, published: doc.published }]);
    });
  }

  async update(id: number, record: MeetingRecord, documentId: number): Promise<Meeting> {
    return this.db.tx(() => {
      const values = recordValues(record);
      // The topic rows follow from the topics column alone; most reports merged into a meeting
      // leave its topics as they were, and then its rows need no rewriting.
      const before = this.db.get<{ topics: string }>('SELECT topics FROM meetings WHERE id = ?', id);
      const updated = this.db.get<Written>(UPDATE_SQL, ...values, documentId, this.db.now(), id);
      if (!updated) throw new Error(`No meeting ${id} to update`);
      if (before?.topics === values[TOPICS_VALUE]) {
        this.attach(id, record, documentId, null);
      } else {
        // Merged topics mostly just grow: drop only the rows the record no longer has (as its
        // first spelling of each topic) instead of rewriting them all.
        const rows = topicRows(record.topics);
        this.db.run(
          `DELETE FROM meeting_topics WHERE meeting_id = ? AND topic NOT IN (SELECT json_extract(value, '$[0]') FROM json_each(?))`,
          id,
          rows,
        );
        this.attach(id, record, documentId, rows);
      }
      return written(updated, record, this.db.all<MeetingSource>(SOURCES_SQL, id));
    });
  }

  async get(id: number): Promise<Meeting | null> {
    const row = this.db.get<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = ?`, id);
    return row ? this.withSources([row])[0]! : null;
  }

  async list(query: MeetingQuery): Promise<{ items: Meeting[]; total: number }> {
    const where = meetingWhere(query);
    const total = this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM meetings m WHERE ${where.sql}`, ...where.params)?.n ?? 0;
    if (total === 0) return { items: [], total };
    const rows = this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE ${where.sql} ORDER BY ${meetingOrder(query.order)} LIMIT ? OFFSET ?`,
      ...where.params,
      query.limit,
      query.offset ?? 0,
    );
    return { items: this.withSources(rows), total };
  }

  async candidates(body: string, from: IsoDate | null, to: IsoDate | null): Promise<Meeting[]> {
    if (from !== null && to !== null) return this.withSources(this.db.all<MeetingRow>(WINDOW_SQL, { body: fold(body), from, to }));
    // Undated meetings could be any date, so they are always candidates.
    const rows = this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m
       WHERE m.body_lc = ?
         AND (? IS NULL OR COALESCE(m.end_date, m.start_date) IS NULL OR COALESCE(m.end_date, m.start_date) >= ?)
         AND (? IS NULL OR COALESCE(m.start_date, m.end_date) IS NULL OR COALESCE(m.start_date, m.end_date) <= ?)
       ORDER BY m.start_date DESC NULLS LAST, m.id DESC`,
      fold(body),
      from,
      from,
      to,
      to,
    );
    return this.withSources(rows);
  }

  async findByWords(words: readonly string[], limit: number): Promise<Meeting[]> {
    const folded = words.map(fold).filter((w) => w !== '');
    if (folded.length === 0) return [];
    const rows = this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m
       WHERE ${folded.map(() => 'instr(m.search_text, ?) > 0').join(' AND ')}
       ORDER BY m.start_date DESC NULLS LAST, m.id DESC LIMIT ?`,
      ...folded,
      limit,
    );
    return this.withSources(rows);
  }

  async ofDocuments(documentIds: readonly number[]): Promise<Meeting[]> {
    if (documentIds.length === 0) return [];
    const rows = this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m
       WHERE m.id IN (SELECT meeting_id FROM meeting_documents WHERE document_id IN (SELECT value FROM json_each(?)))
       ORDER BY m.id`,
      toJson(documentIds),
    );
    return this.withSources(rows);
  }

  async changedSince(afterSeq: number, uptoSeq: number): Promise<Meeting[]> {
    const rows = this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.last_seq > ? AND m.last_seq <= ? ORDER BY m.last_seq, m.id`,
      afterSeq,
      uptoSeq,
    );
    return this.withSources(rows);
  }

  async topicCounts(since: IsoDate): Promise<Map<string, number>> {
    // Primary meetings only, like list's default, so a count matches what listing the topic shows.
    const rows = this.db.all<{ topic: string; n: number }>(
      // CROSS JOIN keeps meetings outermost, read from the covering filter index.
      `SELECT MIN(t.topic) AS topic, COUNT(*) AS n FROM meetings m CROSS JOIN meeting_topics t ON t.meeting_id = m.id
       WHERE m.is_primary = 1 AND COALESCE(m.start_date, m.first_reported) >= ?
       GROUP BY t.topic_lc ORDER BY n DESC, t.topic_lc`,
      since,
    );
    return new Map(rows.map((r) => [r.topic, r.n]));
  }

  async bodies(): Promise<Array<{ body: string; count: number }>> {
    return this.db.all<{ body: string; count: number }>(
      `SELECT MIN(body) AS body, COUNT(*) AS count FROM meetings GROUP BY body_lc ORDER BY count DESC, body_lc`,
    );
  }

  async count(): Promise<number> {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM meetings')?.n ?? 0;
  }

  /** Attaches the document, and the topic rows unless `rows` is null (they are already right). */
  private attach(id: number, record: MeetingRecord, documentId: number, rows: string | null = topicRows(record.topics)): void {
    this.db.run('INSERT OR IGNORE INTO meeting_documents (meeting_id, document_id) VALUES (?, ?)', id, documentId);
    if (rows === null || record.topics.length === 0) return;
    // One statement for all topics (a topic already attached is ignored).
    this.db.run(
      `INSERT OR IGNORE INTO meeting_topics (meeting_id, topic, topic_lc)
       SELECT ?, json_extract(t.value, '$[0]'), json_extract(t.value, '$[1]') FROM json_each(?) t`,
      id,
      rows,
    );
  }

  /** Loads the source documents of many meetings in one query. */
  private withSources(rows: MeetingRow[]): Meeting[] {
    if (rows.length === 0) return [];
    const sourceRows = this.db.all<MeetingSource & { meetingId: number }>(
      `SELECT md.meeting_id AS meetingId, d.id AS documentId, d.url, d.title, d.outlet, d.published
       FROM meeting_documents md JOIN documents d ON d.id = md.document_id
       WHERE md.meeting_id IN (SELECT value FROM json_each(?))
       ORDER BY d.id`,
      toJson(rows.map((r) => r.id)),
    );
    const sources = new Map<number, MeetingSource[]>();
    for (const { meetingId, ...source } of sourceRows) {
      const list = sources.get(meetingId) ?? [];
      list.push(source);
      sources.set(meetingId, list);
    }
    return rows.map((row) => toMeeting(row, sources.get(row.id) ?? []));
  }
}
