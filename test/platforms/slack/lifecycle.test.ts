import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/index.js';
import { createSlackPlatform } from '../../../src/platforms/slack/index.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, testCommands, testDispatcher } from './harness.js';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await FakeSlack.start();
});
afterEach(async () => {
  await fake.close();
});

const options = () => ({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0, host: '127.0.0.1', commands: [], log: silentLogger, retryConfig: { retries: 0 } });

describe('Slack platform lifecycle', () => {
  it('needs a signing secret or an app token', () => {
    expect(() => createSlackPlatform({ ...options(), signingSecret: undefined })).toThrow(/signing secret .* or an app token/);
  });

  it('fails to start, without listening, when Slack rejects the bot token', async () => {
    fake.failNext('auth.test', { error: 'invalid_auth' });
    const platform = createSlackPlatform(options());
    await expect(platform.start(testDispatcher(testCommands([]), silentLogger))).rejects.toThrow(/invalid_auth|authorization/i);
    expect(platform.port()).toBeUndefined();
    expect(fake.callsOf('auth.test')[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('stops cleanly: the port is released and a second start works', async () => {
    const platform = createSlackPlatform(options());
    const dispatcher = testDispatcher(testCommands([]), silentLogger);
    await platform.start(dispatcher);
    const port = platform.port();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await platform.stop();
    expect(platform.port()).toBeUndefined();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await platform.start(dispatcher);
    expect((await fetch(`http://127.0.0.1:${platform.port()}/healthz`)).status).toBe(200);
    await platform.stop();
  });
});
