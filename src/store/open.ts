import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger, Store } from '../core/index.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export interface OpenStoreOptions {
  /** Folder for the default SQLite file (default `./data`). */
  dataDir?: string;
  log: Logger;
}

/**
 * Opens the store a DATABASE_URL names: nothing → `<dataDir>/briefbot.db`;
 * `sqlite:PATH`, `file:PATH` or a plain path → SQLite (`:memory:` too);
 * `postgres://` / `postgresql://` → PostgreSQL.
 */
export async function openStore(databaseUrl: string | undefined, options: OpenStoreOptions): Promise<Store> {
  const url = databaseUrl?.trim() ?? '';
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, options.log);
  const path = sqlitePath(url, options.dataDir ?? './data');
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  options.log.info({ path }, 'opening SQLite store');
  return openSqliteStore(path, { log: options.log });
}

/** The SQLite filename a URL names; exported for tests. */
export function sqlitePath(url: string, dataDir: string): string {
  if (url === '') return join(dataDir, 'briefbot.db');
  const match = /^(?:sqlite|file):(?:\/\/)?(.*)$/i.exec(url);
  const path = match ? match[1]! : url;
  if (path === '') throw new Error(`DATABASE_URL names no SQLite file: ${url}`);
  return path;
}

async function openPostgres(url: string, log: Logger): Promise<Store> {
  // A variable specifier keeps the type checker from requiring a module that may not exist yet.
  const modulePath = './postgres/postgres-store.js';
  let module: { openPostgresStore?: (url: string, options: { log: Logger }) => Promise<Store> };
  try {
    module = (await import(modulePath)) as typeof module;
  } catch (error) {
    throw new Error('PostgreSQL support is not available in this build (src/store/postgres is missing); use a SQLite DATABASE_URL.', {
      cause: error,
    });
  }
  if (typeof module.openPostgresStore !== 'function') {
    throw new Error('PostgreSQL support is not available: src/store/postgres/postgres-store.ts exports no openPostgresStore.');
  }
  return module.openPostgresStore(url, { log });
}
