import type { Pool, PoolClient } from 'pg';
import { TABLES, type Row, type TableAccess, type TableSpec, type TableWriter } from './tables.js';

const BATCH = 500;

function orderOf(table: TableSpec): string {
  return table.orderBy === '' ? 'seq' : table.orderBy;
}

export function postgresAccess(pool: Pool): TableAccess {
  return {
    async *read(table) {
      // Keyset-free paging by offset inside one snapshot: REPEATABLE READ keeps pages consistent.
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        for (let offset = 0; ; offset += BATCH) {
          const { rows } = await client.query<Row>(
            `SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${orderOf(table)} LIMIT ${BATCH} OFFSET ${offset}`,
          );
          if (rows.length > 0) yield rows;
          if (rows.length < BATCH) break;
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
    async count(table) {
      return (await pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table.name}`)).rows[0]!.n;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await fn(writer(client));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function writer(client: PoolClient): TableWriter {
  return {
    async clear() {
      for (const table of [...TABLES].reverse()) await client.query(`DELETE FROM ${table.name}`);
    },
    async insert(table, rows) {
      // One statement per batch: the rows travel as one JSON parameter, mapped onto the
      // table's own row type, so no value is ever spliced into the SQL text.
      const columns = table.columns.join(', ');
      await client.query(
        `INSERT INTO ${table.name} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table.name}, $1::json)`,
        [JSON.stringify(rows)],
      );
    },
    async finish() {
      // Fresh statistics, or the planner guesses at row counts until autovacuum comes by.
      for (const table of TABLES) await client.query(`ANALYZE ${table.name}`);
      for (const table of TABLES) {
        if (!table.identity) continue;
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table.name}', '${table.identity}'), COALESCE(MAX(${table.identity}), 1), MAX(${table.identity}) IS NOT NULL)
           FROM ${table.name}`,
        );
      }
    },
  };
}
