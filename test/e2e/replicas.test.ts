/**
 * Three bot processes on one PostgreSQL schema, fifty Slack channels on schedules
 * a few seconds apart, one replica killed with SIGKILL halfway: every slot after
 * start reaches the (fake) Slack exactly once. Counted at the fake, per
 * (channel, slot), from the digest metadata every message carries.
 *
 * The kill is made to land at the worst moment: a proxy lets one replica's post
 * reach Slack but holds back the answer, and that replica is the one killed. Its
 * delivery is left composed with the part unrecorded; a survivor must take it over
 * once the lease runs out and find the message rather than post it again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';
import { BotProcess } from './replicas/bot-process.js';
import { StallingProxy } from './replicas/stalling-proxy.js';

const CHANNELS = 50;
const PERIOD_SEC = 5;
const RUN_MS = 60_000;
/** The engine's delivery lease plus its recovery interval (60 s each): the longest a dead replica's claim can wait. */
const TAKEOVER_MS = 125_000;

/** node-cron takes no `a/b` steps in the seconds field: list them. */
const secondsOf = (i: number) => Array.from({ length: 60 / PERIOD_SEC }, (_, k) => (i % PERIOD_SEC) + k * PERIOD_SEC).join(',');
const channelId = (i: number) => `C${1000 + i}`;
const subscriber = (i: number) => `channel:slack:T1:${channelId(i)}`;

