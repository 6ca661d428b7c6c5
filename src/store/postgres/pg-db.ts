import type { Pool, PoolClient, QueryResultRow } from 'pg';

type Runner = Pick<Pool, 'query'> | Pick<PoolClient, 'query'>;

/**
 * Queries on the pool, or on one client inside a transaction. Repos take a PgDb
 * and never care which: `tx` hands them one bound to the transaction's client.
 */
export class PgDb {
  constructor(
    private readonly runner: Runner,
    private readonly pool: Pool,
    /** The current instant as an ISO string; injectable so tests can fix the clock. */
    readonly now: () => string,
    private readonly inTx = false,
  ) {}

  async all<T extends QueryResultRow>(sql: string, ...params: unknown[]): Promise<T[]> {
    return (await this.runner.query<T>(sql, params)).rows;
  }

  async get<T extends QueryResultRow>(sql: string, ...params: unknown[]): Promise<T | undefined> {
    return (await this.runner.query<T>(sql, params)).rows[0];
  }

  /** Runs a statement; returns the number of rows it touched. */
  async run(sql: string, ...params: unknown[]): Promise<number> {
    return (await this.runner.query(sql, params)).rowCount ?? 0;
  }

  /** Runs `fn` in one transaction on one client (nested calls join the outer one). */
  async tx<T>(fn: (db: PgDb) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgDb(client, this.pool, this.now, true));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
