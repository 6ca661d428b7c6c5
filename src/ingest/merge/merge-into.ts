import type { Extraction, IsoDate, Meeting, MeetingFacts, MeetingKind, MeetingRecord, MeetingStatus, Person } from '../../core/index.js';
import { meetingSummary, type SummaryDoc } from '../summarize/meeting-summary.js';
import { fold, unionNames } from './names.js';
import { addSupport, bestSupported, existingSupport, variantsOf, type Support, type VariantField } from './support.js';

/** The document a report of the meeting comes from. */
export interface MergeDoc extends SummaryDoc {
  title: string;
  published: IsoDate | null;
  extraction: Pick<Extraction, 'summary' | 'topics' | 'people'>;
}

// The firmer report wins whatever the order: one that says the meeting was put off or called off
// outranks an announcement of it, and one that says it met (or is meeting) outranks both.
const STATUS_RANK: Record<MeetingStatus, number> = { announced: 0, postponed: 1, cancelled: 2, ongoing: 3, held: 4 };

function unionPeople(into: readonly Person[], more: readonly Person[]): Person[] {
  const out = into.map((p) => ({ ...p }));
  const byName = new Map(out.map((p) => [fold(p.name), p]));
  for (const p of more) {
    const known = byName.get(fold(p.name));
    if (known) {
      known.role ??= p.role;
      continue;
    }
    const copy = { ...p };
    byName.set(fold(p.name), copy);
    out.push(copy);
  }
  return out;
}

/**
 * The meeting record after one more report: disagreeing values are kept with their
 * documents in `variants` and the best-supported one is shown; chairs, outcomes,
 * people and topics are unions; the summary is re-chosen across sources.
 */
export function mergeInto(existing: Meeting | null, facts: MeetingFacts, doc: MergeDoc): MeetingRecord {
  const published = new Map<number, IsoDate | null>(existing?.sources.map((s) => [s.documentId, s.published]) ?? []);
  published.set(doc.id, doc.published);
  const publishedOf = (id: number): IsoDate | null => published.get(id) ?? null;

  const tables = new Map<VariantField, Support>();
  const reported: Record<VariantField, string | null> = {
    start: facts.start,
    end: facts.end,
    city: facts.city,
    country: facts.country,
    // "other" says only that the extractor could not tell; it must not outvote a real kind.
    kind: facts.kind === 'other' ? null : facts.kind,
  };
  for (const field of ['start', 'end', 'city', 'country', 'kind'] as const) {
    const table = existingSupport(existing, field);
    if (field === 'kind' && existing?.kind === 'other') table.delete('other');
    addSupport(table, reported[field], doc.id);
    tables.set(field, table);
  }
  const pick = (field: VariantField, allow?: (v: string) => boolean): string | null => bestSupported(tables.get(field)!, publishedOf, allow);
  const start = pick('start');
  // An end before the chosen start belongs to another reading of the dates.
  const end = pick('end', (v) => !start || v >= start);
  const kind = (pick('kind') ?? 'other') as MeetingKind;

  const status: MeetingStatus = existing && STATUS_RANK[existing.status] >= STATUS_RANK[facts.status] ? existing.status : facts.status;
  const record: MeetingRecord = {
    body: existing?.body ?? facts.body,
    parent: existing?.parent ?? facts.parent,
    kind,
    city: pick('city'),
    country: pick('country'),
    start,
    end,
    status,
    chairs: unionNames(existing?.chairs ?? [], facts.chairs),
    outcomes: unionNames(existing?.outcomes ?? [], facts.outcomes),
    // A document's topics and people describe its main meeting, not those it mentions in passing.
    people: facts.primary ? unionPeople(existing?.people ?? [], doc.extraction.people) : (existing?.people ?? []),
    topics: facts.primary ? unionNames(existing?.topics ?? [], doc.extraction.topics) : (existing?.topics ?? []),
    summary: meetingSummary(existing?.summary ?? [], facts, doc),
    variants: [...tables].flatMap(([field, table]) => variantsOf(field, table)),
    primary: (existing?.primary ?? false) || facts.primary,
  };
  return record;
}
