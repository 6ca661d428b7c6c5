import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, silentLogger } from '../../src/core/index.js';
import { RANK_WINDOW } from '../../src/store/sqlite/document-search.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const EXTRACTION = JSON.stringify({ published: null, is_meeting_report: false, meetings: [], topics: [], people: [], development: 'other', summary: [] });

describe('SQLite search over more matches than it ranks', () => {
  let store: SqliteStore;
  const total = RANK_WINDOW + 150;

  beforeEach(() => {
    store = openSqliteStore(':memory:', { log: silentLogger });
    const insert = store.db.prepare(
      `INSERT INTO documents (url, title, outlet, published, ingested_at, text, content_hash, source_id, extraction, is_meeting_report, development)
       VALUES (NULL, ?, NULL, NULL, '2026-01-01T00:00:00.000Z', ?, ?, NULL, ?, 0, 'other')`,
    );
    store.db.transaction(() => {
      // The oldest document is the best match of all; the rest mention the word once.
      insert.run('Patrol patrol patrol', 'Patrol boats on patrol, patrol after patrol.', 'h0', EXTRACTION);
      for (let i = 1; i < total; i += 1) {
        const strong = i === total - 10;
        insert.run(strong ? 'Patrol report' : `Report ${i}`, `A long note number ${i} about a patrol and many other unrelated matters of the day.`, `h${i}`, EXTRACTION);
      }
    })();
  });

  afterEach(() => store.close());

  it('ranks the newest matches first, then lists older ones newest first, with no page overlap', async () => {
    const seen: number[] = [];
    for (let offset = 0; offset < total; offset += 100) {
      const page = await store.documents.search(['patrol'], {}, 100, offset);
      // Counting stops at the cap or at the end of the page, whichever is further.
      const cap = Math.max(SEARCH_COUNT_CAP, offset + 100);
      expect({ total: page.total, capped: page.capped }).toEqual(cap < total ? { total: cap, capped: true } : { total, capped: false });
      seen.push(...page.hits.map((h) => h.document.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // Inside the window: relevance, so the strong recent match leads.
    expect(seen[0]).toBe(total - 10 + 1);
    const windowIds = seen.slice(0, RANK_WINDOW);
    expect(Math.min(...windowIds)).toBe(total - RANK_WINDOW + 1);
    // Past it: recency, so the oldest (strongest) match is last.
    const rest = seen.slice(RANK_WINDOW);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(rest.at(-1)).toBe(1);
    // A page straddling the boundary joins both parts in the same order.
    const straddle = await store.documents.search(['patrol'], {}, 20, RANK_WINDOW - 10);
    expect(straddle.hits.map((h) => h.document.id)).toEqual(seen.slice(RANK_WINDOW - 10, RANK_WINDOW + 10));
    expect(straddle.hits[0]!.snippet).toContain('[[patrol]]');
  });

  it('ranks everything when the matches fit in the window', async () => {
    const few = await store.documents.search(['patrol', 'boats'], {}, 5, 0);
    expect(few.total).toBe(1);
    expect(few.hits[0]!.document.id).toBe(1);
  });
});
