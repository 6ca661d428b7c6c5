/**
 * The whole bot in Slack HTTP mode, started as `npm start` would, against the
 * loopback Slack: health check, signed slash commands answered from the seeded
 * briefings, forged or replayed requests refused without effect, mentions
 * neutralised, and no credential in anything the process prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { postSigned, slackSignature, slashBody } from '../helpers/slack-sign.js';
import { Bots, freePort, type BotProcess } from './support/bot-process.js';

const TOKEN = 'xoxb-e2e-1111-2222-process-token';
const SECRET = 'e2e-process-signing-secret-8c41f2';
/** Listed in ADMIN_USERS, so `for:channel` is allowed to them. */
const ADMIN = 'UADMIN1';

describe('npm start with Slack (HTTP mode)', () => {
  const bots = new Bots();
  let slack: FakeSlack;
  let bot: BotProcess;
  let base = '';

  beforeAll(async () => {
    slack = await FakeSlack.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = bots.start({
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      ADMIN_USERS: ADMIN,
      DATA_DIR: bots.dataDir(),
      POLL_EVERY: '1h',
      // The chattiest level: a leak would show here first.
      LOG_LEVEL: 'trace',
    });
    await bot.started(40_000);
  }, 45_000);

  afterAll(async () => {
    await bots.killAll();
    await slack?.close();
  });

  let requests = 0;
  const command = (text: string, fields: { user?: string; channel?: string; responseId?: string } = {}) =>
    slashBody({ text, responseUrl: slack.responseUrl(fields.responseId ?? `r${(requests += 1)}`), ...fields });

  type Answer = { text: string; response_type: string; blocks: unknown[] };

  /**
   * The answer comes in the ack when ready within 2 s, else after a "Working on it…"
   * ack through the response_url: either way, it is timed from the request.
   */
  async function ask(text: string, fields: { user?: string; channel?: string } = {}) {
    const started = Date.now();
    const responseId = `r${(requests += 1)}`;
    const res = await postSigned(`${base}/slack/events`, command(text, { ...fields, responseId }), { secret: SECRET });
    let raw = await res.text();
    if (res.status === 200 && raw.includes('Working on it')) {
      const later = await slack.waitFor(() => slack.responses.find((r) => r.id === responseId), 10_000);
      raw = JSON.stringify(later.body);
    }
    return { status: res.status, ms: Date.now() - started, raw, body: raw ? (JSON.parse(raw) as Answer) : null };
  }

  it('answers /healthz with 200', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers a signed `/brief meetings` with the seeded Niamey meeting within 3 s', async () => {
    const reply = await ask('meetings');
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(3_000);
    expect(reply.body?.response_type).toBe('in_channel');
    expect(reply.body?.text).toMatch(/Africa Focus Group \(Global Coalition to Defeat ISIS\) · Niamey, Niger/);
    expect(reply.body?.blocks.length).toBeGreaterThan(0);
    // Slack's answer used the configured bot token against our Web API.
    expect(slack.calls.length).toBeGreaterThan(0);
    expect(slack.calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('answers `/brief help` privately with every command', async () => {
    const reply = await ask('help');
    expect(reply.status).toBe(200);
    expect(reply.body?.response_type).toBe('ephemeral');
    for (const name of ['meetings', 'meeting', 'search', 'subscribe', 'unsubscribe', 'schedule', 'digest', 'help']) {
      expect(reply.body?.text).toContain(`/brief ${name}`);
    }
  });

  describe('refuses forged and replayed requests with 401 and changes nothing', () => {
    const user = 'UFORGED';
    const now = () => Math.floor(Date.now() / 1000);
    const cases: Array<[string, (body: string) => Parameters<typeof postSigned>[2] & { send?: string }]> = [
      ['unsigned', () => ({ secret: SECRET, signature: null })],
      ['signed with the wrong secret', () => ({ secret: 'not-the-signing-secret' })],
      ['stale (301 s old)', () => ({ secret: SECRET, timestamp: now() - 301 })],
      ['from the future (301 s ahead)', () => ({ secret: SECRET, timestamp: now() + 301 })],
      // Signed for another body: the signature covers every byte.
      ['signed for a different body', (body) => ({ secret: SECRET, signature: slackSignature(SECRET, now(), body.replace('sahel', 'syria')) })],
    ];
    for (const [name, options] of cases) {
      it(name, async () => {
        const responsesBefore = slack.responses.length;
        const body = command('subscribe sahel', { user });
        const res = await postSigned(`${base}/slack/events`, body, options(body));
        expect(res.status).toBe(401);
        expect(await res.text()).toBe('');
        expect(slack.responses.length).toBe(responsesBefore);
      });
    }

    it('left no subscription behind (checked with a good request)', async () => {
      const reply = await ask('subscriptions', { user });
      expect(reply.status).toBe(200);
      expect(reply.body?.text).toMatch(/^You have no subscriptions\./);
      expect(reply.body?.text).not.toMatch(/#\d+ sahel/);
      // And the same request, properly signed, does work: the refusals were about the signature.
      const good = await ask('subscribe sahel', { user });
      expect(good.body?.text).toMatch(/Subscribed you to `sahel`/);
      expect((await ask('subscriptions', { user })).body?.text).toMatch(/• #\d+ sahel/);
    });
  });

  it('echoes a <!channel> inside a subscribe filter escaped, never as a live mention', async () => {
    const reply = await ask('subscribe <!channel> sahel for:channel', { user: ADMIN, channel: 'C0ECHO' });
    expect(reply.status).toBe(200);
    expect(reply.body?.text).toContain('Subscribed this channel to `&lt;!channel&gt; sahel`');
    expect(reply.raw).not.toContain('<!channel>');
    expect(reply.raw).not.toContain('<!');
  });

  it('never prints the bot token or the signing secret', () => {
    // The log is real (trace level, refusals included), not empty.
    const lines = bot.logLines();
    expect(lines.some((l) => l.msg === 'refused a Slack request')).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [TOKEN, SECRET, TOKEN.slice(5), SECRET.slice(0, 20)]) {
      expect(bot.stderr).not.toContain(secret);
      expect(bot.stdout).not.toContain(secret);
    }
  });
});
