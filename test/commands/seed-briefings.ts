/** Briefings written for these tests, stored through the Store port. */
import { createHash } from 'node:crypto';
import type { Extraction, MeetingFacts, MeetingRecord, NewDocument, Store } from '../../src/core/index.js';

export interface Seeded {
  niamey: number;
  marrakech: number;
  riyadh: number;
  rabatAnnounced: number;
  /** Communications Working Group meetings, oldest first. */
  workingGroup: number[];
  sources: { feed: number; broken: number };
}

function sentences(text: string): Extraction['summary'] {
  const out: Extraction['summary'] = [];
  const re = /[^.]+\./g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({ text: m[0].trim(), start, end: m.index + m[0].length });
  }
  return out;
}

interface Briefing {
  url: string;
  title: string;
  outlet: string;
  published: string;
  text: string;
  sourceId: number | null;
  facts: MeetingFacts;
  topics: string[];
  people?: Array<{ name: string; role: string | null }>;
}

function newDocument(b: Briefing): NewDocument {
  const extraction: Extraction = {
    published: b.published,
    is_meeting_report: true,
    meetings: [b.facts],
    topics: b.topics,
    people: b.people ?? [],
    development: 'meeting',
    summary: sentences(b.text).slice(0, 3),
  };
  return {
    url: b.url,
    title: b.title,
    outlet: b.outlet,
    published: b.published,
    text: b.text,
    contentHash: createHash('sha256').update(b.text).digest('hex'),
    simhash: null,
    sourceId: b.sourceId,
    extraction,
  };
}

function record(b: Briefing, documentId: number, extra: Partial<MeetingRecord> = {}): MeetingRecord {
  const { primary, ...facts } = b.facts;
  return {
    ...facts,
    primary,
    people: b.people ?? [],
    topics: b.topics,
    summary: sentences(b.text).slice(0, 2).map((s) => ({ text: s.text, documentId, url: b.url })),
    variants: [],
    ...extra,
  };
}

const facts = (f: Partial<MeetingFacts> & Pick<MeetingFacts, 'body' | 'start'>): MeetingFacts => ({
  parent: 'Global Coalition',
  kind: 'ministerial',
  city: null,
  country: null,
  end: null,
  chairs: [],
  outcomes: [],
  primary: true,
  status: 'held',
  ...f,
});

