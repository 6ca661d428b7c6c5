import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hostname } from 'node:os';
import { commands } from '../commands/index.js';
import { digests } from '../digests/index.js';
import { loadConfig, ConfigError, type Config } from './config.js';
import { createDispatcher, type CommandContext, type Dispatcher, type Logger, type Platform, type Store } from './core/index.js';
import { loadTopics } from './ingest/topics.js';
import { ingestPaths } from './ingest/pipeline/index.js';
import { startPoller, watchInbox } from './ingest/pipeline/index.js';
import { createLogger } from './logging.js';
import { createShellPlatform } from './platforms/shell/shell-platform.js';
import { Scheduler } from './schedule/index.js';
import { openStore } from './store/open.js';

const SAMPLES_DIR = fileURLToPath(new URL('./samples/', import.meta.url));
const PAGE_SIZE = 8;

export interface App {
  config: Config;
  log: Logger;
  store: Store;
  scheduler: Scheduler;
  context: CommandContext;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** Assembles store, commands, digests and scheduler; used by `npm start` and the CLI. */
export async function createApp(config: Config, log: Logger): Promise<App> {
  const store = await openStore(config.databaseUrl, { dataDir: config.dataDir, log });
  if (config.seedSamples) await seedSamples(store, log);
  const owner = config.instanceId ?? `${hostname()}:${process.pid}`;
  const scheduler = new Scheduler({
    store,
    digests,
    log,
    owner,
    defaultTimezone: config.defaultTimezone,
    catchUpGraceSec: config.catchUpGraceSec,
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
    topics: loadTopics(),
    digests: scheduler.digestService(),
    scheduler,
    log,
  };
  const dispatcher = createDispatcher(context);
  return {
    config,
    log,
    store,
    scheduler,
    context,
    dispatcher,
    async close() {
      await scheduler.stop();
      await store.close();
    },
  };
}

/** Loads our sample briefings into an empty store, once: a second start adds nothing. */
export async function seedSamples(store: Store, log: Logger): Promise<void> {
  if (await store.getMeta('samples_seeded')) return;
  if ((await store.documents.count()) === 0) {
    const summary = await ingestPaths(store, [SAMPLES_DIR], { log });
    log.info({ documents: summary.new, meetings: summary.meetingsCreated }, 'sample briefings loaded');
  }
  await store.setMeta('samples_seeded', new Date().toISOString());
}

async function run(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`briefbot: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const useShell = !config.slack && !config.discord;
  const interactive = useShell && process.stdin.isTTY === true;
  // The shell talks on the terminal; its logs go to a file unless told otherwise.
  const logFile = config.logFile ?? (interactive ? join(config.dataDir, 'briefbot.log') : undefined);
  const log = createLogger({ level: useShell && !config.logFile && !interactive ? 'warn' : config.logLevel, file: logFile });
  const app = await createApp(config, log);
  const platforms: Platform[] = [];
  let stopping = false;

  const shutdown = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    const force = setTimeout(() => process.exit(code || 1), 5_000);
    force.unref();
    for (const platform of platforms) await platform.stop().catch((err: unknown) => log.warn({ err }, 'platform stop failed'));
    await poller.stop();
    await inbox?.stop();
    await app.close();
    process.exit(code);
  };

  if (useShell) {
    platforms.push(
      createShellPlatform({
        input: process.stdin,
        output: process.stdout,
        interactive,
        commandName: config.commandName,
        historyFile: join(config.dataDir, 'shell-history'),
        onExit: () => void shutdown('end of input'),
      }),
    );
  }
  if (config.slack) {
    const { createSlackPlatform } = await import('./platforms/slack/index.js');
    platforms.push(
      createSlackPlatform({ ...config.slack, commandName: config.commandName, adminUsers: config.adminUsers, commands, log }),
    );
  }
  if (config.discord) {
    const { createDiscordPlatform } = await import('./platforms/discord/index.js');
    platforms.push(
      createDiscordPlatform({ ...config.discord, commandName: config.commandName, commands, log, store: app.store }),
    );
  }

  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  for (const platform of platforms) await platform.start(app.dispatcher);
  await app.scheduler.start(platforms);
  const poller = startPoller({
    store: app.store,
    owner: app.scheduler.owner,
    allowPrivate: config.fetchAllowPrivate,
    intervalMs: config.pollEverySec * 1000,
    log,
  });
  const inbox = config.inboxDir ? watchInbox(config.inboxDir, { store: app.store, log }) : undefined;
  log.info({ platforms: platforms.map((p) => p.name) }, 'briefbot started');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().catch((error: unknown) => {
    console.error(`briefbot: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
