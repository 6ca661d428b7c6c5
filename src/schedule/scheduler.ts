import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger, Schedule, SchedulerPort, Store } from '../core/index.js';
import { latestSlot, nextRuns, validateCron } from './cron-time.js';
import type { DeliveryEngine } from './delivery-engine.js';
import type { SourceAnnouncer } from './source-announcer.js';

export interface SchedulerOptions {
  store: Store;
  engine: DeliveryEngine;
  log: Logger;
  /** Missed slots older than this at start-up are dropped (default 6 h). */
  graceMs?: number;
  /** How often expired deliveries are taken over (default 60 s). */
  recoveryEveryMs?: number;
  /** How long stop() waits for deliveries in flight (default 10 s). */
  stopTimeoutMs?: number;
  announcer?: SourceAnnouncer;
  now?: () => Date;
}

const LATE_TOLERANCE_MS = 5 * 60_000;

const keyOf = (subscriber: string, digest: string) => `${subscriber}\u0000${digest}`;
// What makes two versions of a stored schedule run differently.
const signature = (s: Schedule) => [s.cron, s.timezone, s.pausedAt ?? '', s.updatedAt, String(s.announceEmpty)].join('\u0000');

/**
 * Runs one node-cron task per stored schedule. node-cron's distributed mode is
 * not used: the store's claim on (subscriber, digest, slot) already elects one
 * replica per slot, and slots are the scheduled instants, so every replica agrees.
 */
