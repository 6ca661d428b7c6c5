import pg from 'pg';

export interface PgTarget {
  /** The connection settings, with `schema` taken out of the URL. */
  config: pg.PoolConfig;
  /** The schema to use (and create if missing), or null for the server default. */
  schema: string | null;
  /** Where, for messages: never includes the password. */
  where: { host: string; port: number; user: string; database: string };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** 64-bit integers (COUNT, BIGINT ids) as JS numbers: ids stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Reads a postgres:// URL. `?schema=NAME` selects a schema (each test run uses
 * its own); it must be a plain lowercase identifier because it becomes part of
 * the search_path option and of a CREATE SCHEMA statement.
 */
export function parsePostgresUrl(url: string): PgTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new Error(`DATABASE_URL names an unusable schema "${schema.slice(0, 70)}": use lowercase letters, digits and _`);
  }
  const where = {
    host: decodeURIComponent(parsed.hostname) || 'localhost',
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || '(the default user)',
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || '(the default database)',
  };
  const config: pg.PoolConfig = {
    connectionString: parsed.toString(),
    types,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    max: 10,
  };
  if (schema !== null) config.options = `-c search_path=${schema}`;
  return { config, schema, where };
}

function codes(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const own = (error as { code?: unknown }).code;
  const nested = (error as { errors?: unknown[] }).errors ?? [];
  return [typeof own === 'string' ? own : '', ...nested.flatMap(codes)].filter(Boolean);
}

const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', '57P03']);

/** One line saying what went wrong, naming host, user or database but never the password. */
export function connectionProblem(error: unknown, target: PgTarget, attempts: number): Error {
  const { host, port, user, database } = target.where;
  const found = codes(error);
  const text = error instanceof Error ? error.message : String(error);
  let message: string;
  if (found.includes('ECONNREFUSED')) message = `PostgreSQL at ${host}:${port} refused the connection after ${attempts} attempts: is it running?`;
  else if (found.includes('28P01') || found.includes('28000')) message = `PostgreSQL rejected the credentials for user ${user}`;
  else if (found.includes('3D000')) message = `database ${database} does not exist: create it with createdb ${database}`;
  else if (found.includes('ENOTFOUND')) message = `PostgreSQL host ${host} was not found: check DATABASE_URL`;
  else if (/timeout/i.test(text) || found.includes('ETIMEDOUT')) message = `PostgreSQL at ${host}:${port} did not answer after ${attempts} attempts`;
  else message = `could not open PostgreSQL at ${host}:${port} (database ${database}, user ${user}): ${text}`;
  return new Error(message, { cause: error });
}

/** Connects once to check the server, retrying a refused or not-yet-ready one. */
export async function checkConnection(pool: pg.Pool, target: PgTarget, attempts: number, delayMs: number): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const client = await pool.connect();
      client.release();
      return;
    } catch (error) {
      const retry = codes(error).some((c) => RETRYABLE.has(c));
      if (!retry || attempt >= attempts) throw connectionProblem(error, target, attempt);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
