import type { SearchFilters, SearchHit } from '../../core/index.js';
import type { Db } from './db.js';
import { fold, toJson } from './rows.js';

/**
 * Turns words typed by a user into an FTS5 query that is always valid: every word
 * becomes a quoted string (internal quotes doubled), so `*`, `NEAR(`, `OR`, `-`,
 * `:` and parentheses are just text. Words are ANDed. Control characters go: FTS5
 * reads the query as a C string, so a NUL would cut it inside a quote.
 */
export function ftsQuery(words: readonly string[]): string | null {
  const quoted = words
    .map((w) => w.replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
    .filter((w) => w !== '')
    .map((w) => `"${w.replaceAll('"', '""')}"`);
  return quoted.length === 0 ? null : quoted.join(' ');
}

interface Where {
  sql: string[];
  params: unknown[];
}

/** Filter clauses on documents `d`, shared by the ranked and the plain listing. */
function filterClauses(filters: SearchFilters): Where {
  const where: Where = { sql: [], params: [] };
  if (filters.body !== undefined && filters.body.trim() !== '') {
    where.sql.push(
      `d.id IN (SELECT md.document_id FROM meeting_documents md JOIN meetings m ON m.id = md.meeting_id
                WHERE instr(m.body_lc, ?) > 0)`,
    );
    where.params.push(fold(filters.body));
  }
  if (filters.topic !== undefined && filters.topic.trim() !== '') {
    // A document counts for a topic it reports itself, or one of a meeting it reports.
    where.sql.push(
      `(d.id IN (SELECT document_id FROM document_topics WHERE topic_lc = ?)
        OR d.id IN (SELECT md.document_id FROM meeting_topics mt JOIN meeting_documents md ON md.meeting_id = mt.meeting_id
                    WHERE mt.topic_lc = ?))`,
    );
    where.params.push(fold(filters.topic), fold(filters.topic));
  }
  if (filters.place !== undefined && filters.place.trim() !== '') {
    where.sql.push(
      `d.id IN (SELECT md.document_id FROM meetings m JOIN meeting_documents md ON md.meeting_id = m.id
                WHERE m.city_lc = ? OR m.country_lc = ?)`,
    );
    where.params.push(fold(filters.place), fold(filters.place));
  }
  if (filters.since !== undefined) {
    where.sql.push('d.published >= ?');
    where.params.push(filters.since);
  }
  if (filters.until !== undefined) {
    where.sql.push('d.published <= ?');
    where.params.push(filters.until);
  }
  return where;
}

interface HitRow {
  id: number;
  url: string | null;
  title: string;
  outlet: string | null;
  published: string | null;
  score: number;
}

export function searchDocuments(
  db: Db,
  words: readonly string[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): { hits: SearchHit[]; total: number } {
  const match = ftsQuery(words);
  const where = filterClauses(filters);
  if (match === null) return listFiltered(db, words.length > 0, where, limit, offset);

  const conditions = ['documents_fts MATCH ?', ...where.sql].join(' AND ');
  const params = [match, ...where.params];
  const total =
    db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid WHERE ${conditions}`,
      ...params,
    )?.n ?? 0;
  if (total === 0 || offset >= total) return { hits: [], total };

  // Rank first, then build snippets for the page only: snippet() is the costly part.
  const ranked = db.all<HitRow>(
    `SELECT d.id, d.url, d.title, d.outlet, d.published, bm25(documents_fts, 4.0, 1.0) AS score
     FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
     WHERE ${conditions}
     ORDER BY score, d.id DESC LIMIT ? OFFSET ?`,
    ...params,
    limit,
    offset,
  );
  const snippets = new Map(
    db
      .all<{ id: number; snippet: string }>(
        `SELECT rowid AS id, snippet(documents_fts, -1, '[[', ']]', '…', 24) AS snippet
         FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
        match,
        toJson(ranked.map((r) => r.id)),
      )
      .map((r) => [r.id, r.snippet]),
  );
  return {
    total,
    // bm25 is lower-is-better; the port's rank is higher-is-better.
    hits: ranked.map((row) => ({ document: pick(row), snippet: snippets.get(row.id) ?? '', rank: -row.score })),
  };
}

/** No searchable words: list by filters alone, newest first (none at all when words were all blank). */
function listFiltered(
  db: Db,
  hadWords: boolean,
  where: Where,
  limit: number,
  offset: number,
): { hits: SearchHit[]; total: number } {
  if (hadWords) return { hits: [], total: 0 };
  const conditions = where.sql.length === 0 ? '1' : where.sql.join(' AND ');
  const total = db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM documents d WHERE ${conditions}`, ...where.params)?.n ?? 0;
  const rows = db.all<HitRow & { excerpt: string }>(
    `SELECT d.id, d.url, d.title, d.outlet, d.published, 0 AS score, substr(d.text, 1, 240) AS excerpt
     FROM documents d WHERE ${conditions}
     ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT ? OFFSET ?`,
    ...where.params,
    limit,
    offset,
  );
  return { total, hits: rows.map((row) => ({ document: pick(row), snippet: row.excerpt, rank: 0 })) };
}

function pick(row: HitRow): SearchHit['document'] {
  return { id: row.id, url: row.url, title: row.title, outlet: row.outlet, published: row.published };
}
