/**
 * Discord interaction throughput: Briefbot's full path against a bare discord.js bot.
 *
 *   node --import tsx bench/discord.ts [--duration 5] [--concurrency 50] [--rounds 3] [--db FILE] [--reply-cache 10s]
 *
 * `--db FILE` answers from a store filled by `bench/commands.ts --db FILE` (100,000
 * documents); Briefbot runs with the bot's default settings (the reply cache among
 * them) unless `--reply-cache 0` asks for every reply from the store.
 *
 * The loopback fake Discord (REST + gateway) runs here and is the load generator:
 * it sends INTERACTION_CREATE frames and times each until its callback POST
 * arrives, keeping `concurrency` in flight. Each bot runs in its own process.
 * Briefbot answers `/brief meetings` from the seeded SQLite test bed (dedupe,
 * asker, dispatch, store query, embed rendering, paging buttons); the floor is a
 * bare discord.js Client replying a constant. Rounds alternate A/B; medians are
 * reported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/core/index.js';
import { createDiscordPlatform } from '../src/platforms/discord/index.js';
import { createTestBed } from '../test/helpers/command-context.js';
import { chatInput, FakeDiscord, GUILD_ID, PERMS } from '../test/helpers/fake-discord.js';

function text(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const REPLY_CACHE = text('reply-cache');
const DB = text('db');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function serve(kind: string, api: string): Promise<void> {
  let stop: () => Promise<void>;
  if (kind === 'briefbot') {
    // The bot's default settings (the reply cache among them), unless --reply-cache says otherwise.
    const replyCacheMs = loadConfig(REPLY_CACHE === undefined ? {} : { REPLY_CACHE }).replyCacheSec * 1000;
    const bed = await createTestBed({ dispatcher: { replyCacheMs }, ...(DB ? { storeFile: DB } : {}) });
    const platform = createDiscordPlatform({ token: 'bench.token', guildId: GUILD_ID, apiUrl: api, commandName: 'brief', commands: bed.context.commands, log: silentLogger });
    await platform.start(bed.dispatcher);
    stop = async () => {
      await platform.stop();
      await bed.close();
    };
  } else {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: { parse: [] }, rest: { api } });
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'ok' }).catch(() => {});
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login('bench.token');
    await ready;
    stop = async () => {
      await client.destroy();
    };
  }
  process.stdout.write('READY\n');
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
}

interface Result {
  kind: string;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  count: number;
  unexpected: number;
}

async function round(kind: string, seconds: number, concurrency: number): Promise<Result> {
  const fake = await FakeDiscord.start();
  fake.recording = false;
  const pending = new Map<string, (at: number) => void>();
  // Each reply must be the real answer (the list of meetings, or the constant), not an error.
  const expected = (data: { content?: string; embeds?: Array<{ title?: string }> } | undefined): boolean =>
    kind === 'briefbot' ? data?.embeds?.[0]?.title === 'Meetings' : data?.content === 'ok';
  let unexpected = 0;
  fake.onCall = (call) => {
    const m = /^\/interactions\/(\d+)\//.exec(call.path);
    if (!m) return;
    if (!expected((call.body as { data?: Parameters<typeof expected>[0] } | undefined)?.data)) unexpected += 1;
    pending.get(m[1]!)?.(performance.now());
  };
  const passOn = [...(DB ? ['--db', DB] : []), ...(REPLY_CACHE === undefined ? [] : ['--reply-cache', REPLY_CACHE])];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx/esm', new URL(import.meta.url).pathname, '--serve', kind, '--api', fake.apiUrl, ...passOn], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'READY' && resolve());
    child.once('exit', (code) => reject(new Error(`${kind} bot exited with ${code}`)));
  });

  const one = async (): Promise<number> => {
    const interaction = chatInput('brief', 'meetings', [], { permissions: PERMS.member });
    const done = new Promise<number>((resolve) => pending.set(interaction.id, resolve));
    const started = performance.now();
    fake.dispatch('INTERACTION_CREATE', interaction);
    const at = await done;
    pending.delete(interaction.id);
    return at - started;
  };
  const measure = async (ms: number, keep: number[]): Promise<void> => {
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) keep.push(await one());
      }),
    );
  };
  await measure(1_000, []); // warm-up: JIT, caches, SQLite pages
  const latencies: number[] = [];
  const started = performance.now();
  await measure(seconds * 1_000, latencies);
  const elapsed = (performance.now() - started) / 1_000;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await fake.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { kind, perSecond: latencies.length / elapsed, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: latencies.at(-1)!, count: latencies.length, unexpected };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (r: Omit<Result, 'kind' | 'count' | 'unexpected'>) =>
  `${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1)} ms  p90 ${r.p90.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`;

async function main(): Promise<void> {
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt > 0) {
    await serve(process.argv[serveAt + 1]!, process.argv[process.argv.indexOf('--api') + 1]!);
    return;
  }
  const seconds = option('duration', 5);
  const concurrency = option('concurrency', 50);
  const rounds = option('rounds', 3);
  const results: Result[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const kind of r % 2 ? ['briefbot', 'bare'] : ['bare', 'briefbot']) {
      const result = await round(kind, seconds, concurrency);
      results.push(result);
      console.log(`round ${r + 1} ${kind.padEnd(8)} ${fmt(result)}  (${result.count} interactions, ${result.unexpected} unexpected replies)`);
    }
  }
  console.log(`\nmedian of ${rounds} rounds, ${concurrency} in flight, ${seconds} s each:`);
  const medians = new Map<string, Omit<Result, 'kind' | 'count' | 'unexpected'>>();
  for (const kind of ['bare', 'briefbot']) {
    const mine = results.filter((x) => x.kind === kind);
    const m = { perSecond: median(mine.map((x) => x.perSecond)), p50: median(mine.map((x) => x.p50)), p90: median(mine.map((x) => x.p90)), p99: median(mine.map((x) => x.p99)), max: median(mine.map((x) => x.max)) };
    medians.set(kind, m);
    console.log(`  ${kind.padEnd(8)} ${fmt(m)}`);
  }
  const ratio = medians.get('briefbot')!.p99 / medians.get('bare')!.p99;
  const wrong = results.reduce((n, r) => n + r.unexpected, 0);
  console.log(`  p99 ratio (briefbot / bare): ${ratio.toFixed(2)} (target <= 1.5); unexpected replies: ${wrong}`);
  console.log(ratio <= 1.5 && wrong === 0 ? 'PASS' : 'BELOW TARGET');
}

await main();
