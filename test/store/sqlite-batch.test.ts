/** SQLite's batch is one transaction: a failing nested batch leaves none of its rows, and others keep theirs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { meetingRecord, newDocument } from '../contracts/store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite batch', () => {
  it('rolls back a failing nested batch whole (document, URLs, meeting) and commits the rest once', async () => {
    const file = join(dir, 'batch.db');
    const store = openSqliteStore(file, { log: silentLogger });
    const reader = openSqliteStore(file, { log: silentLogger });
    const batch = store.batch!;
    let failed: number | null = null;
    await batch(async () => {
      await batch(async () => store.documents.add(newDocument({ url: 'https://batch.example/good-1' })));
      await expect(
        batch(async () => {
          const doc = await store.documents.add(newDocument({ url: 'https://batch.example/bad', urls: ['https://batch.example/bad-copy'] }));
          await store.meetings.create(meetingRecord(), doc.id);
          failed = doc.id;
          throw new Error('merge failed');
        }),
      ).rejects.toThrow('merge failed');
      await batch(async () => store.documents.add(newDocument({ url: 'https://batch.example/good-2' })));
      // Another connection sees nothing before the commit.
      expect(await reader.documents.count()).toBe(0);
    });
    expect(failed).not.toBeNull();
    expect(await reader.documents.count()).toBe(2);
    expect(await reader.documents.findByUrl('https://batch.example/bad-copy')).toBeNull();
    expect(await reader.meetings.count()).toBe(0);
    expect((await reader.documents.findByUrl('https://batch.example/good-2'))?.url).toBe('https://batch.example/good-2');
    expect(store.db.inTransaction).toBe(false);
    await reader.close();
    await store.close();
  });
});
