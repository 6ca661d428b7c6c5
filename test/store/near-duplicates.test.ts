/**
 * Near-duplicate candidates beyond the in-memory window of recent fingerprints, on both
 * stores: a window of 4 documents stands in for the production 8192.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger, type Store } from '../../src/core/index.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { newDocument } from '../contracts/store/fixtures.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';

const WINDOW = 4;
const dir = mkdtempSync(join(tmpdir(), 'briefbot-near-'));
const schemas: Array<{ drop: () => Promise<void> }> = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const s of schemas) await s.drop();
});

function nearDuplicateSuite(open: () => Promise<{ store: Store; again: () => Promise<Store> }>): void {
  const add = (store: Store, simhash: string) => store.documents.add(newDocument({ simhash }));
  // Unrelated fingerprints that push older documents out of the window.
  const filler = (i: number) => `${(0xa5a5 ^ i).toString(16).padStart(4, '0')}c3c3${(0x5a5a ^ i).toString(16).padStart(4, '0')}3c3c`;

  it('finds older documents within 7 bits through the band index, and recent ones within 15 in memory', async () => {
    const { store } = await open();
    // From 0000000000000000: 7 bits as 2+2+2+1 per band (a band within one bit), and 12 bits as 3 per band.
    const old7 = await add(store, '0003000300030001');
    const old12 = await add(store, '0007000700070007');
    for (let i = 0; i < WINDOW; i++) await add(store, filler(i));
    const found = await store.documents.nearDuplicateCandidates('0000000000000000', 2);
    expect(found[0]).toEqual({ id: old7.id, simhash: '0003000300030001' });
    // The 12-bit one is out of the window and in no band within one bit: not offered as close.
    expect(found.map((c) => c.id)).not.toContain(old12.id);
    const recent12 = await add(store, '0700070007000700');
    const again = await store.documents.nearDuplicateCandidates('0000000000000000', 2);
    expect(again).toEqual([
      { id: old7.id, simhash: '0003000300030001' },
      { id: recent12.id, simhash: '0700070007000700' },
    ]);
    await store.close();
  });

  it('sees documents another connection added since its last lookup', async () => {
    const { store, again } = await open();
    await add(store, 'ffffffffffffffff');
    expect(await store.documents.nearDuplicateCandidates('0000000000000000', 1)).toHaveLength(1);
    const other = await again();
    const fromOther = await add(other, '0000000000000003');
    expect(await store.documents.nearDuplicateCandidates('0000000000000000', 1)).toEqual([{ id: fromOther.id, simhash: '0000000000000003' }]);
    await other.close();
    await store.close();
  });
}

describe('SQLite near-duplicate candidates', () => {
  let n = 0;
  nearDuplicateSuite(async () => {
    const file = join(dir, `near-${++n}.db`);
    const open = async (): Promise<Store> => openSqliteStore(file, { log: silentLogger, nearDuplicateWindow: WINDOW });
    return { store: await open(), again: open };
  });
});

describePostgres('PostgreSQL near-duplicate candidates', () => {
  nearDuplicateSuite(async () => {
    const schema = await freshSchema('near');
    schemas.push(schema);
    const open = async (): Promise<Store> => openPostgresStore(schema.url, { log: silentLogger, nearDuplicateWindow: WINDOW });
    return { store: await open(), again: open };
  });
});
