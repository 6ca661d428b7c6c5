import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCommandPayload, renderParts, validateCommandPayload, type DiscordPlatform } from '../../../src/platforms/discord/index.js';
import { APP_ID, CHANNEL_ID, chatInput, FakeDiscord, GUILD_ID, PERMS, USER_ID, type RestCall } from '../../helpers/fake-discord.js';
import { dispatcherFor, MemoryMeta, startBot } from './harness.js';
import { limitViolations } from './limits.js';
import { testCommands } from './test-commands.js';

let fake: FakeDiscord;
const bots: DiscordPlatform[] = [];

beforeEach(async () => {
  fake = await FakeDiscord.start();
});
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  await fake.close();
});

async function bot(...args: Parameters<typeof startBot> extends [unknown, ...infer R] ? R : never) {
  const b = await startBot(fake, ...args);
  bots.push(b);
  return b;
}

const ANYONE = { user: { ref: 'discord:1', name: 'x' }, channel: 'discord:1:2', isDirect: false, canManageChannel: false, canManageSources: false };
const callbackOf = (id: string) => (c: RestCall) => c.path.startsWith(`/interactions/${id}/`);

describe('Discord platform: login and registration', () => {
  it('logs in with the Guilds intent only and registers a valid /brief in the guild, once per definition', async () => {
    const meta = new MemoryMeta();
    const first = await bot(testCommands(), { store: meta });
    const identify = await fake.waitForGateway((f) => f.op === 2);
    expect(identify.d.intents).toBe(1);
    expect(identify.d.token).toBe('test.token.value');
    const puts = fake.rest.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.path)).toEqual([`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`]);
    expect(puts[0]!.auth).toBe('Bot test.token.value');
    const body = puts[0]!.body as ReturnType<typeof buildCommandPayload>[];
    expect(body).toHaveLength(1);
    expect(validateCommandPayload(body[0]!)).toEqual([]);
    expect(body[0]).toEqual(buildCommandPayload(testCommands(), 'brief'));

    await first.stop();
    bots.length = 0;
    await bot(testCommands(), { store: meta });
    expect(fake.rest.filter((c) => c.method === 'PUT')).toHaveLength(1);

    const changed = testCommands();
    changed[0] = { ...changed[0]!, summary: 'List meetings (changed).' };
    await bot(changed, { store: meta });
    const again = fake.rest.filter((c) => c.method === 'PUT');
    expect(again).toHaveLength(2);
    expect(again[1]!.body[0].options[0].description).toBe('List meetings (changed).');
  });

  it('fails to start on a rejected token, without registering anything', async () => {
    fake.override((c) => (c.path === '/gateway/bot' ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined));
    await expect(startBot(fake, testCommands(), { token: 'bad.token.here' })).rejects.toThrow(/token/i);
    expect(fake.rest.filter((c) => c.method === 'PUT')).toEqual([]);
    expect(fake.gatewayIn).toEqual([]);
  });

  it('registers globally, usable in DMs, when no guild is given', async () => {
    await bot(testCommands(), { guildId: undefined });
    const put = (await fake.waitForRest((c) => c.method === 'PUT'))[0]!;
    expect(put.path).toBe(`/applications/${APP_ID}/commands`);
    expect(put.body[0].contexts).toEqual([0, 1]);
  });

  it('refuses to start with a command Discord would reject', async () => {
    const bad = testCommands();
    bad[0] = { ...bad[0]!, options: [...bad[0]!.options, { name: 'Topic', description: 'clashes with topic once lowercased' }] };
    await expect(startBot(fake, bad)).rejects.toThrow(/brief meetings topic: duplicate option name/);
    expect(fake.rest.filter((c) => c.method === 'PUT')).toEqual([]);
  });
});

