/**
 * A loopback Discord: REST under /api/v10 and the gateway WebSocket on one port,
 * enough for a real discord.js Client to log in, receive interactions and answer
 * them. Every REST request is recorded so tests can assert on the wire bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '900000000000000001';
export const BOT_ID = '900000000000000002';
export const GUILD_ID = '900000000000000010';
export const CHANNEL_ID = '900000000000000020';
export const USER_ID = '900000000000000030';

export interface RestCall {
  method: string;
  /** Decoded path after /api/v10, e.g. `/webhooks/A/T/messages/@original`. */
  path: string;
  query: URLSearchParams;
  body: any;
  auth: string | undefined;
}

export type RestReply = { status: number; body?: unknown; headers?: Record<string, string> };
type Override = (call: RestCall) => RestReply | undefined;

interface Frame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

let snowflake = 1_000_000_000_000_000n;
export function nextId(): string {
  snowflake += 1n;
  return snowflake.toString();
}

export class FakeDiscord {
  readonly rest: RestCall[] = [];
  readonly gatewayIn: Array<{ op: number; d: any }> = [];
  private overrides: Override[] = [];
  private sockets = new Set<WebSocket>();
  private current: WebSocket | null = null;
  private seq = 0;
  /** Every dispatch sent, so a RESUME can replay what the client missed. */
  private sent: Frame[] = [];
  private readonly sessionId = `session-${nextId()}`;
  private waiters: Array<() => void> = [];
  heartbeatInterval = 41_250;
  /** Off for benchmarks, where keeping every request would grow without bound. */
  recording = true;
  /** Called for every REST request as it arrives (benchmarks time callbacks with it). */
  onCall: ((call: RestCall) => void) | null = null;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
  ) {}

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ noServer: true });
    const fake = new FakeDiscord(server, wss);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What to pass as discord.js `rest.api` (it appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Answers matching requests differently; return undefined to fall through. */
  override(fn: Override): void {
    this.overrides.push(fn);
  }

  clearOverrides(): void {
    this.overrides = [];
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when a recorded REST call matches, or rejects after `ms`. */
  async waitForRest(pred: (c: RestCall) => boolean, ms = 5_000, count = 1): Promise<RestCall[]> {
    return this.waitUntil(() => {
      const hits = this.rest.filter(pred);
      return hits.length >= count ? hits : undefined;
    }, ms, 'REST call');
  }

  async waitForGateway(pred: (f: { op: number; d: any }) => boolean, ms = 5_000): Promise<{ op: number; d: any }> {
    return this.waitUntil(() => this.gatewayIn.find(pred), ms, 'gateway frame');
  }

  private async waitUntil<T>(check: () => T | undefined, ms: number, what: string): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = check();
      if (hit !== undefined) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Sends a gateway dispatch (op 0) to the connected client. */
  dispatch(t: string, d: unknown): void {
    const frame: Frame = { op: 0, t, d, s: ++this.seq };
    if (this.recording) this.sent.push(frame);
    if (this.current?.readyState === 1) this.current.send(JSON.stringify(frame));
  }

  /** Closes the live gateway socket; 4000 makes discord.js resume. */
  dropGateway(code = 4000): void {
    const ws = this.current;
    this.current = null;
    ws?.close(code, 'fake drop');
  }

  get connections(): number {
    return [...this.sockets].filter((s) => s.readyState === 1).length;
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      this.gatewayIn.push(frame);
      this.onFrame(ws, frame);
      this.wake();
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatInterval }, s: null, t: null }));
  }

  private onFrame(ws: WebSocket, frame: { op: number; d: any }): void {
    if (frame.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    if (frame.op === 2) {
      this.current = ws;
      const [shardId, shardCount] = (frame.d.shard as [number, number] | undefined) ?? [0, 1];
      // Guild 10 belongs to shard 0 in this fake; other shards get no guilds.
      const guilds = shardId === 0 ? [{ id: GUILD_ID, unavailable: true }] : [];
      this.dispatch('READY', {
        v: 10,
        user: { id: BOT_ID, username: 'briefbot', discriminator: '0', bot: true, avatar: null, global_name: null },
        session_id: this.sessionId,
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        guilds,
        shard: [shardId, shardCount],
        application: { id: APP_ID, flags: 0 },
      });
      if (shardId === 0) this.dispatch('GUILD_CREATE', guildPayload());
    }
    if (frame.op === 6) {
      this.current = ws;
      const after = Number(frame.d.seq);
      for (const missed of this.sent.filter((f) => (f.s ?? 0) > after)) ws.send(JSON.stringify(missed));
      this.dispatch('RESUMED', null);
    }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const call: RestCall = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body: text ? safeJson(text) : undefined,
      auth: req.headers.authorization,
    };
    if (this.recording) this.rest.push(call);
    this.onCall?.(call);
    let reply: RestReply | undefined;
    for (const o of this.overrides) {
      reply = o(call);
      if (reply) break;
    }
    reply ??= this.defaultReply(call);
    // A JSON content type on an empty 204 makes discord.js try to parse nothing.
    const headers = { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers };
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    this.wake();
  }

  private defaultReply(call: RestCall): RestReply {
    const { method, path, body } = call;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const list = (body as Array<Record<string, unknown>>).map((c) => ({ ...c, id: nextId(), application_id: APP_ID, version: nextId(), type: 1 }));
      return { status: 200, body: list };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      if (call.query.get('with_response') !== 'true') return { status: 204 };
      return { status: 200, body: { interaction: { id: path.split('/')[2], type: 2 }, resource: { type: body?.type, message: message(CHANNEL_ID, body?.data) } } };
    }
    if ((m = path.match(/^\/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/))) {
      if (method === 'DELETE') return { status: 204 };
      return { status: 200, body: message(CHANNEL_ID, body) };
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return { status: 200, body: message(CHANNEL_ID, body) };
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) return { status: 200, body: message(m[1]!, body) };
    if (method === 'POST' && path === '/users/@me/channels') {
      return { status: 200, body: { id: dmChannelOf(String(body?.recipient_id)), type: 1, last_message_id: null, recipients: [userPayload(String(body?.recipient_id))] } };
    }
    if (method === 'GET' && (m = path.match(/^\/channels\/(\d+)$/))) {
      if (m[1] === CHANNEL_ID) return { status: 200, body: channelPayload() };
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    }
    return { status: 404, body: { message: `fake: no route ${method} ${path}`, code: 0 } };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The DM channel id the fake assigns to a user: stable, so tests can predict it. */
