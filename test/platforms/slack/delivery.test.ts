import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SendError, type DeliveryMark, type Reply } from '../../../src/core/index.js';
import { createSlackPlatform, type SlackPayload } from '../../../src/platforms/slack/index.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { expectWithinBudget } from './budgets.js';
import { BOT_TOKEN, captureLogger, SIGNING_SECRET, type LogEntry } from './harness.js';

let fake: FakeSlack;
let logs: LogEntry[];

function platform(overrides: { postIntervalMs?: number; maxRateLimitWaitMs?: number; retries?: number } = {}) {
  return createSlackPlatform({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    commands: [],
    log: captureLogger(logs),
    retryConfig: { retries: overrides.retries ?? 0, minTimeout: 10, maxTimeout: 20 },
    postIntervalMs: overrides.postIntervalMs ?? 0,
    ...(overrides.maxRateLimitWaitMs ? { maxRateLimitWaitMs: overrides.maxRateLimitWaitMs } : {}),
  });
}

const mark = (part: number, deliveryId = 7): DeliveryMark => ({ deliveryId, part, key: `${deliveryId}:${part}`, digest: 'weekly', slot: '2026-03-02T09:00:00Z' });
const simple: Reply = { title: 'Digest', blocks: [{ type: 'text', text: 'Ministers met.' }], ephemeral: false };

beforeEach(async () => {
  fake = await FakeSlack.start();
  logs = [];
});
afterEach(async () => {
  await fake.close();
});

