import type { Delivery, DeliveryRepo, Logger } from '../core/index.js';

export interface LeaseKeeperOptions {
  deliveries: DeliveryRepo;
  delivery: Pick<Delivery, 'id' | 'slot' | 'subscriber'>;
  owner: string;
  leaseMs: number;
  now: () => Date;
  log: Logger;
}

/**
 * Renews the lease of a delivery this process is working on, every third of the
 * lease, so a slow send (rate-limit waits, a slow channel) is not taken over by
 * another replica mid-way. Once a renewal finds another owner, `signal` aborts:
 * the work must stop there, the new owner carries on from what is recorded.
 */
export class LeaseKeeper {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setInterval>;
  private ticking = false;
  private stopped = false;

  constructor(private readonly opts: LeaseKeeperOptions) {
    this.timer = setInterval(() => this.tick(), Math.max(1, Math.floor(opts.leaseMs / 3)));
    // A delivery left hanging must not keep the process alive; stop() clears it anyway.
    this.timer.unref();
  }

  /** Aborted once the lease is known to be lost. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get lost(): boolean {
    return this.controller.signal.aborted;
  }

  /** Extends the lease now; false (and `signal` aborted) when this owner no longer holds it. */
  async renew(): Promise<boolean> {
    if (this.lost) return false;
    const { deliveries, delivery, owner, leaseMs, now } = this.opts;
    const until = new Date(now().getTime() + leaseMs).toISOString();
    if (await deliveries.renew(delivery.id, owner, until)) return true;
    // After stop() the delivery is finished: a renewal in flight then fails, and that is no loss.
    if (!this.stopped) this.lose();
    return false;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private tick(): void {
    // A renewal slower than the interval is not stacked with another.
    if (this.ticking || this.stopped || this.lost) return;
    this.ticking = true;
    this.renew()
      .catch((error: unknown) => {
        // A database hiccup is not a lost lease: the next tick tries again, and the
        // check before each part still guards against a takeover.
        if (!this.stopped) this.opts.log.warn({ err: error, delivery: this.opts.delivery.id }, 'renewing a delivery lease failed');
      })
      .finally(() => (this.ticking = false));
  }

  private lose(): void {
    const { delivery, owner, log } = this.opts;
    clearInterval(this.timer);
    log.warn({ delivery: delivery.id, subscriber: delivery.subscriber, slot: delivery.slot, owner }, 'delivery lease lost to another owner; sending stops');
    this.controller.abort(new LeaseLostError(delivery.id));
  }
}

export class LeaseLostError extends Error {
  constructor(readonly deliveryId: number) {
    super(`lease of delivery ${deliveryId} lost to another owner`);
    this.name = 'LeaseLostError';
  }
}
