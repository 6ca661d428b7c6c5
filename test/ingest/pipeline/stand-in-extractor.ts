/**
 * An extractor for the extractor-thread tests, loaded on the thread in place of the real one:
 * the real extractor, except that a text asking for it throws, or ends the thread.
 */
import type { DocumentInput, Extraction, TopicDef } from '../../../src/core/index.js';
import { extractorFor } from '../../../src/ingest/extract/extractor-for.js';

export const REFUSE = 'PLEASE REFUSE';
export const CRASH = 'PLEASE CRASH';

export function createExtractor(topics: TopicDef[]): (input: DocumentInput) => Extraction {
  const real = extractorFor(topics);
  return (input) => {
    if (input.text.includes(REFUSE)) throw new Error(`the stand-in refused "${input.title ?? ''}"`);
    // As a fatal error in the extractor would: the thread ends with its requests unanswered.
    if (input.text.includes(CRASH)) process.exit(3);
    return real(input);
  };
}
