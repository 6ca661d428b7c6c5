/**
 * A real CommandContext for command tests: a temp-file SQLite store seeded
 * through the Store port with briefings written in our own words, and the real
 * scheduler and digest service (never started, so no timer fires).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../commands/index.js';
import {
  createDispatcher, silentLogger, type DispatcherOptions,
  type Asker, type CommandContext, type DigestService, type Dispatcher,
  type SchedulerPort, type Settings, type Store, type TopicInfo,
} from '../../src/core/index.js';
import { digests } from '../../digests/index.js';
import { DeliveryEngine, Digests, Scheduler } from '../../src/schedule/index.js';
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
  /** `subscriber digest` of every node-cron task the real scheduler installed. */
  installed(): string[];
}

/**
 * The digest engineer's real Scheduler and Digests over the same store, never
 * started (no catch-up, no recovery timer), with refresh calls recorded.
 */
function realScheduling(store: Store): { scheduler: TestScheduler; digests: DigestService; stop(): Promise<void> } {
  const engine = new DeliveryEngine({ store, digests, platforms: new Map(), owner: 'command-tests', log: silentLogger, now: () => NOW });
  const real = new Scheduler({ store, engine, log: silentLogger, now: () => NOW });
  const refreshed: TestScheduler['refreshed'] = [];
  const scheduler: TestScheduler = {
    refreshed,
    installed: () => real.installed(),
    async refresh(subscriber, digest) {
      refreshed.push({ subscriber, digest });
      await real.refresh(subscriber, digest);
    },
    validateCron: (cron) => real.validateCron(cron),
    nextRuns: (cron, timezone, count, from) => real.nextRuns(cron, timezone, count, from),
  };
  return { scheduler, digests: new Digests(store, engine, digests, 'Africa/Casablanca', () => NOW), stop: () => real.stop() };
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

export async function createTestBed(
  options: { settings?: Partial<Settings>; seed?: boolean; storeFile?: string; dispatcher?: DispatcherOptions; topics?: readonly TopicInfo[] } = {},
): Promise<TestBed> {
  // A given store file (a bench's filled store) is used as it is: not seeded, not deleted.
  const dir = options.storeFile ? null : mkdtempSync(join(tmpdir(), 'briefbot-commands-'));
  const store = await openStore(options.storeFile ?? join(dir!, 'test.db'), { log: silentLogger });
  const seeded = options.seed === false || options.storeFile ? emptySeed() : await seedBriefings(store);
  const scheduling = realScheduling(store);
  const scheduler = scheduling.scheduler;
  const context: CommandContext = {
    store,
    now: () => NOW,
    settings: { commandName: 'brief', defaultTimezone: 'Africa/Casablanca', scheduleMinIntervalSec: 900, pageSize: 10, ...options.settings },
    commands,
    topics: options.topics ?? TOPICS,
    digests: scheduling.digests,
    scheduler,
    log: silentLogger,
  };
  return {
    store,
    context,
    scheduler,
    seeded,
    dispatcher: createDispatcher(context, options.dispatcher),
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
      await scheduling.stop();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function emptySeed(): Seeded {
  return { niamey: 0, marrakech: 0, riyadh: 0, rabatAnnounced: 0, workingGroup: [], sources: { feed: 0, broken: 0 } };
}
