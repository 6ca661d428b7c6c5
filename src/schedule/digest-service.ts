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
    const at = this.now();
    const after = since ? await this.engine.lastSeqBefore(since) : await this.engine.startingPoint(key, digest, at);
    const { reply } = await this.engine.compose(plan, at, after);
    return reply ? [reply] : [];
  }
}
