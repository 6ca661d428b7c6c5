import type { IsoDate, Meeting, MeetingQuery, MeetingRecord, MeetingRepo, MeetingSource } from '../../core/index.js';
import { MEETING_COLUMNS, RECORD_COLUMNS, recordValues, toMeeting, topicToken, type MeetingRow } from '../sqlite/meeting-rows.js';
import { fold } from '../sqlite/rows.js';
import { meetingOrder, meetingWhere } from './meeting-query.js';
import type { PgDb } from './pg-db.js';

const placeholders = (from: number, count: number) => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
const N = RECORD_COLUMNS.length;
const INSERT_SQL = `INSERT INTO meetings (${RECORD_COLUMNS.join(', ')}, first_reported, first_seq, last_seq, created_at, updated_at)
  VALUES (${placeholders(1, N + 5)}) RETURNING id`;
// Hands back the topics the meeting had: its topic rows follow from them alone, and most reports
// merged into a meeting leave them as they were.
const UPDATE_SQL = `UPDATE meetings m SET ${RECORD_COLUMNS.map((c, i) => `${c} = $${i + 1}`).join(', ')},
  last_seq = GREATEST(m.last_seq, $${N + 1}), updated_at = $${N + 2}
  FROM (SELECT id, topics FROM meetings WHERE id = $${N + 3} FOR UPDATE) before WHERE m.id = before.id RETURNING before.topics`;
const TOPICS_VALUE = RECORD_COLUMNS.indexOf('topics');

/**
 * Meetings of a body ($1) that overlap [$2, $3], undated ones included. A meeting overlapping
 * the window begins no earlier than $2 less the body's longest meeting, so the begin index is
 * read over that range only, not over every meeting of the body (migration 005).
 */
export const WINDOW_SQL = `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.body_lc = $1 AND COALESCE(m.start_date, m.end_date) IS NULL
  UNION ALL
  SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.body_lc = $1 AND COALESCE(m.end_date, m.start_date) >= $2
    AND COALESCE(m.start_date, m.end_date) BETWEEN to_char($2::date - (SELECT meeting_span(start_date, end_date) FROM meetings
      WHERE body_lc = $1 ORDER BY meeting_span(start_date, end_date) DESC LIMIT 1), 'YYYY-MM-DD') AND $3
  ORDER BY start_date DESC NULLS LAST, id DESC`;

export class PgMeetingRepo implements MeetingRepo {
  constructor(private readonly db: PgDb) {}

  async create(record: MeetingRecord, documentId: number): Promise<Meeting> {
    const id = await this.db.tx(async (tx) => {
      const doc = await tx.get<{ published: string | null; ingested_at: string }>(
        'SELECT published, ingested_at FROM documents WHERE id = $1',
        documentId,
      );
      if (!doc) throw new Error(`No document ${documentId} to create a meeting from`);
      const now = this.db.now();
      const row = await tx.get<{ id: number }>(
        INSERT_SQL,
        ...recordValues(record),
        doc.published ?? doc.ingested_at.slice(0, 10),
        documentId,
        documentId,
        now,
        now,
      );
      await attach(tx, row!.id, documentId, record.topics);
      return row!.id;
    });
    return this.mustGet(id);
  }

  async update(id: number, record: MeetingRecord, documentId: number): Promise<Meeting> {
    await this.db.tx(async (tx) => {
      const values = recordValues(record);
      const before = await tx.get<{ topics: string }>(UPDATE_SQL, ...values, documentId, this.db.now(), id);
      if (!before) throw new Error(`No meeting ${id} to update`);
      const sameTopics = before.topics === values[TOPICS_VALUE];
      if (!sameTopics) await tx.run('DELETE FROM meeting_topics WHERE meeting_id = $1', id);
      await attach(tx, id, documentId, sameTopics ? [] : record.topics);
    });
    return this.mustGet(id);
  }

