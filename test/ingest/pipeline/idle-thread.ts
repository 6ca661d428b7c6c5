/** Run by extract-thread.test.ts: extracts one sample on the thread, prints it and never closes the thread. */
import { readFileSync } from 'node:fs';
import { parseBriefingText } from '../../../src/ingest/extract/briefing-format.js';
import { startExtractorThread } from '../../../src/ingest/extract/extract-thread.js';

const b = parseBriefingText(readFileSync(new URL('../../../src/samples/01-africa-focus-group-niamey-2023.txt', import.meta.url), 'utf8'));
const extraction = await startExtractorThread().extract({ text: b.body.trim(), title: b.title, published: b.published });
process.stdout.write(`${JSON.stringify(extraction)}\n`);
