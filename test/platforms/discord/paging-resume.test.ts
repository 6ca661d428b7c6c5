import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiscordPlatform } from '../../../src/platforms/discord/index.js';
import { PageButtons } from '../../../src/platforms/discord/page-button.js';
import { APP_ID, buttonClick, chatInput, FakeDiscord, type RestCall } from '../../helpers/fake-discord.js';
import { MemoryMeta, startBot } from './harness.js';
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

async function bot(meta: MemoryMeta) {
  const b = await startBot(fake, testCommands(), { store: meta });
  bots.push(b);
  return b;
}

const callbackOf = (id: string) => (c: RestCall) => c.path.startsWith(`/interactions/${id}/`);

function buttons(data: { components: Array<{ components: Array<{ label: string; custom_id: string }> }> }) {
  return Object.fromEntries(data.components.flatMap((row) => row.components).map((b) => [b.label, b.custom_id]));
}

describe('Discord platform: paging buttons', () => {
  it('carries the next page in the custom id and still works after a restart', async () => {
    const meta = new MemoryMeta();
    const first = await bot(meta);
    const i = chatInput('brief', 'meetings', [{ name: 'topic', value: 'sahel' }]);
    fake.dispatch('INTERACTION_CREATE', i);
    const [cb] = await fake.waitForRest(callbackOf(i.id));
    const ids = buttons(cb!.body.data);
    expect(Object.keys(ids)).toEqual(['Next page']);
    expect(ids['Next page']!.length).toBeLessThanOrEqual(100);

    const click = buttonClick(ids['Next page']!);
    fake.dispatch('INTERACTION_CREATE', click);
    const [updated] = await fake.waitForRest(callbackOf(click.id));
    expect(updated!.body.type).toBe(7); // UPDATE_MESSAGE: the page replaces the one clicked
    expect(updated!.body.data.embeds[0].title).toBe('Meetings page 2');
    expect(updated!.body.data.embeds[0].description).toContain('"topic":"sahel","page":"2"');
    expect(updated!.body.data.embeds[0].footer.text).toBe('Page 2 of 3');
    expect(updated!.body.data.allowed_mentions).toEqual({ parse: [] });
    const page2 = buttons(updated!.body.data);
    expect(Object.keys(page2)).toEqual(['Previous page', 'Next page']);

    // Restart: a fresh Client and platform, the same store.
    await first.stop();
    bots.length = 0;
    await bot(meta);
    const later = buttonClick(page2['Next page']!);
    fake.dispatch('INTERACTION_CREATE', later);
    const [page3] = await fake.waitForRest(callbackOf(later.id));
    expect(page3!.body.data.embeds[0].title).toBe('Meetings page 3');
    expect(Object.keys(buttons(page3!.body.data))).toEqual(['Previous page']);
  });

  it('keeps a command too long for the custom id in the store, across a restart', async () => {
    const meta = new MemoryMeta();
    const first = await bot(meta);
    const long = 'sahel '.repeat(20).trim();
    const i = chatInput('brief', 'meetings', [{ name: 'query', value: long }]);
    fake.dispatch('INTERACTION_CREATE', i);
    const [cb] = await fake.waitForRest(callbackOf(i.id));
    const next = buttons(cb!.body.data)['Next page']!;
    expect(next.startsWith('brief:pageh:')).toBe(true);
    await first.stop();
    bots.length = 0;
    await bot(meta);
    const click = buttonClick(next);
    fake.dispatch('INTERACTION_CREATE', click);
    const [updated] = await fake.waitForRest(callbackOf(click.id));
    expect(updated!.body.data.embeds[0].title).toBe('Meetings page 2');
    expect(updated!.body.data.embeds[0].description).toContain(JSON.stringify(long.split(' ')).replace(/[[\]]/g, '\\$&'));
  });

  it('defers a slow page and edits the message; shows an error only to the clicker', async () => {
    const b = await startBot(fake, testCommands({ slowMs: 300 }), { deferAfterMs: 100 });
    bots.push(b);
    const ids = new PageButtons();
    const slow = buttonClick(await ids.customId('slow'));
    fake.dispatch('INTERACTION_CREATE', slow);
    const [deferred] = await fake.waitForRest(callbackOf(slow.id));
    expect(deferred!.body).toEqual({ type: 6 }); // DEFERRED_UPDATE_MESSAGE
    const [edit] = await fake.waitForRest((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${slow.token}/messages/@original`);
    expect(edit!.body.embeds[0].description).toBe('slow answer');

    const bad = buttonClick(await ids.customId('digest kind:hourly'));
    fake.dispatch('INTERACTION_CREATE', bad);
    const [cb] = await fake.waitForRest(callbackOf(bad.id));
    expect(cb!.body.type).toBe(4); // a new private message, not an update of the shared one
    expect(cb!.body.data.flags).toBe(64);
    expect(cb!.body.data.embeds[0].description).toContain('cannot be');
  });

  it('tells the clicker privately when a button has expired', async () => {
    await bot(new MemoryMeta());
    const click = buttonClick('brief:pageh:forgotten');
    fake.dispatch('INTERACTION_CREATE', click);
    const [cb] = await fake.waitForRest(callbackOf(click.id));
    expect(cb!.body).toMatchObject({ type: 4, data: { flags: 64, content: 'This button has expired; run the command again.', allowed_mentions: { parse: [] } } });
  });
});

describe('Discord platform: reconnects', () => {
  it('resumes after a gateway drop and answers each interaction exactly once', async () => {
    await bot(new MemoryMeta());
    const before = chatInput('brief', 'digest', [{ name: 'kind', value: 'daily-brief' }]);
    fake.dispatch('INTERACTION_CREATE', before);
    await fake.waitForRest(callbackOf(before.id));

    fake.dropGateway(4000);
    // Sent while the client is away: the fake replays it on RESUME, as Discord does.
    const during = chatInput('brief', 'digest', [{ name: 'kind', value: 'weekly-roundup' }]);
    fake.dispatch('INTERACTION_CREATE', during);
    const resume = await fake.waitForGateway((f) => f.op === 6);
    expect(resume.d.session_id).toMatch(/^session-/);
    expect(fake.gatewayIn.filter((f) => f.op === 2)).toHaveLength(1); // resumed, not re-identified
    await fake.waitForRest(callbackOf(during.id));

    const after = chatInput('brief', 'digest', [{ name: 'kind', value: 'daily-brief' }]);
    fake.dispatch('INTERACTION_CREATE', after);
    // A duplicate delivery of the same interaction must not be answered twice.
    fake.dispatch('INTERACTION_CREATE', after);
    const [cb] = await fake.waitForRest(callbackOf(after.id));
    expect(cb!.body.data.embeds[0].description).toBe('digest daily-brief');
    await new Promise((r) => setTimeout(r, 200));
    for (const i of [before, during, after]) expect(fake.rest.filter(callbackOf(i.id))).toHaveLength(1);
  });
});