export async function seedBriefings(store: Store): Promise<Seeded> {
  const feed = await store.sources.add({ kind: 'feed', url: 'https://news.example.org/feed.xml', title: 'Example Security News', pollIntervalSec: 1800, addedBy: 'slack:T1:U9' });
  await store.sources.updateHealth(feed.id, { lastFetchedAt: '2023-06-29T08:30:00.000Z', lastNewItemAt: '2023-06-12T07:00:00.000Z' });
  const broken = await store.sources.add({ kind: 'page', url: 'https://bulletin.example.net/coalition', title: 'Coalition Bulletin', pollIntervalSec: 3600, addedBy: 'slack:T1:U9' });
  await store.sources.updateHealth(broken.id, {
    consecutiveFailures: 7,
    lastError: 'HTTP 503 from the server',
    disabledAt: '2023-06-20T10:00:00.000Z',
    disabledReason: 'seven failures in a row (HTTP 503)',
  });

  const niameyA: Briefing = {
    url: 'https://news.example.org/2023/03/afg-niamey',
    title: 'Africa Focus Group convenes in Niamey',
    outlet: 'Example Security News',
    published: '2023-03-03',
    sourceId: feed.id,
    text:
      'Delegations of the Africa Focus Group of the Global Coalition gathered in Niamey on 1 and 2 March 2023. ' +
      'Morocco, the United States, Italy and Niger shared the chair. ' +
      'The participants adopted an action plan for stabilization support across the Sahel.',
    facts: facts({ body: 'Africa Focus Group', kind: 'focus-group', city: 'Niamey', country: 'Niger', start: '2023-03-01', end: '2023-03-02', chairs: ['Morocco', 'United States', 'Italy', 'Niger'], outcomes: ['adopted an action plan for stabilization support'] }),
    topics: ['sahel', 'stabilization', 'west-africa'],
    people: [{ name: 'Leila Bennani', role: 'head of the Moroccan delegation' }],
  };
  const niameyB: Briefing = {
    url: 'https://bulletin.example.net/coalition/niamey-session',
    title: 'Niamey session of the Africa Focus Group',
    outlet: 'Coalition Bulletin',
    published: '2023-03-02',
    sourceId: broken.id,
    text: 'The Africa Focus Group opened its session in Niamey on 2 March 2023. Four co-chairs steered the talks on the Sahel.',
    facts: facts({ body: 'Africa Focus Group', kind: 'focus-group', city: 'Niamey', country: 'Niger', start: '2023-03-02', chairs: ['Morocco', 'United States', 'Italy', 'Niger'] }),
    topics: ['sahel'],
  };
  const marrakech: Briefing = {
    url: 'https://news.example.org/2022/05/ministerial-marrakech',
    title: 'Coalition ministers meet in Marrakech',
    outlet: 'Example Security News',
    published: '2022-05-12',
    sourceId: feed.id,
    text:
      'Foreign ministers of the Global Coalition met in Marrakech on 11 May 2022. ' +
      'Morocco and the United States hosted the gathering. Ministers welcomed new members and looked at the threat in Africa.',
    facts: facts({ body: 'Global Coalition', parent: null, city: 'Marrakech', country: 'Morocco', start: '2022-05-11', chairs: ['Morocco', 'United States'], outcomes: ['welcomed new members'] }),
    topics: ['membership', 'sahel'],
  };
  const riyadh: Briefing = {
    url: 'https://news.example.org/2023/06/ministerial-riyadh',
    title: 'Ministerial in Riyadh pledges stabilization funds',
    outlet: 'Example Security News',
    published: '2023-06-09',
    sourceId: feed.id,
    text: 'Coalition ministers assembled in Riyadh on 8 June 2023. Saudi Arabia and the United States co-hosted. New stabilization funding was pledged.',
    facts: facts({ body: 'Global Coalition', parent: null, city: 'Riyadh', country: 'Saudi Arabia', start: '2023-06-08', chairs: ['Saudi Arabia', 'United States'], outcomes: ['pledged new stabilization funding'] }),
    topics: ['financing', 'stabilization'],
  };
  const rabat: Briefing = {
    url: 'https://news.example.org/2023/06/afg-next',
    title: 'Africa Focus Group to meet in Rabat',
    outlet: 'Example Security News',
    published: '2023-06-20',
    sourceId: feed.id,
    text: 'The next Africa Focus Group meeting is planned for Rabat on 14 September 2023.',
    facts: facts({ body: 'Africa Focus Group', kind: 'focus-group', city: 'Rabat', country: 'Morocco', start: '2023-09-14', status: 'announced' }),
    topics: ['sahel'],
  };

  const addDoc = (b: Briefing) => store.documents.add(newDocument(b));
  const marrakechDoc = await addDoc(marrakech);
  const marrakechMeeting = await store.meetings.create(record(marrakech, marrakechDoc.id), marrakechDoc.id);

  const workingGroup: number[] = [];
  for (let i = 0; i < 24; i++) {
    const month = new Date(Date.UTC(2021, 6 + i, 15));
    const day = month.toISOString().slice(0, 10);
    const city = i % 2 ? 'Rome' : 'Brussels';
    const wg: Briefing = {
      url: `https://news.example.org/wg/${day}`,
      title: `Communications Working Group, session ${i + 1}`,
      outlet: 'Example Security News',
      published: day,
      sourceId: feed.id,
      text: `The Communications Working Group held session ${i + 1} in ${city} on ${day}. Members compared counter-messaging campaigns.`,
      facts: facts({ body: 'Communications Working Group', kind: 'working-group', city, country: i % 2 ? 'Italy' : 'Belgium', start: day, chairs: ['United Kingdom', 'United Arab Emirates'], outcomes: [`reviewed campaign ${i + 1}`] }),
      topics: ['counter-messaging'],
    };
    const doc = await addDoc(wg);
    workingGroup.push((await store.meetings.create(record(wg, doc.id), doc.id)).id);
  }

  const niameyDocA = await addDoc(niameyA);
  const niamey = await store.meetings.create(record(niameyA, niameyDocA.id), niameyDocA.id);
  const niameyDocB = await addDoc(niameyB);
  const merged = record(niameyA, niameyDocA.id, {
    summary: [...record(niameyA, niameyDocA.id).summary, { text: sentences(niameyB.text)[1]!.text, documentId: niameyDocB.id, url: niameyB.url }],
    variants: [
      { field: 'start', value: '2023-03-01', documentIds: [niameyDocA.id] },
      { field: 'start', value: '2023-03-02', documentIds: [niameyDocB.id] },
    ],
  });
  await store.meetings.update(niamey.id, merged, niameyDocB.id);

  const riyadhDoc = await addDoc(riyadh);
  const riyadhMeeting = await store.meetings.create(record(riyadh, riyadhDoc.id), riyadhDoc.id);
  const rabatDoc = await addDoc(rabat);
  const rabatMeeting = await store.meetings.create(record(rabat, rabatDoc.id), rabatDoc.id);

  return {
    niamey: niamey.id,
    marrakech: marrakechMeeting.id,
    riyadh: riyadhMeeting.id,
    rabatAnnounced: rabatMeeting.id,
    workingGroup,
    sources: { feed: feed.id, broken: broken.id },
  };
}
