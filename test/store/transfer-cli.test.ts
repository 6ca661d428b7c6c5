import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { seedBriefings } from '../commands/seed-briefings.js';
import { runNode } from '../e2e/run-bot.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-transfer-cli-'));
const sqliteUrl = `sqlite:${join(dir, 'source.db')}`;
const file = join(dir, 'moved.jsonl');
const cli = (args: string[], databaseUrl: string) =>
  runNode(['src/cli.ts', ...args], { env: { DATABASE_URL: databaseUrl, DATA_DIR: dir, SEED_SAMPLES: 'false' }, timeoutMs: 60_000 });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describePostgres('briefbot migrate, export and import', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;

  beforeAll(async () => {
    const store = openSqliteStore(join(dir, 'source.db'), { log: silentLogger });
    await seedBriefings(store);
    await store.close();
    schema = await freshSchema('cli');
  });

  afterAll(async () => {
    await schema?.drop();
  });

  it('migrates PostgreSQL explicitly, then moves a SQLite store into it with matching counts and checksum', async () => {
    const migrated = await cli(['migrate'], schema.url);
    expect(migrated.stderr).toBe('');
    expect(migrated.stdout).toMatch(/^applied migrations 1, 2(, \d+)* \(postgres\)\n$/);

    const exported = await cli(['export', file], sqliteUrl);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^exported the sqlite store to .*moved\.jsonl\n/);
    expect(exported.stdout).toMatch(/^documents +[1-9]\d*$/m);
    expect(exported.stdout).toMatch(/^meetings +[1-9]\d*$/m);
    const checksum = /^sha256 ([0-9a-f]{64})$/m.exec(exported.stdout)?.[1];
    expect(checksum).toBeDefined();

    const imported = await cli(['import', file], schema.url);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout.split('\n').slice(1)).toEqual(exported.stdout.split('\n').slice(1));

    const refused = await cli(['import', file], schema.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty.*--force/);
    const forced = await cli(['import', file, '--force'], schema.url);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(`sha256 ${checksum}`);
  }, 120_000);
});