interface Posted {
  channel: string;
  slot: string;
  part: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

describePostgres('several replicas on one PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let store: PostgresStore;
  let slack: FakeSlack;
  let proxy: StallingProxy;
  const dataDir = mkdtempSync(join(tmpdir(), 'briefbot-replicas-'));
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    schema = await freshSchema('replicas');
    store = await openPostgresStore(schema.url, { log: silentLogger });
    slack = await FakeSlack.start();
    proxy = await StallingProxy.start(slack.url);
    for (let i = 0; i < CHANNELS; i += 1) {
      // Channel i fires at seconds ≡ i (mod 5): ten channels every second.
      await store.schedules.set({
        subscriber: subscriber(i),
        digest: 'daily-brief',
        cron: `${secondsOf(i)} * * * * *`,
        timezone: 'UTC',
        announceEmpty: true,
        setBy: 'slack:T1:U1',
      });
    }
  });

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await store?.close();
    await proxy?.close();
    await slack?.close();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every (channel, slot) exactly once while one of three replicas is killed', async () => {
    const env = (n: number) => ({
      DATABASE_URL: schema.url,
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: 'replica-signing-secret',
      SLACK_API_URL: proxy.apiUrl,
      PORT: '0',
      INSTANCE_ID: `replica-${n}`,
      SEED_SAMPLES: 'false',
      SCHEDULE_MIN_INTERVAL: '1s',
      POLL_EVERY: '1h',
      LOG_LEVEL: 'info',
      DATA_DIR: join(dataDir, `replica-${n}`),
    });
    for (let n = 0; n < 3; n += 1) bots.push(new BotProcess(`replica-${n}`, env(n)));
    await Promise.all(bots.map((bot) => bot.started(60_000)));
    // Slots from the next whole second on must all be delivered.
    const from = Math.ceil((Date.now() + 1000) / 1000) * 1000;

    // Halfway, catch one replica mid-delivery (its post went out, the answer never
    // comes back) and kill exactly that one.
    await sleep(Math.max(0, from + RUN_MS / 2 - Date.now()));
    const stalledChannel = channelId(7);
    const stalledSlot = await withTimeout(proxy.arm(stalledChannel), 15_000, 'no digest post to stall');
    const owner = await store.pool.query<{ owner: string; status: string }>(
      'SELECT owner, status FROM deliveries WHERE subscriber = $1 AND slot = $2',
      [subscriber(7), stalledSlot],
    );
    expect(owner.rows).toHaveLength(1);
    expect(owner.rows[0]!.status).toBe('composed');
    const victim = bots.find((bot) => bot.name === owner.rows[0]!.owner)!;
    await victim.kill();
    const killedAt = Date.now();

    await sleep(Math.max(0, from + RUN_MS - Date.now()));
    // Slots up to three seconds ago: each has certainly fired and been claimed by now.
    const until = Math.floor(Date.now() / 1000) * 1000 - 3000;

    // Wait until nothing is left unfinished: slots claimed by the dead replica come back after its lease.
    const deadline = killedAt + TAKEOVER_MS;
    for (;;) {
      const open = await store.pool.query<{ n: number }>(
        "SELECT COUNT(*)::int AS n FROM deliveries WHERE status IN ('claimed', 'composed') AND slot <= $1",
        [new Date(until).toISOString()],
      );
      if (open.rows[0]!.n === 0 || Date.now() > deadline) break;
      await sleep(500);
    }

    const posted: Posted[] = slack.callsOf('chat.postMessage').map((call) => {
      const payload = (call.args.metadata as { event_payload: { slot: string; part: number } }).event_payload;
      return { channel: String(call.args.channel), slot: payload.slot, part: payload.part };
    });
    const counts = new Map<string, number>();
    for (const p of posted.filter((x) => x.part === 0)) {
      const key = `${p.channel} ${p.slot}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const duplicates = [...counts].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);

    const missing: string[] = [];
    let expected = 0;
    for (let i = 0; i < CHANNELS; i += 1) {
      for (let t = from; t <= until; t += 1000) {
        if ((t / 1000) % PERIOD_SEC !== i % PERIOD_SEC) continue;
        expected += 1;
        const key = `${channelId(i)} ${new Date(t).toISOString()}`;
        if (!counts.has(key)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    expect(expected).toBeGreaterThanOrEqual(CHANNELS * (RUN_MS / 1000 / PERIOD_SEC - 1));

    // Every slot was claimed by a replica, and the survivors did the work after the kill.
    const rows = await store.pool.query<{ owner: string; status: string; n: number }>(
      // The survivors are still delivering newer slots; everything up to the window's end must be done.
      'SELECT owner, status, COUNT(*)::int AS n FROM deliveries WHERE slot <= $1 GROUP BY owner, status ORDER BY owner, status',
      [new Date(until).toISOString()],
    );
    expect(rows.rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const owners = new Set(rows.rows.map((r) => r.owner));
    for (const bot of bots.filter((b) => b !== victim)) expect(owners.has(bot.name), bot.name).toBe(true);
    const afterKill = await store.pool.query<{ owner: string }>('SELECT DISTINCT owner FROM deliveries WHERE slot > $1', [
      new Date(killedAt + 1000).toISOString(),
    ]);
    expect(afterKill.rows.map((r) => r.owner)).not.toContain(victim.name);
    // The stalled delivery was taken over, found at Slack and not posted again.
    expect(counts.get(`${stalledChannel} ${stalledSlot}`)).toBe(1);
    const resumed = await store.pool.query<{ owner: string; status: string; sent_parts: string }>(
      'SELECT owner, status, sent_parts FROM deliveries WHERE subscriber = $1 AND slot = $2',
      [subscriber(7), stalledSlot],
    );
    expect(resumed.rows[0]).toMatchObject({ status: 'sent' });
    expect(resumed.rows[0]!.owner).not.toBe(victim.name);
    expect(JSON.parse(resumed.rows[0]!.sent_parts)).toHaveProperty('0');
    const takenOver = bots.filter((b) => b !== victim).flatMap((bot) => bot.output.filter((line) => line.includes('taking over an unfinished delivery')));
    console.info(
      `replicas: ${expected} slots expected in the window, ${counts.size} (channel, slot) delivered once, ${posted.length} messages, ` +
        `${takenOver.length} taken over after the kill (settled ${Math.round((Date.now() - killedAt) / 1000)} s after it); ` +
        `by owner ${JSON.stringify(rows.rows)}`,
    );
  }, TAKEOVER_MS + RUN_MS + 90_000);
});
