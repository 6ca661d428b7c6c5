/** Briefings written for the digest tests, stored through the real SQLite store. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type DevelopmentKind, type Meeting, type MeetingStatus, type Store, type StoredDocument } from '../../src/core/index.js';
import { openStore } from '../../src/store/open.js';

export interface TempStore {
  store: Store;
  path: string;
  cleanup(): Promise<void>;
}

export async function openTempStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-digest-'));
  const path = join(dir, 'test.db');
  const store = await openStore(`sqlite:${path}`, { log: silentLogger });
  return {
    store,
    path,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function sentences(text: string) {
  const out: Array<{ text: string; start: number; end: number }> = [];
  for (const m of text.matchAll(/[^.]+\./g)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({ text: m[0].trim(), start, end: m.index + m[0].length });
  }
  return out;
}

let counter = 0;

export interface MeetingSpec {
  body: string;
  title: string;
  text: string;
  start: string | null;
  city?: string | null;
  country?: string | null;
  topics?: string[];
  chairs?: string[];
  status?: MeetingStatus;
}

/** Stores a meeting report and the meeting it creates. */
export async function addMeeting(store: Store, spec: MeetingSpec): Promise<{ doc: StoredDocument; meeting: Meeting }> {
  const n = ++counter;
  const url = `https://news.example.org/briefing-${n}`;
  const facts = {
    body: spec.body,
    parent: 'Global Coalition',
    kind: 'focus-group' as const,
    city: spec.city ?? null,
    country: spec.country ?? null,
    start: spec.start,
    end: null,
    chairs: spec.chairs ?? [],
    outcomes: [],
    primary: true,
    status: spec.status ?? ('held' as const),
  };
  const doc = await store.documents.add({
    url,
    title: spec.title,
    outlet: 'Example Wire',
    published: spec.start,
    text: spec.text,
    contentHash: createHash('sha256').update(`${n}:${spec.text}`).digest('hex'),
    simhash: null,
    sourceId: null,
    extraction: { published: spec.start, is_meeting_report: true, meetings: [facts], topics: spec.topics ?? [], people: [], development: 'meeting', summary: sentences(spec.text).slice(0, 3) },
  });
  const { primary, ...rest } = facts;
  const meeting = await store.meetings.create(
    {
      ...rest,
      primary,
      people: [],
      topics: spec.topics ?? [],
      summary: sentences(spec.text).slice(0, 2).map((s) => ({ text: s.text, documentId: doc.id, url })),
      variants: [],
    },
    doc.id,
  );
  return { doc, meeting };
}

/** Stores a non-meeting development (a statement, a designation, ...). */
export async function addDevelopment(store: Store, spec: { title: string; text: string; topics?: string[]; development?: DevelopmentKind }): Promise<StoredDocument> {
  const n = ++counter;
  return store.documents.add({
    url: `https://news.example.org/statement-${n}`,
    title: spec.title,
    outlet: 'Example Wire',
    published: '2026-03-01',
    text: spec.text,
    contentHash: createHash('sha256').update(`${n}:${spec.text}`).digest('hex'),
    simhash: null,
    sourceId: null,
    extraction: { published: '2026-03-01', is_meeting_report: false, meetings: [], topics: spec.topics ?? [], people: [], development: spec.development ?? 'statement', summary: sentences(spec.text).slice(0, 2) },
  });
}

export const niameyMeeting: MeetingSpec = {
  body: 'Africa Focus Group',
  title: 'Focus group convenes in Niamey on militant financing',
  text: 'The Africa Focus Group gathered in Niamey to compare notes on how armed groups in the Sahel raise money. Participants agreed to share financial intelligence more quickly. A follow-up session is planned.',
  start: '2026-02-26',
  city: 'Niamey',
  country: 'Niger',
  topics: ['sahel', 'financing'],
  chairs: ['Italy', 'Niger'],
};

export const ministersMeeting: MeetingSpec = {
  body: 'Global Coalition to Defeat ISIS',
  title: 'Coalition ministers review detention camps',
  text: 'Coalition ministers met to review conditions in detention camps in north-east Syria. They pledged additional support for repatriation.',
  start: '2026-02-27',
  city: 'Rome',
  country: 'Italy',
  topics: ['foreign-fighters'],
  chairs: ['United States'],
};
