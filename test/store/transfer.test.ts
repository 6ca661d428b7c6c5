import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { digests } from '../../digests/index.js';
import { createDispatcher, renderPlainText, silentLogger, type Asker, type CommandContext, type Store } from '../../src/core/index.js';
import { DeliveryEngine, Digests, Scheduler } from '../../src/schedule/index.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { exportStore, exportToFile, importFromFile, importStore, summarizeStore, TABLES } from '../../src/store/transfer/index.js';
import { seedBriefings, type Seeded } from '../commands/seed-briefings.js';
import { NOW, TOPICS } from '../helpers/command-context.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';

const CHANNEL = 'slack:T1:C100';
const ASKER: Asker = { user: { ref: 'slack:T1:U1', name: 'Amina' }, channel: CHANNEL, isDirect: false, canManageChannel: true, canManageSources: true };

/** Everything a store can hold beyond the seeded briefings: URLs, fingerprints, subscriptions, schedules, deliveries, watermarks, meta. */
async function fill(store: Store): Promise<Seeded> {
  const seeded = await seedBriefings(store);
  const doc = (await store.documents.since(0, 1, 1))[0]!;
  await store.documents.addUrl(doc.id, 'https://mirror.example.com/copy-of-first');
  await store.documents.add({
    url: null, title: 'Fingerprinted wire note', outlet: null, published: null, text: 'A short note with a fingerprint and no address.',
    contentHash: 'c0ffee', simhash: '0123456789abcdef', sourceId: null,
    extraction: { published: null, is_meeting_report: false, meetings: [], topics: ['membership'], people: [], development: 'statement', summary: [] },
  });
  await store.subscriptions.add(`channel:${CHANNEL}`, 'topic:sahel', 'slack:T1:U1');
  await store.subscriptions.add(`channel:${CHANNEL}`, 'place:Niamey OR place:Rabat', 'slack:T1:U2');
  await store.subscriptions.add('user:slack:T1:U3', 'body:"Africa Focus Group"', 'slack:T1:U3');
  await store.schedules.set({ subscriber: `channel:${CHANNEL}`, digest: 'daily-brief', cron: '0 8 * * 1-5', timezone: 'Africa/Lagos', announceEmpty: true, setBy: 'slack:T1:U1' });
  await store.schedules.set({ subscriber: 'user:slack:T1:U3', digest: 'weekly-roundup', cron: '0 9 * * 1', timezone: 'UTC', announceEmpty: false, setBy: 'slack:T1:U3' });
  await store.schedules.pause('user:slack:T1:U3', 'weekly-roundup', 'user_not_found');
  const key = { subscriber: `channel:${CHANNEL}`, digest: 'daily-brief', slot: '2023-06-28T07:00:00Z' };
  const sent = (await store.deliveries.claim(key, 'replica-a', '2023-06-28T07:05:00.000Z', '2023-06-28T07:00:01.000Z'))!;
  await store.deliveries.saveSnapshot(sent.id, { meetingIds: [seeded.riyadh], documentIds: [doc.id], watermarkTo: doc.id, parts: [{ text: 'part' }] });
  await store.deliveries.recordPart(sent.id, 0, '1687935601.000100');
  await store.deliveries.finish(sent.id, 'sent', '2023-06-28T07:00:03.000Z');
  await store.deliveries.claim({ ...key, slot: '2023-06-29T07:00:00Z' }, 'replica-b', '2023-06-29T07:05:00.000Z', '2023-06-29T07:00:01.000Z');
  await store.setMeta('samples_seeded', '2023-06-01T00:00:00.000Z');
  return seeded;
}

