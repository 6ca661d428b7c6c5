import type { Store } from '../../core/index.js';
import { listIngestibleFiles, readLocalFile } from '../parse/index.js';
import { Batch } from './batch.js';
import { grouped } from './ingest-document.js';
import { ReadAhead } from './read-ahead.js';
import type { BatchOptions, IngestInput, IngestSummary } from './types.js';

const FILES_PER_COMMIT = 100;

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
  // The next files are read, and extracted on the extractor thread, while this one is stored.
  const ahead = new ReadAhead(
    files.map((file) => () => localInput(file)),
    opts,
  );
  // Local files load fast, so a chunk of them shares one commit (each document stays all or
  // nothing inside it: a failed one is rolled back alone).
  for (let i = 0; i < files.length; i += FILES_PER_COMMIT) {
    await grouped(store, async () => {
      for (let j = i; j < Math.min(i + FILES_PER_COMMIT, files.length); j++) await batch.ingestReady(files[j]!, ahead.take(j));
    });
  }
  return batch.summary;
}
