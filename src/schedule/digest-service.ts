import { subscriberKey, type DigestDef, type DigestKindInfo, type DigestService, type Reply, type Store, type Subscriber } from '../core/index.js';
import type { DeliveryEngine } from './delivery-engine.js';

/**
 * Previews take the delivery's own compose path, without claiming anything or
 * moving a watermark. `since` replaces the watermark with "everything ingested after".
 */
export class Digests implements DigestService {
  constructor(
    private readonly store: Store,
    private readonly engine: DeliveryEngine,
    private readonly defs: readonly DigestDef[],
    private readonly defaultTimezone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  kinds(): readonly DigestKindInfo[] {
    return this.defs.map((d) => ({ id: d.id, summary: d.summary }));
  }

  async preview(subscriber: Subscriber, digest: string, since?: Date): Promise<Reply[]> {
    const key = subscriberKey(subscriber);
    const schedule = await this.store.schedules.get(key, digest);
    const plan = { subscriber: key, digest, timezone: schedule?.timezone ?? this.defaultTimezone, announceEmpty: false };
    const after = since ? await this.lastSeqBefore(since) : await this.store.deliveries.getWatermark(key, digest);
    const { reply } = await this.engine.compose(plan, this.now(), after);
    return reply ? [reply] : [];
  }

  /** The last document ingested before `since`, found by bisecting the ingestion sequence. */
  private async lastSeqBefore(since: Date): Promise<number> {
    let lo = 0;
    let hi = await this.store.documents.lastSeq();
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const doc = await this.store.documents.since(mid - 1, hi, 1);
      const first = doc[0];
      if (first && Date.parse(first.ingestedAt) < since.getTime()) lo = first.id;
      else hi = mid - 1;
    }
    return lo;
  }
}
