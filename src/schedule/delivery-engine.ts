import {
  parseSubscriberKey,
  platformOf,
  renderPlainText,
  type Delivery,
  type DeliveryMark,
  type DeliverySnapshot,
  type DigestDef,
  type FilterTopic,
  type Logger,
  type Platform,
  type Reply,
  type Schedule,
  type Store,
  type Subscriber,
} from '../core/index.js';
import { composeReply, isoDateIn, select } from './compose.js';
import { DEFAULT_RETRY, isPermanent, realSleep, withRetry, type RetryPolicy } from './send-retry.js';
import { LeaseKeeper } from './lease-keeper.js';
import { lastSeqBefore, startingPoint } from './starting-point.js';
import { FilterCache } from './subscriber-filters.js';
import { loadWindow, type DigestWindow } from './window.js';

const WINDOW_TTL_MS = 30_000;

/** The points where a crash test may kill the process. */
export type DeliveryStep = 'after-claim' | 'after-snapshot' | 'after-send' | 'between-parts' | 'before-finish';

export type DeliveryOutcome = 'sent' | 'empty' | 'failed' | 'skipped' | 'interrupted';

/** What a delivery needs from its schedule; recovery falls back to defaults when it was removed. */
export type DeliveryPlan = Pick<Schedule, 'subscriber' | 'digest' | 'timezone' | 'announceEmpty'> & Partial<Pick<Schedule, 'setBy'>>;

export interface DeliveryEngineOptions {
  store: Store;
  digests: readonly DigestDef[];
  /** By `Platform.name`, the prefix of the references it serves. */
  platforms: ReadonlyMap<string, Platform>;
  /** Unique per process: the lease owner. */
  owner: string;
  log: Logger;
  leaseMs?: number;
  defaultTimezone?: string;
  retry?: RetryPolicy;
  /** Known topics, so filters naming a topic by its label match its id (as `/brief why` reads them). */
  topics?: readonly FilterTopic[];
  /** How far back a subscriber's first digest looks (default 7 days). */
  firstLookbackMs?: number;
  /** At most this many of the latest documents feed a first digest (default 2,000), so a bulk import is not one huge digest. */
  firstDigestMaxItems?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Test seam called at each step (the crash tests kill the process there). */
  checkpoint?: (step: DeliveryStep, delivery: Delivery, part?: number) => void | Promise<void>;
}

export interface Composed {
  reply: Reply | null;
  snapshot: Omit<DeliverySnapshot, 'parts'>;
}

/** Part keys double as Discord nonces (at most 25 characters). */
export function markKey(deliveryId: number, part: number): string {
  return `bb${deliveryId}p${part}`;
}

/**
 * Claim → compose → snapshot → send each part → finish. Every step is recorded
 * in the store, so whoever holds the lease next (this process after a restart,
 * or another replica) continues where the last one stopped. While it works, the
 * owner renews its lease; once it finds the lease taken over, it sends no more.
 */
export class DeliveryEngine {
  readonly filters: FilterCache;
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private cachedWindow: { window: DigestWindow; today: string; at: number } | null = null;

  constructor(private readonly opts: DeliveryEngineOptions) {
    this.filters = new FilterCache(opts.log, opts.topics);
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.now = opts.now ?? (() => new Date());
    this.sleep = opts.sleep ?? realSleep;
  }

  digest(id: string): DigestDef | undefined {
    return this.opts.digests.find((d) => d.id === id);
  }

  /** Delivers one slot of a schedule, unless another process already has it. */
  async deliver(plan: DeliveryPlan, slot: string): Promise<DeliveryOutcome> {
    // A replica without this platform leaves the slot to one that has it.
    if (!this.serves(plan.subscriber)) return 'skipped';
    const now = this.now();
    const key = { subscriber: plan.subscriber, digest: plan.digest, slot };
    const delivery = await this.opts.store.deliveries.claim(key, this.opts.owner, this.leaseUntil(now), now.toISOString());
    if (!delivery) return 'skipped';
    return this.holding(delivery, async (lease) => {
      await this.opts.checkpoint?.('after-claim', delivery);
      return this.continue(delivery, plan, lease);
    });
  }

  /** Whether this process has the platform a subscriber is reached on. */
  serves(subscriber: string): boolean {
    return this.opts.platforms.has(platformOf(parseSubscriberKey(subscriber).ref));
  }

