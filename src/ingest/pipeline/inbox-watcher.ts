import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { silentLogger, type Logger, type Store } from '../../core/index.js';
import { ingestDocument } from './ingest-document.js';
import { localInput } from './ingest-paths.js';
import { describeFailure } from './summary.js';
import type { IngestOptions, IngestResult } from './types.js';

export interface InboxOptions {
  store: Store;
  log?: Logger;
  ingest?: IngestOptions;
  /** Quiet time after the last change to a file before it is read. Default 500 ms. */
  debounceMs?: number;
  /** Called after each file is settled. */
  onFile?: (event: { file: string; result: IngestResult | null; error: string | null; movedTo: string }) => void;
}

export interface InboxWatcher {
  /** Stops watching; resolves once any file being ingested is settled. */
  stop(): Promise<void>;
}

// Editors and downloaders write under temporary names, then rename into place.
const IGNORED = /^\.|~$|\.(?:tmp|part|crdownload|swp|error\.txt)$/i;

async function freeName(folder: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 0; ; i++) {
    const candidate = join(folder, i === 0 ? name : `${stem}-${i}${ext}`);
    const taken = await stat(candidate).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

/**
 * Ingests files dropped into `dir` while the bot runs (and those already there):
 * each is moved to `dir/processed/` once stored (or found a duplicate), or to
 * `dir/failed/` beside a `.error.txt` that says why.
 */
export async function watchInbox(dir: string, opts: InboxOptions): Promise<InboxWatcher> {
  const log = opts.log ?? silentLogger;
  const processed = join(dir, 'processed');
  const failed = join(dir, 'failed');
  await mkdir(processed, { recursive: true });
  await mkdir(failed, { recursive: true });
  const timers = new Map<string, NodeJS.Timeout>();
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  const settle = async (name: string): Promise<void> => {
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return;
    let result: IngestResult | null = null;
    let error: string | null = null;
    try {
      result = await ingestDocument(opts.store, await localInput(file), { log, ...opts.ingest });
    } catch (err) {
      error = describeFailure(file, err);
    }
    const movedTo = await freeName(error ? failed : processed, name);
    await rename(file, movedTo);
    if (error) await writeFile(`${movedTo}.error.txt`, `${error}\n`);
    log.info({ file, outcome: result?.outcome ?? 'failed', err: error ?? undefined }, 'inbox file settled');
    opts.onFile?.({ file, result, error, movedTo });
  };

  const enqueue = (name: string): void => {
    queue = queue.then(() => settle(name)).catch((err: unknown) => {
      log.error({ file: name, err: err instanceof Error ? err.message : String(err) }, 'inbox file could not be moved');
    });
  };

  const changed = (name: string | null): void => {
    if (stopped || !name || name.includes('/') || IGNORED.test(basename(name))) return;
    if (name === 'processed' || name === 'failed') return;
    clearTimeout(timers.get(name));
    // Wait for writes to go quiet: a large file arrives in several change events.
    timers.set(
      name,
      setTimeout(() => {
        timers.delete(name);
        if (!stopped) enqueue(name);
      }, opts.debounceMs ?? 500),
    );
  };

  const watcher: FSWatcher = watch(dir, (_event, filename) => changed(filename ? filename.toString() : null));
  watcher.on('error', (err) => log.error({ dir, err: err.message }, 'inbox watcher error'));
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && !IGNORED.test(entry.name)) enqueue(entry.name);
  }

  return {
    async stop() {
      stopped = true;
      watcher.close();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await queue;
    },
  };
}