export class Scheduler implements SchedulerPort {
  private readonly tasks = new Map<string, ScheduledTask>();
  /** The signature of each schedule as installed (paused ones too), to notice changes made elsewhere. */
  private readonly signatures = new Map<string, string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly chains = new Map<string, Promise<void>>();
  private recoveryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly opts: SchedulerOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Restores every schedule; takes over unfinished deliveries and catches up missed slots in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    const schedules = await this.opts.store.schedules.listAll();
    for (const schedule of schedules) this.install(schedule);
    // In the background, so start-up is not held up by a backlog of sends; idle() awaits it.
    void this.track(this.startUpCatchUp(schedules));
    const every = this.opts.recoveryEveryMs ?? 60_000;
    this.recoveryTimer = setInterval(() => void this.track(this.tick()), every);
    this.recoveryTimer.unref();
  }

  async refresh(subscriber: string, digest: string): Promise<void> {
    this.uninstall(keyOf(subscriber, digest));
    if (this.stopped) return;
    const schedule = await this.opts.store.schedules.get(subscriber, digest);
    if (schedule) this.install(schedule);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
    this.recoveryTimer = null;
    for (const key of [...this.tasks.keys()]) this.uninstall(key);
    const timeout = this.opts.stopTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    // Deliveries cut short here keep their lease; recovery resumes them later.
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, timeout);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  validateCron(cron: string): string | null {
    return validateCron(cron);
  }

  nextRuns(cron: string, timezone: string, count: number, from?: Date): Date[] {
    return nextRuns(cron, timezone, count, from ?? this.now());
  }

  /** Installed tasks, for tests and status output. */
  installed(): string[] {
    return [...this.tasks.keys()].map((k) => k.replace('\u0000', ' '));
  }

  /** Waits until every delivery started so far has settled. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private install(schedule: Schedule): void {
    this.signatures.set(keyOf(schedule.subscriber, schedule.digest), signature(schedule));
    if (schedule.pausedAt) return;
    if (!this.opts.engine.digest(schedule.digest)) {
      this.opts.log.warn({ subscriber: schedule.subscriber, digest: schedule.digest }, 'schedule names an unknown digest kind; not installed');
      return;
    }
    const key = keyOf(schedule.subscriber, schedule.digest);
    try {
      nextRuns(schedule.cron, schedule.timezone, 1, this.now()); // throws on a zone node-cron would only choke on later
      const task = createTask(schedule.cron, (ctx) => this.track(this.run(schedule, ctx.date)), {
        timezone: schedule.timezone,
        name: `digest ${schedule.subscriber} ${schedule.digest}`,
        // A slow delivery must not swallow the next slot: each slot is its own delivery row.
        noOverlap: false,
        // A busy event loop wakes late; a late digest beats a skipped one.
        missedExecutionTolerance: LATE_TOLERANCE_MS,
        suppressMissedWarning: true,
        unref: true,
      });
      // Later still (a suspended machine): deliver the latest missed slot once, as at start-up.
      task.on('execution:missed', () => void this.track(this.catchUp(schedule)));
      void task.start();
      this.tasks.set(key, task);
    } catch (error) {
      this.opts.log.error({ err: error, subscriber: schedule.subscriber, digest: schedule.digest }, 'could not install schedule');
    }
  }

  private uninstall(key: string): void {
    const task = this.tasks.get(key);
    if (task) void task.destroy();
    this.tasks.delete(key);
    this.signatures.delete(key);
  }

  /**
   * Brings the tasks in line with the stored schedules. Another replica may have
   * set, changed, paused or removed one; `refresh` only covers this process's own changes.
   */
  private async sync(): Promise<void> {
    const stored = await this.opts.store.schedules.listAll();
    const seen = new Set<string>();
    for (const schedule of stored) {
      const key = keyOf(schedule.subscriber, schedule.digest);
      seen.add(key);
      if (this.signatures.get(key) === signature(schedule)) continue;
      this.uninstall(key);
      if (!this.stopped) this.install(schedule);
    }
    for (const key of [...this.signatures.keys()]) if (!seen.has(key)) this.uninstall(key);
  }

  /**
   * Slots of one schedule run one after the other: a slow delivery finishes (and
   * moves the watermark) before the next slot composes, so they share no items.
   */
  private run(schedule: Schedule, slot: Date): Promise<void> {
    const key = keyOf(schedule.subscriber, schedule.digest);
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        await this.opts.engine.deliver(schedule, slot.toISOString());
      } catch (error) {
        // Left claimed: recovery retries it once the lease runs out.
        this.opts.log.error({ err: error, subscriber: schedule.subscriber, digest: schedule.digest, slot: slot.toISOString() }, 'digest delivery crashed');
      }
    });
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }

  private async startUpCatchUp(schedules: readonly Schedule[]): Promise<void> {
    try {
      await this.opts.engine.recover();
    } catch (error) {
      this.opts.log.error({ err: error }, 'recovering unfinished deliveries failed');
    }
    for (const schedule of schedules) {
      if (this.stopped) return;
      try {
        await this.catchUp(schedule);
      } catch (error) {
        this.opts.log.error({ err: error, subscriber: schedule.subscriber, digest: schedule.digest }, 'catching up a schedule failed');
      }
    }
  }

  /**
   * One delivery for the latest slot missed while down (within the grace period),
   * covering everything since the watermark; older misses are only logged.
   */
  private async catchUp(schedule: Schedule): Promise<void> {
    if (schedule.pausedAt || !this.opts.engine.digest(schedule.digest)) return;
    const now = this.now();
    const last = await this.opts.store.deliveries.lastSlot(schedule.subscriber, schedule.digest);
    const since = new Date(Math.max(last ? Date.parse(last) : 0, Date.parse(schedule.updatedAt)));
    // A slot at this very second belongs to the cron task, which claims it too.
    const upto = new Date(now.getTime() - 1000);
    if (upto <= since) return;
    const { slot, droppedOlder } = latestSlot(schedule.cron, schedule.timezone, since, upto, this.opts.graceMs ?? 6 * 3600_000);
    if (droppedOlder) {
      this.opts.log.warn({ subscriber: schedule.subscriber, digest: schedule.digest, since: since.toISOString(), delivering: slot?.toISOString() ?? null }, 'missed digest slots while down; older ones dropped');
    }
    if (slot) await this.run(schedule, slot);
  }

  private async tick(): Promise<void> {
    try {
      await this.sync();
      await this.opts.engine.recover();
      await this.opts.announcer?.announceDisabledSources();
    } catch (error) {
      this.opts.log.error({ err: error }, 'scheduler upkeep failed');
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }
}
