import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from './config.js';
import type { Logger } from './core/index.js';
import type { IngestProgress, IngestSummary, RetagProgress } from './ingest/pipeline/index.js';

// Each command imports what it needs when it runs: `--help` loads none of it, and `ingest`
// neither the commands, digests and scheduler of the app nor the platforms (some 35 MB of
// modules, zod, pino and date-fns among them, counted against ingestion's memory budget).

const USAGE = `Usage: briefbot <command> [options]

Commands:
  ask "<command text>"          Run one /brief command as the shell user and print the reply
  ingest PATH|URL...            Ingest files, folders, feeds or pages; prints a summary
  extract --json FILE...        Print the facts extracted from each file, one JSON line per file (stores nothing)
  retag                         Tag every stored document and meeting again with the current topics (TOPICS_FILE)
  meetings --json               Print every stored meeting, one JSON object per line
  digest --preview [--channel REF] [--digest KIND]
                                Render the next digest without sending it or moving anything
  slack-manifest [--socket] [--url URL]
                                Print a Slack app manifest for this bot
  migrate                       Apply database migrations and exit
  export FILE | import FILE     Move all data between databases (JSON lines)
  help                          Show this help

Settings come from the environment and .env; see .env.example.`;

type Handler = (args: string[], config: Config, log: Logger) => Promise<number>;

