/**
 * Scheduled digests through the real platforms: schedules set with slash
 * commands, delivered by the bot's own scheduler to the loopback Slack and
 * Discord, counted there per slot. Then the crash property with the real Slack
 * platform: SIGKILL while a digest part is on the wire, restart on the same
 * data directory, and nothing is posted twice or left unfinished.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, chatInput, FakeDiscord, GUILD_ID, PERMS } from '../helpers/fake-discord.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { Bots, freePort, sleep, type BotProcess } from './support/bot-process.js';
import { countBy, deliveryRows, discordDigestPosts, slackDigestPosts, slashCommand, type DeliveryRow } from './support/digest-posts.js';

const TOKEN = 'xoxb-e2e-digest-token';
const SECRET = 'e2e-digest-signing-secret';
const ADMIN = 'UADMIN1';
const PERIOD_MS = 3_000;

/** The slot instants (multiples of the period) in [from, to]. */
function slotsBetween(from: number, to: number, period: number): string[] {
  const slots: string[] = [];
  for (let t = Math.ceil(from / period) * period; t <= to; t += period) slots.push(new Date(t).toISOString());
  return slots;
}

describe('digests on a 3-second schedule, Slack and Discord in one process', () => {
  const bots = new Bots();
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let bot: BotProcess;
  let dataDir = '';
  let base = '';

  beforeAll(async () => {
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dataDir = bots.dataDir();
    bot = bots.start({
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      ADMIN_USERS: ADMIN,
      DISCORD_TOKEN: 'e2e-discord.digest.token',
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: discord.apiUrl,
      DATA_DIR: dataDir,
      SCHEDULE_MIN_INTERVAL: '1s',
      POLL_EVERY: '1h',
    });
    await bot.started(40_000);
  }, 45_000);

  afterAll(async () => {
    await bots.killAll();
    await slack?.close();
    await discord?.close();
  });

  async function discordCommand(sub: string, options: Array<{ name: string; value: string }>): Promise<string> {
    const interaction = chatInput('brief', sub, options, { permissions: PERMS.channelManager });
    discord.dispatch('INTERACTION_CREATE', interaction);
    const [call] = await discord.waitForRest((c) => c.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    return JSON.stringify(call!.body);
  }

  it('posts exactly one digest per slot to each channel, set up by slash commands', async () => {
    const who = { user: ADMIN, channel: 'C0DIGEST' };
    const respond = slack.responseUrl('digest');
    expect(await slashCommand(base, SECRET, respond, 'subscribe sahel for:channel', who)).toMatch(/^Subscribed this channel to `sahel`/);
    expect(await slashCommand(base, SECRET, respond, 'schedule cron "*/3 * * * * *" for:channel empty:announce', who)).toMatch(
      /^This channel will get the daily-brief every 3 seconds \(UTC\)/,
    );
    expect(await discordCommand('subscribe', [{ name: 'filter', value: 'sahel' }, { name: 'for', value: 'channel' }])).toMatch(/Subscribed this channel to/);
    expect(
      await discordCommand('schedule', [
        { name: 'when', value: 'cron "*/3 * * * * *"' },
        { name: 'for', value: 'channel' },
        { name: 'empty', value: 'announce' },
      ]),
    ).toMatch(/will get the daily-brief every 3 seconds/);
    const setAt = Date.now();

    // Three whole slots after both schedules exist, plus time for the last one's parts to arrive.
    const expected = slotsBetween(setAt + 1, setAt + 3 * PERIOD_MS, PERIOD_MS);
    await sleep(Date.parse(expected.at(-1)!) + 2_000 - Date.now());
    const slackPosts = slackDigestPosts(slack).filter((p) => p.channel === 'C0DIGEST');
    const discordPosts = discordDigestPosts(discord, CHANNEL_ID);
    const rows = deliveryRows(dataDir);

    // Slack, counted by the slot in each message's metadata.
    expect(slackPosts.length).toBeGreaterThanOrEqual(expected.length);
    expect([...countBy(slackPosts, (p) => `${p.slot}#${p.part}`).values()].every((n) => n === 1)).toBe(true);
    const slackSlots = countBy(slackPosts, (p) => p.slot);
    for (const slot of expected) expect(slackSlots.has(slot), `Slack slot ${slot}`).toBe(true);
    // One delivery per slot, its parts numbered 0..n-1 without gaps.
    for (const slot of slackSlots.keys()) {
      const ofSlot = slackPosts.filter((p) => p.slot === slot);
      expect(new Set(ofSlot.map((p) => p.delivery)).size).toBe(1);
      expect(ofSlot.map((p) => p.part).sort((a, b) => a - b)).toEqual(ofSlot.map((_, i) => i));
    }
    // The first digest carries the seeded briefings the filter matches; later ones say nothing is new (empty:announce).
    expect(slackPosts[0]!.text).toMatch(/^Daily brief, /);
    expect(slackPosts[0]!.text).toMatch(/Marrakech, Morocco/);
    expect(slackPosts[0]!.text).not.toMatch(/nothing new/i);
    expect(slackPosts.at(-1)!.text).toMatch(/nothing new/i);

    // Discord, counted by nonce; the store maps each nonce's delivery to its slot.
    expect([...countBy(discordPosts, (p) => p.nonce).values()].every((n) => n === 1)).toBe(true);
    const slotOf = new Map(rows.filter((r) => r.subscriber === `channel:discord:${GUILD_ID}:${CHANNEL_ID}`).map((r) => [r.id, r.slot]));
    const discordSlots = countBy([...new Set(discordPosts.map((p) => p.delivery))], (id) => slotOf.get(id) ?? 'unknown');
    expect(discordSlots.has('unknown')).toBe(false);
    for (const slot of expected) expect(discordSlots.get(slot), `Discord slot ${slot}`).toBe(1);
    expect([...discordSlots.values()].every((n) => n === 1)).toBe(true);
    expect(discordPosts.every((p) => JSON.parse(p.text).allowed_mentions?.parse?.length === 0)).toBe(true);
  }, 30_000);
});

describe('a SIGKILL while a Slack digest part is on the wire, then a restart on the same data directory', () => {
  const bots = new Bots();
  const CHANNELS = ['C0CRASH0', 'C0CRASH1', 'C0CRASH2', 'C0CRASH3', 'C0CRASH4', 'C0CRASH5'];
  let slack: FakeSlack;

  afterAll(async () => {
    await bots.killAll();
    await slack?.close();
  });

  it('posts every (channel, slot, part) at most once and completes every slot claimed before the kill', async () => {
    slack = await FakeSlack.start();
    // Slack keeps a post whose answer never reached the bot: the hardest case for a resend.
    slack.slowDown('chat.postMessage', 500);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const dataDir = bots.dataDir();
    const env = {
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      ADMIN_USERS: ADMIN,
      DATA_DIR: dataDir,
      SCHEDULE_MIN_INTERVAL: '1s',
      POLL_EVERY: '1h',
    };
    const first = bots.start(env);
    await first.started(40_000);
    for (const channel of CHANNELS) {
      const who = { user: ADMIN, channel };
      await slashCommand(base, SECRET, slack.responseUrl(channel), 'subscribe sahel for:channel', who);
      expect(await slashCommand(base, SECRET, slack.responseUrl(channel), 'schedule cron "*/2 * * * * *" for:channel empty:announce', who)).toMatch(/every 2 seconds/);
    }

    // Let at least one slot go through everywhere, then kill the moment a later slot's first part reaches Slack.
    await first.until(() => new Set(slackDigestPosts(slack).map((p) => p.channel)).size === CHANNELS.length, 'a digest in every channel', 15_000);
    const seenSlots = new Set(slackDigestPosts(slack).map((p) => p.slot));
    await first.until(() => slackDigestPosts(slack).some((p) => !seenSlots.has(p.slot)), 'a new slot on the wire', 10_000);
    await first.kill();
    const inFlight = slackDigestPosts(slack).find((p) => !seenSlots.has(p.slot))!;

    const atKill = deliveryRows(dataDir);
    const unfinished = atKill.filter((r) => r.status === 'claimed' || r.status === 'composed');
    // The kill landed inside deliveries: the one whose part was on the wire, at least.
    expect(unfinished.map((r) => r.id)).toContain(inFlight.delivery);
    expect(atKill.find((r) => r.id === inFlight.delivery)!.sent_parts[String(inFlight.part)]).toBeUndefined();

    // A dead owner's claim is taken over once its lease (60 s, not configurable) runs out; restart just after.
    const leaseEnds = Math.max(...unfinished.map((r) => Date.parse(r.lease_until)));
    await sleep(leaseEnds + 500 - Date.now());
    const second = bots.start(env);
    await second.started(40_000);
    const finished = (rows: DeliveryRow[]) => unfinished.every((u) => ['sent', 'empty'].includes(rows.find((r) => r.id === u.id)?.status ?? ''));
    await second.until(() => finished(deliveryRows(dataDir)), 'the interrupted deliveries to finish', 20_000);
    // And the schedules keep running after the takeover.
    const restartedAt = Date.now();
    await second.until(() => slackDigestPosts(slack).some((p) => p.at > restartedAt), 'a fresh slot after the restart', 10_000);
    await sleep(1_500);
    await second.kill();

    const posts = slackDigestPosts(slack);
    const after = deliveryRows(dataDir);
    // At most once: no (channel, slot, part) twice, and one delivery per (channel, slot).
    const twice = [...countBy(posts, (p) => `${p.channel} ${p.slot} #${p.part}`)].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    for (const [key] of countBy(posts, (p) => `${p.channel} ${p.slot}`)) {
      expect(new Set(posts.filter((p) => `${p.channel} ${p.slot}` === key).map((p) => p.delivery)).size, key).toBe(1);
    }
    // Every slot claimed before the kill is complete: all its parts at Slack, each once.
    for (const claimed of unfinished) {
      const row = after.find((r) => r.id === claimed.id)!;
      const parts = posts.filter((p) => p.delivery === claimed.id).map((p) => p.part).sort((a, b) => a - b);
      expect(parts, `delivery ${claimed.id}`).toEqual(Array.from({ length: row.parts ?? 0 }, (_, i) => i));
      expect(Object.keys(row.sent_parts)).toHaveLength(row.parts ?? 0);
    }
    // The part that was on the wire was found in the channel's history, not posted again.
    const original = slack.history.get(inFlight.channel)!.find((m) => {
      const payload = (m.metadata as { event_payload?: { delivery?: number; part?: number } } | undefined)?.event_payload;
      return payload?.delivery === inFlight.delivery && payload.part === inFlight.part;
    })!;
    expect(after.find((r) => r.id === inFlight.delivery)!.sent_parts[String(inFlight.part)]).toBe(`${inFlight.channel}:${original.ts}`);
    expect(second.logLines().filter((l) => l.msg === 'taking over an unfinished delivery').map((l) => l.delivery)).toEqual(
      expect.arrayContaining(unfinished.map((r) => r.id)),
    );
  }, 240_000);
});
