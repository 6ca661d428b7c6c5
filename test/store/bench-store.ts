/**
 * Store timing script (not a unit test): builds a generated store with 100,000
 * documents and 20,000 meetings once, then times the command queries.
 *   npx tsx test/store/bench-store.ts [db-file] [label-filter]
 * Prints p50 / p99 per query in milliseconds, wall clock and CPU.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger, type Extraction, type MeetingRecord, type SearchFilters } from '../../src/core/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const DOCS = 100_000;
const MEETINGS = 20_000;
const file = process.argv[2] ?? join(tmpdir(), 'briefbot-bench-100k.db');

// A deterministic generator so runs compare.
let seed = 42;
function rand(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const BODIES = ['Africa Focus Group', 'Small Group', 'Global Coalition Ministerial', 'Political Directors', 'Sahel Partnership', 'Counter-Financing Working Group', 'Foreign Fighters Working Group', 'Stabilisation Working Group', 'Communications Working Group', 'West Africa Initiative', 'Lake Chad Forum', 'Coastal States Dialogue'];
const PLACES: Array<[string, string]> = [['Rabat', 'Morocco'], ['Rome', 'Italy'], ['Abuja', 'Nigeria'], ['Niamey', 'Niger'], ['Dakar', 'Senegal'], ['Accra', 'Ghana'], ['Washington', 'United States'], ['Brussels', 'Belgium'], ['Paris', 'France'], ['Nouakchott', 'Mauritania'], ['Lome', 'Togo'], ['Abidjan', "Côte d'Ivoire"]];
const TOPICS = ['sahel', 'financing', 'foreign-fighters', 'stabilisation', 'detention', 'border-security', 'propaganda', 'humanitarian', 'maritime', 'sanctions'];
const WORDS = 'the of and to in partners coalition meeting ministers envoys agreed reviewed support security region border stabilisation financing detention camps returnees programme delegates communique statement plan work progress funding pledged regional cooperation training police justice community resilience displaced lake basin coastal states threat networks recruitment online propaganda sanctions designations maritime routes'.split(' ');

function sentence(n: number): string {
  return Array.from({ length: n }, () => pick(WORDS)).join(' ');
}

function date(): string {
  const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(rand() * 3650) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function hex16(): string {
  return Array.from({ length: 16 }, () => Math.floor(rand() * 16).toString(16)).join('');
}

async function build(store: SqliteStore): Promise<void> {
  const started = performance.now();
  const docIds: number[] = [];
  for (let i = 0; i < DOCS; i += 1) {
    const ex: Extraction = { published: date(), is_meeting_report: rand() < 0.6, meetings: [], topics: [pick(TOPICS)], people: [], development: 'meeting', summary: [] };
    const doc = await store.documents.add({
      url: `https://news${i % 40}.example/item/${i}`,
      title: `${pick(BODIES)} ${sentence(6)}`,
      outlet: `Outlet ${i % 40}`,
      published: ex.published,
      text: Array.from({ length: 8 }, () => `${sentence(20)}.`).join(' '),
      contentHash: `hash-${i}`,
      simhash: hex16(),
      sourceId: null,
      extraction: ex,
    });
    docIds.push(doc.id);
  }
  const docsDone = performance.now();
  for (let i = 0; i < MEETINGS; i += 1) {
    const [city, country] = pick(PLACES);
    const start = rand() < 0.9 ? date() : null;
    const record: MeetingRecord = {
      body: pick(BODIES), parent: null, kind: 'focus-group', city: rand() < 0.8 ? city : null, country, start, end: start, status: 'held',
      chairs: [], outcomes: [sentence(6)], people: [], topics: [pick(TOPICS), pick(TOPICS)],
      summary: [{ text: `${sentence(15)}.`, documentId: 1, url: null }], variants: [], primary: rand() < 0.8,
    };
    const meeting = await store.meetings.create(record, docIds[(i * 5) % DOCS]!);
    for (let k = 1; k < 5; k += 1) await store.meetings.update(meeting.id, record, docIds[(i * 5 + k) % DOCS]!);
  }
  console.log(`built: ${DOCS} documents in ${((docsDone - started) / 1000).toFixed(1)} s, ${MEETINGS} meetings (5 documents each) in ${((performance.now() - docsDone) / 1000).toFixed(1)} s`);
}

/**
 * Wall-clock and CPU time per call. On a shared, loaded machine the wall clock
 * mostly measures waiting for a core; CPU time is what the query itself costs.
 */
