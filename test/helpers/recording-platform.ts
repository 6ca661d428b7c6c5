/**
 * A chat platform for digest tests: renders replies as plain-text parts and posts
 * them to a fake chat service that records every message. The service runs over
 * HTTP on 127.0.0.1 (so a child process that is SIGKILLed mid-delivery posts to
 * the same counter as its successor) or in memory (for fake-timer tests).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderPlainText, SendError, type DeliveryMark, type Platform, type Reply, type Subscriber } from '../../src/core/index.js';

export interface ChatMessage {
  id: string;
  to: string;
  kind: 'part' | 'notify';
  key: string | null;
  part: number | null;
  slot: string | null;
  digest: string | null;
  text: string;
}

export interface FailureRule {
  /** HTTP status the fake answers with: 404 gone, 403 forbidden, 429 rate-limited, 500 transient. */
  status: number;
  times: number;
  retryAfterMs?: number;
}

type SendResult = { ok: true; id: string } | { ok: false; status: number; retryAfterMs?: number };

/** The fake service's state: messages in arrival order and queued failures. */
export class ChatLog {
  readonly messages: ChatMessage[] = [];
  private readonly failures: FailureRule[] = [];

  failNext(rule: FailureRule): void {
    this.failures.push({ ...rule });
  }

  send(message: Omit<ChatMessage, 'id'>): SendResult {
    const rule = message.kind === 'part' ? this.failures[0] : undefined;
    if (rule) {
      if (--rule.times <= 0) this.failures.shift();
      return { ok: false, status: rule.status, retryAfterMs: rule.retryAfterMs };
    }
    const id = `m${this.messages.length + 1}`;
    this.messages.push({ id, ...message });
    return { ok: true, id };
  }

  find(to: string, key: string): string | null {
    return this.messages.find((m) => m.to === to && m.key === key)?.id ?? null;
  }

  parts(): ChatMessage[] {
    return this.messages.filter((m) => m.kind === 'part');
  }
}

export interface ChatSink {
  send(message: Omit<ChatMessage, 'id'>): Promise<SendResult>;
  find(to: string, key: string): Promise<string | null>;
}

export function memorySink(log: ChatLog): ChatSink {
  return { send: async (m) => log.send(m), find: async (to, key) => log.find(to, key) };
}

export function httpSink(baseUrl: string): ChatSink {
  return {
    async send(message) {
      const res = await fetch(`${baseUrl}/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
      if (res.ok) return { ok: true, id: ((await res.json()) as { id: string }).id };
      const retryAfter = res.headers.get('retry-after-ms');
      return { ok: false, status: res.status, retryAfterMs: retryAfter ? Number(retryAfter) : undefined };
    },
    async find(to, key) {
      const res = await fetch(`${baseUrl}/find?${new URLSearchParams({ to, key })}`);
      return res.ok ? ((await res.json()) as { id: string }).id : null;
    },
  };
}

export interface FakeChatServer {
  url: string;
  log: ChatLog;
  close(): Promise<void>;
}

export async function startFakeChat(log = new ChatLog()): Promise<FakeChatServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/find') {
      const id = log.find(url.searchParams.get('to') ?? '', url.searchParams.get('key') ?? '');
      res.writeHead(id ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const result = log.send(JSON.parse(body) as Omit<ChatMessage, 'id'>);
      if (result.ok) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: result.id }));
      else res.writeHead(result.status, result.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(result.retryAfterMs) }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Splits the plain-text rendering into parts of at most `maxPartChars`, on line boundaries. */
export class RecordingPlatform implements Platform {
  constructor(
    private readonly sink: ChatSink,
    readonly name = 'shell',
    private readonly maxPartChars = 400,
  ) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  renderParts(reply: Reply): string[] {
    const parts: string[] = [];
    let current = '';
    for (const line of renderPlainText(reply).split('\n')) {
      const piece = line.slice(0, this.maxPartChars);
      if (current && current.length + 1 + piece.length > this.maxPartChars) {
        parts.push(current);
        current = '';
      }
      current = current ? `${current}\n${piece}` : piece;
    }
    if (current) parts.push(current);
    return parts;
  }

  async sendPart(to: Subscriber, part: unknown, mark: DeliveryMark): Promise<{ messageId: string }> {
    if (mark.key.length > 25) throw new Error(`mark key too long: ${mark.key}`);
    const result = await this.sink.send({ to: to.ref, kind: 'part', key: mark.key, part: mark.part, slot: mark.slot, digest: mark.digest, text: String(part) });
    if (result.ok) return { messageId: result.id };
    const kind = result.status === 404 ? 'gone' : result.status === 403 ? 'forbidden' : result.status === 429 ? 'rate-limited' : 'transient';
    throw new SendError(kind, `fake chat answered ${result.status}`, result.retryAfterMs);
  }

  async findSent(to: Subscriber, mark: DeliveryMark): Promise<string | null> {
    return this.sink.find(to.ref, mark.key);
  }

  async notify(user: string, reply: Reply): Promise<void> {
    await this.sink.send({ to: user, kind: 'notify', key: null, part: null, slot: null, digest: null, text: renderPlainText(reply) });
  }
}
