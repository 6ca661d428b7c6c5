/**
 * Slack slash-command throughput: Briefbot's full path against a bare Bolt app.
 *
 *   node --import tsx bench/slack.ts [--duration 10] [--connections 50] [--rounds 3] [--db FILE] [--reply-cache 10s]
 *
 * Briefbot runs with the bot's default settings, so a repeated `/brief meetings`
 * is answered from the reply cache (REPLY_CACHE, 10 s while no document is added);
 * `--reply-cache 0` measures every request answered from the store instead.
 * `--db FILE`: answer from a store filled by `bench/commands.ts --db FILE` (100,000
 * documents and 20,000 meetings) instead of the small seeded test bed.
 *
 * Each server runs in its own process (with its own loopback fake Slack API);
 * autocannon runs here. Briefbot answers a signed `/brief meetings` from the
 * seeded SQLite test bed (signature guard, dedupe, users.info cache, dispatch,
 * reply cache, Block Kit rendering); the floor is a bare Bolt HTTPReceiver acking a constant.
 * Every request gets a fresh trigger_id and signature, so neither side can
 * short-cut a repeat. Rounds alternate A/B; the medians are reported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/core/index.js';
import { createSlackPlatform } from '../src/platforms/slack/index.js';
import { createTestBed } from '../test/helpers/command-context.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';

const REPLY_CACHE = process.argv.includes('--reply-cache') ? process.argv[process.argv.indexOf('--reply-cache') + 1] : undefined;
const SECRET = 'bench-signing-secret-0123456789';
const TOKEN = 'xoxb-bench-token';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function serve(kind: string): Promise<void> {
  const fake = await FakeSlack.start();
  fake.users.set('UBENCH', { id: 'UBENCH' });
  let port: number;
  let stop: () => Promise<void>;
  if (kind === 'briefbot') {
    const dbAt = process.argv.indexOf('--db');
    // The bot's default settings (the reply cache among them), as `npm start` has them,
    // unless --reply-cache says otherwise (0 measures every request answered from the store).
    const replyCacheMs = loadConfig(REPLY_CACHE === undefined ? {} : { REPLY_CACHE }).replyCacheSec * 1000;
    const bed = await createTestBed({ dispatcher: { replyCacheMs }, ...(dbAt > 0 ? { storeFile: process.argv[dbAt + 1] } : {}) });
    const platform = createSlackPlatform({ botToken: TOKEN, signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, host: '127.0.0.1', commands: bed.context.commands, log: silentLogger, retryConfig: { retries: 0 } });
    await platform.start(bed.dispatcher);
    port = platform.port() ?? 0;
    stop = async () => {
      await platform.stop();
      await bed.close();
    };
  } else {
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
    const app = new App({ receiver, token: TOKEN, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/brief', async ({ ack }) => {
      await ack({ response_type: 'ephemeral', text: 'ok' });
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    port = (server.address() as AddressInfo).port;
    stop = async () => {
      await app.stop();
    };
  }
  const cpuAtStart = process.cpuUsage();
  process.stdout.write(`PORT ${port}\n`);
  process.once('SIGTERM', () => {
    // CPU time is less distorted than wall-clock figures when other work shares the machine.
    const cpu = process.cpuUsage(cpuAtStart);
    process.stdout.write(`CPU ${cpu.user + cpu.system}\n`);
    void stop()
      .then(() => fake.close())
      .finally(() => process.exit(0));
  });
}

interface Served {
  child: ChildProcess;
  port: number;
  /** Resolves with the server's CPU time in microseconds once it has been stopped. */
  cpu: Promise<number>;
}

function startServer(kind: string): Promise<Served> {
  const dbAt = process.argv.indexOf('--db');
  const db = dbAt > 0 ? ['--db', process.argv[dbAt + 1]!] : [];
  if (REPLY_CACHE !== undefined) db.push('--reply-cache', REPLY_CACHE);
  const child = spawn(process.execPath, ['--import', 'tsx/esm', import.meta.filename, '--serve', kind, ...db], { stdio: ['ignore', 'pipe', 'inherit'] });
  let reportCpu: (us: number) => void = () => {};
  const cpu = new Promise<number>((resolve) => {
    reportCpu = resolve;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = /^PORT (\d+)$/.exec(line);
      if (port) resolve({ child, port: Number(port[1]), cpu });
      const used = /^CPU (\d+)$/.exec(line);
      if (used) reportCpu(Number(used[1]));
    });
  });
}

