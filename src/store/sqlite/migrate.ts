import type Database from 'better-sqlite3';
import type { Logger } from '../../core/index.js';
import type { Migration } from './migrations/index.js';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, all in one
 * IMMEDIATE transaction so two processes starting together cannot both apply one.
 * Returns the versions applied (empty when the schema was current).
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], log: Logger): number[] {
  return db
    .transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      const done = new Set(
        (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
      );
      const applied: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          new Date().toISOString(),
        );
        log.info({ version: migration.version, name: migration.name }, 'applied store migration');
        applied.push(migration.version);
      }
      return applied;
    })
    .immediate();
}
