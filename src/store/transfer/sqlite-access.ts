import type Database from 'better-sqlite3';
import { TABLES, type Row, type TableAccess, type TableSpec, type TableWriter } from './tables.js';

const BATCH = 500;

function orderOf(table: TableSpec): string {
  return table.orderBy === '' ? 'rowid' : table.orderBy;
}

export function sqliteAccess(db: Database.Database): TableAccess {
  return {
    async *read(table) {
      const statement = db.prepare(`SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${orderOf(table)}`);
      let batch: Row[] = [];
      for (const row of statement.iterate() as Iterable<Row>) {
        batch.push(row);
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async count(table) {
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${table.name}`).get() as { n: number }).n;
    },
    async transaction(fn) {
      // Rows arrive asynchronously, so the transaction is opened by hand; nothing else
      // uses this connection meanwhile.
      db.exec('BEGIN IMMEDIATE');
      try {
        await fn(writer(db));
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

function writer(db: Database.Database): TableWriter {
  return {
    async clear() {
      for (const table of [...TABLES].reverse()) db.exec(`DELETE FROM ${table.name}`);
      // The full-text index follows documents through its delete trigger.
    },
    async insert(table, rows) {
      const statement = db.prepare(
        `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of rows) statement.run(row);
    },
    async finish() {
      // AUTOINCREMENT already moved sqlite_sequence past every explicit id. The store indexes the
      // documents it adds for search itself (migration 005), so the rows written here are indexed
      // now, once, from the documents table.
      db.exec("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')");
    },
  };
}
