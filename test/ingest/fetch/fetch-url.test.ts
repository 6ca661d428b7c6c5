import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, type FetchOptions } from '../../../src/ingest/fetch/index.js';
import { expectFetchError } from './expect-error.js';
import { startServer, type LocalServer } from './local-server.js';

// Generous budgets where no timeout is expected (CI has 2 busy cores); the timeout tests set 300 ms.
const FAST: FetchOptions = { allowPrivate: true, connectTimeoutMs: 2000, readTimeoutMs: 2000 };

let server: LocalServer;
let url: (path: string) => string;

beforeAll(async () => {
  server = await startServer({
    '/plain': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag: '"v1"', 'last-modified': 'Tue, 03 Jun 2025 10:00:00 GMT' });
      res.end('Ministers met in Rome. Café talk followed.');
    },
    '/gzip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from('<p>compressed briefing</p>')));
    },
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"abc"' || req.headers['if-modified-since'] === 'Mon, 02 Jun 2025 08:00:00 GMT') {
        res.writeHead(304, { etag: '"abc"' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"abc"', 'last-modified': 'Mon, 02 Jun 2025 08:00:00 GMT' });
      res.end('<rss version="2.0"><channel><title>t</title></channel></rss>');
    },
    '/old': (_req, res) => res.writeHead(301, { location: '/plain' }).end(),
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/chain': (req, res) => {
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? '0');
      res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    },
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/to-other-loopback': (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${new URL(server.origin).port}/plain` }).end();
    },
    '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('gone'),
    '/broken': (_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('down'),
  });
  url = (path) => `${server.origin}${path}`;
});
afterAll(() => server.close());

describe('fetchUrl basics', () => {
  it('fetches text and returns validators, final URL and charset', async () => {
    const r = await fetchUrl(url('/plain'), FAST);
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.text).toBe('Ministers met in Rome. Café talk followed.');
    expect(r.etag).toBe('"v1"');
    expect(r.lastModified).toBe('Tue, 03 Jun 2025 10:00:00 GMT');
    expect(r.charset).toBe('utf-8');
    expect(r.httpStatus).toBe(200);
    expect(r.finalUrl).toBe(url('/plain'));
    const last = server.requests.at(-1)!;
    expect(last.headers['user-agent']).toMatch(/^Briefbot\//);
  });

  it('decompresses gzip bodies', async () => {
    const r = await fetchUrl(url('/gzip'), FAST);
    expect(r.status === 'ok' && r.text).toBe('<p>compressed briefing</p>');
  });

  it('follows a redirect and reports the final URL', async () => {
    const r = await fetchUrl(url('/old'), FAST);
    expect(r.status).toBe('ok');
    expect(r.url).toBe(url('/old'));
    expect(r.finalUrl).toBe(url('/plain'));
  });
});

describe('conditional GET', () => {
  it('sends If-None-Match and returns not-modified on 304', async () => {
    const r = await fetchUrl(url('/conditional'), { ...FAST, etag: '"abc"' });
    expect(r).toEqual({ status: 'not-modified', url: url('/conditional'), finalUrl: url('/conditional'), etag: '"abc"', lastModified: null });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"abc"');
  });

  it('sends If-Modified-Since and returns not-modified on 304', async () => {
    const r = await fetchUrl(url('/conditional'), { ...FAST, lastModified: 'Mon, 02 Jun 2025 08:00:00 GMT' });
    expect(r.status).toBe('not-modified');
    expect(r.lastModified).toBe('Mon, 02 Jun 2025 08:00:00 GMT');
  });

  it('returns the body and the new validators when the ETag is stale', async () => {
    const r = await fetchUrl(url('/conditional'), { ...FAST, etag: '"old"' });
    expect(r.status).toBe('ok');
    expect(r.etag).toBe('"abc"');
    expect(r.lastModified).toBe('Mon, 02 Jun 2025 08:00:00 GMT');
  });

  it('sends no conditional headers without validators', async () => {
    await fetchUrl(url('/conditional'), FAST);
    const h = server.requests.at(-1)!.headers;
    expect(h['if-none-match']).toBeUndefined();
    expect(h['if-modified-since']).toBeUndefined();
  });
});

describe('refusals', () => {
  it.each(['file:///etc/passwd', 'ftp://example.org/feed.xml', 'javascript:alert(1)', 'gopher://example.org/'])(
    'refuses the non-http URL %s with bad-scheme',
    async (u) => {
      const err = await expectFetchError(fetchUrl(u, FAST), 'bad-scheme', u.slice(0, 10));
      expect(err.message).toMatch(/only http and https/);
    },
  );

  it('refuses an unparseable URL with bad-url', async () => {
    await expectFetchError(fetchUrl('not a url at all', FAST), 'bad-url', 'not a url at all');
  });

  it('refuses a redirect to file: with bad-scheme', async () => {
    const err = await expectFetchError(fetchUrl(url('/to-file'), FAST), 'bad-scheme', 'file:///etc/passwd');
    expect(err.message).toContain(url('/to-file'));
  });

  it('refuses the loopback server when allowPrivate is false', async () => {
    const before = server.requests.length;
    const err = await expectFetchError(fetchUrl(url('/plain'), { ...FAST, allowPrivate: false }), 'private-address', url('/plain'));
    expect(err.message).toContain('127.0.0.1');
    expect(err.message).toContain('FETCH_ALLOW_PRIVATE');
    expect(server.requests.length).toBe(before); // refused before connecting
  });

  it('refuses localhost by name when allowPrivate is false', async () => {
    const u = `http://localhost:${new URL(server.origin).port}/plain`;
    await expectFetchError(fetchUrl(u, { ...FAST, allowPrivate: false }), 'private-address', u);
  });

  it('checks the address again on every redirect hop', async () => {
    const blocked: string[] = [];
    const err = await expectFetchError(
      fetchUrl(url('/to-other-loopback'), { ...FAST, blockAddress: (a) => a === '127.0.0.2' && blocked.push(a) > 0 }),
      'private-address',
      '127.0.0.2',
    );
    expect(blocked).toEqual(['127.0.0.2']);
    expect(err.url).toContain('127.0.0.2');
  });

  it('reports an unknown host as dns', async () => {
    const u = 'http://no-such-host.invalid/feed';
    await expectFetchError(fetchUrl(u, FAST), 'dns', u);
  });

  it('reports a closed port as connect', async () => {
    const tmp = await startServer({});
    const u = `${tmp.origin}/feed`;
    await tmp.close();
    await expectFetchError(fetchUrl(u, FAST), 'connect', u);
  });

  it('reports 404 and 503 as http-status with the status', async () => {
    const e404 = await expectFetchError(fetchUrl(url('/missing'), FAST), 'http-status', url('/missing'));
    expect(e404.httpStatus).toBe(404);
    expect(e404.message).toMatch(/404/);
    const e503 = await expectFetchError(fetchUrl(url('/broken'), FAST), 'http-status', url('/broken'));
    expect(e503.httpStatus).toBe(503);
    expect(e503.message).toMatch(/retried later/);
  });
});

describe('redirect limits', () => {
  it('detects a redirect loop', async () => {
    const err = await expectFetchError(fetchUrl(url('/loop-a'), FAST), 'redirect-loop', url('/loop-a'));
    expect(err.message).toContain(url('/loop-a'));
  });

  it('stops after maxRedirects', async () => {
    const before = server.requests.length;
    await expectFetchError(fetchUrl(url('/chain?n=0'), { ...FAST, maxRedirects: 3 }), 'too-many-redirects', url('/chain?n=0'));
    expect(server.requests.length - before).toBe(4); // the first request plus 3 followed redirects
  });
});
