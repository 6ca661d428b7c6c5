export { createDiscordPlatform, type DiscordPlatform, type DiscordPlatformOptions } from './platform.js';
export { buildCommandPayload, validateCommandPayload, type CommandPayload } from './command-payload.js';
export { renderParts, LIMITS, type DiscordPart } from './render.js';
export { spawnShards, type ShardOptions } from './shard-manager.js';
export type { MetaStore } from './meta-store.js';
export type { AutocompleteKind, AutocompleteSource } from './interactions.js';
