import { parseSubscriberKey, platformOf, type Logger, type Platform, type Reply, type Store } from '../core/index.js';

/**
 * Tells channels once that a source was disabled after repeated failures.
 * "Channels whose digests depend on it" is kept simple: every channel with a
 * schedule. The flag is set before posting: an announcement may be lost in a
 * crash, but is never posted twice by two replicas that both saw it unflagged late.
 */
export class SourceAnnouncer {
  constructor(
    private readonly store: Store,
    private readonly platforms: ReadonlyMap<string, Platform>,
    private readonly log: Logger,
  ) {}

  async announceDisabledSources(): Promise<number> {
    const pending = (await this.store.sources.list()).filter((s) => s.disabledAt && !s.disabledAnnounced);
    if (pending.length === 0) return 0;
    const channels = [...new Set((await this.store.schedules.listAll()).filter((s) => !s.pausedAt).map((s) => s.subscriber))]
      .map(parseSubscriberKey)
      .filter((s) => s.kind === 'channel');
    for (const source of pending) {
      await this.store.sources.updateHealth(source.id, { disabledAnnounced: true });
      const reply: Reply = {
        title: 'A news source was turned off',
        blocks: [
          { type: 'text', text: `${source.title ?? source.url} failed repeatedly and is no longer polled (${source.disabledReason ?? source.lastError ?? 'no reason recorded'}).` },
          { type: 'context', text: 'Digests continue from the other sources. Someone who manages sources can re-add it with /brief sources.' },
        ],
        ephemeral: false,
      };
      for (const channel of channels) {
        const platform = this.platforms.get(platformOf(channel.ref));
        if (!platform) continue;
        const parts = platform.renderParts(reply);
        try {
          for (const [i, part] of parts.entries()) {
            await platform.sendPart(channel, part, { deliveryId: 0, part: i, key: `bbsrc${source.id}p${i}`, digest: 'source-disabled', slot: source.disabledAt! });
          }
        } catch (error) {
          this.log.warn({ err: error, source: source.id, channel: channel.ref }, 'could not announce a disabled source');
        }
      }
    }
    return pending.length;
  }
}