export function dmChannelOf(userId: string): string {
  return (BigInt(userId) + 5n).toString();
}

export function userPayload(id = USER_ID, username = 'analyst') {
  return { id, username, discriminator: '0', avatar: null, global_name: username, bot: false };
}

export function channelPayload() {
  return { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'briefings', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 };
}

function guildPayload() {
  return {
    id: GUILD_ID,
    name: 'Coalition desk',
    icon: null,
    owner_id: USER_ID,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: '2026-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 2,
    roles: [{ id: GUILD_ID, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '0', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    members: [],
    channels: [channelPayload()],
    threads: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

function message(channelId: string, body: any) {
  return {
    id: nextId(),
    channel_id: channelId,
    author: { id: BOT_ID, username: 'briefbot', discriminator: '0', bot: true, avatar: null },
    content: body?.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    pinned: false,
    type: 0,
    flags: body?.flags ?? 0,
    nonce: body?.nonce,
  };
}

export const PERMS = {
  /** View, send, embed links: an ordinary member. */
  member: ((1n << 10n) | (1n << 11n) | (1n << 14n)).toString(),
  /** An ordinary member who may also manage channels. */
  channelManager: ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 4n)).toString(),
  /** Manage Guild and Manage Channels. */
  admin: ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 4n) | (1n << 5n)).toString(),
};

interface Where {
  /** Member permissions; omit for a DM. */
  permissions?: string;
  dm?: boolean;
  userId?: string;
}

function base(type: number, where: Where) {
  const userId = where.userId ?? USER_ID;
  const common = {
    id: nextId(),
    application_id: APP_ID,
    type,
    token: `itoken-${nextId()}`,
    version: 1,
    app_permissions: PERMS.admin,
    locale: 'en-US',
    entitlements: [],
  };
  if (where.dm) {
    const dm = dmChannelOf(userId);
    return {
      ...common,
      channel_id: dm,
      channel: { id: dm, type: 1, last_message_id: null, recipients: [userPayload(userId)] },
      user: userPayload(userId),
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 1,
    };
  }
  return {
    ...common,
    guild_id: GUILD_ID,
    guild_locale: 'en-US',
    channel_id: CHANNEL_ID,
    channel: channelPayload(),
    member: {
      user: userPayload(userId),
      roles: [],
      permissions: where.permissions ?? PERMS.member,
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
    },
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

/** A `/brief <sub> ...` slash command (type 2) with a subcommand. */
export function chatInput(commandName: string, sub: string, options: Array<{ name: string; value: string | number; type?: number }>, where: Where = {}) {
  return {
    ...base(2, where),
    data: {
      id: nextId(),
      name: commandName,
      type: 1,
      options: [{ name: sub, type: 1, options: options.map((o) => ({ name: o.name, type: o.type ?? (typeof o.value === 'number' ? 4 : 3), value: o.value })) }],
    },
  };
}

/** An autocomplete request (type 4) with one focused option. */
export function autocomplete(commandName: string, sub: string, focused: string, typed: string, where: Where = {}) {
  return {
    ...base(4, where),
    data: { id: nextId(), name: commandName, type: 1, options: [{ name: sub, type: 1, options: [{ name: focused, type: 3, value: typed, focused: true }] }] },
  };
}

/** A button click (type 3) on a message the bot posted. */
export function buttonClick(customId: string, where: Where = {}) {
  return {
    ...base(3, where),
    data: { custom_id: customId, component_type: 2 },
    message: message(where.dm ? dmChannelOf(where.userId ?? USER_ID) : CHANNEL_ID, { content: '', embeds: [] }),
  };
}