  async get(id: number): Promise<Meeting | null> {
    const row = await this.db.get<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = $1`, id);
    return row ? (await this.withSources([row]))[0]! : null;
  }

  async list(query: MeetingQuery): Promise<{ items: Meeting[]; total: number }> {
    const where = meetingWhere(query);
    const total = (await this.db.get<{ n: number }>(`SELECT COUNT(*)::int AS n FROM meetings m WHERE ${where.sql}`, ...where.params))?.n ?? 0;
    if (total === 0) return { items: [], total };
    const n = where.params.length;
    const rows = await this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE ${where.sql} ORDER BY ${meetingOrder(query.order)} LIMIT $${n + 1} OFFSET $${n + 2}`,
      ...where.params,
      query.limit,
      query.offset ?? 0,
    );
    return { items: await this.withSources(rows), total };
  }

  async candidates(body: string, from: IsoDate | null, to: IsoDate | null): Promise<Meeting[]> {
    if (from !== null && to !== null) return this.withSources(await this.db.all<MeetingRow>(WINDOW_SQL, fold(body), from, to));
    // Undated meetings could be any date, so they are always candidates.
    const rows = await this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m
       WHERE m.body_lc = $1
         AND ($2::text IS NULL OR COALESCE(m.end_date, m.start_date) IS NULL OR COALESCE(m.end_date, m.start_date) >= $2)
         AND ($3::text IS NULL OR COALESCE(m.start_date, m.end_date) IS NULL OR COALESCE(m.start_date, m.end_date) <= $3)
       ORDER BY m.start_date DESC NULLS LAST, m.id DESC`,
      fold(body),
      from,
      to,
    );
    return this.withSources(rows);
  }

  async findByWords(words: readonly string[], limit: number): Promise<Meeting[]> {
    const folded = words.map((w) => fold(w.replaceAll('\u0000', ' '))).filter((w) => w !== '');
    if (folded.length === 0) return [];
    const rows = await this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m
       WHERE ${folded.map((_, i) => `strpos(m.search_text, $${i + 1}) > 0`).join(' AND ')}
       ORDER BY m.start_date DESC NULLS LAST, m.id DESC LIMIT $${folded.length + 1}`,
      ...folded,
      limit,
    );
    return this.withSources(rows);
  }

  async ofDocuments(documentIds: readonly number[]): Promise<Meeting[]> {
    if (documentIds.length === 0) return [];
    const rows = await this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m
       WHERE m.id IN (SELECT meeting_id FROM meeting_documents WHERE document_id = ANY($1::bigint[]))
       ORDER BY m.id`,
      documentIds,
    );
    return this.withSources(rows);
  }

  async changedSince(afterSeq: number, uptoSeq: number): Promise<Meeting[]> {
    const rows = await this.db.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.last_seq > $1 AND m.last_seq <= $2 ORDER BY m.last_seq, m.id`,
      afterSeq,
      uptoSeq,
    );
    return this.withSources(rows);
  }

  async topicCounts(since: IsoDate): Promise<Map<string, number>> {
    const rows = await this.db.all<{ topic: string; n: number }>(
      `SELECT MIN(t.topic) AS topic, COUNT(*)::int AS n FROM meeting_topics t JOIN meetings m ON m.id = t.meeting_id
       WHERE m.is_primary = 1 AND COALESCE(m.start_date, m.first_reported) >= $1
       GROUP BY t.topic_lc ORDER BY n DESC, t.topic_lc`,
      since,
    );
    return new Map(rows.map((r) => [r.topic, r.n]));
  }

  async bodies(): Promise<Array<{ body: string; count: number }>> {
    return this.db.all<{ body: string; count: number }>(
      'SELECT MIN(body) AS body, COUNT(*)::int AS count FROM meetings GROUP BY body_lc ORDER BY count DESC, body_lc',
    );
  }

  async count(): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*)::int AS n FROM meetings'))?.n ?? 0;
  }

  private async mustGet(id: number): Promise<Meeting> {
    const meeting = await this.get(id);
    if (!meeting) throw new Error(`Meeting ${id} vanished`);
    return meeting;
  }

  /** Loads the source documents of many meetings in one query. */
  private async withSources(rows: MeetingRow[]): Promise<Meeting[]> {
    if (rows.length === 0) return [];
    const sourceRows = await this.db.all<MeetingSource & { meetingId: number }>(
      `SELECT md.meeting_id AS "meetingId", d.id AS "documentId", d.url, d.title, d.outlet, d.published
       FROM meeting_documents md JOIN documents d ON d.id = md.document_id
       WHERE md.meeting_id = ANY($1::bigint[])
       ORDER BY d.id`,
      rows.map((r) => r.id),
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

/** Attaches the document to the meeting, and these topics (those it does not have yet). */
async function attach(db: PgDb, id: number, documentId: number, topics: readonly string[]): Promise<void> {
  await db.run('INSERT INTO meeting_documents (meeting_id, document_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', id, documentId);
  for (const topic of topics) {
    await db.run(
      'INSERT INTO meeting_topics (meeting_id, topic, topic_lc) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      id,
      topic,
      topicToken(topic),
    );
  }
}
