/**
 * PostgreSQL for tests: one probe per test file, a fresh schema per store, and a
 * describe() that skips loudly on a machine without PostgreSQL, but fails under CI.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

export const POSTGRES_TEST_URL = process.env.POSTGRES_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL cannot be used here, or null when it answered. */
export async function postgresProblem(url = POSTGRES_TEST_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${new URL(url).host} is not usable: ${error instanceof Error ? error.message || (error as { code?: string }).code : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await postgresProblem();

export function postgresAvailable(): boolean {
  return problem === null;
}

/**
 * describe() for suites that need PostgreSQL. Without it: skipped with a warning
 * saying so, except under CI, where a missing database is a failure.
 */
export function describePostgres(name: string, body: () => void): void {
  if (problem === null) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs PostgreSQL, which CI must provide', () => {
        throw new Error(problem);
      });
    });
    return;
  }
  console.warn(`The PostgreSQL suite "${name}" was skipped: ${problem}`);
  describe.skip(`${name} (skipped: PostgreSQL is not reachable)`, body);
}

/** A new empty schema and a URL that uses it; `drop` removes it and everything in it. */
export async function freshSchema(prefix = 't'): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  const url = new URL(POSTGRES_TEST_URL);
  url.searchParams.set('schema', name);
  return { name, url: url.toString(), drop: async () => void (await adminQuery(`DROP SCHEMA IF EXISTS ${name} CASCADE`)) };
}

export async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Every table of the store, children before parents. */
const TABLES = [
  'watermarks',
  'deliveries',
  'schedules',
  'subscriptions',
  'meeting_documents',
  'meeting_topics',
  'meetings',
  'document_topics',
  'document_urls',
  'documents',
  'sources',
  'meta',
];

/**
 * Empties a store's tables in one transaction. Much faster than a new schema per
 * test (DDL and TRUNCATE each cost hundreds of milliseconds here); ids keep growing,
 * which the port allows.
 */
export async function emptyTables(pool: pg.Pool): Promise<void> {
  await pool.query(`BEGIN; ${TABLES.map((t) => `DELETE FROM ${t};`).join(' ')} COMMIT;`);
}