  /** Takes over deliveries whose owner stopped before finishing. */
  async recover(): Promise<number> {
    const { store } = this.opts;
    const now = this.now();
    let resumed = 0;
    for (const stale of await store.deliveries.expired(now.toISOString())) {
      if (!this.serves(stale.subscriber)) continue;
      const key = { subscriber: stale.subscriber, digest: stale.digest, slot: stale.slot };
      const delivery = await store.deliveries.claim(key, this.opts.owner, this.leaseUntil(now), now.toISOString());
      if (!delivery) continue; // another replica took it first
      const schedule = await store.schedules.get(stale.subscriber, stale.digest);
      const plan: DeliveryPlan = schedule ?? { subscriber: stale.subscriber, digest: stale.digest, timezone: this.defaultTimezone(), announceEmpty: false };
      this.opts.log.info({ delivery: delivery.id, slot: delivery.slot, status: delivery.status }, 'taking over an unfinished delivery');
      await this.holding(delivery, (lease) => this.continue(delivery, plan, lease));
      resumed++;
    }
    return resumed;
  }

  /**
   * Composes a digest for one subscriber without claiming or storing anything:
   * the path both deliveries and previews take. `window` lets bulk callers share
   * one loaded window.
   */
  async compose(plan: DeliveryPlan, at: Date, afterSeq: number, window?: DigestWindow): Promise<Composed> {
    const { store } = this.opts;
    const def = this.digest(plan.digest);
    if (!def) throw new Error(`Unknown digest kind ${plan.digest}`);
    const uptoSeq = window?.uptoSeq ?? (await store.documents.lastSeq());
    const win = window ?? (await this.sharedWindow(afterSeq, uptoSeq, isoDateIn(at, plan.timezone)));
    const filters = this.filters.forSubscriptions(await store.subscriptions.listFor(plan.subscriber));
    const selection = select(win, filters, afterSeq);
    const reply = composeReply(def, selection, {
      subscriber: parseSubscriberKey(plan.subscriber),
      timezone: plan.timezone,
      announceEmpty: plan.announceEmpty,
      from: await this.ingestedAt(win, afterSeq),
      to: at,
    });
    return {
      reply,
      snapshot: { meetingIds: selection.meetings.map((m) => m.id), documentIds: selection.documents.map((d) => d.id), watermarkTo: uptoSeq },
    };
  }

  /** Works on a claimed delivery, renewing its lease until the work ends, however it ends. */
  private async holding(delivery: Delivery, work: (lease: LeaseKeeper) => Promise<DeliveryOutcome>): Promise<DeliveryOutcome> {
    const { store, owner, log } = this.opts;
    const lease = new LeaseKeeper({ deliveries: store.deliveries, delivery, owner, leaseMs: this.leaseMs, now: this.now, log });
    try {
      return await work(lease);
    } finally {
      lease.stop();
    }
  }

  private async continue(delivery: Delivery, plan: DeliveryPlan, lease: LeaseKeeper): Promise<DeliveryOutcome> {
    const { store, log } = this.opts;
    const subscriber = parseSubscriberKey(delivery.subscriber);
    const platform = this.opts.platforms.get(platformOf(subscriber.ref));
    if (!platform) {
      await store.deliveries.fail(delivery.id, `no platform for ${platformOf(subscriber.ref)}`, this.now().toISOString());
      return 'failed';
    }
    // A delivery composed before a crash may have parts that went out unrecorded.
    const resumed = delivery.snapshot !== null;
    let snapshot = delivery.snapshot;
    if (!snapshot) {
      try {
        const after = await this.startingPoint(delivery.subscriber, delivery.digest, new Date(delivery.slot));
        const composed = await this.compose(plan, new Date(delivery.slot), after);
        snapshot = { ...composed.snapshot, parts: composed.reply ? platform.renderParts(composed.reply) : [] };
      } catch (error) {
        // A compose or render error repeats on every retry: fail it; its items stay behind the watermark.
        log.error({ err: error, delivery: delivery.id }, 'composing a digest failed');
        await store.deliveries.fail(delivery.id, `compose failed: ${String(error)}`, this.now().toISOString());
        return 'failed';
      }
      // A slow compose whose lease was taken over leaves the snapshot to the new owner.
      if (lease.lost) return 'interrupted';
      // Saved even when empty, so finishing moves the watermark past what was examined.
      await store.deliveries.saveSnapshot(delivery.id, snapshot);
      await this.opts.checkpoint?.('after-snapshot', delivery);
    }
    if (snapshot.parts.length === 0) {
      await store.deliveries.finish(delivery.id, 'empty', this.now().toISOString());
      return 'empty';
    }
    for (let part = 0; part < snapshot.parts.length; part++) {
      if (delivery.sentParts[part] !== undefined) continue;
      const mark: DeliveryMark = { deliveryId: delivery.id, part, key: markKey(delivery.id, part), digest: delivery.digest, slot: delivery.slot };
      // A slow owner whose lease was taken over must not race the replica that has it;
      // renewing here also gives the part a full lease before it goes out.
      if (!(await lease.renew())) return 'interrupted';
      let messageId: string;
      try {
        const found = resumed && platform.findSent ? await platform.findSent(subscriber, mark) : null;
        const send = () => platform.sendPart(subscriber, snapshot.parts[part], mark);
        messageId = found ?? (await withRetry(send, this.opts.retry ?? DEFAULT_RETRY, this.sleep, lease.signal)).messageId;
      } catch (error) {
        // Lost during the retry waits: the new owner decides what the failure means.
        if (lease.lost) return 'interrupted';
        await this.failDelivery(delivery, plan, subscriber, platform, error);
        return 'failed';
      }
      await this.opts.checkpoint?.('after-send', delivery, part);
      await store.deliveries.recordPart(delivery.id, part, messageId);
      if (part < snapshot.parts.length - 1) await this.opts.checkpoint?.('between-parts', delivery, part);
    }
    await this.opts.checkpoint?.('before-finish', delivery);
    await store.deliveries.finish(delivery.id, 'sent', this.now().toISOString());
    log.info({ delivery: delivery.id, subscriber: delivery.subscriber, digest: delivery.digest, slot: delivery.slot, parts: snapshot.parts.length }, 'digest delivered');
    return 'sent';
  }

