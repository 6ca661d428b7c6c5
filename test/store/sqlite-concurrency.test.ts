import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  owner: string;
  slots: string[];
  sources: number[];
}

interface Racer {
  ready: Promise<void>;
  go(): void;
  result: Promise<Result>;
}

function racer(file: string, owner: string, slots: number): Racer {
  const script = fileURLToPath(new URL('./fixtures/claim-racer.ts', import.meta.url));
  const child = fork(script, [file, owner, String(slots)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<Result>((resolve, reject) => {
    child.on('message', (message) => (message === 'ready' ? markReady() : resolve(message as Result)));
    child.on('exit', (code) => reject(new Error(`${owner} exited ${code}: ${stderr}`)));
  });
  return { ready, go: () => child.send('go'), result };
}

describe('SQLite store shared by several processes', () => {
  it('gives each delivery slot and each due source to exactly one process', async () => {
    const file = join(dir, 'shared.db');
    const SOURCES = 60;
    const setup = openSqliteStore(file, { log: silentLogger });
    for (let i = 0; i < SOURCES; i += 1) {
      const source = await setup.sources.add({ kind: 'feed', url: `https://feeds.example/${i}.xml`, pollIntervalSec: 600 });
      await setup.sources.updateHealth(source.id, { nextPollAt: '2026-02-28T00:00:00.000Z' });
    }
    await setup.close();

    const SLOTS = 300;
    // Every racer has loaded and opened the store before any of them starts.
    const racers = ['a', 'b', 'c'].map((owner) => racer(file, owner, SLOTS));
    await Promise.all(racers.map((r) => r.ready));
    for (const r of racers) r.go();
    const results = await Promise.all(racers.map((r) => r.result));

    // The race really happened: more than one process won something.
    expect(results.filter((r) => r.slots.length + r.sources.length > 0).length).toBeGreaterThanOrEqual(2);
    const slotWins = results.flatMap((r) => r.slots);
    expect(slotWins).toHaveLength(SLOTS);
    expect(new Set(slotWins).size).toBe(SLOTS);
    const sourceWins = results.flatMap((r) => r.sources);
    expect(sourceWins).toHaveLength(SOURCES);
    expect(new Set(sourceWins).size).toBe(SOURCES);

    const check = openSqliteStore(file, { log: silentLogger });
    const owners = check.db.prepare('SELECT owner, COUNT(*) AS n FROM deliveries GROUP BY owner').all() as Array<{ owner: string; n: number }>;
    expect(owners.reduce((sum, row) => sum + row.n, 0)).toBe(SLOTS);
    for (const result of results) {
      expect(owners.find((row) => row.owner === result.owner)?.n ?? 0).toBe(result.slots.length);
    }
    await check.close();
  }, 60_000);
});
