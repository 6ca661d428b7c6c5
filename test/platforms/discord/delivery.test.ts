import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cite, link, SendError, type DeliveryMark, type Reply } from '../../../src/core/index.js';
import type { DiscordPlatform } from '../../../src/platforms/discord/index.js';
import { CHANNEL_ID, dmChannelOf, FakeDiscord, GUILD_ID, USER_ID, type RestCall } from '../../helpers/fake-discord.js';
import { startBot } from './harness.js';
import { limitViolations } from './limits.js';
import { testCommands } from './test-commands.js';

let fake: FakeDiscord;
let bot: DiscordPlatform;

beforeEach(async () => {
  fake = await FakeDiscord.start();
  bot = await startBot(fake, testCommands(), { restOptions: { retries: 0, timeout: 5_000, globalRequestsPerSecond: 1e6 } });
});
afterEach(async () => {
  await bot.stop();
  await fake.close();
});

const channel = { kind: 'channel' as const, ref: `discord:${GUILD_ID}:${CHANNEL_ID}` };
const mark = (deliveryId: number, part: number): DeliveryMark => ({ deliveryId, part, key: `d${deliveryId}p${part}`, digest: 'daily-brief', slot: '2026-11-29T08:00:00Z' });
const posts = (channelId = CHANNEL_ID) => (c: RestCall) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`;

function bigDigest(items: number): Reply {
  return {
    title: 'Daily brief',
    blocks: [
      {
        type: 'list',
        items: Array.from({ length: items }, (_, i) => [
          `Ministers met on item ${i + 1}; the statement mentions @everyone and <@&123> in a quote `,
          link(`source ${i + 1}`, `https://wire.example.net/${i + 1}`),
          cite(i + 1),
        ]),
      },
    ],
    citations: Array.from({ length: items }, (_, i) => ({ n: i + 1, title: `Report ${i + 1}`, url: `https://wire.example.net/${i + 1}`, outlet: 'Wire', published: null })),
    ephemeral: false,
  };
}

describe('Discord platform: digest delivery', () => {
  it('posts each part with a nonce, enforce_nonce and mentions disabled', async () => {
    const parts = bot.renderParts(bigDigest(3));
    expect(parts).toHaveLength(1);
    const sent = await bot.sendPart(channel, parts[0], mark(42, 0));
    const [call] = await fake.waitForRest(posts());
    expect(call!.body.nonce).toBe('d42p0');
    expect(call!.body.enforce_nonce).toBe(true);
    expect(call!.body.allowed_mentions).toEqual({ parse: [] });
    expect(call!.body.embeds[0].title).toBe('Daily brief');
    expect(call!.auth).toBe('Bot test.token.value');
    expect(sent.messageId).toMatch(/^\d+$/);
  });

  it('sends a 200-item digest as parts that all fit every limit on the wire', async () => {
    const parts = bot.renderParts(bigDigest(200));
    expect(parts.length).toBeGreaterThan(3);
    for (const [i, part] of parts.entries()) await bot.sendPart(channel, part, mark(7, i));
    const calls = fake.rest.filter(posts());
    expect(calls).toHaveLength(parts.length);
    for (const call of calls) {
      expect(limitViolations(call.body)).toEqual([]);
      expect(call.body.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(call.body)).not.toMatch(/@everyone|<@&123>/);
    }
    expect(calls.map((c) => c.body.nonce)).toEqual(parts.map((_, i) => `d7p${i}`));
    const text = calls.map((c) => c.body.embeds.map((e: { description: string }) => e.description).join('\n')).join('\n');
    for (let n = 1; n <= 200; n++) expect(text).toContain(`[source ${n}](https://wire.example.net/${n})`);
  });

  it('sends to a person through a DM channel', async () => {
    const user = { kind: 'user' as const, ref: `discord:${USER_ID}` };
    await bot.sendPart(user, bot.renderParts(bigDigest(1))[0], mark(1, 0));
    const open = fake.rest.find((c) => c.path === '/users/@me/channels');
    expect(open?.body).toEqual({ recipient_id: USER_ID });
    const [call] = await fake.waitForRest(posts(dmChannelOf(USER_ID)));
    expect(call!.body.nonce).toBe('d1p0');
  });

  it('retries a 429 on channel messages after retry_after, posting once', async () => {
    let limited = 0;
    fake.override((c) => {
      if (!posts()(c) || limited++ > 0) return undefined;
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
        headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.05', 'x-ratelimit-bucket': 'b1' },
      };
    });
    const started = Date.now();
    const sent = await bot.sendPart(channel, bot.renderParts(bigDigest(1))[0], mark(3, 0));
    expect(sent.messageId).toMatch(/^\d+$/);
    const calls = fake.rest.filter(posts());
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.nonce).toBe('d3p0');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('maps Missing Permissions to forbidden and Unknown Channel to gone', async () => {
    fake.override((c) => (posts()(c) ? { status: 403, body: { message: 'Missing Permissions', code: 50013 } } : undefined));
    const forbidden = await bot.sendPart(channel, bot.renderParts(bigDigest(1))[0], mark(4, 0)).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(SendError);
    expect((forbidden as SendError).kind).toBe('forbidden');

    fake.clearOverrides();
    fake.override((c) => (posts('900000000000000099')(c) ? { status: 404, body: { message: 'Unknown Channel', code: 10003 } } : undefined));
    const gone = await bot.sendPart({ kind: 'channel', ref: `discord:${GUILD_ID}:900000000000000099` }, bot.renderParts(bigDigest(1))[0], mark(5, 0)).catch((e: unknown) => e);
    expect((gone as SendError).kind).toBe('gone');
  });

  it('maps a user who cannot be messaged (50007) to forbidden', async () => {
    fake.override((c) => (c.path === '/users/@me/channels' ? undefined : posts(dmChannelOf(USER_ID))(c) ? { status: 403, body: { message: 'Cannot send messages to this user', code: 50007 } } : undefined));
    const err = await bot.notify(`discord:${USER_ID}`, { blocks: [{ type: 'text', text: 'Your schedule was paused.' }], ephemeral: false }).catch((e: unknown) => e);
    expect((err as SendError).kind).toBe('forbidden');
  });

  it('notifies a person by DM, mentions disabled and no nonce', async () => {
    await bot.notify(`discord:${USER_ID}`, { blocks: [{ type: 'text', text: 'Your daily brief for #briefings was paused: I lost access.' }], ephemeral: false });
    const [call] = await fake.waitForRest(posts(dmChannelOf(USER_ID)));
    expect(call!.body.embeds[0].description).toBe('Your daily brief for #briefings was paused: I lost access.');
    expect(call!.body.allowed_mentions).toEqual({ parse: [] });
    expect(call!.body.nonce).toBeUndefined();
  });
});
