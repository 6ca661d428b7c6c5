import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnShards } from '../../../src/platforms/discord/index.js';
import { chatInput, FakeDiscord, type RestCall } from '../../helpers/fake-discord.js';

let fake: FakeDiscord | undefined;
let kill: (() => void) | undefined;

afterEach(async () => {
  kill?.();
  await fake?.close();
});

describe('Discord sharding', () => {
  it('runs the unchanged bot in two shard processes, each identifying as its shard', async () => {
    fake = await FakeDiscord.start();
    // Shard processes inherit the environment; this is how the fixture finds the fake.
    process.env.FAKE_DISCORD_API = fake.apiUrl;
    const manager = await spawnShards({
      file: fileURLToPath(new URL('./fixtures/shard-bot.ts', import.meta.url)),
      token: 'shard.test.token',
      shards: 2,
      delay: 50,
      timeout: 15_000,
    });
    kill = () => manager.shards.forEach((s) => s.kill());
    const identifies = fake.gatewayIn.filter((f) => f.op === 2);
    expect(identifies.map((f) => f.d.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(identifies.every((f) => f.d.token === 'shard.test.token')).toBe(true);
    await fake.waitForRest((c) => c.method === 'PUT');

    const i = chatInput('brief', 'digest', [{ name: 'kind', value: 'daily-brief' }]);
    fake.dispatch('INTERACTION_CREATE', i);
    const [cb] = await fake.waitForRest((c: RestCall) => c.path.startsWith(`/interactions/${i.id}/`));
    expect(cb!.body.data.embeds[0].description).toBe('digest daily-brief');
    // Only the process holding shard 0 registers the command.
    expect(fake.rest.filter((c) => c.method === 'PUT')).toHaveLength(1);
  }, 30_000);
});
