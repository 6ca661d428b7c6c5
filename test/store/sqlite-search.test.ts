import { afterEach, beforeEach, describe } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { RANK_WINDOW } from '../../src/store/sqlite/document-search.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { searchWindowTests } from './search-window.js';

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
    // Rows written around the store: indexed as the store indexes its own.
    store.db.exec('INSERT INTO documents_fts (rowid, title, text) SELECT id, title, text FROM documents');
  });

  afterEach(() => store.close());

  searchWindowTests(() => store, total, RANK_WINDOW);
});
