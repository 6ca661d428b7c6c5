import { SEARCH_COUNT_CAP, type SearchFilters, type SearchHit, type SearchResult } from '../../core/index.js';
import { topicToken } from '../sqlite/meeting-rows.js';
import { fold } from '../sqlite/rows.js';
import type { PgDb } from './pg-db.js';

/**
 * Words typed by a user, made safe for a bound parameter: PostgreSQL text may not
 * hold NUL, and control characters carry no words. Each reaches SQL only as a
 * parameter of phraseto_tsquery, which reads no operators at all: `|`, `!`, `:*`,
 * `<->` and parentheses are just punctuation.
 */
export function searchTerms(words: readonly string[]): string[] | null {
  const cleaned = words.map((w) => clean(w).trim()).filter((w) => w !== '');
  return cleaned.length === 0 ? null : cleaned;
}

/**
 * Every term must match, and a term of several words (a quoted phrase) as a phrase,
 * as in the SQLite store, where each term is an FTS5 phrase.
 */
function tsquery(terms: readonly string[], params: Params): string {
  return `(${terms.map((t) => `phraseto_tsquery('english', ${params.add(t)})`).join(' && ')})`;
}

function clean(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** How many of the newest matches are ranked by relevance: the same window as the SQLite store. */
export const RANK_WINDOW = 1000;

/** Builds `$n` placeholders while collecting their values. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Filter clauses on `d`, shared by the ranked and the plain listing: they name only
 * `d.id` and `d.published`, so `d` is documents or the narrow document_search.
 */
function filterClauses(filters: SearchFilters, params: Params): string[] {
  const sql: string[] = [];
  const given = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';
  if (given(filters.body)) {
    sql.push(
      `d.id IN (SELECT md.document_id FROM meeting_documents md JOIN meetings m ON m.id = md.meeting_id
                WHERE strpos(m.body_lc, ${params.add(fold(clean(filters.body)))}) > 0)`,
    );
  }
  if (given(filters.topic)) {
    const topic = params.add(topicToken(clean(filters.topic)));
    sql.push(
      `(d.id IN (SELECT document_id FROM document_topics WHERE topic_lc = ${topic})
        OR d.id IN (SELECT md.document_id FROM meeting_topics mt JOIN meeting_documents md ON md.meeting_id = mt.meeting_id
                    WHERE mt.topic_lc = ${topic}))`,
    );
  }
  if (given(filters.place)) {
    const place = params.add(fold(clean(filters.place)));
    sql.push(
      `d.id IN (SELECT md.document_id FROM meetings m JOIN meeting_documents md ON md.meeting_id = m.id
                WHERE m.city_lc = ${place} OR m.country_lc = ${place})`,
    );
  }
  if (filters.since !== undefined) sql.push(`d.published >= ${params.add(clean(filters.since))}`);
  if (filters.until !== undefined) sql.push(`d.published <= ${params.add(clean(filters.until))}`);
  return sql;
}

interface HitRow {
  id: number;
  url: string | null;
  title: string;
  outlet: string | null;
  published: string | null;
  score: number;
  snippet: string;
}

// About the 24 tokens SQLite's snippet() shows, so both stores give excerpts of one size.
const HEADLINE_OPTIONS = 'StartSel=[[, StopSel=]], MaxWords=24, MinWords=16, ShortWord=2, HighlightAll=false';

/** Marks a cut excerpt with `…` at the cut ends, as SQLite's snippet() does. */
function withEllipses(headline: string, text: string): string {
  const plain = headline.replaceAll('[[', '').replaceAll(']]', '').trim();
  const trimmed = text.trim();
  if (plain === '') return headline;
  const start = trimmed.startsWith(plain) ? '' : '…';
  const end = trimmed.endsWith(plain) ? '' : '…';
  return `${start}${headline.trim()}${end}`;
}

export async function searchDocuments(
  db: PgDb,
  words: readonly string[],
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<SearchResult> {
  const terms = searchTerms(words);
  const params = new Params();
  if (terms === null) return listFiltered(db, words.length > 0, filters, limit, offset);

  const query = tsquery(terms, params);
  const conditions = [`d.search_vector @@ ${query}`, ...filterClauses(filters, params)].join(' AND ');
  if (offset + limit <= SEARCH_COUNT_CAP && SEARCH_COUNT_CAP <= RANK_WINDOW) return firstPages(db, terms, query, conditions, params, limit, offset);
  const { total, capped } = await cappedCount(db, conditions, params.values, limit, offset);
  if (total === 0 || offset >= total || limit <= 0) return { hits: [], total, capped };
  const page = await rankPage(db, query, conditions, params, limit, offset);
  return { total, capped, hits: await describe(db, terms, page) };
}

/**
 * A page inside the rank window, which is nearly every search: one pass reads the
 * newest RANK_WINDOW matches and one more, which both ranks the page and counts
 * (up to the cap) without a second pass over the matches. The order is rankPage's.
 */
async function firstPages(
  db: PgDb,
  terms: readonly string[],
  query: string,
  conditions: string,
  params: Params,
  limit: number,
  offset: number,
): Promise<SearchResult> {
  // Ranked after the LIMIT: in one SELECT, PostgreSQL ranks every match before sorting.
  const newest = await db.all<RankedRow>(
    `SELECT d.id, ts_rank_cd(d.search_vector, ${query}, 1) AS score
     FROM (SELECT d.id FROM document_search d WHERE ${conditions} ORDER BY d.id DESC LIMIT ${RANK_WINDOW + 1}) newest
     JOIN document_search d ON d.id = newest.id
     ORDER BY d.id DESC`,
    ...params.values,
  );
  const capped = newest.length > SEARCH_COUNT_CAP;
  const total = capped ? SEARCH_COUNT_CAP : newest.length;
  const page = newest
    .slice(0, RANK_WINDOW)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(offset, offset + Math.max(0, limit));
  return { total, capped, hits: await describe(db, terms, page) };
}

/** Counts matches up to the cap (see SearchResult): a word in half the corpus is not counted through. */
async function cappedCount(db: PgDb, conditions: string, values: unknown[], limit: number, offset: number): Promise<{ total: number; capped: boolean }> {
  const cap = Math.max(SEARCH_COUNT_CAP, offset + limit);
  const n =
    (await db.get<{ n: number }>(`SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM document_search d WHERE ${conditions} LIMIT $${values.length + 1}) t`, ...values, cap + 1))
      ?.n ?? 0;
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

interface RankedRow {
  id: number;
  score: number;
}

/**
 * One page in the order SQLite's store gives (see its RANK_WINDOW): the newest
 * RANK_WINDOW matches by relevance, then older matches newest first. Ranking every
 * match of a common word reads every matching row; this reads at most the window.
 */
async function rankPage(db: PgDb, query: string, conditions: string, params: Params, limit: number, offset: number): Promise<RankedRow[]> {
  const page: RankedRow[] = [];
  const n = params.values.length;
  if (offset < RANK_WINDOW) {
    page.push(
      ...(await db.all<RankedRow>(
        `SELECT d.id, ts_rank_cd(d.search_vector, ${query}, 1) AS score
         FROM (SELECT d.id FROM document_search d WHERE ${conditions} ORDER BY d.id DESC LIMIT ${RANK_WINDOW}) newest
         JOIN document_search d ON d.id = newest.id
         ORDER BY score DESC, d.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        ...params.values,
        Math.min(limit, RANK_WINDOW - offset),
        offset,
      )),
    );
  }
  const rest = limit - page.length;
  if (rest > 0) {
    page.push(
      ...(await db.all<RankedRow>(
        `SELECT d.id, ts_rank_cd(d.search_vector, ${query}, 1) AS score FROM document_search d
         WHERE ${conditions} ORDER BY d.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        ...params.values,
        rest,
        Math.max(offset, RANK_WINDOW),
      )),
    );
  }
  return page;
}

/** Titles and headlines for the page only: ts_headline is the costly part. */
async function describe(db: PgDb, terms: readonly string[], page: RankedRow[]): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const params = new Params();
  const query = tsquery(terms, params);
  const rows = await db.all<HitRow & { text: string }>(
    `SELECT d.id, d.url, d.title, d.outlet, d.published, 0 AS score,
            ts_headline('english', c.text, ${query}, '${HEADLINE_OPTIONS}') AS snippet, c.text
     FROM documents d
     -- The excerpt comes from the title when it holds every word, as SQLite's snippet() prefers it then.
     CROSS JOIN LATERAL (SELECT CASE WHEN to_tsvector('english', d.title) @@ ${query} THEN d.title ELSE d.text END AS text) c
     WHERE d.id = ANY(${params.add(page.map((r) => r.id))}::bigint[])`,
    ...params.values,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.flatMap(({ id, score }) => {
    const row = byId.get(id);
    return row ? [{ document: pick(row), snippet: withEllipses(row.snippet, row.text), rank: score }] : [];
  });
}

/** No searchable words: list by filters alone, newest first (none at all when words were all blank). */
async function listFiltered(
  db: PgDb,
  hadWords: boolean,
  filters: SearchFilters,
  limit: number,
  offset: number,
): Promise<SearchResult> {
  if (hadWords) return { hits: [], total: 0, capped: false };
  const params = new Params();
  const clauses = filterClauses(filters, params);
  const conditions = clauses.length === 0 ? 'TRUE' : clauses.join(' AND ');
  const { total, capped } = await cappedCount(db, conditions, params.values, limit, offset);
  const rows = await db.all<HitRow>(
    `SELECT d.id, d.url, d.title, d.outlet, d.published, 0 AS score, substr(d.text, 1, 240) AS snippet
     FROM documents d WHERE ${conditions}
     ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
    ...params.values,
  );
  return { total, capped, hits: rows.map((row) => ({ document: pick(row), snippet: row.snippet, rank: 0 })) };
}

function pick(row: HitRow): SearchHit['document'] {
  return { id: row.id, url: row.url, title: row.title, outlet: row.outlet, published: row.published };
}
