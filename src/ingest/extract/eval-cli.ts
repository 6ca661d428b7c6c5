/**
 * Prints one Extraction per briefing file, one JSON object per line, in
 * argument order (the shape the shared scorer reads).
 *   node --import tsx src/ingest/extract/eval-cli.ts FILE...
 */
import { readFileSync } from 'node:fs';
import { parseBriefingText, sourceAddress } from './briefing-format.js';
import { extract } from './extract.js';

for (const file of process.argv.slice(2)) {
  const b = parseBriefingText(readFileSync(file, 'utf8'));
  process.stdout.write(`${JSON.stringify(extract({ text: b.body, title: b.title, published: b.published, url: sourceAddress(b.source)?.url ?? null }))}\n`);
}