describe('Slack digest delivery (real WebClient against the fake Web API)', () => {
  it('posts a part to a channel with the delivery metadata and no mention parsing', async () => {
    const p = platform();
    const [part] = p.renderParts(simple);
    const { messageId } = await p.sendPart({ kind: 'channel', ref: 'slack:T1:C9' }, part, mark(0));
    const call = fake.callsOf('chat.postMessage')[0]!;
    expect(messageId).toBe(`C9:${String(fake.history.get('C9')?.[0]?.ts)}`);
    expect(call.args.channel).toBe('C9');
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(call.args.metadata).toEqual({ event_type: 'briefbot_digest', event_payload: { delivery: 7, part: 0, digest: 'weekly', slot: '2026-03-02T09:00:00Z' } });
    expect(call.args.blocks).toEqual((part as SlackPayload).blocks);
    expect(call.args.text).toBe((part as SlackPayload).text);
    expect(call.args).not.toHaveProperty('link_names');
    expect(call.args).not.toHaveProperty('parse');
  });

  it('sends personal digests to the user by DM', async () => {
    const p = platform();
    const [part] = p.renderParts(simple);
    const { messageId } = await p.sendPart({ kind: 'user', ref: 'slack:T1:U77' }, part, mark(0));
    expect(fake.callsOf('conversations.open')[0]?.args.users).toBe('U77');
    expect(fake.callsOf('chat.postMessage')[0]?.args.channel).toBe('DU77');
    expect(messageId.startsWith('DU77:')).toBe(true);
  });

  it('finds a part already sent (after a crash) by its metadata, and only that part', async () => {
    const p = platform();
    const [part] = p.renderParts(simple);
    const to = { kind: 'channel' as const, ref: 'slack:T1:C9' };
    expect(await p.findSent?.(to, mark(0))).toBeNull();
    const { messageId } = await p.sendPart(to, part, mark(0));
    await p.sendPart(to, part, mark(1, 8));
    expect(await p.findSent?.(to, mark(0))).toBe(messageId);
    expect(await p.findSent?.(to, mark(1))).toBeNull();
    const history = fake.callsOf('conversations.history').at(-1)!;
    expect(history.args).toMatchObject({ channel: 'C9', limit: '50', include_all_metadata: 'true' });
  });

  it('waits out a 429 for its Retry-After, then sends', async () => {
    const p = platform();
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const [part] = p.renderParts(simple);
    await p.sendPart({ kind: 'channel', ref: 'slack:T1:C9' }, part, mark(0));
    const calls = fake.callsOf('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);
    expect(calls[1]!.at - calls[0]!.at).toBeLessThan(2_000);
    expect(fake.history.get('C9')).toHaveLength(1);
  });

  it('gives a long Retry-After back to the scheduler instead of blocking', async () => {
    const p = platform({ maxRateLimitWaitMs: 5_000 });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    const [part] = p.renderParts(simple);
    const started = Date.now();
    const error = await p.sendPart({ kind: 'channel', ref: 'slack:T1:C9' }, part, mark(0)).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000 });
  });

  it('retries a server error within the bounded retry policy, then gives up as transient', async () => {
    const p = platform({ retries: 2 });
    const [part] = p.renderParts(simple);
    fake.failNext('chat.postMessage', { status: 503 }, 2);
    await p.sendPart({ kind: 'channel', ref: 'slack:T1:C9' }, part, mark(0));
    expect(fake.callsOf('chat.postMessage')).toHaveLength(3);
    fake.failNext('chat.postMessage', { status: 503 }, 3);
    const error = await p.sendPart({ kind: 'channel', ref: 'slack:T1:C9' }, part, mark(1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SendError', kind: 'transient' });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(6);
  });

  it.each([
    ['channel_not_found', 'gone'],
    ['is_archived', 'gone'],
    ['account_inactive', 'gone'],
    ['not_in_channel', 'forbidden'],
    ['internal_error', 'transient'],
  ] as const)('maps %s to a %s SendError', async (code, kind) => {
    const p = platform();
    fake.failNext('chat.postMessage', { error: code });
    const [part] = p.renderParts(simple);
    const error = await p.sendPart({ kind: 'channel', ref: 'slack:T1:C9' }, part, mark(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).kind).toBe(kind);
    expect((error as SendError).message).toContain(code);
  });

  it('paces posts to one channel at the configured interval, not across channels', async () => {
    const p = platform({ postIntervalMs: 300 });
    const [part] = p.renderParts(simple);
    await Promise.all([
      p.sendPart({ kind: 'channel', ref: 'slack:T1:CA' }, part, mark(0)),
      p.sendPart({ kind: 'channel', ref: 'slack:T1:CA' }, part, mark(1)),
      p.sendPart({ kind: 'channel', ref: 'slack:T1:CA' }, part, mark(2)),
      p.sendPart({ kind: 'channel', ref: 'slack:T1:CB' }, part, mark(0)),
    ]);
    const a = fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'CA');
    const b = fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'CB');
    expect(a.map((c) => (c.args.metadata as { event_payload: { part: number } }).event_payload.part)).toEqual([0, 1, 2]);
    expect(a[1]!.at - a[0]!.at).toBeGreaterThanOrEqual(280);
    expect(a[2]!.at - a[1]!.at).toBeGreaterThanOrEqual(280);
    expect(b[0]!.at - a[0]!.at).toBeLessThan(200);
  });

  it('delivers a 200-item digest as several messages that each fit, with mentions escaped', async () => {
    const p = platform();
    const reply: Reply = {
      title: 'Weekly digest',
      blocks: Array.from({ length: 200 }, (_, i) => ({ type: 'text' as const, text: `Item ${i}: statement quoted "<!channel> <!here> <@U123>" and more words to fill the line up a little.` })),
      ephemeral: false,
    };
    const parts = p.renderParts(reply) as SlackPayload[];
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) await p.sendPart({ kind: 'channel', ref: 'slack:T1:C9' }, part, mark(i));
    const calls = fake.callsOf('chat.postMessage');
    expect(calls).toHaveLength(parts.length);
    const wire = JSON.stringify(calls.map((c) => c.args));
    expect(wire).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(wire.match(/&lt;!channel&gt;/g)?.length).toBeGreaterThanOrEqual(200);
    for (const call of calls) expectWithinBudget({ text: String(call.args.text), blocks: call.args.blocks as SlackPayload['blocks'] });
  });

  it('notifies a person by DM', async () => {
    const p = platform();
    await p.notify('slack:T1:U9', { blocks: [{ type: 'text', text: 'Your schedule was paused: the channel is archived.' }], ephemeral: false });
    const call = fake.callsOf('chat.postMessage')[0]!;
    expect(call.args.channel).toBe('DU9');
    expect(call.args.text).toBe('Your schedule was paused: the channel is archived.');
    expect(call.args).not.toHaveProperty('metadata');
  });
});
