import type { Meeting, MeetingFacts } from '../../core/index.js';
import { findMatch } from './find-match.js';
import { fold, unionNames } from './names.js';

/** What a source document adds to its meetings' topics: its reports of meetings, its dates, its topics. */
export interface TopicSource {
  id: number;
  title: string;
  published: string | null;
  meetings: readonly MeetingFacts[];
  topics: readonly string[];
}

/**
 * Whether `doc` reported `meeting` as its main meeting, the only report whose topics
 * mergeInto adds. Which stored meeting a report went into is not stored: a document
 * with one report of the body went into the one meeting of that body it is a source
 * of; when it reports the body more than once, its main report is matched again
 * against its meetings of that body, as when it was ingested.
 */
function reportedAsMain(meeting: Meeting, doc: TopicSource, meetingsOfDoc: readonly Meeting[]): boolean {
  const body = fold(meeting.body);
  const main = doc.meetings.filter((f) => f.primary && fold(f.body) === body);
  if (main.length === 0) return false;
  const sameBody = meetingsOfDoc.filter((m) => fold(m.body) === body);
  if (sameBody.length <= 1) return true;
  return main.some((facts) => {
    const match = findMatch(sameBody, facts, doc) ?? sameBody.find((m) => m.firstSeq === doc.id) ?? null;
    return match?.id === meeting.id;
  });
}

/**
 * A meeting's topics as merging its sources gives them: the union, in the order the
 * documents were ingested, of the topics of each source that reports it as its main meeting.
 */
export function meetingTopics(
  meeting: Meeting,
  docs: ReadonlyMap<number, TopicSource>,
  meetingsOf: (documentId: number) => readonly Meeting[],
): string[] {
  let topics: string[] = [];
  for (const source of [...meeting.sources].sort((a, b) => a.documentId - b.documentId)) {
    const doc = docs.get(source.documentId);
    if (doc && reportedAsMain(meeting, doc, meetingsOf(doc.id))) topics = unionNames(topics, doc.topics);
  }
  return topics;
}
