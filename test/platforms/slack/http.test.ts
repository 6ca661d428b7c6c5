import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, slashBody, slackSignature } from '../../helpers/slack-sign.js';
import { BOT_TOKEN, SIGNING_SECRET, startHttpHarness, type Harness } from './harness.js';

interface AckBody {
  response_type?: string;
  text?: string;
  blocks?: Array<{ type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ value?: string; text?: string | { text: string } }> }>;
}

function allText(body: AckBody): string {
  return (body.blocks ?? [])
    .flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))])
    .join('\n');
}

let h: Harness;
beforeAll(async () => {
  h = await startHttpHarness({ adminUsers: ['U3', 'slack:T1:U4'] });
  h.fake.users.set('U1', { id: 'U1' });
  h.fake.users.set('U2', { id: 'U2', is_admin: true });
  h.fake.users.set('U5', { id: 'U5', is_owner: true });
});
afterAll(async () => {
  await h.close();
});

async function command(text: string, extra: Parameters<typeof slashBody>[0] extends infer T ? Partial<T> : never = {}, headers?: Record<string, string>) {
  const id = `r${Math.random().toString(36).slice(2)}`;
  const body = slashBody({ text, responseUrl: h.fake.responseUrl(id), ...extra });
  const started = Date.now();
  const res = await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET, ...(headers ? { headers } : {}) });
  const raw = await res.text();
  return { res, elapsed: Date.now() - started, body: (raw ? JSON.parse(raw) : {}) as AckBody, id, form: body };
}

