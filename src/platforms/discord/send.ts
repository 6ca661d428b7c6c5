import { DiscordAPIError, RateLimitError, Routes, type APIMessage, type Client } from 'discord.js';
import { SendError, type DeliveryMark, type Subscriber, type UserRef } from '../../core/index.js';
import type { DiscordPart } from './render.js';

/** Never ping anyone: ingested text may contain `@everyone` or role mentions. */
export const NO_MENTIONS = { parse: [] as never[] };

const GONE = new Set([10003, 10013]); // Unknown Channel, Unknown User
const FORBIDDEN = new Set([50001, 50007, 50013, 50278]); // Missing Access, Cannot DM, Missing Permissions, no mutual guild

/** `discord:<guild>:<channel>` → channel id; `discord:<user>` → user id. */
export function decodeRef(ref: string): { guildId: string | null; id: string } {
  const parts = ref.split(':');
  if (parts[0] !== 'discord' || parts.length < 2 || parts.length > 3) throw new SendError('gone', `Not a Discord reference: ${ref}`);
  if (parts.length === 2) return { guildId: null, id: parts[1]! };
  return { guildId: parts[1] === '@me' ? null : parts[1]!, id: parts[2]! };
}

async function channelIdFor(client: Client, to: Subscriber): Promise<string> {
  const { id } = decodeRef(to.ref);
  if (to.kind === 'channel') return id;
  return (await client.users.createDM(id)).id;
}

/**
 * Posts one part. The nonce with enforce_nonce makes Discord return the message
 * already posted with it, so a resend after a crash is not posted twice.
 */
export async function sendPart(client: Client, to: Subscriber, part: DiscordPart, mark: DeliveryMark | null): Promise<{ messageId: string }> {
  try {
    const channelId = await channelIdFor(client, to);
    const body = {
      ...part,
      allowed_mentions: NO_MENTIONS,
      ...(mark ? { nonce: mark.key.slice(0, 25), enforce_nonce: true } : {}),
    };
    const message = (await client.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
    return { messageId: message.id };
  } catch (error) {
    throw toSendError(error);
  }
}

export async function notifyUser(client: Client, user: UserRef, parts: DiscordPart[]): Promise<void> {
  for (const part of parts) await sendPart(client, { kind: 'user', ref: user }, part, null);
}

export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    if (GONE.has(code) || error.status === 404) return new SendError('gone', `Discord ${code}: ${error.message}`);
    if (FORBIDDEN.has(code) || error.status === 403) return new SendError('forbidden', `Discord ${code}: ${error.message}`);
    if (error.status === 429) return new SendError('rate-limited', `Discord 429: ${error.message}`);
    return new SendError('transient', `Discord ${error.status}/${code}: ${error.message}`);
  }
  if (error instanceof RateLimitError) return new SendError('rate-limited', `rate limited on ${error.route}`, error.retryAfter);
  return new SendError('transient', error instanceof Error ? error.message : String(error));
}
