/**
 * The whole bot in Discord mode, started as `npm start` would, against the
 * loopback Discord: it logs in over the gateway, registers `/brief` in the
 * guild, and answers interactions with embeds that can ping nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, chatInput, FakeDiscord, GUILD_ID, type RestCall } from '../helpers/fake-discord.js';
import { Bots, type BotProcess } from './support/bot-process.js';

const TOKEN = 'e2e-discord.bot-token.process-7f3a';

describe('npm start with Discord', () => {
  const bots = new Bots();
  let discord: FakeDiscord;
  let bot: BotProcess;

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    bot = bots.start({
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: discord.apiUrl,
      DATA_DIR: bots.dataDir(),
      POLL_EVERY: '1h',
      LOG_LEVEL: 'debug',
    });
    await bot.started(40_000);
  }, 45_000);

  afterAll(async () => {
    await bots.killAll();
    await discord?.close();
  });

  /**
   * Sends an interaction over the gateway and returns the bot's answer: the
   * callback itself (type 4), or, when the bot deferred (type 5) because it was
   * slow, the edit of the original response that follows.
   */
  async function interact(sub: string, options: Array<{ name: string; value: string }> = []): Promise<{ type: number; data: any; ms: number; callbackMs: number }> {
    const interaction = chatInput('brief', sub, options);
    const started = Date.now();
    discord.dispatch('INTERACTION_CREATE', interaction);
    const [callback] = await discord.waitForRest((c) => c.method === 'POST' && c.path === `/interactions/${interaction.id}/${interaction.token}/callback`, 5_000);
    const callbackMs = Date.now() - started;
    if (callback!.body.type !== 5) return { type: callback!.body.type as number, data: callback!.body.data, ms: callbackMs, callbackMs };
    const [edit] = await discord.waitForRest((c: RestCall) => c.method !== 'DELETE' && (c.path.startsWith(`/webhooks/${APP_ID}/${interaction.token}/messages/`) || c.path === `/webhooks/${APP_ID}/${interaction.token}`), 10_000);
    return { type: 5, data: edit!.body, ms: Date.now() - started, callbackMs };
  }

  it('logs in over the gateway with the configured token', async () => {
    const identify = await discord.waitForGateway((f) => f.op === 2);
    expect(identify.d.token).toBe(TOKEN);
    expect(discord.rest.some((c) => c.path === '/gateway/bot' && c.auth === `Bot ${TOKEN}`)).toBe(true);
  });

  it('registers /brief in the guild, with every subcommand', async () => {
    const [put] = await discord.waitForRest((c) => c.method === 'PUT' && c.path === `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    const payload = put!.body as Array<{ name: string; type: number; options: Array<{ name: string; type: number; description: string }> }>;
    expect(payload).toHaveLength(1);
    expect(payload[0]!.name).toBe('brief');
    const subs = payload[0]!.options;
    expect(subs.every((o) => o.type === 1 && o.description.length > 0 && o.description.length <= 100)).toBe(true);
    expect(subs.map((o) => o.name)).toEqual(expect.arrayContaining(['meetings', 'meeting', 'search', 'subscribe', 'schedule', 'digest', 'help']));
    // Not globally: a guild id was given.
    expect(discord.rest.some((c) => c.method === 'PUT' && c.path === `/applications/${APP_ID}/commands`)).toBe(false);
  });

  it('answers `meetings` with embeds listing the Niamey meeting, mentions off on the wire', async () => {
    const { type, data: answer, callbackMs } = await interact('meetings');
    // Discord drops an interaction not acknowledged within 3 s.
    expect(callbackMs).toBeLessThan(3_000);
    expect([4, 5]).toContain(type);
    const data = answer as { embeds: Array<{ title?: string; description?: string }>; allowed_mentions: { parse: unknown[] }; flags?: number };
    expect(data.embeds.length).toBeGreaterThan(0);
    expect(JSON.stringify(data.embeds)).toMatch(/Africa Focus Group \(Global Coalition to Defeat ISIS\) · Niamey, Niger/);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    // A meetings list is shared with the channel, not hidden.
    expect((data.flags ?? 0) & 64).toBe(0);
  });

  it('answers `help` privately with embeds naming the commands, mentions off on the wire', async () => {
    const { type, data: answer, callbackMs } = await interact('help');
    expect(callbackMs).toBeLessThan(3_000);
    expect([4, 5]).toContain(type);
    const data = answer as { embeds: unknown[]; allowed_mentions: { parse: unknown[] }; flags?: number };
    expect(data.embeds.length).toBeGreaterThan(0);
    const text = JSON.stringify(data.embeds);
    for (const name of ['meetings', 'subscribe', 'schedule', 'digest']) expect(text).toContain(`/brief ${name}`);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect((data.flags ?? 0) & 64).toBe(64);
  });

  it('never prints the token', () => {
    expect(bot.logLines().some((l) => l.msg === 'discord commands registered')).toBe(true);
    expect(bot.stderr + bot.stdout).not.toContain(TOKEN);
  });
});