const handlers: Record<string, Handler> = {
  async ask(args, config, log) {
    const text = args.join(' ').trim();
    if (!text) return usageError('ask needs the command text, e.g. briefbot ask "/brief meetings"');
    const [{ createApp }, { renderPlainText }, { SHELL_ASKER }] = await Promise.all([
      import('./main.js'),
      import('./core/index.js'),
      import('./platforms/shell/shell-platform.js'),
    ]);
    const app = await createApp(config, log);
    try {
      const reply = await app.dispatcher.handle(text, SHELL_ASKER);
      process.stdout.write(`${renderPlainText(reply)}\n`);
      // A user error is an answer; only an internal failure is the tool failing.
      return reply.error?.code === 'internal' ? 1 : 0;
    } finally {
      await app.close();
    }
  },

  async ingest(args, config, log) {
    if (!args.length) return usageError('ingest needs at least one path or URL');
    const [{ openStore }, { createTaxonomy }, { ingestPaths, ingestUrls, READ_AHEAD }] = await Promise.all([
      import('./store/open.js'),
      import('./ingest/taxonomy.js'),
      import('./ingest/pipeline/index.js'),
    ]);
    // The store and an extractor thread are all ingestion needs of the app (createApp): its
    // commands, digests and scheduler stay unloaded.
    const store = await openStore(config.databaseUrl, { dataDir: config.dataDir, log });
    const extractor = createTaxonomy(config.userTopics).startThread();
    try {
      // A progress line on long runs, kept on stderr so stdout stays the summary.
      const onProgress = process.stderr.isTTY
        ? (p: IngestProgress) => process.stderr.write(`\r${p.done}/${p.total} read, ${p.summary.new} new, ${p.summary.failures.length} failed`)
        : undefined;
      const urls = args.filter((a) => URL_LIKE.test(a));
      const paths = args.filter((a) => !URL_LIKE.test(a));
      // Extraction on the extractor thread, the next files read and extracted while one is stored.
      const options = { log, allowPrivate: config.fetchAllowPrivate, onProgress, extract: extractor.extract, readAhead: READ_AHEAD };
      const summary = addSummaries(
        paths.length ? await ingestPaths(store, paths, options) : undefined,
        urls.length ? await ingestUrls(store, urls, options) : undefined,
      );
      if (onProgress) process.stderr.write('\n');
      for (const failure of summary.failures) process.stderr.write(`failed: ${failure.source}: ${failure.message}\n`);
      process.stdout.write(
        `${summary.read} read, ${summary.new} new, ${summary.duplicates} duplicates, ` +
          `${summary.meetingsCreated} meetings created, ${summary.meetingsMerged} merged, ${summary.failures.length} failures\n`,
      );
      return summary.failures.length ? 1 : 0;
    } finally {
      await extractor.close();
      await store.close();
    }
  },

  async extract(args, config) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
    if (!positionals.length) return usageError('extract needs at least one file');
    const [{ parseBriefingText, sourceAddress }, { createTaxonomy }] = await Promise.all([import('./ingest/extract/briefing-format.js'), import('./ingest/taxonomy.js')]);
    const { extract } = createTaxonomy(config.userTopics);
    let failed = 0;
    for (const file of positionals) {
      try {
        const briefing = parseBriefingText(readFileSync(file, 'utf8'));
        // A `Source:` address is where the text was published, as `ingest` takes it.
        const facts = await extract({ text: briefing.body, title: briefing.title, published: briefing.published, url: sourceAddress(briefing.source)?.url ?? null });
        process.stdout.write(values.json ? `${JSON.stringify(facts)}\n` : `${file}\n${JSON.stringify(facts, null, 2)}\n`);
      } catch (error) {
        failed++;
        process.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
        // Keep one line per file so scripts can zip input and output.
        if (values.json) process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
      }
    }
    return failed ? 1 : 0;
  },

  async retag(args, config, log) {
    if (args.length) return usageError('retag takes no arguments: it tags every stored document again with the built-in topics and TOPICS_FILE');
    const [{ openStore }, { createTaxonomy }, { retagStored }] = await Promise.all([
      import('./store/open.js'),
      import('./ingest/taxonomy.js'),
      import('./ingest/pipeline/index.js'),
    ]);
    const store = await openStore(config.databaseUrl, { dataDir: config.dataDir, log });
    try {
      const summary = await retagStored(store, { extract: createTaxonomy(config.userTopics).extract, onProgress: retagProgress(), log });
      const { documents, documentsChanged, meetingsChanged } = summary;
      if (process.stderr.isTTY && documents > 0) process.stderr.write('\n');
      process.stdout.write(
        documentsChanged === 0 && meetingsChanged === 0
          ? `${count(documents, 'document')} read: every topic is already up to date, nothing changed (${store.kind})\n`
          : `${count(documents, 'document')} read: ${count(documentsChanged, 'document')} and ${count(meetingsChanged, 'meeting')} with new topics (${store.kind})\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },

  async meetings(args, config, log) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    if (!values.json) return usageError('meetings prints JSON lines: use briefbot meetings --json, or briefbot ask "/brief meetings"');
    const [{ createApp }, { meetingsToJson }] = await Promise.all([import('./main.js'), import('./ingest/pipeline/index.js')]);
    const app = await createApp(config, log);
    try {
      for await (const line of meetingsToJson(app.store)) process.stdout.write(`${line}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },

  async digest(args, config, log) {
    const { values } = parseArgs({
      args,
      options: { preview: { type: 'boolean' }, channel: { type: 'string' }, digest: { type: 'string', default: 'daily-brief' } },
    });
    if (!values.preview) return usageError('only previews are available here: briefbot digest --preview [--channel REF]');
    const [{ createApp }, { renderPlainText, SHELL_USER }] = await Promise.all([import('./main.js'), import('./core/index.js')]);
    const app = await createApp(config, log);
    try {
      const subscriber = values.channel ? { kind: 'channel' as const, ref: values.channel } : { kind: 'user' as const, ref: SHELL_USER };
      const replies = await app.context.digests.preview(subscriber, values.digest);
      if (!replies.length) process.stdout.write('Nothing new for this digest yet.\n');
      for (const reply of replies) process.stdout.write(`${renderPlainText(reply)}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },

  async 'slack-manifest'(args, config) {
    const { values } = parseArgs({ args, options: { socket: { type: 'boolean' }, url: { type: 'string' } } });
    const [{ commands }, { slackManifest }] = await Promise.all([import('../commands/index.js'), import('./platforms/slack/manifest.js')]);
    const manifest = slackManifest(commands, {
      commandName: config.commandName,
      socketMode: values.socket ?? Boolean(config.slack?.appToken),
      requestUrl: values.url,
    });
    process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    return 0;
  },

  async migrate(_args, config, log) {
    const { openStore } = await import('./store/open.js');
    const store = await openStore(config.databaseUrl, { dataDir: config.dataDir, log });
    const applied = (store as { appliedMigrations?: readonly number[] }).appliedMigrations ?? [];
    await store.close();
    process.stdout.write(
      applied.length ? `applied migrations ${applied.join(', ')} (${store.kind})\n` : `the ${store.kind} schema is up to date\n`,
    );
    return 0;
  },

  async export(args, config, log) {
    const [file, ...rest] = args;
    if (!file || rest.length) return usageError('export needs one file to write, e.g. briefbot export briefbot.jsonl');
    const [{ openStore }, transfer] = await Promise.all([import('./store/open.js'), import('./store/transfer/index.js')]);
    const store = await openStore(config.databaseUrl, { dataDir: config.dataDir, log });
    try {
      const summary = await transfer.exportToFile(store, file);
      process.stdout.write(`exported the ${store.kind} store to ${file}\n${transfer.formatSummary(summary)}`);
      return 0;
    } finally {
      await store.close();
    }
  },

  async import(args, config, log) {
    const { values, positionals } = parseArgs({ args, options: { force: { type: 'boolean' } }, allowPositionals: true });
    const [file, ...rest] = positionals;
    if (!file || rest.length) return usageError('import needs one export file, e.g. briefbot import briefbot.jsonl [--force]');
    const [{ openStore }, transfer] = await Promise.all([import('./store/open.js'), import('./store/transfer/index.js')]);
    const store = await openStore(config.databaseUrl, { dataDir: config.dataDir, log });
    try {
      const summary = await transfer.importFromFile(store, file, { force: values.force === true });
      process.stdout.write(`imported ${file} into the ${store.kind} store\n${transfer.formatSummary(summary)}`);
      return 0;
    } finally {
      await store.close();
    }
  },

  async help() {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  },
};

// Anything with a scheme is a URL (ingestUrls refuses file: and ftp: itself, with a clear message).
const URL_LIKE = /^[a-z][a-z0-9+.-]*:/i;

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Progress on stderr: one line rewritten in a terminal, else a line every ten seconds (long runs only). */
function retagProgress(): (p: RetagProgress) => void {
  const tty = process.stderr.isTTY;
  let last = Date.now();
  return (p) => {
    const line = `${p.done}/${p.total} documents read, ${p.summary.documentsChanged} with new topics`;
    if (tty) {
      process.stderr.write(`\r${line}`);
    } else if (Date.now() - last >= 10_000) {
      last = Date.now();
      process.stderr.write(`${line}\n`);
    }
  };
}

function addSummaries(...parts: Array<IngestSummary | undefined>): IngestSummary {
  const total: IngestSummary = { read: 0, new: 0, duplicates: 0, meetingsCreated: 0, meetingsMerged: 0, failures: [] };
  for (const part of parts) {
    if (!part) continue;
    total.read += part.read;
    total.new += part.new;
    total.duplicates += part.duplicates;
    total.meetingsCreated += part.meetingsCreated;
    total.meetingsMerged += part.meetingsMerged;
    total.failures.push(...part.failures);
  }
  return total;
}

function usageError(message: string): number {
  process.stderr.write(`briefbot: ${message}\n\n${USAGE}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') return handlers.help!([], undefined as never, undefined as never);
  const handler = handlers[name];
  if (!handler) return usageError(`unknown command "${name}"`);
  const [{ ConfigError, loadConfig }, { createLogger }] = await Promise.all([import('./config.js'), import('./logging.js')]);
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`briefbot: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const log = createLogger({ level: config.logFile ? config.logLevel : 'warn', file: config.logFile });
  return handler(args, config, log);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`briefbot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
