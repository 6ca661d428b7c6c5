import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readEnvironment } from '../../src/config.js';

describe('loadConfig', () => {
  it('has working defaults: the shell on SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: './data',
      slack: undefined,
      discord: undefined,
      commandName: 'brief',
      defaultTimezone: 'UTC',
      scheduleMinIntervalSec: 900,
      fetchAllowPrivate: false,
      seedSamples: true,
    });
  });

  it('reads durations, flags and platform settings', () => {
    const config = loadConfig({
      SCHEDULE_MIN_INTERVAL: '5s',
      FETCH_ALLOW_PRIVATE: 'true',
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: 'shh',
      PORT: '0',
      ADMIN_USERS: 'U1, U2',
      DISCORD_TOKEN: 'tok',
      DISCORD_GUILD_ID: '123456789',
    });
    expect(config.scheduleMinIntervalSec).toBe(5);
    expect(config.fetchAllowPrivate).toBe(true);
    expect(config.slack).toMatchObject({ botToken: 'xoxb-1-2-abc', signingSecret: 'shh', port: 0 });
    expect(config.adminUsers).toEqual(['U1', 'U2']);
    expect(config.discord).toMatchObject({ token: 'tok', guildId: '123456789', shards: 1 });
  });

  it.each([
    [{ DEFAULT_TIMEZONE: 'Mars/Olympus' }, /^DEFAULT_TIMEZONE: expected an IANA timezone.*got "Mars\/Olympus"$/],
    [{ SCHEDULE_MIN_INTERVAL: 'often' }, /^SCHEDULE_MIN_INTERVAL: expected a duration/],
    [{ PORT: 'eighty' }, /^PORT: expected a port number/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ BRIEF_COMMAND: 'Brief Me' }, /^BRIEF_COMMAND: expected a lowercase command name/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: expected postgres/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: required/],
  ])('fails fast with one line naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a token back in the error', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'not-a-real-token-secret' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('not-a-real-token-secret');
    }
  });

  it('reads .env under the real environment, which wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'DEFAULT_TIMEZONE=Africa/Casablanca\nBRIEF_COMMAND=news\n');
    const env = readEnvironment(file, { BRIEF_COMMAND: 'brief' });
    expect(loadConfig(env)).toMatchObject({ defaultTimezone: 'Africa/Casablanca', commandName: 'brief' });
  });
});
