import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { isBinaryMediaType, mediaType } from './binary-sniff.js';
import { FetchError } from './fetch-error.js';
import type { ResolvedHost } from './resolve-host.js';

export interface HopOptions {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  maxBytes: number;
  headers: Record<string, string>;
}

/** What one request (no redirect following) produced. */
export type HopResult =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'not-modified'; headers: IncomingHttpHeaders }
  | { kind: 'body'; status: number; headers: IncomingHttpHeaders; bytes: Buffer };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function decompressed(res: IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

function statusAdvice(status: number): string {
  if (status === 404 || status === 410) return 'the page is gone; check the URL or remove the source';
  if (status === 401 || status === 403) return 'the site refuses access; check whether the source needs a login or blocks bots';
  if (status === 429) return 'the site is rate-limiting us; it will be polled again later, less often';
  if (status >= 500) return 'the site is failing; it will be retried later';
  return 'check the URL';
}

/** Perform one GET against a host already resolved and checked; never follows redirects. */
export function fetchHop(url: URL, host: ResolvedHost, opts: HopOptions): Promise<HopResult> {
  const href = url.href;
  return new Promise<HopResult>((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    let readTimer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (err: Error | null, result?: HopResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(readTimer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(result!);
    };
    const fail = (err: FetchError): void => finish(err);

    const req = mod.request(url, {
      method: 'GET',
      headers: opts.headers,
      lookup: host.pinnedLookup,
      agent: false, // a fresh socket per hop keeps timeouts and address pinning simple
    });

    const connectTimer = setTimeout(
      () => fail(new FetchError('timeout', href, `Connecting to ${href} took longer than ${opts.connectTimeoutMs} ms; the site may be down, it will be retried later.`)),
      opts.connectTimeoutMs,
    );
    req.on('socket', (socket) => {
      const connected = (): void => {
        clearTimeout(connectTimer);
        // A total budget, not an idle timer: a server trickling bytes forever is still cut off.
        readTimer = setTimeout(
          () => fail(new FetchError('timeout', href, `Reading ${href} took longer than ${opts.readTimeoutMs} ms; the response was cut off. The site may be slow or stuck; it will be retried later.`)),
          opts.readTimeoutMs,
        );
      };
      if (socket.connecting) socket.once('connect', connected);
      else connected();
    });

    req.on('error', (err) => {
      if (err instanceof FetchError) return fail(err);
      fail(new FetchError('connect', href, `Could not connect to ${href} (${(err as NodeJS.ErrnoException).code ?? err.message}); the site may be down, it will be retried later.`, undefined, { cause: err }));
    });

    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      // Bodies of redirects and errors are never read: destroying (not draining) means an
      // endless error page cannot keep the socket busy after we have moved on.
      if (REDIRECTS.has(status) && location) {
        res.destroy();
        return finish(null, { kind: 'redirect', status, location });
      }
      if (status === 304) {
        res.destroy();
        return finish(null, { kind: 'not-modified', headers: res.headers });
      }
      if (status < 200 || status > 299) {
        res.destroy();
        return fail(new FetchError('http-status', href, `${href} answered HTTP ${status}: ${statusAdvice(status)}.`, status));
      }
      const contentType = res.headers['content-type'] ?? null;
      if (isBinaryMediaType(contentType)) {
        return fail(new FetchError('binary', href, `${href} serves ${mediaType(contentType)}, not text; point the source at a feed or an HTML page instead.`));
      }
      const tooLarge = (): FetchError =>
        new FetchError('too-large', href, `${href} is larger than the ${opts.maxBytes}-byte limit; point the source at a smaller feed or page, or raise the limit.`);
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBytes) return fail(tooLarge());

      const body = decompressed(res);
      const chunks: Buffer[] = [];
      let total = 0;
      body.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > opts.maxBytes) return fail(tooLarge());
        chunks.push(chunk);
      });
      body.on('error', (err) => fail(new FetchError('connect', href, `The response from ${href} was broken (${err.message}); it will be retried later.`, undefined, { cause: err })));
      res.on('close', () => {
        if (!res.complete) fail(new FetchError('connect', href, `${href} closed the connection before the response was complete; it will be retried later.`));
      });
      body.on('end', () => finish(null, { kind: 'body', status, headers: res.headers, bytes: Buffer.concat(chunks, total) }));
    });
    req.end();
  });
}
