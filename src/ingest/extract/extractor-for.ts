import type { DocumentInput, Extraction, TopicDef } from '../../core/index.js';
import { topicDefs } from '../taxonomy.js';
import { extract } from './extract.js';
import { compileTopics } from './topics.js';

/**
 * The extractor tagging with the built-in topics and the user's: one function for the main
 * thread and the extractor thread, so both tag alike. Importing this loads the extractor's
 * modules; those who only list topics or hand documents to the thread never do.
 */
export function extractorFor(userTopics: readonly TopicDef[] = []): (input: DocumentInput) => Extraction {
  if (userTopics.length === 0) return (input) => extract(input);
  // Compiled once: the combined pattern is what every document is scanned with.
  const compiled = compileTopics(topicDefs(userTopics));
  return (input) => extract(input, { topics: compiled });
}
