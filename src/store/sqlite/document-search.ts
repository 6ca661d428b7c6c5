import { SEARCH_COUNT_CAP, type SearchFilters, type SearchHit, type SearchResult } from '../../core/index.js';
import type { Db } from './db.js';
import { toJson } from './rows.js';
import { searchFilters, type Where } from './search-filters.js';

/**
 * How many of the newest matches bm25 ranks. Ranking every match of a word found
 * in most documents costs hundreds of milliseconds at 100,000 documents; past this
 * many, the order is: the newest RANK_WINDOW matches by relevance, then the older
 * matches newest first. That is one fixed order, so pages never overlap.
 */
export const RANK_WINDOW = 1000;

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

interface RankedRow {
  id: number;
  score: number;
}

export function searchDocuments(
  db: Db,
  words: readonly string[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): SearchResult {
  const match = ftsQuery(words);
  if (match === null && words.length > 0) return { hits: [], total: 0, capped: false };
  // One snapshot for the count and the page, so they agree.
  return db.read(() => {
    if (match === null) return listFiltered(db, searchFilters(filters, 'd.id'), limit, offset);
    const ids = idRange(db, filters);
    if (ids === null) return { hits: [], total: 0, capped: false };
    // Dates filling most of their id range are probed per match; scattered ones are a set.
    const where = searchFilters(filters, 'documents_fts.rowid', ids.count * 2 >= ids.hi - ids.lo + 1 ? 'probe' : 'set');
    // Unlike the `+` filters, a plain rowid range reaches FTS5, which then reads only that stretch of each doclist.
    where.sql.push('documents_fts.rowid BETWEEN ? AND ?');
    where.params.push(ids.lo, ids.hi);
    return searchMatching(db, match, where, limit, offset);
  });
}

/**
 * The lowest and highest id published within the date filters: every match lies
 * between them, whatever order documents were ingested in (a backfill of old news
 * only widens the range). Null when nothing was published in those dates.
 */
function idRange(db: Db, filters: SearchFilters): { lo: number; hi: number; count: number } | null {
  if (filters.since === undefined && filters.until === undefined) return { lo: 0, hi: Number.MAX_SAFE_INTEGER, count: Number.MAX_SAFE_INTEGER };
  const row = db.get<{ lo: number | null; hi: number | null; count: number }>(
    // The published index holds the ids: the range is read from it alone.
    `SELECT min(id) AS lo, max(id) AS hi, count(*) AS count FROM documents INDEXED BY documents_published WHERE published >= ? AND published <= ?`,
    filters.since ?? '0000-00-00',
    filters.until ?? '9999-99-99',
  );
  return row?.lo == null || row.hi == null ? null : { lo: row.lo, hi: row.hi, count: row.count };
}

/** Counts matches up to the cap (see SearchResult), so a common word is not counted through. */
function cappedCount(db: Db, from: string, conditions: string, params: unknown[], limit: number, offset: number): { total: number; capped: boolean } {
  const cap = Math.max(SEARCH_COUNT_CAP, offset + limit);
  const n = db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${conditions} LIMIT ?)`, ...params, cap + 1)?.n ?? 0;
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

function searchMatching(db: Db, match: string, where: Where, limit: number, offset: number): SearchResult {
  const conditions = ['documents_fts MATCH ?', ...where.sql].join(' AND ');
  const params = [match, ...where.params];
  if (offset + limit <= SEARCH_COUNT_CAP && SEARCH_COUNT_CAP <= RANK_WINDOW) return firstPages(db, match, conditions, params, limit, offset);
  const { total, capped } = cappedCount(db, 'documents_fts', conditions, params, limit, offset);
  if (total === 0 || offset >= total || limit <= 0) return { hits: [], total, capped };
  return { total, capped, hits: describe(db, match, rankPage(db, conditions, params, limit, offset)) };
}

/**
 * A page inside the rank window, which is nearly every search: one pass reads the
 * newest RANK_WINDOW matches and one more, which both ranks the page and counts
 * (up to the cap) without a second pass over the matches. The order is rankPage's.
 */
function firstPages(db: Db, match: string, conditions: string, params: unknown[], limit: number, offset: number): SearchResult {
  const newest = db.all<RankedRow>(
    `SELECT documents_fts.rowid AS id, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts
     WHERE ${conditions} ORDER BY documents_fts.rowid DESC LIMIT ?`,
    ...params,
    RANK_WINDOW + 1,
  );
  const capped = newest.length > SEARCH_COUNT_CAP;
  const total = capped ? SEARCH_COUNT_CAP : newest.length;
  const page = newest
    .slice(0, RANK_WINDOW)
    .sort((a, b) => a.score - b.score || b.id - a.id)
    .slice(offset, offset + Math.max(0, limit));
  return { total, capped, hits: page.length === 0 ? [] : describe(db, match, page) };
}

/** The page of ids in the order described at RANK_WINDOW. */
function rankPage(db: Db, conditions: string, params: unknown[], limit: number, offset: number): RankedRow[] {
  const page: RankedRow[] = [];
  if (offset < RANK_WINDOW) {
    // FTS5 yields rowids newest first without sorting, so the inner LIMIT stops the scan early.
    page.push(
      ...db.all<RankedRow>(
        `SELECT id, score FROM (
           SELECT documents_fts.rowid AS id, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts
           WHERE ${conditions} ORDER BY documents_fts.rowid DESC LIMIT ?)
         ORDER BY score, id DESC LIMIT ? OFFSET ?`,
        ...params,
        RANK_WINDOW,
        Math.min(limit, RANK_WINDOW - offset),
        offset,
      ),
    );
  }
  const rest = limit - page.length;
  if (rest > 0) {
    page.push(
      ...db.all<RankedRow>(
        `SELECT documents_fts.rowid AS id, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts
         WHERE ${conditions} ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?`,
        ...params,
        rest,
        Math.max(offset, RANK_WINDOW),
      ),
    );
  }
  return page;
}

/** Titles and snippets for one page: snippet() is costly, so only for the rows shown. */
function describe(db: Db, match: string, ranked: RankedRow[]): SearchHit[] {
  const ids = toJson(ranked.map((r) => r.id));
  const rows = db.all<SearchHit['document'] & { snippet: string }>(
    `SELECT f.rowid AS id, d.url, d.title, d.outlet, d.published, snippet(documents_fts, -1, '[[', ']]', '…', 24) AS snippet
     FROM documents_fts f JOIN documents d ON d.id = f.rowid
     WHERE documents_fts MATCH ? AND f.rowid IN (SELECT value FROM json_each(?))`,
    match,
    ids,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.flatMap(({ id, score }) => {
    const row = byId.get(id);
    if (!row) return [];
    const { snippet, ...document } = row;
    // bm25 is lower-is-better; the port's rank is higher-is-better.
    return [{ document, snippet, rank: -score }];
  });
}

/** No words at all: list by filters alone, newest published first. */
function listFiltered(db: Db, where: Where, limit: number, offset: number): SearchResult {
  const conditions = where.sql.length === 0 ? '1' : where.sql.join(' AND ');
  const { total, capped } = cappedCount(db, 'documents d', conditions, where.params, limit, offset);
  const rows = db.all<SearchHit['document'] & { excerpt: string }>(
    `SELECT d.id, d.url, d.title, d.outlet, d.published, substr(d.text, 1, 240) AS excerpt
     FROM documents d WHERE ${conditions}
     ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT ? OFFSET ?`,
    ...where.params,
    limit,
    offset,
  );
  return { total, capped, hits: rows.map(({ excerpt, ...document }) => ({ document, snippet: excerpt, rank: 0 })) };
}
