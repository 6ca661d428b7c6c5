import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPlatform } from '../../../src/platforms/slack/index.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { APP_TOKEN, BOT_TOKEN, captureLogger, testCommands, testDispatcher, type LogEntry, type Runs } from './harness.js';

let fake: FakeSlack;
let platform: ReturnType<typeof createSlackPlatform>;
const runs: Runs = [];
const logs: LogEntry[] = [];

function envelope(id: string, text: string, trigger: string, retry = 0) {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    retry_attempt: retry,
    retry_reason: retry ? 'timeout' : '',
    payload: {
      token: 'legacy',
      team_id: 'T1',
      team_domain: 'fake',
      channel_id: 'C1',
      channel_name: 'general',
      user_id: 'U1',
      user_name: 'ada',
      command: '/brief',
      text,
      api_app_id: 'A1',
      is_enterprise_install: 'false',
      response_url: fake.responseUrl(`socket-${id}`),
      trigger_id: trigger,
    },
  };
}

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.users.set('U1', { id: 'U1' });
  const log = captureLogger(logs);
  const commands = testCommands(runs);
  platform = createSlackPlatform({ botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl, port: 0, commands, log, retryConfig: { retries: 0 } });
  await platform.start(testDispatcher(commands, log));
});
afterAll(async () => {
  await platform.stop();
  await fake.close();
});

describe('Slack in Socket Mode (real SocketModeReceiver against a fake socket server)', () => {
  it('connects through apps.connections.open with the app token', async () => {
    const open = fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(fake.socketCount).toBe(1);
    expect(platform.port()).toBeUndefined();
  });

  it('acks a slash_commands envelope with its envelope_id and the reply as payload', async () => {
    fake.sendEnvelope(envelope('env-1', 'echo over <!here> the socket', 'trig-1'));
    const ack = await fake.waitFor(() => fake.socketMessages.find((m) => m.data.envelope_id === 'env-1'));
    const payload = ack.data.payload as { response_type: string; text: string; blocks: Array<{ text?: { text: string } }> };
    expect(payload.response_type).toBe('in_channel');
    expect(payload.text).toBe('over &lt;!here&gt; the socket');
    expect(payload.blocks[0]?.text?.text).toBe('over &lt;!here&gt; the socket');
  });

  it('acks a redelivered envelope (retry_attempt) without running the command again', async () => {
    const before = runs.length;
    fake.sendEnvelope(envelope('env-2', 'echo twice?', 'trig-2'));
    await fake.waitFor(() => fake.socketMessages.find((m) => m.data.envelope_id === 'env-2'));
    fake.sendEnvelope(envelope('env-3', 'echo twice?', 'trig-2', 1));
    const second = await fake.waitFor(() => fake.socketMessages.find((m) => m.data.envelope_id === 'env-3'));
    expect(second.data.payload ?? {}).toEqual({});
    expect(runs.length - before).toBe(1);
  });
});