  /**
   * The watermark stays where it was, so the next digest carries these items.
   * A permanent failure also pauses the schedule and tells whoever set it.
   */
  private async failDelivery(delivery: Delivery, plan: DeliveryPlan, to: Subscriber, platform: Platform, error: unknown): Promise<void> {
    const { store, log } = this.opts;
    const reason = error instanceof Error ? error.message : String(error);
    await store.deliveries.fail(delivery.id, reason, this.now().toISOString());
    log.warn({ delivery: delivery.id, subscriber: delivery.subscriber, reason }, 'digest delivery failed');
    if (!isPermanent(error)) return;
    await store.schedules.pause(delivery.subscriber, delivery.digest, reason);
    if (!plan.setBy) return;
    const notice: Reply = {
      title: 'Digest paused',
      blocks: [
        { type: 'text', text: `The ${delivery.digest} digest for ${to.ref} could not be delivered (${reason}), so its schedule is paused.` },
        { type: 'context', text: 'Nothing is lost: once the channel is reachable again, set the schedule again and the next digest covers everything since the last one.' },
      ],
      ephemeral: false,
    };
    const notifier = this.opts.platforms.get(platformOf(plan.setBy)) ?? platform;
    try {
      await notifier.notify(plan.setBy, notice);
    } catch (notifyError) {
      log.warn({ err: notifyError, text: renderPlainText(notice) }, 'could not tell the schedule owner about the pause');
    }
  }

  /** Where a subscriber's next digest starts (see starting-point.ts). */
  startingPoint(subscriber: string, digest: string, at: Date): Promise<number> {
    return startingPoint(this.opts.store, subscriber, digest, at, { lookbackMs: this.opts.firstLookbackMs, maxItems: this.opts.firstDigestMaxItems });
  }

  lastSeqBefore(when: Date): Promise<number> {
    return lastSeqBefore(this.opts.store, when);
  }

  /** Subscribers delivered together share a watermark: look its date up once per window. */
  private async ingestedAt(window: DigestWindow, seq: number): Promise<Date | null> {
    if (seq <= 0) return null;
    if (!window.ingestedAt.has(seq)) {
      const doc = await this.opts.store.documents.get(seq);
      window.ingestedAt.set(seq, doc ? new Date(doc.ingestedAt) : null);
    }
    return window.ingestedAt.get(seq) ?? null;
  }

  /**
   * Many schedules fire at the same instant (everyone's 08:00): they share one
   * loaded window while nothing new arrives, as long as it reaches back far enough.
   * `select` drops what is below each subscriber's own watermark.
   */
  private async sharedWindow(afterSeq: number, uptoSeq: number, today: string): Promise<DigestWindow> {
    const cached = this.cachedWindow;
    if (cached && cached.window.uptoSeq === uptoSeq && cached.today === today && cached.window.afterSeq <= afterSeq && Date.now() - cached.at < WINDOW_TTL_MS) {
      return cached.window;
    }
    const window = await loadWindow(this.opts.store, afterSeq, uptoSeq, today, this.opts.topics);
    this.cachedWindow = { window, today, at: Date.now() };
    return window;
  }

  private leaseUntil(now: Date): string {
    return new Date(now.getTime() + this.leaseMs).toISOString();
  }

  private defaultTimezone(): string {
    return this.opts.defaultTimezone ?? 'UTC';
  }
}
