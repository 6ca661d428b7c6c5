/** What reached the fakes as scheduled digests, and what the bot's own store says about them. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { FakeDiscord } from '../../helpers/fake-discord.js';
import type { FakeSlack } from '../../helpers/fake-slack.js';
import { postSigned, slashBody } from '../../helpers/slack-sign.js';

export interface SlackDigestPost {
  channel: string;
  delivery: number;
  part: number;
  slot: string;
  text: string;
  at: number;
}

/** Every chat.postMessage carrying the digest metadata, in arrival order. */
export function slackDigestPosts(slack: FakeSlack): SlackDigestPost[] {
  return slack.callsOf('chat.postMessage').flatMap((call) => {
    const meta = call.args.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
    if (meta?.event_type !== 'briefbot_digest' || !meta.event_payload) return [];
    const p = meta.event_payload;
    return [{ channel: String(call.args.channel), delivery: Number(p.delivery), part: Number(p.part), slot: String(p.slot), text: String(call.args.text), at: call.at }];
  });
}

/** Posts to a Discord channel that carry a delivery nonce (`bb<delivery>p<part>`). */
export function discordDigestPosts(discord: FakeDiscord, channelId: string): Array<{ nonce: string; delivery: number; part: number; text: string }> {
  return discord.rest.flatMap((call) => {
    if (call.method !== 'POST' || call.path !== `/channels/${channelId}/messages`) return [];
    const nonce = String(call.body?.nonce ?? '');
    const match = /^bb(\d+)p(\d+)$/.exec(nonce);
    if (!match) return [];
    return [{ nonce, delivery: Number(match[1]), part: Number(match[2]), text: JSON.stringify(call.body) }];
  });
}

/** How many times each key occurs. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export interface DeliveryRow {
  id: number;
  subscriber: string;
  slot: string;
  status: string;
  lease_until: string;
  parts: number | null;
  sent_parts: Record<string, string>;
}

/** Reads the bot's deliveries table, read-only, as a person inspecting the data directory would. */
export function deliveryRows(dataDir: string): DeliveryRow[] {
  const db = new Database(join(dataDir, 'briefbot.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, subscriber, slot, status, lease_until, snapshot, sent_parts FROM deliveries ORDER BY id').all() as Array<
      Omit<DeliveryRow, 'parts' | 'sent_parts'> & { snapshot: string | null; sent_parts: string }
    >;
    return rows.map(({ snapshot, sent_parts, ...row }) => ({
      ...row,
      parts: snapshot ? (JSON.parse(snapshot) as { parts: unknown[] }).parts.length : null,
      sent_parts: JSON.parse(sent_parts) as Record<string, string>,
    }));
  } finally {
    db.close();
  }
}

/** A signed slash command to the bot; returns the immediate answer's text. */
export async function slashCommand(base: string, secret: string, responseUrl: string, text: string, fields: { user: string; channel: string }): Promise<string> {
  const res = await postSigned(`${base}/slack/events`, slashBody({ text, responseUrl, ...fields }), { secret });
  if (res.status !== 200) throw new Error(`/brief ${text}: HTTP ${res.status}`);
  return ((await res.json()) as { text: string }).text;
}
