import type { Meeting, MeetingFacts, MeetingRecord, SummarySentence } from '../../../src/core/index.js';
import type { MergeDoc } from '../../../src/ingest/merge/index.js';

export function facts(over: Partial<MeetingFacts> = {}): MeetingFacts {
  return {
    body: 'Africa Focus Group',
    parent: 'Global Coalition to Defeat ISIS',
    kind: 'focus-group',
    city: 'Nouakchott',
    country: 'Mauritania',
    start: '2031-04-14',
    end: null,
    chairs: ['Morocco', 'Italy'],
    outcomes: [],
    primary: true,
    status: 'held',
    ...over,
  };
}

/** Offsets of each listed sentence in the text, as the extractor reports them. */
function spans(text: string, sentences: readonly string[]): SummarySentence[] {
  return sentences.map((s) => {
    const start = text.indexOf(s);
    if (start < 0) throw new Error(`fixture sentence not in text: ${s}`);
    return { text: s, start, end: start + s.length };
  });
}

export function doc(id: number, over: Partial<Omit<MergeDoc, 'extraction'>> & { summary?: string[]; topics?: string[] } = {}): MergeDoc {
  const text = over.text ?? 'Envoys met for a day of talks.';
  return {
    id,
    url: over.url ?? `https://news${id}.example/story`,
    title: over.title ?? `Story ${id}`,
    published: over.published === undefined ? '2031-04-15' : over.published,
    text,
    extraction: { summary: spans(text, over.summary ?? []), topics: over.topics ?? [], people: [] },
  };
}

/** A stored meeting as the store would return it after `create`/`update`. */
export function stored(id: number, record: MeetingRecord, docs: readonly MergeDoc[]): Meeting {
  return {
    ...record,
    id,
    sources: docs.map((d) => ({ documentId: d.id, url: d.url, title: d.title, outlet: null, published: d.published })),
    firstSeq: docs[0]?.id ?? 0,
    lastSeq: docs.at(-1)?.id ?? 0,
  };
}
