import Database from 'better-sqlite3';
import type { Logger, Store } from '../../core/index.js';
import { Db } from './db.js';
import { SqliteDeliveryRepo } from './deliveries.js';
import { SqliteDocumentRepo } from './documents.js';
import { SqliteMeetingRepo } from './meetings.js';
import { runBatch } from './batch.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { SqliteScheduleRepo } from './schedules.js';
import { SqliteSourceRepo } from './sources.js';
import { SqliteSubscriptionRepo } from './subscriptions.js';
import { rewriteTopics } from './topic-rewrite.js';

export interface SqliteStoreOptions {
  log: Logger;
  /** The clock for created/updated timestamps; defaults to the system clock. */
  now?: () => string;
  /** Most recent documents compared in memory for near duplicates (default 8192; tests make it small). */
  nearDuplicateWindow?: number;
}

export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  /** The underlying connection, for migrations tests and benchmarks. */
  readonly db: Database.Database;
  /** Migration versions applied when this store opened. */
  readonly appliedMigrations: readonly number[];
}

/** Opens (creating if needed) a SQLite store at `filename` (`:memory:` allowed) and migrates it. */
export function openSqliteStore(filename: string, options: SqliteStoreOptions): SqliteStore {
  const raw = new Database(filename);
  try {
    // WAL lets readers run beside the one writer; NORMAL is durable enough with WAL.
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('temp_store = MEMORY');
    const appliedMigrations = migrate(raw, migrations, options.log);
    const db = new Db(raw, options.now ?? (() => new Date().toISOString()));
    return {
      kind: 'sqlite',
      db: raw,
      appliedMigrations,
      documents: new SqliteDocumentRepo(db, options.nearDuplicateWindow),
      meetings: new SqliteMeetingRepo(db),
      sources: new SqliteSourceRepo(db),
      subscriptions: new SqliteSubscriptionRepo(db),
      schedules: new SqliteScheduleRepo(db),
      deliveries: new SqliteDeliveryRepo(db),
      async getMeta(key) {
        return db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', key)?.value ?? null;
      },
      async setMeta(key, value) {
        db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
      },
      async rewriteTopics(rewrite) {
        rewriteTopics(db, rewrite);
      },
      async close() {
        if (raw.open) raw.close();
      },
      batch: (fn) => runBatch(db, fn),
    };
  } catch (error) {
    raw.close();
    throw error;
  }
}
