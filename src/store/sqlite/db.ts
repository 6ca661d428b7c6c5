import type Database from 'better-sqlite3';

const MAX_CACHED = 500;

/**
 * A connection with a per-store statement cache: preparing is the costly part of a
 * small query, and dynamic filter SQL has only a handful of shapes.
 */
export class Db {
  private readonly cache = new Map<string, Database.Statement>();
  // One transaction wrapper for every call: better-sqlite3 builds a new one (four functions
  // and their properties) each time transaction() is called, on every document written.
  private readonly inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;
  /** Batches (runBatch) open on this connection, outermost included. */
  batchDepth = 0;
  /**
   * Bumped whenever rows this connection did not write itself may have appeared or its own may
   * have gone: a batch's transaction beginning or ending, a rollback. While it stays the same
   * inside a batch, the connection holds the write lock and knows every change.
   */
  epoch = 0;
  private readonly batchHooks: Array<(committing: boolean) => void> = [];

  constructor(
    readonly raw: Database.Database,
    /** The current instant as an ISO string; injectable so tests can fix the clock. */
    readonly now: () => string,
  ) {
    this.inTransaction = raw.transaction((fn: () => unknown) => fn());
  }

  stmt(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      // Shapes are few, but a query built per word count must not grow the cache forever.
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      statement = this.raw.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  /** The epoch while a batch holds the write lock, or null when other writers may interleave. */
  writeEpoch(): number | null {
    return this.batchDepth > 0 ? this.epoch : null;
  }

  /**
   * Registers work for the end of the outermost batch: called with true inside the transaction
   * just before it commits (a throw rolls the batch back), with false after it rolled back.
   */
  onBatchEnd(hook: (committing: boolean) => void): void {
    this.batchHooks.push(hook);
  }

  /** Runs the registered batch-end work; runBatch calls it. */
  endBatch(committing: boolean): void {
    for (const hook of this.batchHooks) hook(committing);
  }

  /** Runs `fn` in a deferred transaction: one consistent snapshot for several reads. */
  read<T>(fn: () => T): T {
    return this.inTransaction.deferred(fn) as T;
  }

  /** Runs `fn` in an IMMEDIATE transaction, so a read-then-write never hits a lock upgrade. */
  tx<T>(fn: () => T): T {
    return this.inTransaction.immediate(fn) as T;
  }
}
