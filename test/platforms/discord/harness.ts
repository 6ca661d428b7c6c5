import { createDispatcher, silentLogger, type CommandContext, type CommandDef, type Dispatcher, type Store } from '../../../src/core/index.js';
import { createDiscordPlatform, type DiscordPlatform, type DiscordPlatformOptions, type MetaStore } from '../../../src/platforms/discord/index.js';
import type { FakeDiscord } from '../../helpers/fake-discord.js';

export class MemoryMeta implements MetaStore {
  readonly data = new Map<string, string>();
  async getMeta(key: string) {
    return this.data.get(key) ?? null;
  }
  async setMeta(key: string, value: string) {
    this.data.set(key, value);
  }
}

/** The dispatcher over a registry, with a context holding only what dispatch reads. */
export function dispatcherFor(commands: CommandDef[]): Dispatcher {
  const context: CommandContext = {
    // The test commands never touch the store, digests or scheduler.
    store: {} as Store,
    now: () => new Date('2026-11-29T09:00:00Z'),
    settings: { commandName: 'brief', defaultTimezone: 'UTC', scheduleMinIntervalSec: 900, pageSize: 10 },
    commands,
    topics: [],
    digests: { kinds: () => [], preview: async () => [] },
    scheduler: { refresh: async () => {}, validateCron: () => null, nextRuns: () => [] },
    log: silentLogger,
  };
  return createDispatcher(context);
}

export async function startBot(
  fake: FakeDiscord,
  commands: CommandDef[],
  extra: Partial<DiscordPlatformOptions> = {},
): Promise<DiscordPlatform> {
  const platform = createDiscordPlatform({
    token: 'test.token.value',
    guildId: '900000000000000010',
    apiUrl: fake.apiUrl,
    commandName: 'brief',
    commands,
    log: silentLogger,
    restOptions: { retries: 0, timeout: 5_000 },
    ...extra,
  });
  await platform.start(dispatcherFor(commands));
  return platform;
}