describe('Slack over HTTP (real Bolt HTTPReceiver)', () => {
  it('answers a signed /brief in the ack, ephemeral as the reply says, with the asker built from the payload', async () => {
    const { res, body } = await command('whoami');
    expect(res.status).toBe(200);
    expect(body.response_type).toBe('ephemeral');
    const text = allText(body);
    expect(text).toContain('*user*\nslack:T1:U1 ada');
    expect(text).toContain('*channel*\nslack:T1:C1');
    expect(text).toContain('*direct*\nfalse');
    expect(text).toContain('*manage-channel*\nfalse');
    expect(text).toContain('*manage-sources*\nfalse');
    const lookup = h.fake.callsOf('users.info').at(-1);
    expect(lookup?.args.user).toBe('U1');
    expect(lookup?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('lets workspace admins and owners manage, caching users.info', async () => {
    const before = h.fake.callsOf('users.info').filter((c) => c.args.user === 'U2').length;
    for (let i = 0; i < 2; i += 1) {
      const text = allText((await command('whoami', { user: 'U2' })).body);
      expect(text).toContain('*manage-channel*\ntrue');
      expect(text).toContain('*manage-sources*\ntrue');
    }
    expect(h.fake.callsOf('users.info').filter((c) => c.args.user === 'U2').length - before).toBe(1);
    expect(allText((await command('whoami', { user: 'U5' })).body)).toContain('*manage-sources*\ntrue');
  });

  it('lets ADMIN_USERS (raw ids or refs) manage without asking Slack', async () => {
    for (const user of ['U3', 'U4']) {
      const text = allText((await command('whoami', { user })).body);
      expect(text).toContain('*manage-channel*\ntrue');
      expect(text).toContain('*manage-sources*\ntrue');
      expect(h.fake.callsOf('users.info').some((c) => c.args.user === user)).toBe(false);
    }
  });

  it('treats a D… channel as a DM the user may manage, but not the sources', async () => {
    const text = allText((await command('whoami', { channel: 'D42' })).body);
    expect(text).toContain('*channel*\nslack:T1:D42');
    expect(text).toContain('*direct*\ntrue');
    expect(text).toContain('*manage-channel*\ntrue');
    expect(text).toContain('*manage-sources*\nfalse');
  });

  it('posts in_channel replies visibly, with ingested mentions escaped so nobody is pinged', async () => {
    const { body } = await command('echo <!channel> <!here> <@U123> & <https://x.example|y>');
    expect(body.response_type).toBe('in_channel');
    const text = allText(body);
    expect(text).toBe('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp; &lt;https://x.example|y&gt;');
    expect(body.text).toBe(text);
    expect(JSON.stringify(body)).not.toMatch(/<!channel>|<!here>|<@U123>|link_names/);
  });

  it('acks a slow command quickly with "working on it" and answers through the response_url', async () => {
    const { res, body, elapsed, id } = await command('slow');
    expect(res.status).toBe(200);
    // Slack's deadline is 3 s; the ack goes out when the 2 s race is lost.
    expect(elapsed).toBeLessThan(2_900);
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(body).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
    const answer = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === id));
    expect(answer.body.response_type).toBe('in_channel');
    expect(answer.body.replace_original).toBe(false);
    expect(answer.body.text).toBe('slow answer ready');
    expect(JSON.stringify(answer.body.blocks)).toContain('slow answer ready');
  });

  it('sends a reply too long for one message as the ack plus follow-ups through the response_url', async () => {
    const words = Array.from({ length: 4000 }, (_, i) => `w${i}`);
    const { body, id } = await command('words count:4000');
    const rest = await h.fake.waitFor(() => {
      const got = h.fake.responses.filter((r) => r.id === id);
      return got.length >= 2 && got;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const all = [body, ...h.fake.responses.filter((r) => r.id === id).map((r) => r.body as AckBody)];
    expect(all.length).toBe(3);
    for (const m of all.slice(1)) expect(m).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(rest.length).toBe(2);
    const seen = all.map(allText).join(' ').split(/\s+/).filter(Boolean);
    expect(seen).toEqual(words);
  });

  it('ends an answer longer than a response_url takes with a notice of what was left out', async () => {
    const words = Array.from({ length: 12_000 }, (_, i) => `w${i}`);
    const { body, id } = await command('words count:12000');
    await h.fake.waitFor(() => h.fake.responses.filter((r) => r.id === id).length >= 5);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const rest = h.fake.responses.filter((r) => r.id === id).map((r) => r.body as AckBody);
    expect(rest).toHaveLength(5);
    const notice = allText(rest.at(-1)!);
    expect(notice).toMatch(/The rest of this answer \(\d+ more messages\) is left out/);
    const seen = [body, ...rest.slice(0, -1)].map(allText).join(' ').split(/\s+/).filter(Boolean);
    expect(seen.length).toBeGreaterThan(4000);
    expect(seen).toEqual(words.slice(0, seen.length));
  });

  it('answers a user error as an ephemeral reply, not a crash', async () => {
    const { res, body } = await command('nosuchthing');
    expect(res.status).toBe(200);
    expect(body.response_type).toBe('ephemeral');
    expect(allText(body)).toContain('There is no `nosuchthing` command.');
  });

  describe('signature checks (the command never runs)', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: Array<[string, (body: string) => Parameters<typeof postSigned>[2]]> = [
      ['missing', () => ({ secret: SIGNING_SECRET, signature: null })],
      ['wrong', (body) => ({ secret: SIGNING_SECRET, signature: slackSignature('another-secret', now(), body) })],
      ['stale (more than 5 minutes old)', () => ({ secret: SIGNING_SECRET, timestamp: now() - 301 })],
      ['future (more than 5 minutes ahead)', () => ({ secret: SIGNING_SECRET, timestamp: now() + 301 })],
      ['far future', () => ({ secret: SIGNING_SECRET, timestamp: now() + 3_600 })],
    ];
    for (const [name, options] of cases) {
      it(`refuses a ${name} signature with 401`, async () => {
        const runsBefore = h.runs.length;
        const body = slashBody({ text: 'echo should-not-run', responseUrl: h.fake.responseUrl('never') });
        const res = await postSigned(h.eventsUrl, body, options(body));
        expect(res.status).toBe(401);
        expect(await res.text()).toBe('');
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(h.runs.length).toBe(runsBefore);
      });
    }

    // Bolt's own verification is off (the guard does it); no spelling of the endpoint may bypass the guard.
    for (const suffix of ['?retry=1', '#frag', '/', '//', '/../events']) {
      it(`gives an unsigned POST to the endpoint spelt "${suffix}" no run`, async () => {
        const runsBefore = h.runs.length;
        const body = slashBody({ text: 'echo should-not-run', responseUrl: h.fake.responseUrl('never') });
        const res = await fetch(`${h.eventsUrl}${suffix}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        expect([401, 404]).toContain(res.status);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(h.runs.length).toBe(runsBefore);
      });
    }

    it('accepts a timestamp four minutes ahead (clock skew within the window)', async () => {
      const body = slashBody({ text: 'echo skewed', responseUrl: h.fake.responseUrl('skew') });
      const res = await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET, timestamp: now() + 240 });
      expect(res.status).toBe(200);
      expect(allText((await res.json()) as AckBody)).toBe('skewed');
    });
  });

  it('acknowledges a retried delivery (X-Slack-Retry-Num) without running the command twice', async () => {
    const runsBefore = h.runs.filter((r) => r === 'echo').length;
    const body = slashBody({ text: 'echo once only', responseUrl: h.fake.responseUrl('retry') });
    const first = await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET });
    expect(first.status).toBe(200);
    expect(allText((await first.json()) as AckBody)).toBe('once only');
    const retry = await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe('');
    expect(h.runs.filter((r) => r === 'echo').length - runsBefore).toBe(1);
  });

  it('pages with a Next page button whose click dispatches the next command', async () => {
    const { body } = await command('items');
    const actions = body.blocks?.find((b) => b.type === 'actions');
    expect(actions?.elements?.[0]?.value).toBe('items page:2');
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'fake' },
      user: { id: 'U1', username: 'ada', name: 'ada', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: false },
      trigger_id: `t-${Date.now()}`,
      channel: { id: 'C1', name: 'general' },
      response_url: h.fake.responseUrl('page2'),
      actions: [{ type: 'button', action_id: 'briefbot_next_page', block_id: 'briefbot_paging', value: 'items page:2', text: { type: 'plain_text', text: 'Next page' }, action_ts: '1.2' }],
    };
    const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await postSigned(h.eventsUrl, form, { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    const page = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'page2'));
    expect(h.runs).toContain('items:2');
    expect(JSON.stringify(page.body.blocks)).toContain('Item 11 ');
    expect(JSON.stringify(page.body.blocks)).toContain('"value":"items page:3"');
    // A click on a shared message answers the clicker privately instead of rewriting it for everyone.
    expect(page.body.response_type).toBe('ephemeral');
    expect(page.body.replace_original).toBe(false);
  });

  it('answers /healthz with 200', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('never writes a token, the signing secret or a request body to the log', async () => {
    const dump = JSON.stringify(h.logs);
    expect(h.logs.some((l) => l.msg === 'refused a Slack request')).toBe(true);
    expect(dump).not.toContain(BOT_TOKEN);
    expect(dump).not.toContain(SIGNING_SECRET);
    expect(dump).not.toContain('legacy-verification-token');
  });
});
