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
import { Bots, freePort, freshDataDir, sleep, type BotProcess } from './support/bot-process.js';
import { countBy, deliveryRows, discordDigestPosts, slackDigestPosts, slashCommand } from './support/digest-posts.js';

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
    dataDir = freshDataDir();
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
