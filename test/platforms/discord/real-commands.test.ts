/**
 * Every example of every real `/brief` subcommand, typed into Discord's option
 * fields and sent through a real discord.js Client, must answer exactly as the
 * dispatcher answers the example line itself (checked on a twin store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { parseLine, silentLogger, type Asker, type CommandDef } from '../../../src/core/index.js';
import { discordName } from '../../../src/platforms/discord/command-payload.js';
import { buildCommandPayload, createDiscordPlatform, renderParts, validateCommandPayload, type DiscordPlatform } from '../../../src/platforms/discord/index.js';
import { PageButtons } from '../../../src/platforms/discord/page-button.js';
import { createTestBed, type TestBed } from '../../helpers/command-context.js';
import { APP_ID, CHANNEL_ID, chatInput, FakeDiscord, GUILD_ID, PERMS, USER_ID, type RestCall } from '../../helpers/fake-discord.js';
import { limitViolations } from './limits.js';

let fake: FakeDiscord;
let bot: DiscordPlatform;
let viaDiscord: TestBed;
let direct: TestBed;

beforeAll(async () => {
  [viaDiscord, direct, fake] = await Promise.all([createTestBed(), createTestBed(), FakeDiscord.start()]);
  bot = createDiscordPlatform({ token: 't.o.k', guildId: GUILD_ID, apiUrl: fake.apiUrl, commandName: 'brief', commands, log: silentLogger, restOptions: { retries: 0 } });
  await bot.start(viaDiscord.dispatcher);
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await viaDiscord?.close();
  await direct?.close();
});

const asker: Asker = {
  user: { ref: `discord:${USER_ID}`, name: 'analyst' },
  channel: `discord:${GUILD_ID}:${CHANNEL_ID}`,
  isDirect: false,
  canManageChannel: true,
  canManageSources: true,
};

/** What a person fills in: declared options in their fields, the rest in the argument field. */
function fieldsFor(def: CommandDef, example: string) {
  const { tokens } = parseLine(example); // the subcommand is already taken off
  const rest: string[] = [];
  const fields: Array<{ name: string; value: string | number; type: number }> = [];
  for (const t of tokens) {
    const spec = t.key ? def.options.find((o) => o.name === t.key) : undefined;
    if (spec) fields.push({ name: discordName(spec.name), value: spec.type === 'integer' ? Number(t.value) : t.value, type: spec.type === 'integer' ? 4 : 3 });
    else rest.push(t.raw);
  }
  if (rest.length) {
    expect(def.argument, `${example}: words but no argument field`).toBeDefined();
    fields.unshift({ name: discordName(def.argument!.name), value: rest.join(' '), type: 3 });
  }
  return fields;
}

async function finalMessages(i: { id: string; token: string }, parts: number) {
  const [cb] = await fake.waitForRest((c: RestCall) => c.path.startsWith(`/interactions/${i.id}/`));
  const followUps = (c: RestCall) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${i.token}`;
  if (cb!.body.type === 4) {
    const rest = parts > 1 ? await fake.waitForRest(followUps, 5_000, parts - 1) : [];
    return [cb!.body.data, ...rest.map((c) => c.body)];
  }
  const [edit] = await fake.waitForRest((c) => c.method === 'PATCH' && c.path.startsWith(`/webhooks/${APP_ID}/${i.token}/`));
  const rest = parts > 1 ? await fake.waitForRest(followUps, 5_000, parts - 1) : [];
  return [edit!.body, ...rest.map((c) => c.body)];
}

describe('Discord platform with the real command registry', () => {
  it('registers a payload Discord accepts', async () => {
    const payload = buildCommandPayload(commands, 'brief');
    expect(validateCommandPayload(payload)).toEqual([]);
    expect(payload.options.map((o) => o.name)).toEqual(commands.map((c) => c.name));
    const put = fake.rest.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual([payload]);
  });

  it('answers every example of every subcommand as the dispatcher does', async () => {
    const pages = new PageButtons();
    let ran = 0;
    for (const def of commands) {
      for (const example of def.examples) {
        const i = chatInput('brief', discordName(def.name), fieldsFor(def, example), { permissions: PERMS.admin });
        fake.dispatch('INTERACTION_CREATE', i);
        const expected = await direct.dispatcher.handle(example, asker);
        const parts = renderParts(expected);
        const wire = await finalMessages(i, parts.length);
        expect(wire.map((m) => m.embeds), example).toEqual(parts.map((p) => p.embeds));
        expect((wire[0].flags ?? 0) & 64, example).toBe(expected.ephemeral ? 64 : 0);
        for (const m of wire) {
          expect(m.allowed_mentions, example).toEqual({ parse: [] });
          expect(limitViolations(m), example).toEqual([]);
        }
        const next = wire.at(-1).components?.[0]?.components?.find((b: { label: string }) => b.label === 'Next page');
        expect(next ? await pages.textOf(next.custom_id) : null, example).toBe(expected.paging?.pages && expected.paging.pages > 1 ? expected.paging.next : null);
        ran++;
      }
    }
    expect(ran).toBe(commands.reduce((n, c) => n + c.examples.length, 0));
    expect(ran).toBeGreaterThan(25);
  });
});
