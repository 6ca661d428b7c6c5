/** A document or meeting with the topics it should carry now. */
export interface TopicChange {
  id: number;
  topics: readonly string[];
}

/**
 * New topics for stored documents and meetings (a re-tag with a changed taxonomy).
 * Only topics change: a document's extraction keeps every other fact, a meeting
 * its facts, sources and sequence numbers; the topic index rows follow.
 */
export interface TopicRewrite {
  documents: readonly TopicChange[];
  meetings: readonly TopicChange[];
}
