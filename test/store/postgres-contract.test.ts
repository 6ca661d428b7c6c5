import { afterAll } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { storeContract } from '../contracts/store-contract.js';
import { describePostgres, emptyTables, freshSchema } from '../helpers/postgres.js';

let schema: Awaited<ReturnType<typeof freshSchema>> | undefined;

afterAll(async () => {
  await schema?.drop();
});

describePostgres('PostgreSQL store', () => {
  // One schema for this run (parallel files and runs never see each other's rows),
  // emptied before each test so every test starts from a fresh store.
  storeContract('postgres (own schema per run)', async () => {
    schema ??= await freshSchema('contract');
    const store = await openPostgresStore(schema.url, { log: silentLogger });
    await emptyTables(store.pool);
    return store;
  });
});
