import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storeContract } from '../contracts/store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-store-'));
let n = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite (temp file)', async () => {
  n += 1;
  return openSqliteStore(join(dir, `store-${n}.db`), { log: silentLogger });
});
