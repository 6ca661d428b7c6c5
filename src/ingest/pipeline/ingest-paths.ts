import type { Store } from '../../core/index.js';
import { listIngestibleFiles, readLocalFile } from '../parse/index.js';
import { Batch } from './batch.js';
import type { BatchOptions, IngestInput, IngestSummary } from './types.js';

export async function localInput(path: string): Promise<IngestInput> {
  const doc = await readLocalFile(path);
  return { text: doc.text, title: doc.title, outlet: doc.source, published: doc.published, url: doc.url };
}

/** Ingests files and folders (.txt briefings, .md, .html); every failure is reported, none stops the batch. */
export async function ingestPaths(store: Store, paths: readonly string[], opts: BatchOptions = {}): Promise<IngestSummary> {
  const batch = new Batch(store, opts);
  const files: string[] = [];
  for (const path of paths) {
    try {
      const found = await listIngestibleFiles(path);
      files.push(...found);
      batch.expect(found.length);
    } catch (error) {
      batch.expect(1);
      batch.fail(path, error);
    }
  }
  for (const file of files) await batch.ingest(file, () => localInput(file));
  return batch.summary;
}
