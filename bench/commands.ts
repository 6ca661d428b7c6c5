/**
 * Times every /brief subcommand in process, through the dispatcher, against a
 * store holding 100,000 generated documents and 20,000 meetings. Prints p50 and
 * p99 per subcommand next to a floor (the dispatcher answering a constant reply)
 * measured in the same run.
 *
 *   node --import tsx bench/commands.ts [--docs 100000] [--meetings 20000] [--calls 1000] [--db FILE | --db postgres://...]
 *
 * `--db FILE` keeps the filled store in FILE and reuses it on the next run.
 * `--db postgres://...?schema=NAME` (or BENCH_DATABASE_URL) runs on PostgreSQL,
 * filled once through export/import and reused on the next run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../commands/index.js';
import { digests } from '../digests/index.js';
import {
  createDispatcher, defineCommand, silentLogger,
  type Asker, type CommandContext, type Extraction, type MeetingFacts, type MeetingRecord, type Store,
} from '../src/core/index.js';
import { DeliveryEngine, Digests, Scheduler } from '../src/schedule/index.js';
import { openStore } from '../src/store/open.js';
import { filledPostgres, postgresUrlArg } from './postgres-target.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const DOCS = arg('docs', 100_000);
const MEETINGS = arg('meetings', 20_000);
const CALLS = arg('calls', 1_000);
const NOW = new Date('2026-03-02T09:00:00Z');
const FILLED_MARK = 'commands-bench-filled';

// Our own vocabulary and templates; nothing here is quoted from real reporting.
const BODIES = [
  ['Africa Focus Group', 'Global Coalition'], ['Small Group', 'Global Coalition'], ['Global Coalition', null],
  ['Communications Working Group', 'Global Coalition'], ['Stabilization Working Group', 'Global Coalition'],
  ['Foreign Terrorist Fighters Working Group', 'Global Coalition'], ['Counter Financing Group', 'Global Coalition'],
  ['Sahel Partnership Forum', null], ['West Africa Security Dialogue', null], ['Lake Chad Basin Contact Group', null],
  ['Coastal States Initiative', null], ['Political Directors Meeting', 'Global Coalition'],
] as const;
const PLACES = [
  ['Niamey', 'Niger'], ['Rabat', 'Morocco'], ['Marrakech', 'Morocco'], ['Riyadh', 'Saudi Arabia'], ['Rome', 'Italy'],
  ['Brussels', 'Belgium'], ['Washington', 'United States'], ['Abuja', 'Nigeria'], ['Dakar', 'Senegal'], ['Accra', 'Ghana'],
  ['Nouakchott', 'Mauritania'], ['Lomé', 'Togo'], ['Cotonou', 'Benin'], ['Paris', 'France'], ['Berlin', 'Germany'],
  ['London', 'United Kingdom'], ['Madrid', 'Spain'], ['Abu Dhabi', 'United Arab Emirates'], ['Doha', 'Qatar'], ['Amman', 'Jordan'],
] as const;
const CHAIRS = ['Morocco', 'United States', 'Italy', 'Niger', 'Nigeria', 'Saudi Arabia', 'United Kingdom', 'France', 'Ghana', 'Senegal'];
const TOPICS = ['sahel', 'west-africa', 'financing', 'foreign-fighters', 'stabilization', 'counter-messaging', 'detention', 'membership'];
const WORDS = (
  'delegates reviewed progress border security community resilience training programme funding pledge donors ' +
  'coordination mechanism early warning displacement returnees reintegration prosecution evidence sharing ' +
  'maritime routes online propaganda youth outreach local governance water access schools clinics roads ' +
  'observers noted concern violence attacks decline rise partners agreed framework roadmap timeline review ' +
  'experts workshop capacity justice police customs aviation screening watchlists sanctions designations ' +
  'humanitarian corridors camps repatriation children families rehabilitation monitoring evaluation report'
).split(' ');
const OUTCOMES = ['adopted an action plan', 'agreed a joint statement', 'welcomed two new members', 'pledged new funding', 'launched a training programme', 'set up a working cell'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
const day = (offsetDays: number) => new Date(Date.UTC(2015, 0, 1) + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function fill(store: Store): Promise<void> {
  const raw = (store as unknown as { db?: { exec(sql: string): void } }).db;
  const every = Math.max(1, Math.floor(DOCS / MEETINGS));
  const started = performance.now();
  let meetings = 0;
  const batch = 5_000;
  for (let start = 0; start < DOCS; start += batch) {
    // One transaction per batch: the port's own inserts nest inside it as savepoints.
    raw?.exec('BEGIN');
    for (let i = start; i < Math.min(DOCS, start + batch); i++) {
      const [body, parent] = pick(BODIES);
      const [city, country] = pick(PLACES);
      const date = day(Math.floor((i / DOCS) * 4100) + Math.floor(r() * 20));
      const isMeeting = i % every === 0 && meetings < MEETINGS;
      const topics = [pick(TOPICS), pick(TOPICS)];
      const sentences = [
        `The ${body} met in ${city} on ${date} and ${pick(OUTCOMES)}.`,
        `${pick(CHAIRS)} and ${pick(CHAIRS)} chaired the talks, where ${words(12)}.`,
        `Participants discussed ${words(18)}.`,
        `A further session on ${words(6)} is expected, officials said, after ${words(10)}.`,
      ];
      const text = sentences.join(' ');
      let offset = 0;
      const summary = sentences.slice(0, 2).map((s) => {
        const at = text.indexOf(s, offset);
        offset = at + s.length;
        return { text: s, start: at, end: at + s.length };
      });
      const facts: MeetingFacts = { body, parent, kind: 'plenary', city, country, start: date, end: null, chairs: [pick(CHAIRS), pick(CHAIRS)], outcomes: [pick(OUTCOMES)], primary: true, status: 'held' };
      const extraction: Extraction = { published: date, is_meeting_report: isMeeting, meetings: isMeeting ? [facts] : [], topics, people: [], development: isMeeting ? 'meeting' : 'statement', summary };
      const doc = await store.documents.add({
        url: `https://bench.example.org/${i}`,
        title: `${body}: ${words(5)}`,
        outlet: `Outlet ${i % 37}`,
        published: date,
        text,
        contentHash: `bench-${i}`,
        simhash: null,
        sourceId: null,
        extraction,
      });
      if (isMeeting) {
        const { primary, ...rest } = facts;
        const record: MeetingRecord = { ...rest, primary, people: [], topics, summary: summary.map((s) => ({ text: s.text, documentId: doc.id, url: doc.url })), variants: [] };
        await store.meetings.create(record, doc.id);
        meetings++;
      }
    }
    raw?.exec('COMMIT');
    process.stderr.write(`\rfilled ${Math.min(DOCS, start + batch).toLocaleString('en-US')} documents, ${meetings.toLocaleString('en-US')} meetings`);
  }
  process.stderr.write(` in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const postgresUrl = postgresUrlArg();
  const dbArg = process.argv.indexOf('--db');
  const kept = dbArg === -1 || postgresUrl ? null : process.argv[dbArg + 1]!;
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-'));
  const file = kept ?? join(dir, 'bench.db');
  const reuse = kept !== null && existsSync(kept);
  const fresh = async () => {
    const scratch = await openStore(file, { log: silentLogger });
    await fill(scratch);
    await scratch.setMeta(FILLED_MARK, `${DOCS} ${MEETINGS}`);
    return scratch;
  };
  let store: Store;
  if (postgresUrl) store = await filledPostgres(postgresUrl, FILLED_MARK, fresh);
  else if (!reuse) store = await fresh();
  else {
    store = await openStore(file, { log: silentLogger });
    if ((await store.getMeta(FILLED_MARK)) === null) {
      // Never write into a store this script did not fill (another bench's file, or a real one).
      await store.close();
      throw new Error(`${kept} was not filled by bench/commands.ts; give a new file name.`);
    }
    process.stderr.write(`reusing ${kept}: ${(await store.documents.count()).toLocaleString('en-US')} documents\n`);
  }
  const setup = (await store.getMeta('commands-bench-setup')) === null;
  if (setup) await store.setMeta('commands-bench-setup', 'done');
  const channel = 'slack:T1:C1';
  const user = 'slack:T1:U1';
  if (setup) {
    for (const f of ['topic:sahel', 'place:Niamey OR place:Rabat', 'body:"Africa Focus Group"', 'financing AND NOT detention', '"action plan"']) {
      await store.subscriptions.add(`channel:${channel}`, f, user);
    }
    await store.schedules.set({ subscriber: `channel:${channel}`, digest: 'daily-brief', cron: '0 8 * * *', timezone: 'UTC', announceEmpty: false, setBy: user });
    // A daily digest covers about a day of news, not the whole archive: move the watermark close to the end.
    const key = `channel:${channel}`;
    const claimed = await store.deliveries.claim({ subscriber: key, digest: 'daily-brief', slot: '2026-03-01T08:00:00.000Z' }, 'bench', '2026-03-01T08:05:00.000Z', '2026-03-01T08:00:00.000Z');
    await store.deliveries.saveSnapshot(claimed!.id, { meetingIds: [], documentIds: [], watermarkTo: Math.max(0, (await store.documents.lastSeq()) - 100), parts: [] });
    await store.deliveries.finish(claimed!.id, 'sent', '2026-03-01T08:00:05.000Z');
    for (let i = 0; i < 25; i++) await store.sources.add({ kind: 'feed', url: `https://bench.example.org/feed/${i}.xml`, pollIntervalSec: 1800 });
  }

  const engine = new DeliveryEngine({ store, digests, platforms: new Map(), owner: 'bench', log: silentLogger, now: () => NOW });
  const scheduler = new Scheduler({ store, engine, log: silentLogger, now: () => NOW });
  const floor = defineCommand({ name: 'floor', summary: 'Constant reply', options: [], examples: ['floor'], run: async () => ({ blocks: [{ type: 'text', text: 'ok' }], ephemeral: true }) });
  const context: CommandContext = {
    store,
    now: () => NOW,
    settings: { commandName: 'brief', defaultTimezone: 'UTC', scheduleMinIntervalSec: 900, pageSize: 10 },
    commands: [...commands, floor],
    topics: TOPICS.map((id) => ({ id, label: id })),
    digests: new Digests(store, engine, digests, 'UTC', () => NOW),
    scheduler,
    log: silentLogger,
  };
  const dispatcher = createDispatcher(context);
  const asker: Asker = { user: { ref: user, name: 'bench' }, channel, isDirect: false, canManageChannel: true, canManageSources: true };
  const maxMeeting = await store.meetings.count();

  // Each case cycles through its lines; mutating ones alternate so the store stays the same size.
  const cases: Array<[string, (i: number) => string]> = [
    ['floor', () => 'floor'],
    ['meetings', (i) => ['meetings', 'meetings topic:sahel', 'meetings body:"Africa Focus Group" since:1y', 'meetings place:Niamey page:3', 'meetings since:2020-01-01 until:2021-12-31 page:5'][i % 5]!],
    ['meeting <id>', (i) => `meeting #${1 + ((i * 7919) % maxMeeting)}`],
    ['meeting <words>', (i) => ['meeting Niamey action plan', 'meeting Rabat', 'meeting Small Group Riyadh'][i % 3]!],
    ['search', (i) => ['search action plan', 'search border security', 'search funding topic:financing', 'search "early warning" since:2y', 'search NEAR( OR *'][i % 5]!],
    ['timeline', (i) => ['timeline Africa Focus Group', 'timeline Small Group page:4', 'timeline Sahel Partnership Forum page:2'][i % 3]!],
    ['topics', () => 'topics'],
    ['subscribe', (i) => `subscribe keyword:w${i} OR topic:sahel`],
    ['unsubscribe', (i) => `unsubscribe keyword:w${i} OR topic:sahel`],
    ['subscriptions', () => 'subscriptions for:channel'],
    ['digest', () => 'digest for:channel'],
    // No alert was ever delivered here: its preview composes from the first document on.
    ['digest (first ever)', () => 'digest for:channel digest:alert'],
    ['schedule', (i) => ['schedule daily 08:00', 'schedule weekly mon 09:00 tz:Africa/Casablanca', 'schedule cron "0 8 * * 1-5"', 'schedule'][i % 4]!],
    ['why', (i) => `why ${1 + ((i * 104729) % maxMeeting)}`],
    ['sources', () => 'sources'],
    ['sources add/remove', (i) => (i % 2 ? `sources remove ${sourceIds.pop() ?? 0}` : `sources add https://bench.example.org/extra/${i}.xml`)],
    ['help', (i) => (i % 2 ? 'help' : 'help schedule')],
  ];
  const sourceIds: number[] = [];

  const rows: Array<{ name: string; p50: number; p99: number; errors: number; slowest: string }> = [];
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg === -1 ? null : new Set(process.argv[onlyArg + 1]!.split(','));
  for (const [name, line] of cases) {
    if (only && name !== 'floor' && !only.has(name)) continue;
    // Subscribe and unsubscribe run interleaved, so each unsubscribe has its subscription.
    if (name === 'unsubscribe') continue;
    const times: number[] = [];
    const other: number[] = [];
    const perLine = new Map<string, number[]>();
    let errors = 0;
    for (let i = 0; i < CALLS + 50; i++) {
      const text = line(i);
      const t0 = performance.now();
      const reply = await dispatcher.handle(text, asker);
      const dt = performance.now() - t0;
      if (reply.error) errors++;
      if (name === 'sources add/remove' && !reply.error && text.startsWith('sources add')) {
        const id = /#(\d+)/.exec(JSON.stringify(reply.blocks))?.[1];
        if (id) sourceIds.push(Number(id));
      }
      if (i >= 50) {
        // The first 50 calls warm the statement caches.
        times.push(dt);
        const shape = text.replace(/\d+/g, 'N');
        perLine.set(shape, [...(perLine.get(shape) ?? []), dt]);
      }
      if (name === 'subscribe') {
        const u0 = performance.now();
        const undo = await dispatcher.handle(cases.find((c) => c[0] === 'unsubscribe')![1](i), asker);
        if (i >= 50) other.push(performance.now() - u0);
        if (undo.error) errors++;
      }
    }
    times.sort((a, b) => a - b);
    const slowest = [...perLine].map(([shape, ts]) => ({ shape, p50: percentile(ts.sort((a, b) => a - b), 50) })).sort((a, b) => b.p50 - a.p50)[0];
    rows.push({ name, p50: percentile(times, 50), p99: percentile(times, 99), errors, slowest: slowest ? `${slowest.shape} (p50 ${slowest.p50.toFixed(1)})` : '' });
    if (other.length) {
      other.sort((a, b) => a - b);
      rows.push({ name: 'unsubscribe', p50: percentile(other, 50), p99: percentile(other, 99), errors: 0, slowest: '' });
    }
    process.stderr.write(`${name} done\n`);
  }
  await scheduler.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const floorRow = rows[0]!;
  const ms = (n: number) => n.toFixed(3).padStart(9);
  console.log(`\n${postgresUrl ? 'PostgreSQL' : 'SQLite'}: ${DOCS.toLocaleString('en-US')} documents, ${MEETINGS.toLocaleString('en-US')} meetings, ${CALLS.toLocaleString('en-US')} calls each; times in ms`);
  console.log(`${'subcommand'.padEnd(20)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'p99-floor'.padStart(11)}  p99<50  errors  slowest line`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(20)}${ms(row.p50)}${ms(row.p99)}${ms(row.p99 - floorRow.p99).padStart(11)}  ${row.p99 < 50 ? 'ok  ' : 'SLOW'}  ${String(row.errors).padStart(6)}  ${row.slowest}`);
  }
}

await main();
