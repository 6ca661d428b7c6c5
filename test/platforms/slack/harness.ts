/** Test commands, a capturing logger and a started Slack platform against FakeSlack. */
import {
  createDispatcher,
  defineCommand,
  link,
  type CommandContext,
  type CommandDef,
  type Dispatcher,
  type Logger,
  type Reply,
} from '../../../src/core/index.js';
import { createSlackPlatform, type SlackPlatformOptions } from '../../../src/platforms/slack/index.js';
import { FakeSlack } from '../../helpers/fake-slack.js';

export const BOT_TOKEN = 'xoxb-111-222-secrettokenvalue';
export const SIGNING_SECRET = 'signing-secret-for-tests-0123456789';
export const APP_TOKEN = 'xapp-1-A1-333-apptokenvalue';

export interface LogEntry {
  level: string;
  obj: object;
  msg: string | undefined;
}

export function captureLogger(entries: LogEntry[]): Logger {
  const at =
    (level: string) =>
    (obj: object, msg?: string): void => {
      entries.push({ level, obj, msg });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

/** Names of the commands that actually ran, in order. */
export type Runs = string[];

export function testCommands(runs: Runs): CommandDef[] {
  const text = (t: string, ephemeral = false): Reply => ({ blocks: [{ type: 'text', text: t }], ephemeral });
  return [
    defineCommand({
      name: 'echo',
      summary: 'Repeats the text in the channel',
      argument: { name: 'text', description: 'What to repeat' },
      options: [],
      examples: ['echo hello'],
      freeformOptions: true,
      run: async (req) => {
        runs.push('echo');
        return text(req.argText);
      },
    }),
    defineCommand({
      name: 'words',
      summary: 'Replies with count numbered words',
      options: [{ name: 'count', description: 'How many', type: 'integer', required: true }],
      examples: ['words count:10'],
      run: async (req) => {
        runs.push('words');
        return text(Array.from({ length: Number(req.options.count) }, (_, i) => `w${i}`).join(' '));
      },
    }),
    defineCommand({
      name: 'whoami',
      summary: 'Shows what the platform knows about the asker',
      options: [],
      examples: ['whoami'],
      run: async (req) => {
        runs.push('whoami');
        return {
          blocks: [
            {
              type: 'fields',
              fields: [
                { name: 'user', value: `${req.user.ref} ${req.user.name}` },
                { name: 'channel', value: req.channel },
                { name: 'direct', value: String(req.isDirect) },
                { name: 'manage-channel', value: String(req.canManageChannel) },
                { name: 'manage-sources', value: String(req.canManageSources) },
              ],
            },
          ],
          ephemeral: true,
        };
      },
    }),
    defineCommand({
      name: 'slow',
      summary: 'Takes two and a half seconds',
      options: [],
      examples: ['slow'],
      run: async () => {
        runs.push('slow');
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        return text('slow answer ready');
      },
    }),
    defineCommand({
      name: 'items',
      summary: 'Lists numbered items, ten per page',
      options: [{ name: 'page', description: 'Page', type: 'integer' }],
      examples: ['items page:2'],
      run: async (req) => {
        runs.push(`items:${req.options.page ?? '1'}`);
        const page = Number(req.options.page ?? '1');
        return {
          title: `Items, page ${page}`,
          blocks: [{ type: 'list', items: Array.from({ length: 10 }, (_, i) => [`Item ${(page - 1) * 10 + i + 1} `, link('source', 'https://e.example/i')]) }],
          ephemeral: false,
          paging: { page, pages: 3, next: page < 3 ? `items page:${page + 1}` : null, prev: page > 1 ? `items page:${page - 1}` : null },
        };
      },
    }),
  ];
}

export function testDispatcher(commands: CommandDef[], log: Logger): Dispatcher {
  const context = {
    commands,
    settings: { commandName: 'brief', defaultTimezone: 'UTC', scheduleMinIntervalSec: 900, pageSize: 10 },
    log,
    now: () => new Date(),
  } as unknown as CommandContext;
  return createDispatcher(context);
}

export interface Harness {
  fake: FakeSlack;
  platform: ReturnType<typeof createSlackPlatform>;
  runs: Runs;
  logs: LogEntry[];
  eventsUrl: string;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startHttpHarness(overrides: Partial<SlackPlatformOptions> = {}): Promise<Harness> {
  const fake = await FakeSlack.start();
  const runs: Runs = [];
  const logs: LogEntry[] = [];
  const log = captureLogger(logs);
  const commands = testCommands(runs);
  const platform = createSlackPlatform({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl.replace(/\/$/, ''),
    port: 0,
    host: '127.0.0.1',
    commands,
    log,
    retryConfig: { retries: 0 },
    postIntervalMs: 0,
    ...overrides,
  });
  await platform.start(testDispatcher(commands, log));
  const baseUrl = `http://127.0.0.1:${platform.port()}`;
  return {
    fake,
    platform,
    runs,
    logs,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    async close() {
      await platform.stop();
      await fake.close();
    },
  };
}
