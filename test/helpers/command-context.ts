/**
 * A real CommandContext for command tests: a temp-file SQLite store seeded
 * through the Store port with briefings written in our own words, a scheduler
 * port on node-cron's own validation and next-run arithmetic, and a digest
 * preview that reads the store without writing to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cron from 'node-cron';
import { commands } from '../../commands/index.js';
import {
  createDispatcher, matchesFilter, parseFilter, silentLogger, subscriberKey,
  type Asker, type CommandContext, type DigestService, type Dispatcher, type Meeting, type Reply,
  type SchedulerPort, type Settings, type Store, type Subscriber, type TopicInfo,
} from '../../src/core/index.js';
import { openStore } from '../../src/store/open.js';
import { seedBriefings, type Seeded } from '../commands/seed-briefings.js';

export const TOPICS: readonly TopicInfo[] = [
  { id: 'sahel', label: 'Sahel', description: 'The Sahel region and its neighbours' },
  { id: 'west-africa', label: 'West Africa' },
  { id: 'financing', label: 'Financing', description: 'Funding flows and pledges' },
  { id: 'foreign-fighters', label: 'Foreign fighters' },
  { id: 'stabilization', label: 'Stabilization', description: 'Rebuilding liberated areas' },
  { id: 'counter-messaging', label: 'Counter-messaging' },
  { id: 'detention', label: 'Detention and camps' },
  { id: 'membership', label: 'Membership' },
];

/** The fixed "now" of every command test: three weeks after the Riyadh ministerial. */
export const NOW = new Date('2023-06-29T09:00:00Z');

export interface TestScheduler extends SchedulerPort {
  refreshed: Array<{ subscriber: string; digest: string }>;
}

/** node-cron's validation and next runs; `from` is ignored (a stopped task counts from the wall clock). */
export function testScheduler(): TestScheduler {
  const refreshed: TestScheduler['refreshed'] = [];
  return {
    refreshed,
    async refresh(subscriber, digest) {
      refreshed.push({ subscriber, digest });
    },
    validateCron(expression) {
      const detail = cron.validateDetailed(expression);
      return detail.valid ? null : detail.errors.map((e) => e.message).join('; ') || 'invalid';
    },
    nextRuns(expression, timezone, count) {
      const task = cron.createTask(expression, () => {}, { timezone });
      try {
        return task.getNextRuns(count);
      } finally {
        void task.destroy();
      }
    },
  };
}

/** Previews from the store: meetings after the watermark (or `since`) that match the subscriber's filters. */
export function testDigests(store: Store, topics: readonly TopicInfo[]): DigestService {
  return {
    kinds: () => [
      { id: 'daily-brief', summary: 'What happened since yesterday' },
      { id: 'weekly-roundup', summary: 'The week, and meetings ahead' },
      { id: 'alert', summary: 'As soon as it is reported' },
    ],
    async preview(subscriber: Subscriber, digest: string, since?: Date): Promise<Reply[]> {
      const key = subscriberKey(subscriber);
      const filters = (await store.subscriptions.listFor(key)).map((s) => parseFilter(s.filter, { topics }));
      if (!filters.length) return [];
      const candidates: Meeting[] = since
        ? (await store.meetings.list({ since: since.toISOString().slice(0, 10), limit: 100 })).items
        : await store.meetings.changedSince(await store.deliveries.getWatermark(key, digest), await store.documents.lastSeq());
      const picked = candidates.filter((m) =>
        filters.some((f) => matchesFilter(f, { topics: m.topics, bodies: [m.body, m.parent ?? ''], places: [m.city ?? '', m.country ?? ''], text: m.body })),
      );
      if (!picked.length) return [];
      return [{ title: digest, blocks: [{ type: 'list', items: picked.map((m) => `#${m.id} ${m.body}`) }], ephemeral: false }];
    },
  };
}

export interface TestBed {
  store: Store;
  context: CommandContext;
  dispatcher: Dispatcher;
  scheduler: TestScheduler;
  seeded: Seeded;
  /** Someone in a channel; override any part. */
  asker(overrides?: Partial<Asker>): Asker;
  /** Subscriptions, schedules, sources and row counts, to prove a refused command changed nothing. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

export const CHANNEL = 'slack:T1:C100';
export const USER = 'slack:T1:U1';

export async function createTestBed(options: { settings?: Partial<Settings>; seed?: boolean } = {}): Promise<TestBed> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-commands-'));
  const store = await openStore(join(dir, 'test.db'), { log: silentLogger });
  const seeded = options.seed === false ? emptySeed() : await seedBriefings(store);
  const scheduler = testScheduler();
  const context: CommandContext = {
    store,
    now: () => NOW,
    settings: { commandName: 'brief', defaultTimezone: 'Africa/Casablanca', scheduleMinIntervalSec: 900, pageSize: 10, ...options.settings },
    commands,
    topics: TOPICS,
    digests: testDigests(store, TOPICS),
    scheduler,
    log: silentLogger,
  };
  return {
    store,
    context,
    scheduler,
    seeded,
    dispatcher: createDispatcher(context),
    asker: (overrides = {}) => ({
      user: { ref: USER, name: 'Amina' },
      channel: CHANNEL,
      isDirect: false,
      canManageChannel: true,
      canManageSources: true,
      ...overrides,
    }),
    async snapshot() {
      const [subs, schedules, sources, documents, meetings] = await Promise.all([
        store.subscriptions.listAll(),
        store.schedules.listAll(),
        store.sources.list(),
        store.documents.count(),
        store.meetings.count(),
      ]);
      return JSON.stringify({ subs, schedules, sources, documents, meetings });
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function emptySeed(): Seeded {
  return { niamey: 0, marrakech: 0, riyadh: 0, rabatAnnounced: 0, workingGroup: [], sources: { feed: 0, broken: 0 } };
}
