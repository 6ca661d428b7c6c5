import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { migrations } from '../../src/store/sqlite/migrations/index.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openStore, sqlitePath } from '../../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store set-up', () => {
  it('migrates a fresh file once; reopening applies nothing', async () => {
    const file = join(dir, 'fresh.db');
    const first = openSqliteStore(file, { log: silentLogger });
    expect(first.appliedMigrations).toEqual(migrations.map((m) => m.version));
    await first.documents.add({
      url: 'https://x.example/1',
      title: 'Kept',
      outlet: null,
      published: null,
      text: 'Survives a reopen.',
      contentHash: 'h',
      simhash: null,
      sourceId: null,
      extraction: { published: null, is_meeting_report: false, meetings: [], topics: [], people: [], development: 'other', summary: [] },
    });
    await first.close();
    const second = openSqliteStore(file, { log: silentLogger });
    expect(second.appliedMigrations).toEqual([]);
    expect(await second.documents.count()).toBe(1);
    expect((await second.documents.search(['reopen'], {}, 5, 0)).total).toBe(1);
    const recorded = second.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version })));
    await second.close();
  });

  it('upgrading a version 2 file fills in the topic key, so topic filters still work', async () => {
    const file = join(dir, 'v2.db');
    const raw = new Database(file);
    const { migrate } = await import('../../src/store/sqlite/migrate.js');
    migrate(raw, migrations.slice(0, 2), silentLogger);
    raw.exec(`
      INSERT INTO documents (id, title, ingested_at, text, content_hash, extraction, is_meeting_report, development)
        VALUES (1, 't', '2026-01-01T00:00:00.000Z', 'x', 'h', '{}', 1, 'meeting');
      INSERT INTO meetings (id, body, body_lc, kind, status, chairs, outcomes, people, topics, summary, variants, is_primary,
          search_text, first_reported, first_seq, last_seq, created_at, updated_at, start_date)
        VALUES (7, 'Small Group', 'small group', 'other', 'held', '[]', '[]', '[]', '["Sahel","financing"]', '[]', '[]', 1,
          'small group', '2026-01-01', 1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01');
      INSERT INTO meeting_topics (meeting_id, topic, topic_lc) VALUES (7, 'Sahel', 'sahel'), (7, 'financing', 'financing');
      INSERT INTO meeting_documents (meeting_id, document_id) VALUES (7, 1);`);
    raw.close();
    const store = openSqliteStore(file, { log: silentLogger });
    expect(store.appliedMigrations).toEqual(migrations.slice(2).map((m) => m.version));
    expect(store.db.prepare('SELECT topic_key FROM meetings WHERE id = 7').get()).toEqual({ topic_key: '|financing|sahel|' });
    expect((await store.meetings.list({ topic: 'SAHEL', limit: 5 })).items.map((m) => m.id)).toEqual([7]);
    expect((await store.meetings.list({ topic: 'sah', limit: 5 })).total).toBe(0);
    await store.close();
  });

  it('runs in WAL mode with foreign keys enforced', async () => {
    const store = openSqliteStore(join(dir, 'pragmas.db'), { log: silentLogger });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    await expect(
      store.documents.add({
        url: null,
        title: 't',
        outlet: null,
        published: null,
        text: 'x',
        contentHash: 'h',
        simhash: null,
        sourceId: 999,
        extraction: { published: null, is_meeting_report: false, meetings: [], topics: [], people: [], development: 'other', summary: [] },
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    await store.close();
  });

  it('a failing migration leaves nothing half applied', () => {
    const file = join(dir, 'broken.db');
    const broken = [...migrations, { version: 999, name: '999-broken', sql: 'CREATE TABLE half (x INTEGER); SELECT nonsense FROM nowhere;' }];
    const raw = new Database(file);
    // Import lazily so the real list stays untouched for other tests.
    return import('../../src/store/sqlite/migrate.js').then(({ migrate }) => {
      expect(() => migrate(raw, broken, silentLogger)).toThrow();
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('half', 'documents', 'schema_migrations')").all();
      expect(tables).toEqual([]);
      raw.close();
    });
  });

  it('never fails on hostile search input', async () => {
    const store = openSqliteStore(':memory:', { log: silentLogger });
    const hostile = ['"', '*', 'NEAR(', 'NEAR(a b)', 'OR OR', 'a" OR "b', '-', ':', 'title:x', '()', '(', 'AND NOT', '^x', '😀🛰️', 'x'.repeat(10_000), '\u0000', 'é"è', '{title text}:x'];
    for (const word of hostile) {
      await expect(store.documents.search([word], {}, 10, 0)).resolves.toMatchObject({ total: 0 });
      await expect(store.documents.search(hostile, { body: word, place: word, topic: word }, 10, 0)).resolves.toMatchObject({ total: 0 });
    }
    await store.close();
  });
});

describe('openStore', () => {
  it('maps database URLs to SQLite paths', () => {
    expect(sqlitePath('', './data')).toBe(join('./data', 'briefbot.db'));
    expect(sqlitePath('sqlite:/var/lib/bb.db', 'unused')).toBe('/var/lib/bb.db');
    expect(sqlitePath('file:./local.db', 'unused')).toBe('./local.db');
    expect(sqlitePath('file:///tmp/x.db', 'unused')).toBe('/tmp/x.db');
    expect(sqlitePath('relative/path.db', 'unused')).toBe('relative/path.db');
    expect(sqlitePath(':memory:', 'unused')).toBe(':memory:');
    expect(() => sqlitePath('sqlite:', 'unused')).toThrow();
  });

  it('creates the data folder for the default file', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore(undefined, { dataDir, log: silentLogger });
    expect(store.kind).toBe('sqlite');
    await store.setMeta('k', 'v');
    await store.close();
    const reopened = await openStore(`sqlite:${join(dataDir, 'briefbot.db')}`, { log: silentLogger });
    expect(await reopened.getMeta('k')).toBe('v');
    await reopened.close();
  });

  it('hands postgres:// URLs to the PostgreSQL store, never to SQLite', async () => {
    // Port 1 refuses connections: the error must come from the PostgreSQL side.
    await expect(openStore('postgresql://user@127.0.0.1:1/db', { log: silentLogger })).rejects.toThrow(/PostgreSQL/);
    expect(existsSync('postgresql:')).toBe(false);
  });
});
