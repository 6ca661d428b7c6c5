/**
 * Three bot processes on one PostgreSQL schema, fifty Slack channels on schedules
 * a few seconds apart, one replica killed with SIGKILL halfway: every slot after
 * start reaches the (fake) Slack exactly once. Counted at the fake, per
 * (channel, slot), from the digest metadata every message carries.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { describePostgres, freshSchema } from '../helpers/postgres.js';
import { BotProcess } from './replicas/bot-process.js';

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

describePostgres('several replicas on one PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let store: PostgresStore;
  let slack: FakeSlack;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    schema = await freshSchema('replicas');
    store = await openPostgresStore(schema.url, { log: silentLogger });
    slack = await FakeSlack.start();
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
    await slack?.close();
    await schema?.drop();
  });

  it('delivers every (channel, slot) exactly once while one of three replicas is killed', async () => {
    const env = (n: number) => ({
      DATABASE_URL: schema.url,
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: 'replica-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      INSTANCE_ID: `replica-${n}`,
      SEED_SAMPLES: 'false',
      SCHEDULE_MIN_INTERVAL: '1s',
      POLL_EVERY: '1h',
      LOG_LEVEL: 'info',
      DATA_DIR: `/tmp/briefbot-replicas-${process.pid}-${n}`,
    });
    for (let n = 0; n < 3; n += 1) bots.push(new BotProcess(`replica-${n}`, env(n)));
    await Promise.all(bots.map((bot) => bot.started(60_000)));
    // Slots from the next whole second on must all be delivered.
    const from = Math.ceil((Date.now() + 1000) / 1000) * 1000;

    // Kill one replica just after a slot fires, when it is most likely mid-delivery.
    await sleep(RUN_MS / 2 - (Date.now() % 1000) + 30);
    const victim = bots[0]!;
    await victim.kill();
    const killedAt = Date.now();

    await sleep(Math.max(0, from + RUN_MS - Date.now()));
    const until = Math.floor(Date.now() / 1000) * 1000 - 1000;

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
      'SELECT owner, status, COUNT(*)::int AS n FROM deliveries GROUP BY owner, status ORDER BY owner, status',
    );
    expect(rows.rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const owners = new Set(rows.rows.map((r) => r.owner));
    expect(owners.has('replica-1') && owners.has('replica-2')).toBe(true);
    const afterKill = await store.pool.query<{ owner: string }>('SELECT DISTINCT owner FROM deliveries WHERE slot > $1', [
      new Date(killedAt + 1000).toISOString(),
    ]);
    expect(afterKill.rows.map((r) => r.owner)).not.toContain('replica-0');
    const takenOver = bots.slice(1).flatMap((bot) => bot.output.filter((line) => line.includes('taking over an unfinished delivery')));
    console.info(
      `replicas: ${expected} slots expected in the window, ${counts.size} (channel, slot) delivered once, ${posted.length} messages, ` +
        `${takenOver.length} taken over after the kill (settled ${Math.round((Date.now() - killedAt) / 1000)} s after it); ` +
        `by owner ${JSON.stringify(rows.rows)}`,
    );
  }, TAKEOVER_MS + RUN_MS + 90_000);
});
