/**
 * Inside a batch the SQLite store indexes new documents for search once, as the batch commits
 * (migration 005). These tests hold that to what search answers and to FTS5's own integrity
 * check, through nested rollbacks and ids handed out again.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { newDocument } from '../contracts/store/fixtures.js';

const open = (): SqliteStore => openSqliteStore(':memory:', { log: silentLogger });
const add = (store: SqliteStore, word: string) => store.documents.add(newDocument({ text: `Delegates discussed the ${word} question at length.` }));
const hits = async (store: SqliteStore, word: string): Promise<number[]> => (await store.documents.search([word], {}, 10, 0)).hits.map((h) => h.document.id);
const indexIsSound = (store: SqliteStore): void => {
  // Throws SQLITE_CORRUPT_VTAB when the index and the documents disagree.
  store.db.exec("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)");
};

describe('SQLite search index and batches', () => {
  it('indexes a document added outside a batch at once', async () => {
    const store = open();
    const doc = await add(store, 'zanzibar');
    expect(await hits(store, 'zanzibar')).toEqual([doc.id]);
    indexIsSound(store);
    await store.close();
  });

  it('indexes the documents of a batch once it commits, each once', async () => {
    const store = open();
    const ids = await store.batch!(async () => [(await add(store, 'quetzal')).id, (await add(store, 'quetzal')).id]);
    expect((await hits(store, 'quetzal')).sort()).toEqual(ids.sort());
    indexIsSound(store);
    await store.close();
  });

  it('indexes nothing of a nested batch that rolled back, and the document that takes its id once', async () => {
    const store = open();
    await store.batch!(async () => {
      await add(store, 'kept');
      await expect(
        store.batch!(async () => {
          await add(store, 'doomed');
          throw new Error('merge failed');
        }),
      ).rejects.toThrow('merge failed');
      await add(store, 'successor');
    });
    expect(await hits(store, 'doomed')).toEqual([]);
    expect(await hits(store, 'successor')).toHaveLength(1);
    expect(await hits(store, 'kept')).toHaveLength(1);
    indexIsSound(store);
    await store.close();
  });

  it('forgets what a rolled-back batch added, so a later document with the same id is indexed once', async () => {
    const store = open();
    await expect(
      store.batch!(async () => {
        await add(store, 'vanished');
        throw new Error('batch failed');
      }),
    ).rejects.toThrow('batch failed');
    const after = await add(store, 'arrived');
    await store.batch!(async () => {
      await add(store, 'later');
    });
    expect(await hits(store, 'vanished')).toEqual([]);
    expect(await hits(store, 'arrived')).toEqual([after.id]);
    indexIsSound(store);
    await store.close();
  });
});
