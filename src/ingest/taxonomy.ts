import type { DocumentInput, Extraction, TopicDef, TopicInfo } from '../core/index.js';
import table from './data/topics.json' with { type: 'json' };
import { startExtractorThread, type ExtractorThread } from './extract/extract-thread.js';

/** One set of topics for everything: what commands list and filter on, and what the extractor tags. */
export interface Taxonomy {
  readonly topics: readonly TopicInfo[];
  /**
   * The extractor on this thread, tagging with these topics. Its modules (the wink model
   * among them) load on the first call, so a process that extracts on a thread never loads them.
   */
  extract(input: DocumentInput): Promise<Extraction>;
  /** A new extractor thread tagging with these topics; the owner closes it. */
  startThread(): ExtractorThread;
}

export const BUILT_IN_TOPICS: readonly TopicDef[] = table.topics;

/**
 * The built-in topics with the user's (TOPICS_FILE, validated by the config):
 * a user topic with a built-in id replaces that definition where it stood, so
 * tuned phrases keep the topic's place in lists; the others follow in file order.
 */
export function topicDefs(userTopics: readonly TopicDef[]): TopicDef[] {
  const byId = new Map(userTopics.map((t) => [t.id, t]));
  return [...BUILT_IN_TOPICS.map((t) => byId.get(t.id) ?? t), ...userTopics.filter((t) => !BUILT_IN_TOPICS.some((b) => b.id === t.id))];
}

export function createTaxonomy(userTopics: readonly TopicDef[] = []): Taxonomy {
  const topics = topicDefs(userTopics).map((t) => ({ id: t.id, label: t.label, ...(t.description ? { description: t.description } : {}) }));
  let here: Promise<(input: DocumentInput) => Extraction> | null = null;
  return {
    topics,
    async extract(input) {
      here ??= import('./extract/extractor-for.js').then((m) => m.extractorFor(userTopics));
      return (await here)(input);
    },
    startThread: () => startExtractorThread({ topics: userTopics }),
  };
}
