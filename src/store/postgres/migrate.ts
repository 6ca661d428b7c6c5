import type { Pool } from 'pg';
import type { Logger } from '../../core/index.js';
import type { Migration } from './migrations/index.js';

/** Any fixed number: every Briefbot process migrating the same schema waits on it. */
const MIGRATION_LOCK = 0x62726965;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in one transaction
 * that first takes a transaction-scoped advisory lock, so replicas starting together
 * apply each migration once: the others wait, then find nothing left to do.
 * Returns the versions applied.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[], log: Logger): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      log.info({ version: migration.version, name: migration.name }, 'applied store migration');
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
