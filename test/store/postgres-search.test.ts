import { afterAll, beforeAll } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { RANK_WINDOW } from '../../src/store/postgres/document-search.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';
import { searchWindowTests } from './search-window.js';

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

  searchWindowTests(() => store, total, RANK_WINDOW);
});
