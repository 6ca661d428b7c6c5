import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { CommandDef, Dispatcher, Logger, Platform } from '../../core/index.js';
import { createAskerBuilder } from './asker.js';
import { boltLogger } from './bolt-logger.js';
import { createDelivery } from './delivery.js';
import { registerHandlers } from './handlers.js';
import { guardRequests } from './http-guard.js';
import { SLACK_EVENTS_PATH } from './manifest.js';
import { Pacer } from './pacer.js';
import { RecentKeys } from './recent-keys.js';
import { renderParts } from './render.js';

type RetryOptions = NonNullable<webApi.WebClientOptions['retryConfig']>;

export interface SlackPlatformOptions {
  botToken: string;
  /** HTTP mode: verifies every request. */
  signingSecret?: string;
  /** Socket Mode when set (an `xapp-` token). */
  appToken?: string;
  /** Web API base (GovSlack, a proxy, a test fake). */
  apiUrl?: string;
  port: number;
  host?: string;
  commandName?: string;
  /** Slack user ids or `slack:T:U` refs that may manage every channel and the sources. */
  adminUsers?: readonly string[];
  /** The command registry; not needed at run time (the dispatcher has it), kept so every platform takes the same options. */
  commands: readonly CommandDef[];
  log: Logger;
  /** Retry policy of the Web API client; bounded, unlike the client's 30-minute default. */
  retryConfig?: RetryOptions;
  /** How long a slash command may take before we ack with "working on it" (default 2 s). */
  ackWithinMs?: number;
  /** Minimum spacing of posts into one channel (default 1 s). */
  postIntervalMs?: number;
  /** Longest total wait for 429s within one digest send (default 10 s). */
  maxRateLimitWaitMs?: number;
}

const DEFAULT_RETRY: RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, maxRetryTime: 10_000 };
const DEDUPE_MS = 10 * 60 * 1000;

/** Bolt needs a trailing slash: it appends the method name to the base URL. */
function apiBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

export function createSlackPlatform(options: SlackPlatformOptions): Platform & { port(): number | undefined } {
  const socketMode = Boolean(options.appToken);
  if (!socketMode && !options.signingSecret) throw new Error('Slack needs a signing secret (HTTP mode) or an app token (Socket Mode).');
  const log = options.log.child({ platform: 'slack' });
  const secrets = [options.botToken, options.signingSecret, options.appToken].filter((s): s is string => Boolean(s));
  const logger = boltLogger(log, secrets);
  const slackApiUrl = apiBase(options.apiUrl);
  const clientOptions = { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: options.retryConfig ?? DEFAULT_RETRY, logger };
  // Our own client for digests and lookups: it throws on 429 so delivery can honour Retry-After within a bound.
  const client = new webApi.WebClient(options.botToken, { ...clientOptions, rejectRateLimitedCalls: true });
  const delivery = createDelivery({
    client,
    pacer: new Pacer(options.postIntervalMs ?? 1_000),
    log,
    rateLimitRetries: 3,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 10_000,
  });
  const buildAsker = createAskerBuilder({
    adminUsers: options.adminUsers ?? [],
    log,
    lookup: async (user) => {
      const res = await client.users.info({ user });
      return { isAdmin: Boolean(res.user?.is_admin || res.user?.is_owner || res.user?.is_primary_owner) };
    },
  });

  let app: App | undefined;
  let boundPort: number | undefined;

  function makeReceiver(): Receiver {
    if (socketMode) {
      return new SocketModeReceiver({ appToken: options.appToken ?? '', logger, installerOptions: { clientOptions: { ...clientOptions } } });
    }
    const receiver = new HTTPReceiver({
      signingSecret: options.signingSecret ?? '',
      endpoints: SLACK_EVENTS_PATH,
      // guardRequests below verifies every request to the endpoint, with a two-sided clock window.
      signatureVerification: false,
      logger,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"ok":true}');
          },
        },
      ],
    });
    receiver.requestListener = guardRequests(receiver.requestListener, { signingSecret: options.signingSecret ?? '', endpoint: SLACK_EVENTS_PATH, log });
    return receiver;
  }

  return {
    name: 'slack',
    port: () => boundPort,

    async start(dispatcher: Dispatcher) {
      if (app) throw new Error('The Slack platform is already started.');
      // No conversation store: nothing reads context.conversation, and its middleware runs on every request.
      const created = new App({ receiver: makeReceiver(), token: options.botToken, logger, clientOptions, deferInitialization: true, convoStore: false });
      await created.init();
      registerHandlers(created, {
        commandName: options.commandName ?? 'brief',
        dispatcher,
        buildAsker,
        log,
        ackWithinMs: options.ackWithinMs ?? 2_000,
        seen: new RecentKeys(DEDUPE_MS),
      });
      const started = socketMode ? await created.start() : await created.start({ port: options.port, host: options.host ?? '0.0.0.0' });
      app = created;
      if (!socketMode) boundPort = ((started as Server).address() as AddressInfo).port;
      log.info({ mode: socketMode ? 'socket' : 'http', port: boundPort }, 'slack platform started');
    },

    async stop() {
      const running = app;
      app = undefined;
      boundPort = undefined;
      if (running) await running.stop();
    },

    renderParts,
    sendPart: delivery.sendPart,
    findSent: delivery.findSent,
    notify: delivery.notify,
  };
}
