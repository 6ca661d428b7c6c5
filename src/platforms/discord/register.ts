import { createHash } from 'node:crypto';
import { Routes, type Client } from 'discord.js';
import type { Logger } from '../../core/index.js';
import type { CommandPayload } from './command-payload.js';
import type { MetaStore } from './meta-store.js';

/**
 * Registers the command in one guild (instant) or globally, and only when its
 * JSON changed since the last registration: Discord allows 200 creates a day.
 */
export async function registerCommands(
  client: Client<true>,
  payload: CommandPayload,
  guildId: string | undefined,
  store: MetaStore | undefined,
  log: Logger,
): Promise<boolean> {
  const appId = client.application.id;
  const scope = guildId ? `guild-${guildId}` : 'global';
  const key = `discord:commands-hash:${appId}:${scope}`;
  const hash = createHash('sha256').update(JSON.stringify(payload)).digest('hex');
  if (store && (await store.getMeta(key)) === hash) {
    log.info({ scope }, 'discord commands unchanged; not re-registering');
    return false;
  }
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  await client.rest.put(route, { body: [payload] });
  await store?.setMeta(key, hash);
  log.info({ scope, subcommands: payload.options.length }, 'discord commands registered');
  return true;
}
