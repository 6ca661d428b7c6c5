/**
 * Lets a bench run on PostgreSQL: `--db postgres://...` (or BENCH_DATABASE_URL).
 * Filling PostgreSQL one port call at a time would take a commit per document, so
 * a bench fills a scratch SQLite store as usual and moves it over with the same
 * export/import `briefbot import` uses, then times its work against PostgreSQL.
 */
import { silentLogger, type Store } from '../src/core/index.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import { exportStore, importStore, isEmptyStore } from '../src/store/transfer/index.js';

export function postgresUrlArg(argv: readonly string[] = process.argv): string | null {
  const i = argv.indexOf('--db');
  const value = i === -1 ? process.env.BENCH_DATABASE_URL : argv[i + 1];
  return value && /^postgres(ql)?:\/\//i.test(value) ? value : null;
}

/**
 * Opens the PostgreSQL store at `url`. When it does not hold `mark` yet, `fill`
 * produces a filled SQLite store whose rows are imported (the target must be empty).
 */
export async function filledPostgres(url: string, mark: string, fill: () => Promise<Store>): Promise<Store> {
  const store = await openPostgresStore(url, { log: silentLogger });
  if ((await store.getMeta(mark)) !== null) {
    process.stderr.write(`reusing PostgreSQL store: ${(await store.documents.count()).toLocaleString('en-US')} documents\n`);
    return store;
  }
  if (!(await isEmptyStore(store))) {
    await store.close();
    throw new Error('the PostgreSQL target holds data this bench did not write; give an empty database or ?schema=NAME');
  }
  const scratch = await fill();
  const started = performance.now();
  const summary = await importStore(store, exportStore(scratch));
  await scratch.close();
  process.stderr.write(
    `imported ${summary.counts.documents?.toLocaleString('en-US')} documents into PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  await store.setMeta(mark, new Date().toISOString());
  // After a bulk load, as the PostgreSQL docs advise: sets the visibility map so counts can skip the heap.
  await store.pool.query('VACUUM ANALYZE');
  return store;
}
