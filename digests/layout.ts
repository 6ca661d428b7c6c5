import { bold, cite, link, type Block, type Citation, type CitedSentence, type DigestInput, type Meeting, type Reply, type Span, type StoredDocument } from '../src/core/index.js';

/** Non-meeting developments that digests report under their own heading. */
export const DEVELOPMENT_KINDS = new Set(['statement', 'designation', 'membership', 'announcement']);

/** Caps that keep a digest readable; the rest is pointed to, not dropped silently. */
export const MAX_MEETINGS = 40;
export const MAX_DEVELOPMENTS = 25;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Numbers sources in the order they are first cited, one number per document. */
export class Citations {
  private readonly byDoc = new Map<number, Citation>();

  forMeetingSource(meeting: Meeting, documentId: number): number {
    const existing = this.byDoc.get(documentId);
    if (existing) return existing.n;
    const src = meeting.sources.find((s) => s.documentId === documentId);
    return this.add(documentId, { title: src?.title ?? `Document ${documentId}`, url: src?.url ?? null, outlet: src?.outlet ?? null, published: src?.published ?? null });
  }

  forDocument(doc: StoredDocument): number {
    return this.byDoc.get(doc.id)?.n ?? this.add(doc.id, { title: doc.title, url: doc.url, outlet: doc.outlet, published: doc.published });
  }

  list(): Citation[] {
    return [...this.byDoc.values()];
  }

  private add(documentId: number, c: Omit<Citation, 'n'>): number {
    const n = this.byDoc.size + 1;
    this.byDoc.set(documentId, { n, ...c });
    return n;
  }
}

/** `2 Mar 2026`, `2–3 Mar 2026`, `30 Mar – 2 Apr 2026`; null dates read "date not reported". */
export function dateRange(start: string | null, end: string | null): string {
  if (!start) return 'date not reported';
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const one = (y: number, m: number, d: number) => `${d} ${MONTHS[m - 1]} ${y}`;
  if (!end || end === start) return one(y1, m1, d1);
  const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${MONTHS[m2 - 1]} ${y2}`;
  if (y1 === y2) return `${d1} ${MONTHS[m1 - 1]} – ${one(y2, m2, d2)}`;
  return `${one(y1, m1, d1)} – ${one(y2, m2, d2)}`;
}

export function placeOf(meeting: Pick<Meeting, 'city' | 'country'>): string {
  return [meeting.city, meeting.country].filter(Boolean).join(', ') || 'place not reported';
}

/** A calendar date in the subscriber's timezone, e.g. `Monday, 2 March 2026`. */
export function localDate(date: Date, timezone: string): string {
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    dateFormats.set(timezone, format);
  }
  return format.format(date);
}

// Building a formatter costs far more than using one; digests go out in bursts.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** At most `max` sentences, each followed by the citation of its own source. */
export function groundedSummary(sentences: readonly CitedSentence[], cited: (s: CitedSentence) => number, max = 2): Span[] {
  const spans: Span[] = [];
  for (const sentence of sentences.slice(0, max)) {
    if (spans.length) spans.push(' ');
    spans.push(sentence.text.trim(), cite(cited(sentence)));
  }
  return spans;
}

export function meetingSummary(meeting: Meeting, citations: Citations): Span[] {
  return groundedSummary(meeting.summary, (s) => citations.forMeetingSource(meeting, s.documentId));
}

/** Up to three source links of a meeting. */
export function sourceLinks(meeting: Meeting): Span[] {
  const spans: Span[] = ['Sources: '];
  meeting.sources.slice(0, 3).forEach((s, i) => {
    if (i) spans.push(', ');
    spans.push(s.url ? link(s.title || s.url, s.url) : s.title);
  });
  if (meeting.sources.length > 3) spans.push(` and ${meeting.sources.length - 3} more`);
  return spans;
}

export function isDevelopment(doc: StoredDocument): boolean {
  return DEVELOPMENT_KINDS.has(doc.extraction.development);
}

/** The "other developments" section: each with its grounded summary and source. */
export function developmentBlocks(documents: readonly StoredDocument[], citations: Citations): Block[] {
  const docs = documents.filter(isDevelopment);
  if (docs.length === 0) return [];
  const items = docs.slice(0, MAX_DEVELOPMENTS).map((doc): Span[] => {
    const n = citations.forDocument(doc);
    const summary = doc.extraction.summary.slice(0, 2).map((s) => s.text.trim()).join(' ');
    const label = doc.extraction.development[0]!.toUpperCase() + doc.extraction.development.slice(1);
    return [bold(`${label}: ${doc.title}`), summary ? ` ${summary}` : '', cite(n)];
  });
  const blocks: Block[] = [{ type: 'heading', text: 'Other developments' }, { type: 'list', items }];
  if (docs.length > MAX_DEVELOPMENTS) blocks.push({ type: 'context', text: `And ${docs.length - MAX_DEVELOPMENTS} more; search them with /brief search.` });
  return blocks;
}

/** The reply for an empty digest: null unless the schedule asks to announce it. */
export function emptyDigest(input: DigestInput, title: string): Reply | null {
  if (!input.announceEmpty) return null;
  const text = input.window.from ? `Nothing new since ${localDate(input.window.from, input.timezone)}.` : 'Nothing new yet.';
  return { title, blocks: [{ type: 'text', text }], ephemeral: false };
}

export function hasDevelopments(input: DigestInput): boolean {
  return input.meetings.length > 0 || input.documents.some(isDevelopment);
}
