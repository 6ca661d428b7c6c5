import type { Logger, Meeting, Store, StoredDocument, TopicChange } from '../../core/index.js';
import { meetingTopics, type TopicSource } from '../merge/index.js';
import { inThreadExtract } from './ingest-document.js';
import type { ExtractFn } from './types.js';

export interface RetagSummary {
  /** Stored documents tagged again. */
  documents: number;
  /** Documents whose topics are not what they were. */
  documentsChanged: number;
  /** Meetings whose topics are not what they were. */
  meetingsChanged: number;
}

export interface RetagProgress {
  done: number;
  total: number;
  summary: RetagSummary;
}

export interface RetagOptions {
  /** The extractor with the taxonomy to tag with (the built-in one when absent). */
  extract?: ExtractFn;
  /** Documents read, tagged and written per transaction. Default 200. */
  batchSize?: number;
  onProgress?: (progress: RetagProgress) => void;
  log?: Logger;
}

const DEFAULT_BATCH = 200;

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

function topicSource(doc: StoredDocument, topics: readonly string[]): TopicSource {
  return { id: doc.id, title: doc.title, published: doc.published, meetings: doc.extraction.meetings, topics };
}

/**
 * Tags every stored document again with the extractor's taxonomy, from its stored text,
 * title and date, and gives each meeting of a re-tagged document the topics merging its
 * sources gives. Only topics change. Batch by batch, each in one transaction: a meeting
 * whose sources span batches is recomputed after each, its later sources still holding
 * their old topics until their own batch (where, unchanged, they are already right).
 * Documents stored after the run starts are left alone; they were tagged when stored.
 */
export async function retagStored(store: Store, opts: RetagOptions = {}): Promise<RetagSummary> {
  const extract = opts.extract ?? inThreadExtract;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const upto = await store.documents.lastSeq();
  const total = await store.documents.count();
  let documents = 0;
  let documentsChanged = 0;
  // A meeting may be recomputed in several batches: it counts once, if it ends unlike it began.
  const meetingsBefore = new Map<number, readonly string[]>();
  const meetingsNow = new Map<number, readonly string[]>();
  const summary = (): RetagSummary => ({
    documents,
    documentsChanged,
    meetingsChanged: [...meetingsNow].filter(([id, topics]) => !sameList(topics, meetingsBefore.get(id)!)).length,
  });

  for (let after = 0; ; ) {
    const batch = await store.documents.since(after, upto, batchSize);
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    documents += batch.length;
    const changed: TopicChange[] = [];
    const sources = new Map<number, TopicSource>();
    // All asked for at once: an extractor thread gets the whole batch in its queue.
    const tagged = await Promise.all(batch.map(async (doc) => (await extract({ text: doc.text, title: doc.title, published: doc.published, url: doc.url })).topics));
    for (const [i, doc] of batch.entries()) {
      const topics = tagged[i]!;
      if (!sameList(topics, doc.extraction.topics)) changed.push({ id: doc.id, topics });
      sources.set(doc.id, topicSource(doc, topics));
    }
    if (changed.length > 0) {
      const meetings = await meetingChanges(store, changed, sources);
      for (const { meeting } of meetings) if (!meetingsBefore.has(meeting.id)) meetingsBefore.set(meeting.id, meeting.topics);
      const rewrite = meetings.filter((m) => !sameList(m.topics, m.meeting.topics)).map((m) => ({ id: m.meeting.id, topics: m.topics }));
      await store.rewriteTopics({ documents: changed, meetings: rewrite });
      for (const { id, topics } of rewrite) meetingsNow.set(id, topics);
      documentsChanged += changed.length;
      opts.log?.debug({ documents: changed.length, meetings: rewrite.length }, 're-tagged a batch');
    }
    opts.onProgress?.({ done: documents, total, summary: summary() });
  }
  return summary();
}

/** Each meeting of the re-tagged documents, with the topics its sources give it now. */
async function meetingChanges(
  store: Store,
  changed: readonly TopicChange[],
  batch: ReadonlyMap<number, TopicSource>,
): Promise<Array<{ meeting: Meeting; topics: string[] }>> {
  const meetings = await store.meetings.ofDocuments(changed.map((c) => c.id));
  if (meetings.length === 0) return [];
  const sourceIds = [...new Set(meetings.flatMap((m) => m.sources.map((s) => s.documentId)))];
  const sources = new Map(batch);
  // Sources outside this batch hold the topics they have now: re-tagged by an earlier batch, or not yet.
  for (const doc of await store.documents.getMany(sourceIds.filter((id) => !batch.has(id)))) {
    sources.set(doc.id, topicSource(doc, doc.extraction.topics));
  }
  // Every meeting of every source, to tell apart two meetings of one body in one document.
  const all = await store.meetings.ofDocuments(sourceIds);
  const meetingsOf = new Map<number, Meeting[]>();
  for (const m of all) for (const s of m.sources) meetingsOf.set(s.documentId, [...(meetingsOf.get(s.documentId) ?? []), m]);
  return meetings.map((meeting) => ({ meeting, topics: meetingTopics(meeting, sources, (id) => meetingsOf.get(id) ?? []) }));
}