describe('Discord platform: commands', () => {
  it('turns a slash command into command text and replies within the deadline, mentions off', async () => {
    await bot(testCommands());
    const i = chatInput('brief', 'meetings', [
      { name: 'query', value: 'sahel body:"Small Group"' },
      { name: 'topic', value: 'counter finance' },
      { name: 'page', value: 2 },
    ]);
    fake.dispatch('INTERACTION_CREATE', i);
    const [cb] = await fake.waitForRest(callbackOf(i.id));
    expect(cb!.body.type).toBe(4);
    expect(cb!.auth).toBeUndefined();
    const data = cb!.body.data;
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds[0].title).toBe('Meetings page 2');
    expect(data.embeds[0].description).toBe(
      'args=\\["sahel"\\] opts={"body":"Small Group","topic":"counter finance","page":"2"} by analyst',
    );
    expect(limitViolations(data)).toEqual([]);
  });

  it('splits a long answer into a reply and follow-ups, each within limits, buttons on the last', async () => {
    await bot(testCommands());
    for (const [value, flags] of [['no', 0], ['yes', 64]] as const) {
      const i = chatInput('brief', 'big', [{ name: 'private', value }]);
      fake.dispatch('INTERACTION_CREATE', i);
      const [cb] = await fake.waitForRest(callbackOf(i.id));
      const expected = renderParts(await dispatcherFor(testCommands()).handle(`big private:${value}`, ANYONE));
      expect(expected.length).toBeGreaterThan(2);
      await fake.waitForRest((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${i.token}`, 5_000, expected.length - 1);
      await new Promise((r) => setTimeout(r, 100)); // and no more than that
      const all = [cb!.body.data, ...fake.rest.filter((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${i.token}`).map((c) => c.body)];
      expect(all.map((m) => m.embeds)).toEqual(expected.map((p) => p.embeds));
      for (const m of all) {
        expect(limitViolations(m)).toEqual([]);
        expect(m.allowed_mentions).toEqual({ parse: [] });
        expect(m.flags ?? 0).toBe(flags);
      }
      expect(all.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
      expect(all.at(-1).components[0].components[0].label).toBe('Next page');
      const text = all.flatMap((m) => m.embeds.map((e: { description: string }) => e.description)).join('\n');
      for (let n = 1; n <= 200; n++) expect(text).toContain(`${n}. Item ${n}: a statement`);
    }
  });

  it('answers an unknown choice with an ephemeral user error', async () => {
    await bot(testCommands());
    const i = chatInput('brief', 'digest', [{ name: 'kind', value: 'hourly' }]);
    fake.dispatch('INTERACTION_CREATE', i);
    const [cb] = await fake.waitForRest(callbackOf(i.id));
    expect(cb!.body.data.flags).toBe(64);
    expect(cb!.body.data.embeds[0].description).toContain('cannot be');
  });

  it('defers a command that takes 2.5 s, then edits the original', async () => {
    await bot(testCommands());
    const i = chatInput('brief', 'slow', []);
    const started = Date.now();
    fake.dispatch('INTERACTION_CREATE', i);
    const [cb] = await fake.waitForRest(callbackOf(i.id));
    expect(cb!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(Date.now() - started).toBeLessThan(3_000); // Discord's deadline for the first response
    const [edit] = await fake.waitForRest((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${i.token}/messages/@original`);
    expect(edit!.body.embeds[0].description).toBe('slow answer');
    expect(edit!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('replaces a deferred public reply with an ephemeral follow-up when the answer is private', async () => {
    await bot(testCommands({ slowMs: 300 }), { deferAfterMs: 100 });
    const i = chatInput('brief', 'slow', [{ name: 'private', value: 'yes' }]);
    fake.dispatch('INTERACTION_CREATE', i);
    const [follow] = await fake.waitForRest((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${i.token}`);
    expect(follow!.body.flags).toBe(64);
    expect(follow!.body.embeds[0].description).toBe('slow answer');
    const mine = fake.rest.filter((c) => c.path.includes(i.token) || c.path.includes(i.id)).map((c) => `${c.method} ${c.path.replace(i.token, 'T').replace(i.id, 'I')}`);
    expect(mine).toEqual([
      'POST /interactions/I/T/callback',
      `DELETE /webhooks/${APP_ID}/T/messages/@original`,
      `POST /webhooks/${APP_ID}/T`,
    ]);
  });

  it('refuses a member without Manage Channels, privately, and lets a channel manager through', async () => {
    await bot(testCommands());
    const denied = chatInput('brief', 'subscribe', [], { permissions: PERMS.member });
    fake.dispatch('INTERACTION_CREATE', denied);
    const [no] = await fake.waitForRest(callbackOf(denied.id));
    expect(no!.body.data.flags).toBe(64);
    expect(no!.body.data.embeds[0].description).toContain('You need Manage Channels');

    const allowed = chatInput('brief', 'subscribe', [], { permissions: PERMS.channelManager });
    fake.dispatch('INTERACTION_CREATE', allowed);
    const [yes] = await fake.waitForRest(callbackOf(allowed.id));
    expect(yes!.body.data.embeds[0].description).toBe(`subscribed discord:${GUILD_ID}:${CHANNEL_ID}`);
  });

  it('derives the asker from member permissions in a guild and from the DM otherwise', async () => {
    await bot(testCommands());
    const cases = [
      { where: { permissions: PERMS.member }, expected: { channel: `discord:${GUILD_ID}:${CHANNEL_ID}`, isDirect: false, ch: false, src: false } },
      { where: { permissions: PERMS.admin }, expected: { channel: `discord:${GUILD_ID}:${CHANNEL_ID}`, isDirect: false, ch: true, src: true } },
      { where: { dm: true }, expected: { isDirect: true, ch: true, src: false } },
    ];
    for (const { where, expected } of cases) {
      const i = chatInput('brief', 'whoami', [], where);
      fake.dispatch('INTERACTION_CREATE', i);
      const [cb] = await fake.waitForRest(callbackOf(i.id));
      const seen = JSON.parse(cb!.body.data.embeds[0].description.replace(/\\/g, ''));
      expect(seen).toMatchObject({ user: `discord:${USER_ID}`, ...expected });
      if (where.dm) expect(seen.channel).toBe(`discord:@me:${i.channel_id}`);
    }
  });

  it('sends ingested @everyone and role mentions with mentions disabled and defused', async () => {
    await bot(testCommands());
    const i = chatInput('brief', 'echo', [{ name: 'text', value: 'hello @everyone and <@&123> and @here' }]);
    fake.dispatch('INTERACTION_CREATE', i);
    const [cb] = await fake.waitForRest(callbackOf(i.id));
    expect(cb!.body.data.allowed_mentions).toEqual({ parse: [] });
    const d: string = cb!.body.data.embeds[0].description;
    expect(d).toContain('hello @\u200beveryone and <\u200b@&123> and @\u200bhere');
  });

  it('answers autocomplete from the callback, at most 25 suggestions', async () => {
    const asked: string[] = [];
    await bot(testCommands(), {
      autocomplete: async (kind, typed) => {
        asked.push(`${kind}:${typed}`);
        return Array.from({ length: 40 }, (_, n) => ({ name: `${typed} topic ${n}`, value: `t${n}` }));
      },
    });
    const { autocomplete } = await import('../../helpers/fake-discord.js');
    const i = autocomplete('brief', 'meetings', 'topic', 'sah');
    fake.dispatch('INTERACTION_CREATE', i);
    const [cb] = await fake.waitForRest(callbackOf(i.id));
    expect(asked).toEqual(['topic:sah']);
    expect(cb!.body.type).toBe(8);
    expect(cb!.body.data.choices).toHaveLength(25);
    expect(cb!.body.data.choices[0]).toEqual({ name: 'sah topic 0', value: 't0' });
  });
});
