import { prepareFacets, type FilterNode, type FilterTopic, type Meeting, type PreparedFacets, type Store, type StoredDocument } from '../core/index.js';
import { WindowIndex } from './window-index.js';

/**
 * An item of a digest window. Its filter facets are prepared once for all
 * subscribers and go into the window's index; items do not keep them (their word
 * sets were about half of a 100,000-item window's 800 MB heap).
 */
export interface WindowItem<T> {
  item: T;
  /** Ingestion sequence that made it new (a meeting's last change, a document's id). */
  seq: number;
}

/** Everything new in (afterSeq, uptoSeq], loaded once and shared by every subscriber composed from it. */
export interface DigestWindow {
  afterSeq: number;
  uptoSeq: number;
  meetings: WindowItem<Meeting>[];
  /** Non-meeting documents (statements, designations, ...). */
  documents: WindowItem<StoredDocument>[];
  /** Meetings dated today or later, for roundups. */
  upcoming: WindowItem<Meeting>[];
  /** Over meetings, then documents, then upcoming, in that order. */
  index: WindowIndex;
  /** Which items each distinct filter matched, computed on first use (see `select`). */
  matches: Map<FilterNode, Uint8Array>;
  /** When the document at a watermark was ingested (the "since" of an empty digest). */
  ingestedAt: Map<number, Date | null>;
}


const PAGE = 1000;
const UPCOMING_LIMIT = 100;
/** "The coming weeks" of a roundup. */
const UPCOMING_DAYS = 56;

export function meetingFacets(m: Meeting): PreparedFacets {
  return prepareFacets({
    topics: m.topics,
    bodies: m.parent ? [m.body, m.parent] : [m.body],
    places: [m.city, m.country].filter((p): p is string => !!p),
    text: [...m.summary.map((s) => s.text), ...m.outcomes, ...m.chairs, ...m.sources.map((s) => s.title)].join('\n'),
  });
}

export function documentFacets(d: StoredDocument): PreparedFacets {
  const meetings = d.extraction.meetings;
  return prepareFacets({
    topics: d.extraction.topics,
    bodies: meetings.flatMap((m) => (m.parent ? [m.body, m.parent] : [m.body])),
    places: meetings.flatMap((m) => [m.city, m.country]).filter((p): p is string => !!p),
    text: `${d.title}\n${d.text}`,
  });
}

// The same kinds digests/layout.ts lists; meeting reports reach digests as meetings.
const DEVELOPMENT_KINDS = new Set(['statement', 'designation', 'membership', 'announcement']);

/** A document digests list on its own: a non-meeting development. */
export function isNonMeeting(d: StoredDocument): boolean {
  return DEVELOPMENT_KINDS.has(d.extraction.development) && !d.extraction.is_meeting_report;
}

export async function loadWindow(store: Store, afterSeq: number, uptoSeq: number, today: string, topics?: readonly FilterTopic[]): Promise<DigestWindow> {
  const facets: PreparedFacets[] = [];
  const withFacets = <T>(item: T, seq: number, prepared: PreparedFacets): WindowItem<T> => {
    facets.push(prepared);
    return { item, seq };
  };
  const meetings = (await store.meetings.changedSince(afterSeq, uptoSeq)).map((m) => withFacets(m, m.lastSeq, meetingFacets(m)));
  const documents: WindowItem<StoredDocument>[] = [];
  for (let after = afterSeq; after < uptoSeq; ) {
    const page = await store.documents.since(after, uptoSeq, PAGE);
    if (page.length === 0) break;
    for (const d of page) if (isNonMeeting(d)) documents.push(withFacets(d, d.id, documentFacets(d)));
    after = page[page.length - 1]!.id;
  }
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + UPCOMING_DAYS * 86_400_000).toISOString().slice(0, 10);
  const { items } = await store.meetings.list({ since: today, until, order: 'oldest', limit: UPCOMING_LIMIT });
  // Pushed in the index's order: meetings, documents, then upcoming.
  const upcoming = items.filter((m) => m.start !== null && m.start >= today).map((m) => withFacets(m, m.lastSeq, meetingFacets(m)));
  const index = new WindowIndex(facets, topics);
  return { afterSeq, uptoSeq, meetings, documents, upcoming, index, matches: new Map(), ingestedAt: new Map() };
}
