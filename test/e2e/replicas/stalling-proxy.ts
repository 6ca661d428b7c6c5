/**
 * Sits between the bots and the fake Slack. When armed, the first
 * chat.postMessage to a chosen channel reaches Slack (the message is posted)
 * but its answer is held back forever, as if the sender died right after
 * sending: the case where a replica that takes over must find the message
 * instead of posting it again.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class StallingProxy {
  url = '';
  private armedFor: string | null = null;
  private stalledResolve: ((slot: string) => void) | null = null;
  private readonly server: Server;

  constructor(private readonly target: string) {
    this.server = createServer((req, res) => {
      void this.forward(req).then(({ status, headers, body, stall }) => {
        if (stall) return; // the answer never comes; the socket dies with the sender
        res.writeHead(status, headers);
        res.end(body);
      });
    });
  }

  static async start(target: string): Promise<StallingProxy> {
    const proxy = new StallingProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    return proxy;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Stalls the next digest post to `channel`; resolves with its slot once it was posted. */
  arm(channel: string): Promise<string> {
    this.armedFor = channel;
    return new Promise((resolve) => (this.stalledResolve = resolve));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async forward(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: Buffer; stall: boolean }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const answer = await new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const out = request(`${this.target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') }, body: Buffer.concat(parts) }));
      });
      out.on('error', reject);
      out.end(body);
    });
    let stall = false;
    if (this.armedFor !== null && req.url?.endsWith('/chat.postMessage')) {
      const { channel, metadata } = postArgs(body.toString(), req.headers['content-type']);
      if (channel === this.armedFor && metadata) {
        stall = true;
        this.armedFor = null;
        this.stalledResolve?.(metadata.event_payload.slot);
      }
    }
    return { ...answer, stall };
  }
}

interface DigestMetadata {
  event_payload: { slot: string };
}

function postArgs(body: string, contentType: string | undefined): { channel: string | null; metadata: DigestMetadata | null } {
  if (contentType?.startsWith('application/json')) {
    const json = JSON.parse(body || '{}') as { channel?: string; metadata?: DigestMetadata | string };
    const metadata = typeof json.metadata === 'string' ? (JSON.parse(json.metadata) as DigestMetadata) : (json.metadata ?? null);
    return { channel: json.channel ?? null, metadata };
  }
  const args = new URLSearchParams(body);
  const metadata = args.get('metadata');
  return { channel: args.get('channel'), metadata: metadata ? (JSON.parse(metadata) as DigestMetadata) : null };
}