/** The real commands over a store, with the real (never started) scheduler. */
function commandsOver(store: Store) {
  const engine = new DeliveryEngine({ store, digests, platforms: new Map(), owner: 'transfer-test', log: silentLogger, now: () => NOW });
  const scheduler = new Scheduler({ store, engine, log: silentLogger, now: () => NOW });
  const context: CommandContext = {
    store,
    now: () => NOW,
    settings: { commandName: 'brief', defaultTimezone: 'Africa/Casablanca', scheduleMinIntervalSec: 900, pageSize: 10 },
    commands,
    topics: TOPICS,
    digests: new Digests(store, engine, digests, 'Africa/Casablanca', () => NOW),
    scheduler: { refresh: (s, d) => scheduler.refresh(s, d), validateCron: (c) => scheduler.validateCron(c), nextRuns: (c, tz, n, f) => scheduler.nextRuns(c, tz, n, f) },
    log: silentLogger,
  };
  const dispatcher = createDispatcher(context);
  return { ask: async (line: string) => renderPlainText(await dispatcher.handle(line, ASKER)), stop: () => scheduler.stop() };
}

const dir = mkdtempSync(join(tmpdir(), 'briefbot-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Columns a store derives for itself and never exports. */
const DERIVED = new Set(['document_urls.seq', 'document_search.id', 'document_search.published', 'document_search.search_vector']);
const specColumns = Object.fromEntries(TABLES.map((t) => [t.name, [...t.columns].sort()]));

it('exports every table and column the SQLite schema has (fails when a migration adds one)', async () => {
  const store = openSqliteStore(':memory:', { log: silentLogger });
  try {
    const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>)
      .map((t) => t.name)
      .filter((name) => !/^(sqlite_|documents_fts|schema_migrations$)/.test(name));
    const actual = Object.fromEntries(
      tables.map((name) => [name, (store.db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).map((c) => c.name).sort()]),
    );
    expect(actual).toEqual(specColumns);
  } finally {
    await store.close();
  }
});

it('refuses a non-empty target, a truncated file and a tampered one, changing nothing', async () => {
  const source = openSqliteStore(join(dir, 'refuse-source.db'), { log: silentLogger });
  const target = openSqliteStore(join(dir, 'refuse-target.db'), { log: silentLogger });
  try {
    await fill(source);
    const lines: string[] = [];
    for await (const line of exportStore(source)) lines.push(line);
    await expect(importStore(target, lines.slice(0, -1))).rejects.toThrow(/ends early/);
    const tampered = lines.map((l) => l.replace('Niamey', 'Nairobi'));
    await expect(importStore(target, tampered)).rejects.toThrow(/checksum mismatch/);
    await expect(importStore(target, ['{"hello":1}'])).rejects.toThrow(/not a Briefbot export/);
    expect((await summarizeStore(target)).counts.documents).toBe(0);
    await target.subscriptions.add('channel:x', 'topic:sahel', 'u');
    await expect(importStore(target, lines)).rejects.toThrow(/not empty.*--force/);
    const forced = await importStore(target, lines, { force: true });
    expect(forced).toEqual(await summarizeStore(source));
  } finally {
    await source.close();
    await target.close();
  }
});

describePostgres('moving a store from SQLite to PostgreSQL', () => {
  let sqlite: SqliteStore;
  let postgres: PostgresStore;
  let seeded: Seeded;
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let exported: Awaited<ReturnType<typeof exportToFile>>;
  let imported: Awaited<ReturnType<typeof importFromFile>>;
  const file = join(dir, 'export.jsonl');

  beforeAll(async () => {
    sqlite = openSqliteStore(join(dir, 'source.db'), { log: silentLogger });
    seeded = await fill(sqlite);
    schema = await freshSchema('transfer');
    postgres = await openPostgresStore(schema.url, { log: silentLogger });
    exported = await exportToFile(sqlite, file);
    imported = await importFromFile(postgres, file);
  }, 60_000);

  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
    await schema?.drop();
  });

  it('carries every row of every table, with the same counts and checksum', async () => {
    for (const table of TABLES) expect(exported.counts[table.name], table.name).toBeGreaterThan(0);
    expect(imported).toEqual(exported);
    expect(await summarizeStore(postgres)).toEqual(await summarizeStore(sqlite));
    // Exporting again from PostgreSQL gives the very same rows.
    const rows = async (store: Store) => {
      const lines: string[] = [];
      for await (const line of exportStore(store)) lines.push(line);
      return lines.slice(1);
    };
    expect(await rows(postgres)).toEqual(readFileSync(file, 'utf8').trimEnd().split('\n').slice(1));
  });

  it('answers the same /brief commands identically on both stores', async () => {
    const before = commandsOver(sqlite);
    const after = commandsOver(postgres);
    try {
      const lines = [
        '/brief meetings',
        '/brief meetings topic:sahel',
        '/brief meetings place:Morocco until:2022-12-31',
        `/brief meeting #${seeded.riyadh}`,
        `/brief meeting #${seeded.niamey}`,
        '/brief meeting africa focus',
        '/brief search fingerprint',
        '/brief search address note',
        '/brief timeline Africa Focus Group',
        '/brief topics',
        '/brief subscriptions',
        '/brief sources',
      ];
      for (const line of lines) {
        const expected = await before.ask(line);
        expect(await after.ask(line), line).toBe(expected);
      }
      // Excerpts of long texts are cut by two different engines (FTS5 snippet, ts_headline),
      // so there the same hits must come in the same order with the same counts.
      const hitsOnly = (text: string) => text.replace(/^(• .*?\)): .*$/gm, '$1');
      for (const line of ['/brief search Marrakech', '/brief search action plan', '/brief search sahel', '/brief search coalition ministers']) {
        const expected = await before.ask(line);
        expect(expected).toMatch(/^• /m);
        expect(hitsOnly(await after.ask(line)), line).toBe(hitsOnly(expected));
      }
    } finally {
      await before.stop();
      await after.stop();
    }
  });

  it('PostgreSQL has the same tables and columns (apart from its own derived ones)', async () => {
    const { rows } = await postgres.pool.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name <> 'schema_migrations'`,
      [schema.name],
    );
    const actual: Record<string, string[]> = {};
    for (const row of rows) {
      if (DERIVED.has(`${row.table_name}.${row.column_name}`)) continue;
      (actual[row.table_name] ??= []).push(row.column_name);
    }
    for (const columns of Object.values(actual)) columns.sort();
    expect(actual).toEqual(specColumns);
  });

  it('continues ids after the highest imported one', async () => {
    const last = await postgres.documents.lastSeq();
    const next = await postgres.documents.add({ ...(await postgres.documents.get(last))!, url: 'https://new.example/after-import', contentHash: 'new' });
    expect(next.id).toBe(last + 1);
    const sub = await postgres.subscriptions.add('channel:y', 'topic:financing', 'u');
    expect(sub.id).toBeGreaterThan(3);
  });

  it('writes a file whose first line names the format and last line the summary', () => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'briefbot-export', version: 1, from: 'sqlite' });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, ...exported });
    writeFileSync(join(dir, 'unused'), '');
  });
});

it('moves a SQLite store into a fresh SQLite file that searches and answers alike', async () => {
  const source = openSqliteStore(join(dir, 'copy-source.db'), { log: silentLogger });
  const target = openSqliteStore(join(dir, 'copy-target.db'), { log: silentLogger });
  await fill(source);
  const file = join(dir, 'copy.jsonl');
  await exportToFile(source, file);
  await importFromFile(target, file);
  const before = commandsOver(source);
  const after = commandsOver(target);
  try {
    for (const line of ['/brief meetings', '/brief search fingerprint', '/brief search Marrakech', '/brief search action plan', '/brief search sahel']) {
      const expected = await before.ask(line);
      expect(await after.ask(line), line).toBe(expected);
    }
    // The imported documents are in the search index once each.
    target.db.exec("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)");
    expect(await after.ask('/brief search fingerprint')).toMatch(/Fingerprinted wire note/);
  } finally {
    await before.stop();
    await after.stop();
    await source.close();
    await target.close();
  }
});
