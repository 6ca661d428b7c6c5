import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commands } from '../commands/index.js';
import { digests } from '../digests/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createDispatcher, type CommandContext, type Dispatcher, type Logger, type Platform, type Store } from './core/index.js';
import type { ExtractorThread } from './ingest/extract/extract-thread.js';
import { ingestPaths, READ_AHEAD, startPoller, watchInbox, type ExtractFn } from './ingest/pipeline/index.js';
import { createTaxonomy, type Taxonomy } from './ingest/taxonomy.js';
import { createLogger } from './logging.js';
import { createShellPlatform } from './platforms/shell/shell-platform.js';
import { DeliveryEngine, Digests, Scheduler, SourceAnnouncer } from './schedule/index.js';
import { openStore } from './store/open.js';
import { autocompleteFrom } from './autocomplete.js';

const SAMPLES_DIR = fileURLToPath(new URL('./samples/', import.meta.url));
// Eight items keep a page inside the smallest budget (a Discord message of 2,000 characters).
const PAGE_SIZE = 8;

export interface App {
  config: Config;
  log: Logger;
  store: Store;
  owner: string;
  /** Filled with the running platforms; the delivery engine looks them up by name. */
  platforms: Map<string, Platform>;
  scheduler: Scheduler;
  context: CommandContext;
  dispatcher: Dispatcher;
  /** Built-in topics plus TOPICS_FILE: what commands list and what ingestion tags. */
  taxonomy: Taxonomy;
  /**
   * The extractor on its worker thread, with the taxonomy's topics, shared by everything that
   * ingests here (samples, the poller, the inbox): started by the first document, closed with
   * the app. Extraction then neither blocks the bot's event loop nor loads the extractor's
   * models on the main thread. (`briefbot ingest` opens only a store and a thread of its own.)
   */
  extractor: ExtractorThread;
  close(): Promise<void>;
}

/** Assembles store, commands, digests and scheduler; used by `npm start` and the CLI. */
export async function createApp(config: Config, log: Logger): Promise<App> {
  const taxonomy = createTaxonomy(config.userTopics);
  const topics = taxonomy.topics;
  const store = await openStore(config.databaseUrl, { dataDir: config.dataDir, log });
  const extractor = taxonomy.startThread();
  if (config.seedSamples) await seedSamples(store, log, extractor.extract);
  const owner = config.instanceId ?? `${hostname()}:${process.pid}`;
  const platforms = new Map<string, Platform>();
  const engine = new DeliveryEngine({
    store,
    digests,
    platforms,
    owner,
    log,
    topics,
    defaultTimezone: config.defaultTimezone,
    leaseMs: config.deliveryLeaseSec * 1000,
  });
  const scheduler = new Scheduler({
    store,
    engine,
    log,
    graceMs: config.catchUpGraceSec * 1000,
    recoveryEveryMs: config.recoveryEverySec * 1000,
    announcer: new SourceAnnouncer(store, platforms, log),
  });
  const context: CommandContext = {
    store,
    now: () => new Date(),
    settings: {
      commandName: config.commandName,
      defaultTimezone: config.defaultTimezone,
      scheduleMinIntervalSec: config.scheduleMinIntervalSec,
      pageSize: PAGE_SIZE,
    },
    commands,
    topics,
    digests: new Digests(store, engine, digests, config.defaultTimezone),
    scheduler,
    log,
  };
  return {
    config,
    log,
    store,
    owner,
    platforms,
    scheduler,
    context,
    dispatcher: createDispatcher(context, { replyCacheMs: config.replyCacheSec * 1000 }),
    taxonomy,
    extractor,
    async close() {
      await scheduler.stop();
      await extractor.close();
      await store.close();
    },
  };
}

/** Loads our sample briefings into an empty store, once: a second start adds nothing. */
export async function seedSamples(store: Store, log: Logger, extract: ExtractFn = createTaxonomy().extract): Promise<void> {
  if (await store.getMeta('samples_seeded')) return;
  if ((await store.documents.count()) === 0) {
    const summary = await ingestPaths(store, [SAMPLES_DIR], { log, extract, readAhead: READ_AHEAD });
    log.info({ documents: summary.new, meetings: summary.meetingsCreated }, 'sample briefings loaded');
  }
  await store.setMeta('samples_seeded', new Date().toISOString());
}

