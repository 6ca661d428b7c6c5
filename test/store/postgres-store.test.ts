import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger, type Store } from '../../src/core/index.js';
import { openStore } from '../../src/store/open.js';
import { migrations } from '../../src/store/postgres/migrations/index.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { newDocument } from '../contracts/store/fixtures.js';
import { adminQuery, describePostgres, freshSchema, POSTGRES_TEST_URL } from '../helpers/postgres.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('says plainly that nothing listens, after retrying, without showing the password', async () => {
  const port = await closedPort();
  const started = Date.now();
  const error = await openPostgresStore(`postgres://bot:s3cret-pw@127.0.0.1:${port}/briefbot`, {
    log: silentLogger,
    retryDelayMs: 100,
  }).then(
    () => new Error('opened'),
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toBe(`PostgreSQL at 127.0.0.1:${port} refused the connection after 3 attempts: is it running?`);
  expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  expect(error.message).not.toContain('s3cret');
});

it('refuses a schema name that is not a plain identifier', async () => {
  await expect(openPostgresStore('postgres://x@127.0.0.1/db?schema=a;drop', { log: silentLogger })).rejects.toThrow(/unusable schema/);
});

describePostgres('PostgreSQL store specifics', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let store: PostgresStore;
  const url = new URL(POSTGRES_TEST_URL);

  beforeAll(async () => {
    schema = await freshSchema('pgstore');
    store = await openPostgresStore(schema.url, { log: silentLogger });
  });

  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });

  it('names a missing database and a missing role', async () => {
    const noDb = new URL(url);
    noDb.pathname = '/briefbot_missing_db';
    await expect(openPostgresStore(noDb.toString(), { log: silentLogger })).rejects.toThrow(
      'database briefbot_missing_db does not exist: create it with createdb briefbot_missing_db',
    );
    const noUser = new URL(url);
    noUser.username = 'briefbot_no_such_role';
    noUser.password = 'hunter2-secret';
    const error = await openPostgresStore(noUser.toString(), { log: silentLogger }).then(
      () => new Error('opened'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toBe('PostgreSQL rejected the credentials for user briefbot_no_such_role');
  });

  it('is what openStore returns for a postgres:// URL', async () => {
    const opened: Store = await openStore(schema.url, { log: silentLogger });
    try {
      expect(opened.kind).toBe('postgres');
      expect(await opened.documents.count()).toBe(await store.documents.count());
    } finally {
      await opened.close();
    }
  });

  it('three stores starting together on a new schema apply each migration once', async () => {
    const fresh = await freshSchema('race');
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(fresh.url, { log: silentLogger })));
      const all = migrations.map((m) => m.version);
      expect(stores.map((s) => s.appliedMigrations).sort((a, b) => a.length - b.length)).toEqual([[], [], all]);
      const rows = await adminQuery(`SELECT version FROM ${fresh.name}.schema_migrations ORDER BY version`);
      expect(rows.rows.map((r: { version: number }) => r.version)).toEqual(all);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await fresh.drop();
    }
  });

  it('keeps stores in different schemas apart', async () => {
    const other = await freshSchema('apart');
    try {
      const second = await openPostgresStore(other.url, { log: silentLogger });
      await store.documents.add(newDocument());
      expect(await second.documents.count()).toBe(0);
      await second.close();
    } finally {
      await other.drop();
    }
  });

  it('lets exactly one of many simultaneous claimers win a slot, and one a dead lease', async () => {
    const key = { subscriber: 'channel:test:race', digest: 'daily-brief', slot: '2026-05-01T08:00:00Z' };
    const won = await Promise.all(
      Array.from({ length: 12 }, (_, i) => store.deliveries.claim(key, `r${i}`, '2026-05-01T08:05:00.000Z', '2026-05-01T08:00:01.000Z')),
    );
    expect(won.filter((d) => d !== null)).toHaveLength(1);
    const retaken = await Promise.all(
      Array.from({ length: 12 }, (_, i) => store.deliveries.claim(key, `t${i}`, '2026-05-01T08:20:00.000Z', '2026-05-01T08:10:00.000Z')),
    );
    const winners = retaken.filter((d) => d !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.id).toBe(won.find((d) => d !== null)!.id);
  });

  it('hands each due source to one replica when several claim at once', async () => {
    for (let i = 0; i < 20; i += 1) {
      const source = await store.sources.add({ kind: 'feed', url: `https://feeds.example/race-${i}`, pollIntervalSec: 60 });
      await store.sources.updateHealth(source.id, { nextPollAt: '2026-05-01T07:00:00.000Z' });
    }
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map((owner) => store.sources.claimDue('2026-05-01T08:00:00.000Z', owner, '2026-05-01T08:05:00.000Z', 8)),
    );
    const ids = claims.flat().map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id > 0)).toHaveLength(20);
  });

  it('ranks title matches above body matches and survives NUL and operator characters', async () => {
    const inTitle = await store.documents.add(newDocument({ title: 'Lake Chad patrol review', text: 'Officials met briefly.' }));
    const inText = await store.documents.add(newDocument({ title: 'Weekly notes', text: 'A patrol on the lake was mentioned.' }));
    const result = await store.documents.search(['patrol', 'lake'], {}, 10, 0);
    expect(result.hits.map((h) => h.document.id)).toEqual([inTitle.id, inText.id]);
    expect(result.hits[1]!.snippet).toBe('A [[patrol]] on the [[lake]] was mentioned.');
    for (const word of ['pat\u0000rol', "lake' OR 1=1 --", 'patrol:*', '!lake', 'lake | chad', '<->']) {
      await expect(store.documents.search([word], { body: word, place: word, topic: word }, 5, 0)).resolves.toBeDefined();
    }
    expect((await store.documents.search(['lake | chad'], {}, 5, 0)).hits.map((h) => h.document.id)).toEqual([inTitle.id]);
  });
});
