import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, type FetchOptions } from '../../../src/ingest/fetch/index.js';
import { expectFetchError } from './expect-error.js';
import { startServer, type LocalServer } from './local-server.js';

// Generous budgets where no timeout is expected (CI has 2 busy cores); the timeout tests use SHORT.
const FAST: FetchOptions = { allowPrivate: true, connectTimeoutMs: 2000, readTimeoutMs: 2000 };
const SHORT: FetchOptions = { ...FAST, readTimeoutMs: 300 };
const FIFTY_MB = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

let server: LocalServer;
let url: (path: string) => string;
const written: Record<string, number> = {};

/** Stream `total` bytes of text from one reused 64 KB buffer, honouring backpressure; records bytes written. */
function streamText(res: ServerResponse, key: string, total: number): void {
  written[key] = 0;
  const pump = (): void => {
    while (written[key]! < total && !res.destroyed) {
      written[key]! += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

beforeAll(async () => {
  server = await startServer({
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(FIFTY_MB) });
      streamText(res, 'declared', FIFTY_MB);
    },
    '/huge-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }); // no length: only streaming can catch it
      streamText(res, 'chunked', FIFTY_MB);
    },
    '/never-ends': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>still going</p>'), 50);
      res.on('close', () => clearInterval(timer));
    },
    '/no-headers': () => {
      /* accept the request and never answer */
    },
    '/png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])),
    '/octet': (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from('abc')),
    '/nul-as-text': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([0x68, 0x69, 0, 0, 0x21])),
    '/untyped-pdf': (_req, res) => {
      res.writeHead(200, {});
      res.end(Buffer.from('%PDF-1.7 binary-ish'));
    },
    '/bad-utf8': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(Buffer.from([0x4f, 0x6b, 0xff, 0xfe, 0xc3, 0x28, 0x21])),
    '/latin1-header': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' }).end(Buffer.from('Réunion à Niamey', 'latin1')),
    '/cp1252-header': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset="windows-1252"' }).end(Buffer.from([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35])),
    '/latin1-meta': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"><title>x</title></head><body>'), Buffer.from('Ouagadougou, capitale du Burkina, réunion élargie', 'latin1'), Buffer.from('</body></html>')])),
    '/cp1252-http-equiv': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>'), Buffer.from([0x91, 0x6f, 0x6b, 0x92, 0x85]), Buffer.from('</body></html>')])),
    '/latin1-xml': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/xml' }).end(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>'), Buffer.from('Sécurité', 'latin1'), Buffer.from('</title></channel></rss>')])),
    '/utf8-meta': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<meta charset="utf-8"><p>Nouakchott – Bamako</p>'),
  });
  url = (path) => `${server.origin}${path}`;
});
afterAll(() => server.close());

describe('size cap', () => {
  it('refuses a 50 MB response by its Content-Length before reading the body', async () => {
    await expectFetchError(fetchUrl(url('/huge-declared'), FAST), 'too-large', url('/huge-declared'));
    await new Promise((r) => setTimeout(r, 50));
    expect(written.declared).toBeLessThan(FIFTY_MB / 4);
  });

  it('cuts a 50 MB chunked response while streaming, at the cap', async () => {
    const started = Date.now();
    const err = await expectFetchError(fetchUrl(url('/huge-chunked'), { ...FAST, maxBytes: 1024 * 1024, readTimeoutMs: 5000 }), 'too-large', url('/huge-chunked'));
    expect(err.message).toContain('1048576');
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 50));
    expect(written.chunked).toBeLessThan(FIFTY_MB / 4);
  });

  it('accepts a body under the cap', async () => {
    const r = await fetchUrl(url('/latin1-header'), { ...FAST, maxBytes: 100 });
    expect(r.status).toBe('ok');
  });
});

describe('timeouts', () => {
  it('cuts off a response that never ends at the read timeout', async () => {
    const started = Date.now();
    const err = await expectFetchError(fetchUrl(url('/never-ends'), SHORT), 'timeout', url('/never-ends'));
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(280);
    expect(took).toBeLessThan(1500);
    expect(err.message).toMatch(/300 ms/);
  });

  it('times out a server that never sends headers', async () => {
    await expectFetchError(fetchUrl(url('/no-headers'), SHORT), 'timeout', url('/no-headers'));
  });
});

describe('binary content', () => {
  it.each(['/png', '/octet', '/nul-as-text', '/untyped-pdf'])('refuses %s as binary', async (path) => {
    const err = await expectFetchError(fetchUrl(url(path), FAST), 'binary', url(path));
    expect(err.message).toMatch(/not text/);
  });
});

describe('charset decoding', () => {
  const text = async (path: string): Promise<{ text: string; charset: string }> => {
    const r = await fetchUrl(url(path), FAST);
    if (r.status !== 'ok') throw new Error('expected a body');
    return r;
  };

  it('replaces invalid UTF-8 with U+FFFD instead of failing', async () => {
    const r = await text('/bad-utf8');
    expect(r.text.startsWith('Ok')).toBe(true);
    expect(r.text.endsWith('(!')).toBe(true);
    expect(r.text).toContain('\uFFFD');
  });

  it('decodes ISO-8859-1 declared in the header', async () => {
    expect((await text('/latin1-header')).text).toBe('Réunion à Niamey');
  });

  it('decodes windows-1252 declared in the header, including 0x80–0x9F', async () => {
    const r = await text('/cp1252-header');
    expect(r.text).toBe('\u201cA\u201d \u2013 \u20ac5');
    expect(r.charset).toBe('windows-1252');
  });

  it('decodes ISO-8859-1 declared by <meta charset>', async () => {
    expect((await text('/latin1-meta')).text).toContain('réunion élargie');
  });

  it('decodes windows-1252 declared by <meta http-equiv>', async () => {
    expect((await text('/cp1252-http-equiv')).text).toContain('\u2018ok\u2019\u2026');
  });

  it('decodes ISO-8859-1 declared by the XML declaration', async () => {
    expect((await text('/latin1-xml')).text).toContain('<title>Sécurité</title>');
  });

  it('decodes UTF-8 declared by <meta charset>', async () => {
    const r = await text('/utf8-meta');
    expect(r.text).toContain('Nouakchott – Bamako');
    expect(r.charset).toBe('utf-8');
  });
});

describe('compressed bodies', () => {
  it('applies the size cap after decompression (a gzip bomb is cut off)', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 'a'));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const tmp = await startServer({
      '/bomb': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb),
    });
    try {
      await expectFetchError(fetchUrl(`${tmp.origin}/bomb`, { ...FAST, maxBytes: 1024 * 1024, readTimeoutMs: 3000 }), 'too-large', `${tmp.origin}/bomb`);
    } finally {
      await tmp.close();
    }
  });
});