const only = process.argv[3];

async function time(label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  if (only !== undefined && !label.includes(only)) return;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    const c = process.cpuUsage();
    await fn(i);
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (samples: number[], q: number) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1).padStart(6);
  };
  console.log(`${label.padEnd(46)} wall p50 ${at(wall, 0.5)} p99 ${at(wall, 0.99)} | cpu p50 ${at(cpu, 0.5)} p99 ${at(cpu, 0.99)}`);
}

const fresh = !existsSync(file);
const store = openSqliteStore(file, { log: silentLogger });
if (fresh) await build(store);
console.log(`store: ${await store.documents.count()} documents, ${await store.meetings.count()} meetings (${file})`);

const R = 200;
const topic = (i: number) => TOPICS[i % TOPICS.length]!;
const place = (i: number) => PLACES[i % PLACES.length]![i % 2]!.toLowerCase();
await time('meetings.list newest, page 1', R, () => store.meetings.list({ limit: 10 }));
await time('meetings.list newest, offset 5000', R, () => store.meetings.list({ limit: 10, offset: 5000 }));
await time('meetings.list oldest, includeSecondary', R, () => store.meetings.list({ limit: 10, order: 'oldest', includeSecondary: true }));
await time('meetings.list body (substring)', R, (i) => store.meetings.list({ body: pick(BODIES).split(' ')[i % 2]!, limit: 10 }));
await time('meetings.list topic', R, (i) => store.meetings.list({ topic: topic(i), limit: 10 }));
await time('meetings.list place', R, (i) => store.meetings.list({ place: place(i), limit: 10 }));
await time('meetings.list since/until (one year)', R, (i) => store.meetings.list({ since: `${2017 + (i % 8)}-01-01`, until: `${2017 + (i % 8)}-12-31`, limit: 10 }));
await time('meetings.list body+topic+place+since', R, (i) => store.meetings.list({ body: 'group', topic: topic(i), place: place(i), since: '2020-01-01', limit: 10 }));
await time('meetings.findByWords 2 words', R, (i) => store.meetings.findByWords([place(i), pick(WORDS)], 10));
await time('meetings.candidates body+range', R, (i) => store.meetings.candidates(pick(BODIES), `${2017 + (i % 8)}-03-01`, `${2017 + (i % 8)}-03-10`));
await time('meetings.changedSince (last 500 docs)', 50, () => store.meetings.changedSince(DOCS - 500, DOCS));
await time('meetings.topicCounts since 2024', 50, () => store.meetings.topicCounts('2024-01-01'));
await time('meetings.bodies', 50, () => store.meetings.bodies());
const search = (words: string[], filters: SearchFilters = {}, offset = 0) => store.documents.search(words, filters, 10, offset);
await time('documents.search common word', R, (i) => search([pick(WORDS)], {}, 0 * i));
await time('documents.search common word, page 20', R, () => search([pick(WORDS)], {}, 200));
await time('documents.search two words', R, () => search([pick(WORDS), pick(WORDS)]));
await time('documents.search rare word (body name part)', R, (i) => search([pick(BODIES).split(' ')[i % 2]!.toLowerCase()]));
await time('documents.search no match', R, (i) => search([`zzz${i}`]));
await time('documents.search word + since/until', R, (i) => search([pick(WORDS)], { since: `${2017 + (i % 8)}-01-01`, until: `${2017 + (i % 8)}-06-30` }));
await time('documents.search word + topic', R, (i) => search([pick(WORDS)], { topic: topic(i) }));
await time('documents.search word + body', R, () => search([pick(WORDS)], { body: pick(BODIES) }));
await time('documents.search word + place', R, (i) => search([pick(WORDS)], { place: place(i) }));
await time('documents.search no words + topic', R, (i) => search([], { topic: topic(i) }));
await time('documents.search no words + since', R, (i) => search([], { since: `${2017 + (i % 8)}-01-01` }));
await time('documents.search hostile', R, (i) => search(['"', 'NEAR(', 'a" OR "b', `x${i}*`]));
await time('documents.nearDuplicateCandidates', R, () => store.documents.nearDuplicateCandidates(hex16(), 50));
await time('documents.since 100', R, (i) => store.documents.since(i * 300, DOCS, 100));
await time('documents.get', R, (i) => store.documents.get(1 + i * 400));
await store.close();
