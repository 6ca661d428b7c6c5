import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, silentLogger } from '../../src/core/index.js';
import { RANK_WINDOW } from '../../src/store/postgres/document-search.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';

const EXTRACTION = JSON.stringify({ published: null, is_meeting_report: false, meetings: [], topics: [], people: [], development: 'other', summary: [] });

describePostgres('PostgreSQL search over more matches than it ranks', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let store: PostgresStore;
  const total = RANK_WINDOW + 150;

  beforeAll(async () => {
    schema = await freshSchema('search');
    store = await openPostgresStore(schema.url, { log: silentLogger });
    const insert = `INSERT INTO documents (id, url, title, outlet, published, ingested_at, text, content_hash, source_id, extraction, is_meeting_report, development)
      OVERRIDING SYSTEM VALUE VALUES ($1, NULL, $2, NULL, NULL, '2026-01-01T00:00:00.000Z', $3, $4, NULL, $5, 0, 'other')`;
    // The oldest document is the best match of all; the rest mention the word once.
    await store.pool.query(insert, [1, 'Patrol patrol patrol', 'Patrol boats on patrol, patrol after patrol.', 'h0', EXTRACTION]);
    await store.pool.query(
      `INSERT INTO documents (id, url, title, outlet, published, ingested_at, text, content_hash, source_id, extraction, is_meeting_report, development)
       OVERRIDING SYSTEM VALUE
       SELECT i + 1, NULL, CASE WHEN i = $1 THEN 'Patrol report' ELSE 'Report ' || i END, NULL, NULL, '2026-01-01T00:00:00.000Z',
              'A long note number ' || i || ' about a patrol and many other unrelated matters of the day.', 'h' || i, NULL, $2, 0, 'other'
       FROM generate_series(1, $3) AS i`,
      [total - 10, EXTRACTION, total - 1],
    );
  });

  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });

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
    expect(seen[0]).toBe(total - 10 + 1);
    const windowIds = seen.slice(0, RANK_WINDOW);
    expect(Math.min(...windowIds)).toBe(total - RANK_WINDOW + 1);
    const rest = seen.slice(RANK_WINDOW);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(rest.at(-1)).toBe(1);
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
