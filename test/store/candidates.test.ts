/**
 * Merge candidates come from a date window read through indexes (SQLite migration 006,
 * PostgreSQL migration 005), not a scan of the body's meetings: the answers must be what the
 * plain overlap test gives, for long meetings, undated ones, half-dated ones and dates that are
 * not ISO days, on both stores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, type Store } from '../../src/core/index.js';
import { WINDOW_SQL as PG_WINDOW_SQL } from '../../src/store/postgres/meetings.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { WINDOW_SQL } from '../../src/store/sqlite/meetings.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { meetingRecord, newDocument } from '../contracts/store/fixtures.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';

const BODIES = ['Africa Focus Group', 'Small Group', 'G5 Sahel'];
const day = (n: number): string => new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

interface Made {
  id: number;
  body: string;
  start: string | null;
  end: string | null;
}

/** 300 meetings of three bodies: mostly one or two days, some long, some undated or half-dated, three unreadable. */
async function fill(store: Store): Promise<Made[]> {
  const made: Made[] = [];
  const doc = await store.documents.add(newDocument());
  let seed = 5;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 300; i++) {
    const body = BODIES[i % 3]!;
    const from = Math.floor(next() * 700);
    const shape = next();
    let start: string | null = day(from);
    let end: string | null = shape < 0.5 ? null : day(from + Math.floor(next() * 3));
    if (shape > 0.9) end = day(from + 20 + Math.floor(next() * 60));
    if (shape > 0.95) [start, end] = next() < 0.5 ? [null, null] : [null, day(from)];
    if (i === 150) [start, end] = ['2030 spring', null];
    // Shaped like a day, but none; a day not written as ISO, sorting before the windows it
    // reaches into: each a century long, as if unreadable, so the window is widened for it.
    if (i === 151) [start, end] = ['2030-02-30', day(70)];
    if (i === 152) [start, end] = ['2029-1-5', day(40)];
    const m = await store.meetings.create(meetingRecord({ body, start, end }), doc.id);
    made.push({ id: m.id, body, start, end });
  }
  return made;
}

function overlapping(made: readonly Made[], body: string, from: string, to: string): number[] {
  return made
    .filter((m) => {
      if (m.body !== body) return false;
      const begins = m.start ?? m.end;
      const ends = m.end ?? m.start;
      return begins === null || (ends! >= from && begins <= to);
    })
    .map((m) => m.id)
    .sort((a, b) => a - b);
}

async function expectOverlaps(store: Store, made: readonly Made[]): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const body = BODIES[i % 3]!;
    const from = day((i * 37) % 760 - 30);
    const to = day(((i * 37) % 760) - 30 + (i % 9));
    const got = (await store.meetings.candidates(body.toUpperCase(), from, to)).map((m) => m.id).sort((a, b) => a - b);
    expect(got, `${body} ${from}..${to}`).toEqual(overlapping(made, body, from, to));
  }
}

describe('SQLite merge candidates', () => {
  let dir: string;
  let store: SqliteStore;
  let made: Made[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-candidates-'));
    store = openSqliteStore(join(dir, 'c.db'), { log: silentLogger });
    made = await fill(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are the meetings whose dates overlap the window, for 300 windows', async () => {
    await expectOverlaps(store, made);
  });

  it('read the window through the begin index, not the whole body', () => {
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${WINDOW_SQL}`).all({ body: 'x', from: '2030-01-01', to: '2030-01-05' }) as Array<{ detail: string }>;
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/meetings_body_from \(body_lc=\? AND <expr>>\? AND <expr><\?\)/);
    expect(details).toMatch(/COVERING INDEX meetings_body_span \(body_lc=\?\)/);
  });
});

describePostgres('PostgreSQL merge candidates', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let store: PostgresStore;
  let made: Made[];
  beforeAll(async () => {
    schema = await freshSchema('candidates');
    store = await openPostgresStore(schema.url, { log: silentLogger });
    made = await fill(store);
  });
  afterAll(async () => {
    await store.close();
    await schema.drop();
  });

  it('are the meetings whose dates overlap the window, for 300 windows', async () => {
    await expectOverlaps(store, made);
  });

  it('read the window through the begin index and the longest meeting from the span index', async () => {
    // Planner choices follow the statistics: with them fresh and scans ruled out, the indexes must serve.
    const plan = await store.pool.connect();
    try {
      await plan.query('ANALYZE meetings');
      await plan.query('SET enable_seqscan = off');
      const sql = PG_WINDOW_SQL.replaceAll('$1', `'africa focus group'`).replaceAll('$2', `'2030-03-01'`).replaceAll('$3', `'2030-03-05'`);
      const rows = (await plan.query(`EXPLAIN ${sql}`)).rows as Array<{ 'QUERY PLAN': string }>;
      const text = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index (Only )?Scan (Backward )?using meetings_body_span/);
      expect(text).toMatch(/Index Cond: \(\(body_lc = 'africa focus group'::text\) AND \(COALESCE\(start_date, end_date\) >= /);
    } finally {
      plan.release();
    }
  });
});
