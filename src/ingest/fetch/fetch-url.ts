import type { IncomingHttpHeaders } from 'node:http';
import { looksBinary } from './binary-sniff.js';
import { decodeBody } from './charset.js';
import { FetchError } from './fetch-error.js';
import { fetchHop } from './fetch-hop.js';
import { resolveHost } from './resolve-host.js';

export interface FetchOptions {
  /** Allow loopback/private/link-local targets (FETCH_ALLOW_PRIVATE). Default false. */
  allowPrivate?: boolean;
  /** Budget for DNS plus TCP/TLS connect, per hop. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Budget from connect to the last body byte, per hop. Default 30 000 ms. */
  readTimeoutMs?: number;
  /** Largest (decompressed) body accepted. Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** ETag from the previous successful fetch, sent as If-None-Match. */
  etag?: string | null;
  /** Last-Modified from the previous successful fetch, sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Extra addresses to refuse even when `allowPrivate` is true (e.g. a metadata endpoint); checked on every hop. */
  blockAddress?: (address: string) => boolean;
  /** User-Agent header. */
  userAgent?: string;
}

/** A body fetched and decoded to text. */
export interface FetchedText {
  status: 'ok';
  /** The URL asked for. */
  url: string;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  httpStatus: number;
  contentType: string | null;
  /** The charset used to decode the body. */
  charset: string;
  text: string;
  /** Body size in bytes after decompression. */
  byteLength: number;
  etag: string | null;
  lastModified: string | null;
}

/** The server said the resource has not changed since `etag`/`lastModified`. */
export interface NotModified {
  status: 'not-modified';
  url: string;
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult = FetchedText | NotModified;

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  readTimeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Briefbot/0.1 (+news briefing bot; polite polling)',
} as const;

function parseHttpUrl(raw: string, from?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, from);
  } catch {
    const where = from ? ` (redirected from ${from})` : '';
    throw new FetchError('bad-url', raw, `"${raw}"${where} is not a valid URL; check the source address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const where = from ? ` (redirected from ${from})` : '';
    throw new FetchError('bad-scheme', url.href, `Refused to fetch ${url.href}${where}: only http and https URLs can be fetched; use a web address, or ingest local files by path.`);
  }
  url.hash = '';
  return url;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? null) : null;
}

/** Fetch an http(s) URL as text, safely: address checks, timeouts, size cap, redirects, conditional GET, charset decoding. Throws `FetchError`. */
export async function fetchUrl(rawUrl: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const o = { ...FETCH_DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) } as typeof FETCH_DEFAULTS & FetchOptions;
  const headers: Record<string, string> = {
    'user-agent': o.userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, text/*;q=0.7',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;

  let url = parseHttpUrl(rawUrl);
  const visited = new Set<string>();
  for (let redirects = 0; ; redirects++) {
    visited.add(url.href);
    const host = await resolveHost(url, o.allowPrivate === true, o.connectTimeoutMs, o.blockAddress);
    const hop = await fetchHop(url, host, {
      connectTimeoutMs: o.connectTimeoutMs,
      readTimeoutMs: o.readTimeoutMs,
      maxBytes: o.maxBytes,
      headers,
    });
    if (hop.kind === 'redirect') {
      const next = parseHttpUrl(hop.location, url.href);
      if (visited.has(next.href)) {
        throw new FetchError('redirect-loop', rawUrl, `${rawUrl} redirects in a loop (back to ${next.href}); the site is misconfigured, check the URL in a browser.`);
      }
      if (redirects + 1 > o.maxRedirects) {
        throw new FetchError('too-many-redirects', rawUrl, `${rawUrl} redirected more than ${o.maxRedirects} times; use the final address of the feed instead.`);
      }
      url = next;
      continue;
    }
    if (hop.kind === 'not-modified') {
      return {
        status: 'not-modified',
        url: rawUrl,
        finalUrl: url.href,
        etag: header(hop.headers, 'etag') ?? o.etag ?? null,
        lastModified: header(hop.headers, 'last-modified') ?? o.lastModified ?? null,
      };
    }
    if (looksBinary(hop.bytes)) {
      throw new FetchError('binary', url.href, `${url.href} returned binary data, not text; point the source at a feed or an HTML page instead.`);
    }
    const contentType = header(hop.headers, 'content-type');
    const { text, charset } = decodeBody(hop.bytes, contentType);
    return {
      status: 'ok',
      url: rawUrl,
      finalUrl: url.href,
      httpStatus: hop.status,
      contentType,
      charset,
      text,
      byteLength: hop.bytes.length,
      etag: header(hop.headers, 'etag'),
      lastModified: header(hop.headers, 'last-modified'),
    };
  }
}
