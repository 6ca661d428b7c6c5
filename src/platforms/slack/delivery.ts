import type { types, webApi } from '@slack/bolt';
import type { DeliveryMark, Logger, Reply, Subscriber, UserRef } from '../../core/index.js';
import type { SlackBlock, SlackPayload } from './blocks.js';
import type { Pacer } from './pacer.js';
import { parseSlackRef } from './refs.js';
import { renderParts } from './render.js';
import { rateLimitSeconds, toSendError } from './send-errors.js';

type WebClient = InstanceType<typeof webApi.WebClient>;

export const DIGEST_EVENT_TYPE = 'briefbot_digest';

export interface DeliveryOptions {
  client: WebClient;
  pacer: Pacer;
  log: Logger;
  /** How many 429s in a row one send waits out before giving up. */
  rateLimitRetries: number;
  /** The longest total wait for 429s within one send; beyond it the scheduler retries later. */
  maxRateLimitWaitMs: number;
}

/** Digest and notice delivery: paced, rate-limit aware, marked for crash recovery. */
export function createDelivery(options: DeliveryOptions) {
  const { client } = options;
  const dmChannels = new Map<string, string>();

  async function patiently<T>(call: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        const seconds = rateLimitSeconds(error);
        if (seconds === undefined || attempt >= options.rateLimitRetries || waited + seconds * 1000 > options.maxRateLimitWaitMs) throw error;
        options.log.info({ retryAfterSec: seconds }, 'slack rate limited; waiting');
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        waited += seconds * 1000;
      }
    }
  }

  /** A person's DM channel with the bot (history needs its `D…` id, not the user id). */
  async function dmChannel(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const res = await patiently(() => client.conversations.open({ users: userId }));
    const id = res.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    dmChannels.set(userId, id);
    return id;
  }

  async function channelOf(to: Subscriber): Promise<string> {
    const { id } = parseSlackRef(to.ref);
    return to.kind === 'channel' ? id : dmChannel(id);
  }

  async function post(channel: string, payload: SlackPayload, mark?: DeliveryMark): Promise<string> {
    const res = await options.pacer.run(channel, () =>
      patiently(() =>
        client.chat.postMessage({
          channel,
          text: payload.text,
          blocks: payload.blocks satisfies SlackBlock[] as unknown as types.KnownBlock[],
          unfurl_links: false,
          unfurl_media: false,
          ...(mark
            ? { metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { delivery: mark.deliveryId, part: mark.part, digest: mark.digest, slot: mark.slot } } }
            : {}),
        }),
      ),
    );
    return `${res.channel ?? channel}:${res.ts ?? ''}`;
  }

  return {
    async sendPart(to: Subscriber, part: unknown, mark: DeliveryMark): Promise<{ messageId: string }> {
      try {
        return { messageId: await post(await channelOf(to), part as SlackPayload, mark) };
      } catch (error) {
        throw toSendError(error);
      }
    },

    async findSent(to: Subscriber, mark: DeliveryMark): Promise<string | null> {
      try {
        const channel = await channelOf(to);
        const res = await patiently(() => client.conversations.history({ channel, limit: 50, include_all_metadata: true }));
        for (const message of res.messages ?? []) {
          const meta = message.metadata;
          const payload = meta?.event_payload as Record<string, unknown> | undefined;
          if (meta?.event_type === DIGEST_EVENT_TYPE && payload?.delivery === mark.deliveryId && payload.part === mark.part) {
            return `${channel}:${message.ts ?? ''}`;
          }
        }
        return null;
      } catch (error) {
        throw toSendError(error);
      }
    },

    async notify(user: UserRef, reply: Reply): Promise<void> {
      try {
        const channel = await dmChannel(parseSlackRef(user).id);
        for (const part of renderParts(reply)) await post(channel, part);
      } catch (error) {
        throw toSendError(error);
      }
    },
  };
}
