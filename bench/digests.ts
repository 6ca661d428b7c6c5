/**
 * Composes daily briefs for 1,000 and 10,000 subscribers with mixed filters over
 * a SQLite store of 100,000 documents, loading the window once and filtering per
 * subscriber in memory, through the same compose path deliveries use.
 *
 *   node --import tsx bench/digests.ts [documents=100000] [--db postgres://...?schema=NAME]
 *
 * With `--db` (or BENCH_DATABASE_URL) the digests are composed from PostgreSQL,
 * filled through export/import from the same seeded SQLite store.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type DevelopmentKind, type NewDocument, type Platform, type Store } from '../src/core/index.js';
import { DeliveryEngine, loadWindow } from '../src/schedule/index.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { digests } from '../digests/index.js';
import { filledPostgres, postgresUrlArg } from './postgres-target.js';

const DOCS = Number(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 100_000);
const POSTGRES_URL = postgresUrlArg();
const WINDOW = 2_000; // about a day of news
const TOPICS = ['sahel', 'financing', 'foreign-fighters', 'detention', 'stabilization', 'communications', 'designations', 'west-africa'];
const BODIES = ['Africa Focus Group', 'Global Coalition to Defeat ISIS', 'Communications Working Group', 'Counter-ISIS Finance Group', 'Stabilization Working Group'];
const PLACES: Array<[string, string]> = [['Niamey', 'Niger'], ['Rome', 'Italy'], ['Rabat', 'Morocco'], ['Abuja', 'Nigeria'], ['Riyadh', 'Saudi Arabia'], ['Nouakchott', 'Mauritania']];
const WORDS = 'delegates reviewed financing couriers border detention camps repatriation drones propaganda recruitment stabilization funding pledges training police courts prisons returnees militants ransom smuggling'.split(' ');
const FILTERS = ['sahel', 'topic:financing', 'place:niger', 'body:"Africa Focus Group"', 'sahel AND (financing OR "foreign fighters") NOT syria', 'drones OR propaganda', '(couriers OR ransom) place:nigeria', 'NOT topic:detention', 'keyword:returnees AND topic:foreign-fighters', 'stabilization'];

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

// Filler words, so a keyword filter matches a realistic share of the news, not all of it.
const FILLER = Array.from({ length: 600 }, (_, i) => `w${i.toString(36)}x`);

function documentFor(i: number): { doc: NewDocument; meeting: boolean } {
  const text = [...Array.from({ length: 78 }, () => pick(FILLER)), pick(WORDS), pick(WORDS)].join(' ') + '.';
  const [city, country] = pick(PLACES);
  const meeting = i % 10 === 0;
  const development: DevelopmentKind = meeting ? 'meeting' : i % 5 === 1 ? pick(['statement', 'designation', 'membership', 'announcement'] as const) : 'other';
  const facts = { body: pick(BODIES), parent: null, kind: 'working-group' as const, city, country, start: '2026-02-20', end: null, chairs: ['Italy'], outcomes: [], primary: true, status: 'held' as const };
  return {
    meeting,
    doc: {
      url: `https://bench.example/${i}`,
      title: `Item ${i} on ${pick(WORDS)}`,
      outlet: 'Bench Wire',
      published: '2026-02-20',
      text,
      contentHash: createHash('sha1').update(String(i)).digest('hex'),
      simhash: null,
      sourceId: null,
      extraction: { published: '2026-02-20', is_meeting_report: meeting, meetings: meeting ? [facts] : [], topics: [pick(TOPICS), pick(TOPICS)], people: [], development, summary: [{ text: text.slice(0, 120), start: 0, end: 120 }] },
    },
  };
}

async function seedStore(path: string, subscribers: number) {
  const store = openSqliteStore(path, { log: silentLogger });
  const started = performance.now();
  store.db.exec('BEGIN');
  for (let i = 1; i <= DOCS; i++) {
    const { doc, meeting } = documentFor(i);
    const saved = await store.documents.add(doc);
    if (meeting) {
      const { primary, ...facts } = doc.extraction.meetings[0]!;
      await store.meetings.create({ ...facts, primary, people: [], topics: doc.extraction.topics, summary: [{ text: doc.text.slice(0, 120), documentId: saved.id, url: doc.url }], variants: [] }, saved.id);
    }
  }
  for (let s = 0; s < subscribers; s++) {
    const key = `channel:shell:c${s}`;
    for (let k = 0; k < 1 + (s % 3); k++) await store.subscriptions.add(key, pick(FILTERS), 'shell:bench');
    // A second population whose every filter is distinct, so no work is shared between subscribers.
    const [city] = pick(PLACES);
    await store.subscriptions.add(`channel:shell:u${s}`, `(${pick(FILTERS)}) OR (place:${city} AND zz${s}) NOT keyword:yy${s}`, 'shell:bench');
  }
  store.db.exec('COMMIT');
  console.log(`seeded ${DOCS.toLocaleString()} documents and ${subscribers.toLocaleString()} subscribers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return store;
}

async function run(store: Store, subscribers: number, population: 'c' | 'u') {
  const engine = new DeliveryEngine({ store, digests, platforms: new Map<string, Platform>(), owner: 'bench', log: silentLogger });
  const upto = await store.documents.lastSeq();
  const watermarks = Array.from({ length: subscribers }, (_, s) => upto - WINDOW + (s % 200));
  let peak = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const window = await loadWindow(store, Math.min(...watermarks), upto, '2026-03-02');
  const loaded = performance.now();
  let nonEmpty = 0;
  let items = 0;
  for (let s = 0; s < subscribers; s++) {
    const plan = { subscriber: `channel:shell:${population}${s}`, digest: 'daily-brief', timezone: 'Europe/Berlin', announceEmpty: false };
    const { reply, snapshot } = await engine.compose(plan, new Date('2026-03-02T07:00:00Z'), watermarks[s]!, window);
    if (reply) nonEmpty++;
    items += snapshot.meetingIds.length + snapshot.documentIds.length;
    if (s % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${population === 'c' ? 'shared filters ' : 'distinct filters'} ${subscribers.toLocaleString().padStart(6)} digests: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (window load ${((loaded - started) / 1000).toFixed(2)} s, ${window.meetings.length} meetings + ${window.documents.length} developments), ` +
      `${nonEmpty} non-empty, ${items.toLocaleString()} items, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
  return { seconds, cpuSeconds };
}

const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-'));
try {
  const seed = () => seedStore(join(dir, 'bench.db'), 10_000);
  const store = POSTGRES_URL ? await filledPostgres(POSTGRES_URL, `digests-bench-${DOCS}`, seed) : await seed();
  console.log(`composing from ${POSTGRES_URL ? 'PostgreSQL' : 'SQLite'}`);
  for (const population of ['c', 'u'] as const) {
    const small = await run(store, 1_000, population);
    const large = await run(store, 10_000, population);
    console.log(
      `  growth 10k/1k: ${(large.seconds / small.seconds).toFixed(2)} wall, ${(large.cpuSeconds / small.cpuSeconds).toFixed(2)} CPU (linear = 10); ` +
        `10k under 10 s: ${large.seconds < 10 ? 'yes' : 'NO'} (wall), ${large.cpuSeconds < 10 ? 'yes' : 'NO'} (CPU)`,
    );
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
