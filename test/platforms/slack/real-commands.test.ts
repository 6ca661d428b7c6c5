/**
 * Every real /brief subcommand, through real Bolt over signed HTTP, against the
 * seeded SQLite test bed: each example answers (in the ack or through the
 * response_url), fits Slack's budgets, and none is an internal failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPlatform, type SlackPayload } from '../../../src/platforms/slack/index.js';
import { createTestBed, type TestBed } from '../../helpers/command-context.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { postSigned, slashBody } from '../../helpers/slack-sign.js';
import { expectWithinBudget } from './budgets.js';
import { BOT_TOKEN, captureLogger, SIGNING_SECRET, type LogEntry } from './harness.js';

let bed: TestBed;
let fake: FakeSlack;
let platform: ReturnType<typeof createSlackPlatform>;
const logs: LogEntry[] = [];
let n = 0;

beforeAll(async () => {
  bed = await createTestBed();
  fake = await FakeSlack.start();
  fake.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
  fake.users.set('UPLAIN', { id: 'UPLAIN' });
  platform = createSlackPlatform({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    commands: bed.context.commands,
    log: captureLogger(logs),
    retryConfig: { retries: 0 },
  });
  await platform.start(bed.dispatcher);
});
afterAll(async () => {
  await platform.stop();
  await fake.close();
  await bed.close();
});

/** Every message the command produced: the ack (unless it was the "working on it" note) and any responses. */
async function run(text: string, user = 'UADMIN'): Promise<{ status: number; messages: Array<SlackPayload & { response_type?: string }> }> {
  n += 1;
  const id = `real-${n}`;
  const res = await postSigned(`http://127.0.0.1:${platform.port()}/slack/events`, slashBody({ text, user, channel: 'C100', responseUrl: fake.responseUrl(id) }), { secret: SIGNING_SECRET });
  const ack = (await res.json()) as SlackPayload & { response_type?: string };
  if (ack.text !== 'Working on it…') return { status: res.status, messages: [ack, ...fake.responses.filter((r) => r.id === id).map((r) => r.body as unknown as SlackPayload)] };
  const first = await fake.waitFor(() => fake.responses.find((r) => r.id === id), 10_000);
  return { status: res.status, messages: [first.body as unknown as SlackPayload] };
}

describe('every real subcommand through Slack', () => {
  const examples = (): string[] => bed.context.commands.flatMap((c) => c.examples);

  it('has examples for every command', () => {
    expect(bed.context.commands.length).toBeGreaterThanOrEqual(10);
    for (const c of bed.context.commands) expect(c.examples.length, c.name).toBeGreaterThan(0);
  });

  it('answers every example within budget and without an internal error', async () => {
    for (const line of examples()) {
      const { status, messages } = await run(line);
      expect(status, line).toBe(200);
      expect(messages.length, line).toBeGreaterThan(0);
      for (const m of messages) {
        expectWithinBudget(m);
        expect(JSON.stringify(m), line).not.toContain('something went wrong on our side');
      }
    }
  });

  it('shows /brief meetings publicly with a working Next page button', async () => {
    const { messages } = await run('meetings');
    const [ack] = messages;
    expect(ack?.response_type).toBe('in_channel');
    expect(JSON.stringify(ack)).toContain('Niamey');
    const button = ack?.blocks.find((b) => b.type === 'actions');
    expect(button?.type === 'actions' && button.elements[0]?.value).toBe('meetings page:2');
    const direct = await bed.dispatcher.handle('meetings', bed.asker({ channel: 'slack:T1:C100', user: { ref: 'slack:T1:UADMIN', name: 'ada' } }));
    expect(ack).toEqual({ response_type: 'in_channel', replace_original: false, ...platform.renderParts(direct)[0] as SlackPayload });
  });

  it('refuses an admin command to a member who is not an admin', async () => {
    const before = await bed.snapshot();
    const { messages } = await run(`sources remove #${bed.seeded.sources.feed}`, 'UPLAIN');
    expect(messages[0]?.response_type).toBe('ephemeral');
    expect(messages[0]?.text).toContain('Only people who can manage sources (workspace or server admins) may remove sources');
    expect(await bed.snapshot()).toBe(before);
    // The same line from a workspace admin goes through.
    const admin = await run(`sources remove #${bed.seeded.sources.feed}`, 'UADMIN');
    expect(admin.messages[0]?.text).not.toContain('Only people who can manage sources');
    expect(await bed.snapshot()).not.toBe(before);
  });
});
