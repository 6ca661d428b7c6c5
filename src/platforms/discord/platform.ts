import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { CommandDef, Dispatcher, Logger, Platform, Reply, UserRef } from '../../core/index.js';
import { buildCommandPayload, validateCommandPayload } from './command-payload.js';
import { interactionHandler, type AutocompleteSource } from './interactions.js';
import type { MetaStore } from './meta-store.js';
import { PageButtons } from './page-button.js';
import { registerCommands } from './register.js';
import { renderParts, type DiscordPart } from './render.js';
import { NO_MENTIONS, notifyUser, sendPart } from './send.js';

export interface DiscordPlatformOptions {
  token: string;
  /** Register the command in this guild only (instant); globally otherwise. */
  guildId?: string;
  /** A REST proxy, e.g. `https://proxy.example/api` (discord.js appends /v10). */
  apiUrl?: string;
  commandName: string;
  commands: readonly CommandDef[];
  log: Logger;
  store?: MetaStore;
  autocomplete?: AutocompleteSource;
  /** Passed to discord.js's REST manager; leave retries at their default in production. */
  restOptions?: Partial<RESTOptions>;
  /** How long a command may run before the reply is deferred (Discord allows 3 s). */
  deferAfterMs?: number;
}

export interface DiscordPlatform extends Platform {
  readonly client: Client;
}

/** discord.js appends the version itself: `https://proxy/api/v10/` becomes `https://proxy/api`. */
export function apiBase(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

export function createDiscordPlatform(options: DiscordPlatformOptions): DiscordPlatform {
  const log = options.log.child({ platform: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { ...(options.apiUrl ? { api: apiBase(options.apiUrl) } : {}), ...options.restOptions },
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'discord shard disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'discord shard resumed'));
  const pages = new PageButtons(options.store);

  return {
    name: 'discord',
    client,
    async start(dispatcher: Dispatcher) {
      const payload = buildCommandPayload(options.commands, options.commandName, options.guildId ? 'guild' : 'global');
      const problems = validateCommandPayload(payload);
      if (problems.length) throw new Error(`The /${options.commandName} command breaks Discord's rules:\n${problems.join('\n')}`);
      client.on(
        Events.InteractionCreate,
        interactionHandler({
          dispatcher,
          commandName: payload.name,
          commands: options.commands,
          pages,
          log,
          ...(options.autocomplete ? { autocomplete: options.autocomplete } : {}),
          deferAfterMs: options.deferAfterMs ?? 2_000,
        }),
      );
      const ready = once(client, Events.ClientReady);
      await client.login(options.token);
      await ready;
      if (!client.isReady()) throw new Error('discord client is not ready after login');
      // Under a ShardingManager every process runs this; the one with shard 0 registers.
      if (client.shard === null || client.shard.ids.includes(0)) {
        await registerCommands(client, payload, options.guildId, options.store, log);
      }
    },
    async stop() {
      await client.destroy();
    },
    renderParts: (reply: Reply) => renderParts(reply),
    sendPart: (to, part, mark) => sendPart(client, to, part as DiscordPart, mark),
    notify: (user: UserRef, reply: Reply) => notifyUser(client, user, renderParts(reply)),
  };
}
