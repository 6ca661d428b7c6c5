import type { SearchFilters } from '../../core/index.js';
import { topicToken } from './meeting-rows.js';
import { fold } from './rows.js';

export interface Where {
  sql: string[];
  params: unknown[];
}

function given(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * Search filters as conditions on documents. Full-text queries name documents only
 * by FTS rowid, so there every filter is an `id IN (...)` set: reading the wide
 * documents rows (their text) per match to filter would cost far more. The unary
 * `+` keeps SQLite from handing a set to FTS5 as rowid lookups, which restarts the
 * match per id (hundreds of milliseconds for a common word); as a plain filter it
 * is a bloom-filtered probe. A listing of `documents d` filters dates directly.
 */
export function searchFilters(filters: SearchFilters, column: 'documents_fts.rowid' | 'd.id', dates: 'probe' | 'set' = 'probe'): Where {
  const where: Where = { sql: [], params: [] };
  const id = `+${column}`;
  if (given(filters.body)) {
    where.sql.push(
      `${id} IN (SELECT md.document_id FROM meeting_documents md
                 WHERE md.meeting_id IN (SELECT m.id FROM meetings m WHERE instr(m.body_lc, ?) > 0))`,
    );
    where.params.push(fold(filters.body));
  }
  if (given(filters.topic)) {
    // A document counts for a topic it reports itself, or one of a meeting it reports.
    where.sql.push(
      `${id} IN (SELECT document_id FROM document_topics WHERE topic_lc = ?
                 UNION SELECT md.document_id FROM meeting_topics mt JOIN meeting_documents md ON md.meeting_id = mt.meeting_id
                       WHERE mt.topic_lc = ?)`,
    );
    where.params.push(topicToken(filters.topic), topicToken(filters.topic));
  }
  if (given(filters.place)) {
    where.sql.push(
      `${id} IN (SELECT md.document_id FROM meeting_documents md
                 WHERE md.meeting_id IN (SELECT m.id FROM meetings m WHERE m.city_lc = ? OR m.country_lc = ?))`,
    );
    where.params.push(fold(filters.place), fold(filters.place));
  }
  if (filters.since !== undefined || filters.until !== undefined) {
    where.sql.push(
      column === 'd.id'
        ? 'd.published >= ? AND d.published <= ?'
        : dates === 'probe'
          ? // One primary-key probe per match; the search bounds FTS5 to the id range these
            // dates span (see idRange), so when that range is mostly these dates, few
            // matches are probed in vain, where building a set of every id cost more.
            `(SELECT published FROM documents WHERE id = ${id}) BETWEEN ? AND ?`
          : // Dates scattered over the ids (old news ingested late): one set of those ids.
            `${id} IN (SELECT id FROM documents WHERE published >= ? AND published <= ?)`,
    );
    where.params.push(filters.since ?? '0000-00-00', filters.until ?? '9999-99-99');
  }
  return where;
}
