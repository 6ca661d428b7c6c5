import type { CitedSentence, FactVariant, Meeting, MeetingKind, MeetingRecord, MeetingSource, MeetingStatus, Person } from '../../core/index.js';
import { fold, fromBool, fromJson, maybeFold, toBool, toJson } from './rows.js';

export interface MeetingRow {
  id: number;
  body: string;
  parent: string | null;
  kind: string;
  city: string | null;
  country: string | null;
  start_date: string | null;
  end_date: string | null;
  status: string;
  chairs: string;
  outcomes: string;
  people: string;
  topics: string;
  summary: string;
  variants: string;
  is_primary: number;
  first_seq: number;
  last_seq: number;
}

export const MEETING_COLUMNS =
  'm.id, m.body, m.parent, m.kind, m.city, m.country, m.start_date, m.end_date, m.status, m.chairs, m.outcomes, ' +
  'm.people, m.topics, m.summary, m.variants, m.is_primary, m.first_seq, m.last_seq';

/** The column values a record writes, in the order of `RECORD_COLUMNS`. */
export const RECORD_COLUMNS = [
  'body',
  'body_lc',
  'parent',
  'kind',
  'city',
  'city_lc',
  'country',
  'country_lc',
  'start_date',
  'end_date',
  'status',
  'chairs',
  'outcomes',
  'people',
  'topics',
  'summary',
  'variants',
  'is_primary',
  'search_text',
  'topic_key',
] as const;

/** `|a|b|`: each folded topic between bars, so `instr(topic_key, '|a|')` matches whole topics. */
export function topicKey(topics: readonly string[]): string {
  const folded = [...new Set(topics.map(topicToken))].sort();
  return `|${folded.map((t) => `${t}|`).join('')}`;
}

export function topicToken(topic: string): string {
  return fold(topic).replaceAll('|', ' ');
}

/** `[topic, token]` for the first spelling of each topic: the meeting_topics rows a meeting has. */
export function topicRows(topics: readonly string[]): Array<[string, string]> {
  const first = new Map<string, string>();
  for (const topic of topics) {
    const token = topicToken(topic);
    if (!first.has(token)) first.set(token, topic);
  }
  return [...first].map(([token, topic]) => [topic, token]);
}

export function recordValues(record: MeetingRecord): unknown[] {
  const searchText = fold([record.body, record.city ?? '', record.country ?? '', ...record.summary.map((s) => s.text)].join('\n'));
  return [
    record.body,
    fold(record.body),
    record.parent,
    record.kind,
    record.city,
    maybeFold(record.city),
    record.country,
    maybeFold(record.country),
    record.start,
    record.end,
    record.status,
    toJson(record.chairs),
    toJson(record.outcomes),
    toJson(record.people),
    toJson(record.topics),
    toJson(record.summary),
    toJson(record.variants),
    fromBool(record.primary),
    searchText,
    topicKey(record.topics),
  ];
}

export function toMeeting(row: MeetingRow, sources: MeetingSource[]): Meeting {
  return {
    id: row.id,
    body: row.body,
    parent: row.parent,
    kind: row.kind as MeetingKind,
    city: row.city,
    country: row.country,
    start: row.start_date,
    end: row.end_date,
    status: row.status as MeetingStatus,
    chairs: fromJson<string[]>(row.chairs) ?? [],
    outcomes: fromJson<string[]>(row.outcomes) ?? [],
    people: fromJson<Person[]>(row.people) ?? [],
    topics: fromJson<string[]>(row.topics) ?? [],
    summary: fromJson<CitedSentence[]>(row.summary) ?? [],
    variants: fromJson<FactVariant[]>(row.variants) ?? [],
    primary: toBool(row.is_primary),
    sources,
    firstSeq: row.first_seq,
    lastSeq: row.last_seq,
  };
}
