import type Database from 'better-sqlite3';
import type { Db } from './db.js';

interface BatchStatements {
  begin: Database.Statement;
  commit: Database.Statement;
  rollback: Database.Statement;
  savepoint: Database.Statement;
  release: Database.Statement;
  rollbackTo: Database.Statement;
}

// Prepared once per connection: a batch runs per ingested document. Nested savepoints may share a
// name; RELEASE and ROLLBACK TO act on the innermost one of that name, which is the one opened here.
const prepared = new WeakMap<Database.Database, BatchStatements>();

function statementsOf(raw: Database.Database): BatchStatements {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      begin: raw.prepare('BEGIN IMMEDIATE'),
      commit: raw.prepare('COMMIT'),
      rollback: raw.prepare('ROLLBACK'),
      savepoint: raw.prepare('SAVEPOINT batch'),
      release: raw.prepare('RELEASE batch'),
      rollbackTo: raw.prepare('ROLLBACK TO batch'),
    };
    prepared.set(raw, s);
  }
  return s;
}

/**
 * Runs `fn` inside one transaction on `raw` (a savepoint when one is already open), so its
 * writes commit together: one WAL commit and one FTS5 segment for many documents instead of
 * one each. If `fn` throws, its writes are rolled back and the error rethrown.
 * better-sqlite3's own transaction() cannot span an await, hence the explicit statements;
 * its transactions inside `fn` become savepoints because one is open.
 */
export async function runBatch<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const raw = db.raw;
  const s = statementsOf(raw);
  const nested = raw.inTransaction;
  if (!nested) db.epoch++;
  (nested ? s.savepoint : s.begin).run();
  db.batchDepth++;
  try {
    const result = await fn();
    if (!nested) db.endBatch(true);
    (nested ? s.release : s.commit).run();
    return result;
  } catch (error) {
    if (raw.inTransaction) {
      if (nested) {
        s.rollbackTo.run();
        s.release.run();
      } else {
        s.rollback.run();
      }
    }
    if (!nested) db.endBatch(false);
    db.epoch++;
    throw error;
  } finally {
    db.batchDepth--;
    if (!nested) db.epoch++;
  }
}