let seq = 0;
function signedRequest(): { body: string; headers: Record<string, string> } {
  seq += 1;
  const ts = String(Math.floor(Date.now() / 1000));
  const body = new URLSearchParams({
    team_id: 'T1', team_domain: 'bench', channel_id: 'C1', channel_name: 'general', user_id: 'UBENCH', user_name: 'bench',
    command: '/brief', text: 'meetings', api_app_id: 'A1', is_enterprise_install: 'false',
    response_url: 'http://127.0.0.1:9/unused', trigger_id: `${process.pid}.${seq}.${ts}`,
  }).toString();
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature } };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** The slowest acknowledgement; Slack gives up after 3 seconds. */
  max: number;
  non2xx: number;
  unexpected: number;
  /** Server CPU per request, in milliseconds. */
  cpuMs: number;
}

async function load(kind: string, duration: number, connections: number): Promise<Figures> {
  const { child, port, cpu } = await startServer(kind);
  let unexpected = 0;
  const expect = kind === 'briefbot' ? '"Meetings"' : '"ok"';
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/slack/events`,
      method: 'POST',
      connections,
      duration,
      requests: [
        {
          setupRequest: (req) => ({ ...req, ...signedRequest() }),
          onResponse: (status, body) => {
            if (status !== 200 || !body.includes(expect)) {
              unexpected += 1;
              if (unexpected <= 2) console.error(`unexpected ${status}: ${body.slice(0, 200)}`);
            }
          },
        },
      ],
    });
    child.kill('SIGTERM');
    const cpuMs = (await cpu) / 1000 / Math.max(1, result.requests.total);
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, non2xx: result.non2xx, unexpected, cpuMs };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const duration = option('duration', 10);
  const connections = option('connections', 50);
  const rounds = option('rounds', 3);
  const runs: Record<string, Figures[]> = { briefbot: [], bare: [] };
  for (let r = 0; r < rounds; r += 1) {
    for (const kind of r % 2 === 0 ? ['briefbot', 'bare'] : ['bare', 'briefbot']) {
      const f = await load(kind, duration, connections);
      runs[kind]!.push(f);
      console.log(`round ${r + 1} ${kind.padEnd(8)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  max ${f.max} ms  cpu ${f.cpuMs.toFixed(2)} ms/req  non-2xx ${f.non2xx}  unexpected bodies ${f.unexpected}`);
    }
  }
  const summary = (kind: string) => ({
    rps: median(runs[kind]!.map((f) => f.rps)),
    p50: median(runs[kind]!.map((f) => f.p50)),
    p99: median(runs[kind]!.map((f) => f.p99)),
    max: Math.max(...runs[kind]!.map((f) => f.max)),
    cpu: median(runs[kind]!.map((f) => f.cpuMs)),
  });
  const a = summary('briefbot');
  const b = summary('bare');
  console.log(`\nmedian of ${rounds}, c=${connections}, ${duration} s each`);
  console.log(`briefbot /brief meetings  ${a.rps.toFixed(0)} req/s  p50 ${a.p50} ms  p99 ${a.p99} ms  slowest ${a.max} ms  cpu ${a.cpu.toFixed(2)} ms/req`);
  console.log(`bare Bolt constant ack    ${b.rps.toFixed(0)} req/s  p50 ${b.p50} ms  p99 ${b.p99} ms  slowest ${b.max} ms  cpu ${b.cpu.toFixed(2)} ms/req`);
  console.log(`ratio (briefbot / bare)   ${(a.rps / b.rps).toFixed(2)} throughput, ${(a.p99 / b.p99).toFixed(2)} p99, ${(a.cpu / b.cpu).toFixed(2)} cpu per request`);
  const met = a.p99 <= 1.5 * b.p99 && a.max < 3_000;
  console.log(met ? 'PASS (p99 at most 1.5x the bare app, every ack within 3 s)' : 'BELOW TARGET (p99 at most 1.5x the bare app, every ack within 3 s)');
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1] ?? 'bare');
else await main();
