import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Store } from '../../core/index.js';
import { exportStore, importStore, type ImportOptions, type TransferSummary } from './transfer.js';

/** Writes an export to `file`; returns the summary its last line records. */
export async function exportToFile(store: Store, file: string): Promise<TransferSummary> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let last = '';
  try {
    for await (const line of exportStore(store)) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      last = line;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  const trailer = JSON.parse(last) as TransferSummary;
  return { counts: trailer.counts, checksum: trailer.checksum };
}

export async function importFromFile(store: Store, file: string, options: ImportOptions = {}): Promise<TransferSummary> {
  return importStore(store, readLines(file), options);
}

/** Opened only when the import starts reading, so no line is emitted before anyone listens. */
async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
    input.destroy();
  }
}
