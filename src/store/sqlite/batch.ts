import type Database from 'better-sqlite3';

let savepoints = 0;

/**
 * Runs `fn` inside one transaction on `raw` (a savepoint when one is already open), so its
 * writes commit together: one WAL commit and one FTS5 segment for many documents instead of
 * one each. If `fn` throws, its writes are rolled back and the error rethrown.
 * better-sqlite3's own transaction() cannot span an await, hence the explicit statements;
 * its transactions inside `fn` become savepoints because one is open.
 */
export async function runBatch<T>(raw: Database.Database, fn: () => Promise<T>): Promise<T> {
  const savepoint = raw.inTransaction ? `batch_${++savepoints}` : null;
  raw.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE');
  try {
    const result = await fn();
    raw.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT');
    return result;
  } catch (error) {
    if (raw.inTransaction) raw.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
    throw error;
  }
}
