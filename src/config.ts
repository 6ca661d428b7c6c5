import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { readTopicsFile, type UserTopic } from './config/topics-file.js';

/**
 * The only reader of process.env. Parses every setting once, and on a bad value
 * fails fast with one line naming the variable and what it expects.
 */

import { ConfigError } from './config/config-error.js';

export { ConfigError };
export { MAX_USER_TOPICS, readTopicsFile, type UserTopic } from './config/topics-file.js';

const DURATION = /^(\d+)\s*(s|m|h|d)?$/i;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function durationSeconds(what: string) {
  return z.string().transform((value, ctx) => {
    const match = DURATION.exec(value.trim());
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `expected ${what} such as 30s, 15m, 6h or 2d` });
      return z.NEVER;
    }
    return Number(match[1]) * UNIT_SECONDS[(match[2] ?? 's').toLowerCase()]!;
  });
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const boolFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const httpUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), {
  message: 'expected an http(s) URL',
});

function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || /^(postgres(ql)?:\/\/|sqlite:|file:|\.{0,2}\/|:memory:$|[\w.-]+\.db$)/.test(v),
    { message: 'expected postgres://user@host/db, sqlite:PATH, or a path to a .db file' },
  ),
  DATA_DIR: optionalText.default('./data'),
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), { message: 'expected a bot token starting with xoxb-' }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), { message: 'expected an app-level token starting with xapp-' }),
  SLACK_API_URL: httpUrl,
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
  ADMIN_USERS: optionalText.transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [])),
  DISCORD_TOKEN: optionalText,
  DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: 'expected a numeric guild id' }),
  DISCORD_API_URL: httpUrl,
  DISCORD_SHARDS: z.coerce.number({ message: 'expected a number of shards' }).int().min(1).max(64).default(1),
  BRIEF_COMMAND: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'expected a lowercase command name such as brief')
    .default('brief'),
  DEFAULT_TIMEZONE: z.string().refine(isTimezone, 'expected an IANA timezone such as Europe/Paris or UTC').default('UTC'),
  SCHEDULE_MIN_INTERVAL: durationSeconds('a duration').default(900),
  CATCHUP_GRACE: durationSeconds('a duration').default(6 * 3600),
  DELIVERY_LEASE: durationSeconds('a duration').default(60),
  RECOVERY_EVERY: durationSeconds('a duration').default(30),
  REPLY_CACHE: durationSeconds('a duration').default(10),
  FETCH_ALLOW_PRIVATE: boolFlag,
  POLL_EVERY: durationSeconds('a duration').default(60),
  INBOX_DIR: optionalText,
  TOPICS_FILE: optionalText,
  SEED_SAMPLES: z
    .enum(['true', 'false', ''])
    .optional()
    .transform((v) => v !== 'false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FILE: optionalText,
  INSTANCE_ID: optionalText,
  // Set by discord.js's ShardingManager in the processes it spawns.
  SHARDS: optionalText,
});

export type RawEnv = Record<string, string | undefined>;

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  slack: { botToken: string; signingSecret: string | undefined; appToken: string | undefined; apiUrl: string | undefined; port: number } | undefined;
  discord: { token: string; guildId: string | undefined; apiUrl: string | undefined; shards: number } | undefined;
  /** The shard ids this process runs when spawned by the ShardingManager; undefined otherwise. */
  shardIds: number[] | undefined;
  adminUsers: string[];
  commandName: string;
  defaultTimezone: string;
  scheduleMinIntervalSec: number;
  catchUpGraceSec: number;
  /** How long a process owns a delivery it claimed before another may take it over. */
  deliveryLeaseSec: number;
  /** How often expired deliveries are taken over and schedules re-read from the store. */
  recoveryEverySec: number;
  /** How long an answer to a read-only command may be reused while nothing new is stored (0: never). */
  replyCacheSec: number;
  fetchAllowPrivate: boolean;
  pollEverySec: number;
  inboxDir: string | undefined;
  /** TOPICS_FILE, resolved; undefined when only the built-in taxonomy is used. */
  topicsFile: string | undefined;
  /** The topics of TOPICS_FILE, validated: added to the built-in ones, or replacing those with the same id. */
  userTopics: UserTopic[];
  seedSamples: boolean;
  logLevel: string;
  logFile: string | undefined;
  instanceId: string | undefined;
}

/** Reads `.env` (if present) under the real environment, which wins. */
export function readEnvironment(envFile = '.env', env: RawEnv = process.env): RawEnv {
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return { ...fromFile, ...env };
}

export function loadConfig(env: RawEnv = readEnvironment()): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    // Never echo a secret back, even a malformed one.
    const shown = got === undefined || /TOKEN|SECRET/.test(variable) ? '' : `, got "${got.slice(0, 60)}"`;
    throw new ConfigError(`${variable}: ${issue.message}${shown}`);
  }
  const e = result.data;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) {
    throw new ConfigError('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    slack: e.SLACK_BOT_TOKEN
      ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, port: e.PORT }
      : undefined,
    discord: e.DISCORD_TOKEN ? { token: e.DISCORD_TOKEN, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL, shards: e.DISCORD_SHARDS } : undefined,
    shardIds: e.SHARDS ? e.SHARDS.split(',').map(Number) : undefined,
    adminUsers: e.ADMIN_USERS,
    commandName: e.BRIEF_COMMAND,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    scheduleMinIntervalSec: e.SCHEDULE_MIN_INTERVAL,
    catchUpGraceSec: e.CATCHUP_GRACE,
    deliveryLeaseSec: e.DELIVERY_LEASE,
    recoveryEverySec: e.RECOVERY_EVERY,
    replyCacheSec: e.REPLY_CACHE,
    fetchAllowPrivate: e.FETCH_ALLOW_PRIVATE,
    pollEverySec: e.POLL_EVERY,
    inboxDir: e.INBOX_DIR,
    topicsFile: e.TOPICS_FILE === undefined ? undefined : resolve(e.TOPICS_FILE),
    userTopics: e.TOPICS_FILE === undefined ? [] : readTopicsFile(e.TOPICS_FILE),
    seedSamples: e.SEED_SAMPLES,
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE,
    instanceId: e.INSTANCE_ID,
  };
}

/** Whether the process runs under CI (used only to make skipped suites fail there). */
export function isCi(env: RawEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}
