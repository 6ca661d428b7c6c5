/**
 * Inside a SQLite batch the store holds the write lock, so the near-duplicate window takes in
 * the documents it adds without querying for them; these tests hold it to what the database
 * says: rolled-back documents never stay candidates, and a window that has once been full
 * still sends older lookups to the band index.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { NearDuplicateFinder } from '../../src/store/sqlite/near-duplicates.js';
import type { FingerprintRow } from '../../src/store/sqlite/recent-fingerprints.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { newDocument } from '../contracts/store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-near-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const open = (window?: number): SqliteStore => openSqliteStore(join(dir, `s${++n}.db`), { log: silentLogger, nearDuplicateWindow: window });
const add = (store: SqliteStore, simhash: string) => store.documents.add(newDocument({ simhash }));
const ZERO = '0000000000000000';

describe('near-duplicate window inside a SQLite batch', () => {
  it('offers documents added earlier in the batch, and never one whose nested batch rolled back', async () => {
    const store = open();
    await store.batch!(async () => {
      const first = await add(store, '0000000000000001');
      expect(await store.documents.nearDuplicateCandidates(ZERO, 3)).toEqual([{ id: first.id, simhash: '0000000000000001' }]);
      const second = await add(store, '0000000000000003');
      expect((await store.documents.nearDuplicateCandidates(ZERO, 3)).map((c) => c.id)).toEqual([first.id, second.id]);

      // The lookup inside the failing batch takes its document into the window before the rollback.
      await expect(
        store.batch!(async () => {
          const doomed = await add(store, 'ffffffffffffffff');
          expect(await store.documents.nearDuplicateCandidates('ffffffffffffffff', 1)).toEqual([{ id: doomed.id, simhash: 'ffffffffffffffff' }]);
          throw new Error('merge failed');
        }),
      ).rejects.toThrow('merge failed');

      // Its id is handed out again; the window must hold the new document, not the rolled-back one.
      const reused = await add(store, 'fffffffffffffff0');
      const found = await store.documents.nearDuplicateCandidates('ffffffffffffffff', 5);
      expect(found).toContainEqual({ id: reused.id, simhash: 'fffffffffffffff0' });
      expect(found.map((c) => c.simhash)).not.toContain('ffffffffffffffff');
    });
    expect(await store.documents.count()).toBe(3);
    await store.close();
  });

  it('forgets a whole batch that rolled back, looked up inside it or not', async () => {
    const store = open();
    const kept = await add(store, '00000000000000ff');
    await expect(
      store.batch!(async () => {
        await store.documents.nearDuplicateCandidates(ZERO, 1);
        await add(store, '0000000000000000');
        await store.documents.nearDuplicateCandidates(ZERO, 1);
        throw new Error('batch failed');
      }),
    ).rejects.toThrow('batch failed');
    expect(await store.documents.nearDuplicateCandidates(ZERO, 5)).toEqual([{ id: kept.id, simhash: '00000000000000ff' }]);
    await store.close();
  });

  it('still asks the band index for old documents once the window has been full', async () => {
    const store = open(2);
    const old = await add(store, '0000000000000001');
    await store.batch!(async () => {
      await store.documents.nearDuplicateCandidates(ZERO, 1);
      // Two unrelated documents fill the two-document window; the old one is reached through its bands.
      await add(store, 'a5a5c3c35a5a3c3c');
      await add(store, '5a5a3c3ca5a5c3c3');
      expect(await store.documents.nearDuplicateCandidates(ZERO, 1)).toEqual([{ id: old.id, simhash: '0000000000000001' }]);
    });
    await store.close();
  });
});

describe('NearDuplicateFinder', () => {
  function source(rows: FingerprintRow[], epoch: { value: number | null }) {
    const calls = { newest: 0 };
    return {
      calls,
      finder: new NearDuplicateFinder({
        newest: (afterId, limit) => {
          calls.newest++;
          return rows.filter((r) => r.id > afterId).reverse().slice(0, limit);
        },
        byBands: () => [],
        writeEpoch: () => epoch.value,
      }),
    };
  }

  it('queries for new documents only when the write epoch changed or is unknown', async () => {
    const rows: FingerprintRow[] = [{ id: 1, simhash: '0000000000000001' }];
    const epoch = { value: 7 as number | null };
    const { finder, calls } = source(rows, epoch);
    await finder.candidates(ZERO, 4);
    expect(calls.newest).toBe(1);
    rows.push({ id: 2, simhash: '0000000000000003' });
    finder.added(rows[1]!);
    expect((await finder.candidates(ZERO, 4)).map((c) => c.id)).toEqual([1, 2]);
    expect(calls.newest).toBe(1);
    // Another writer's document, seen once the epoch moves on.
    rows.push({ id: 3, simhash: '0000000000000007' });
    epoch.value = 8;
    expect((await finder.candidates(ZERO, 4)).map((c) => c.id)).toEqual([1, 2, 3]);
    expect(calls.newest).toBe(2);
    epoch.value = null;
    await finder.candidates(ZERO, 4);
    await finder.candidates(ZERO, 4);
    expect(calls.newest).toBe(4);
  });
});
