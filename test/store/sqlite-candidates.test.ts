/**
 * Merge candidates on SQLite come from a date window read through indexes (migration 006), not a
 * scan of the body's meetings: the answers must be what the plain overlap test gives, for long
 * meetings, undated ones, half-dated ones and dates SQLite cannot read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { WINDOW_SQL } from '../../src/store/sqlite/meetings.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { meetingRecord, newDocument } from '../contracts/store/fixtures.js';

const BODIES = ['Africa Focus Group', 'Small Group', 'G5 Sahel'];
const day = (n: number): string => new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

let dir: string;
let store: SqliteStore;
const made: Array<{ id: number; body: string; start: string | null; end: string | null }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-candidates-'));
  store = openSqliteStore(join(dir, 'c.db'), { log: silentLogger });
  const doc = await store.documents.add(newDocument());
  let seed = 5;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 300; i++) {
    const body = BODIES[i % 3]!;
    const from = Math.floor(next() * 700);
    const shape = next();
    // Mostly one- or two-day meetings; some long, some undated or half-dated, one unreadable.
    let start: string | null = day(from);
    let end: string | null = shape < 0.5 ? null : day(from + Math.floor(next() * 3));
    if (shape > 0.9) end = day(from + 20 + Math.floor(next() * 60));
    if (shape > 0.95) [start, end] = next() < 0.5 ? [null, null] : [null, day(from)];
    if (i === 150) [start, end] = ['2030 spring', null];
    const m = await store.meetings.create(meetingRecord({ body, start, end }), doc.id);
    made.push({ id: m.id, body, start, end });
  }
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function overlapping(body: string, from: string, to: string): number[] {
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

describe('SQLite merge candidates', () => {
  it('are the meetings whose dates overlap the window, for 300 windows', async () => {
    for (let i = 0; i < 300; i++) {
      const body = BODIES[i % 3]!;
      const from = day((i * 37) % 760 - 30);
      const to = day(((i * 37) % 760) - 30 + (i % 9));
      const got = (await store.meetings.candidates(body.toUpperCase(), from, to)).map((m) => m.id).sort((a, b) => a - b);
      expect(got, `${body} ${from}..${to}`).toEqual(overlapping(body, from, to));
    }
  });

  it('read the window through the begin index, not the whole body', () => {
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${WINDOW_SQL}`).all({ body: 'x', from: '2030-01-01', to: '2030-01-05' }) as Array<{ detail: string }>;
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/meetings_body_from \(body_lc=\? AND <expr>>\? AND <expr><\?\)/);
    expect(details).toMatch(/COVERING INDEX meetings_body_span \(body_lc=\?\)/);
  });
});
