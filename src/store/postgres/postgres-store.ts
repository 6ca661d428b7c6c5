import pg from 'pg';
import type { Logger, Store } from '../../core/index.js';
import { checkConnection, parsePostgresUrl } from './connect.js';
import { PgDeliveryRepo } from './deliveries.js';
import { PgDocumentRepo } from './documents.js';
import { PgMeetingRepo } from './meetings.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { PgDb } from './pg-db.js';
import { PgScheduleRepo } from './schedules.js';
import { PgSourceRepo } from './sources.js';
import { PgSubscriptionRepo } from './subscriptions.js';
import { rewriteTopics } from './topic-rewrite.js';

export interface PostgresStoreOptions {
  log: Logger;
  /** The clock for created/updated timestamps; defaults to the system clock. */
  now?: () => string;
  /** Connection attempts while the server refuses (default 3, one second apart). */
  connectAttempts?: number;
  retryDelayMs?: number;
  /** Most recent documents compared in memory for near duplicates (default 8192; tests make it small). */
  nearDuplicateWindow?: number;
}

export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  /** The pool, for export/import and benchmarks. */
  readonly pool: pg.Pool;
  /** The schema in use (null: the server's default search_path). */
  readonly schema: string | null;
  readonly appliedMigrations: readonly number[];
}

/** Opens a PostgreSQL store at a postgres:// URL (optionally `?schema=NAME`) and migrates it. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions): Promise<PostgresStore> {
  const target = parsePostgresUrl(url);
  const pool = new pg.Pool(target.config);
  // An idle client dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (err) => options.log.warn({ err: err.message }, 'PostgreSQL connection lost'));
  try {
    await checkConnection(pool, target, options.connectAttempts ?? 3, options.retryDelayMs ?? 1_000);
    if (target.schema !== null) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${target.schema}`);
    const appliedMigrations = await migrate(pool, migrations, options.log);
    const { host, port, database } = target.where;
    options.log.info({ host, port, database, schema: target.schema }, 'opened PostgreSQL store');
    const db = new PgDb(pool, pool, options.now ?? (() => new Date().toISOString()));
    let closed = false;
    return {
      kind: 'postgres',
      pool,
      schema: target.schema,
      appliedMigrations,
      documents: new PgDocumentRepo(db, options.nearDuplicateWindow),
      meetings: new PgMeetingRepo(db),
      sources: new PgSourceRepo(db),
      subscriptions: new PgSubscriptionRepo(db),
      schedules: new PgScheduleRepo(db),
      deliveries: new PgDeliveryRepo(db),
      async getMeta(key) {
        return (await db.get<{ value: string }>('SELECT value FROM meta WHERE key = $1', key))?.value ?? null;
      },
      async setMeta(key, value) {
        await db.run('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
      },
      rewriteTopics: (rewrite) => rewriteTopics(db, rewrite),
      async close() {
        if (closed) return;
        closed = true;
        await pool.end();
      },
      // Each write commits on its own (one pool, many clients): grouping would need one client throughout.
      batch: (fn) => fn(),
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
