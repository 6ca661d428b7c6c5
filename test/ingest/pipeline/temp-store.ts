import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type Store } from '../../../src/core/index.js';
import { openStore } from '../../../src/store/open.js';

export interface TempStore {
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/** A real SQLite store in a fresh temp folder, removed on close. */
export async function tempStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-pipeline-'));
  const store = await openStore(join(dir, 'test.db'), { log: silentLogger });
  return {
    store,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every meeting in the store, primary or not. */
export async function allMeetings(store: Store) {
  return (await store.meetings.list({ limit: 1000, includeSecondary: true, order: 'oldest' })).items;
}
