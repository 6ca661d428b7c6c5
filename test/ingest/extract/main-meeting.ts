import type { MeetingFacts } from '../../../src/core/index.js';
import { extract } from '../../../src/ingest/extract/index.js';

/** The document's main meeting, extracted from a text published on `published`. */
export function main(text: string, published: string | null = '2024-05-17', title: string | null = null): MeetingFacts {
  const m = extract({ text, title, published }).meetings.find((x) => x.primary);
  if (!m) throw new Error('no primary meeting');
  return m;
}
