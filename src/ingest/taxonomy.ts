import type { DocumentInput, Extraction, TopicDef, TopicInfo } from '../core/index.js';
import table from './data/topics.json' with { type: 'json' };
import { extract } from './extract/extract.js';
import { compileTopics } from './extract/topics.js';

/** One set of topics for everything: what commands list and filter on, and what the extractor tags. */
export interface Taxonomy {
  readonly topics: readonly TopicInfo[];
  /** The extractor, tagging with these topics. */
  extract(input: DocumentInput): Extraction;
}

export const BUILT_IN_TOPICS: readonly TopicDef[] = table.topics;

/**
 * The built-in topics with the user's (TOPICS_FILE, validated by the config):
 * a user topic with a built-in id replaces that definition where it stood, so
 * tuned phrases keep the topic's place in lists; the others follow in file order.
 */
export function createTaxonomy(userTopics: readonly TopicDef[] = []): Taxonomy {
  const byId = new Map(userTopics.map((t) => [t.id, t]));
  const defs = [...BUILT_IN_TOPICS.map((t) => byId.get(t.id) ?? t), ...userTopics.filter((t) => !BUILT_IN_TOPICS.some((b) => b.id === t.id))];
  const topics = defs.map((t) => ({ id: t.id, label: t.label, ...(t.description ? { description: t.description } : {}) }));
  if (userTopics.length === 0) return { topics, extract: (input) => extract(input) };
  // Compiled once: the combined pattern is what every document is scanned with.
  const compiled = compileTopics(defs);
  return { topics, extract: (input) => extract(input, { topics: compiled }) };
}