/** The platforms this process serves, from the settings. */
async function createPlatforms(app: App, onShellExit: () => void): Promise<Platform[]> {
  const { config, log } = app;
  const platforms: Platform[] = [];
  // Under the ShardingManager only shard 0 serves Slack, so one process owns PORT.
  const firstShard = !config.shardIds || config.shardIds.includes(0);
  if (config.slack && firstShard) {
    const { createSlackPlatform } = await import('./platforms/slack/index.js');
    const { botToken, signingSecret, appToken, apiUrl, port } = config.slack;
    platforms.push(
      createSlackPlatform({ botToken, signingSecret, appToken, apiUrl, port, commandName: config.commandName, adminUsers: config.adminUsers, commands, log }),
    );
  }
  if (config.discord) {
    const { createDiscordPlatform } = await import('./platforms/discord/index.js');
    platforms.push(
      createDiscordPlatform({
        token: config.discord.token,
        guildId: config.discord.guildId,
        apiUrl: config.discord.apiUrl,
        commandName: config.commandName,
        commands,
        log,
        store: app.store,
        autocomplete: autocompleteFrom(app.store, app.context.topics),
      }),
    );
  }
  if (platforms.length === 0) {
    platforms.push(
      createShellPlatform({
        input: process.stdin,
        output: process.stdout,
        interactive: process.stdin.isTTY === true,
        commandName: config.commandName,
        historyFile: join(config.dataDir, 'shell-history'),
        onExit: onShellExit,
      }),
    );
  }
  return platforms;
}

async function run(): Promise<void> {
  const config = loadConfig();
  const useShell = !config.slack && !config.discord;
  const interactive = useShell && process.stdin.isTTY === true;
  // The shell talks on the terminal: its logs go to a file, or only warnings to stderr when piped.
  const logFile = config.logFile ?? (interactive ? join(config.dataDir, 'briefbot.log') : undefined);
  const log = createLogger({ level: useShell && !logFile ? 'warn' : config.logLevel, file: logFile });

  if (config.discord && config.discord.shards > 1 && !config.shardIds) {
    const { spawnShards } = await import('./platforms/discord/index.js');
    const manager = await spawnShards({ file: fileURLToPath(import.meta.url), token: config.discord.token, shards: config.discord.shards });
    log.info({ shards: config.discord.shards }, 'discord shards spawned');
    const stopShards = () => {
      manager.shards.forEach((shard) => shard.kill());
      process.exit(0);
    };
    process.once('SIGINT', stopShards);
    process.once('SIGTERM', stopShards);
    return;
  }

  const app = await createApp(config, log);
  let stopping = false;
  let stopWorkers = async () => {};
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    // Whatever hangs past this is cut off; unfinished deliveries keep their lease and resume later.
    setTimeout(() => process.exit(1), 5_000).unref();
    for (const platform of app.platforms.values()) await platform.stop().catch((err: unknown) => log.warn({ err }, 'platform stop failed'));
    await stopWorkers();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const platforms = await createPlatforms(app, () => void shutdown('end of input'));
  for (const platform of platforms) {
    app.platforms.set(platform.name, platform);
    await platform.start(app.dispatcher);
  }
  // Every process runs the scheduler (delivery claims elect one per slot); with shards, only shard 0 ingests.
  await app.scheduler.start();
  const ingests = !config.shardIds || config.shardIds.includes(0);
  const poller = ingests
    ? startPoller({
        store: app.store,
        owner: app.owner,
        allowPrivate: config.fetchAllowPrivate,
        intervalMs: config.pollEverySec * 1000,
        log,
        ingest: { extract: app.extractor.extract },
      })
    : undefined;
  const inbox = ingests && config.inboxDir ? await watchInbox(config.inboxDir, { store: app.store, log, ingest: { extract: app.extractor.extract } }) : undefined;
  stopWorkers = async () => {
    await poller?.stop();
    await inbox?.stop();
  };
  log.info({ platforms: platforms.map((p) => p.name), owner: app.owner }, 'briefbot started');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().catch((error: unknown) => {
    console.error(`briefbot: ${error instanceof ConfigError ? '' : 'could not start: '}${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
}
