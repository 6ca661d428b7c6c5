import { ShardingManager } from 'discord.js';

export interface ShardOptions {
  /** The script each shard runs: the normal bot entry point (e.g. src/main.ts). */
  file: string;
  token: string;
  shards: number;
  /** Node flags for the shard processes; `['--import', 'tsx/esm']` runs a .ts entry point. */
  execArgv?: string[];
  /** Milliseconds between shard spawns; Discord allows one IDENTIFY per 5 s per bucket. */
  delay?: number;
  /** How long each shard may take to become ready. */
  timeout?: number;
}

/**
 * Starts N processes of the same bot. discord.js passes SHARDS and SHARD_COUNT in
 * the environment, and a Client created in a shard picks them up by itself, so the
 * bot runs unchanged in each. Dead shards are respawned.
 */
export async function spawnShards(options: ShardOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(options.file, {
    token: options.token,
    totalShards: options.shards,
    mode: 'process',
    respawn: true,
    execArgv: options.execArgv ?? ['--import', 'tsx/esm'],
  });
  await manager.spawn({ amount: options.shards, delay: options.delay ?? 5_500, timeout: options.timeout ?? 30_000 });
  return manager;
}
