import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  origin: string;
  /** Paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1:0 routing by path (routes may change while it runs). */
export async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const handler = routes[path];
    if (!handler) res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
    else handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const send =
  (type: string, body: string | Buffer, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...headers }).end(body);
  };

export const redirect =
  (to: string): Handler =>
  (_req, res) => {
    res.writeHead(302, { location: to }).end();
  };

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An RSS feed whose items carry only teasers. */
export function teaserFeed(title: string, items: Array<{ title: string; link: string; date: string; teaser: string }>): string {
  const body = items
    .map(
      (i) => `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link)}</link><guid>${escapeXml(i.link)}</guid>
<pubDate>${new Date(`${i.date}T08:00:00Z`).toUTCString()}</pubDate><description>${escapeXml(i.teaser)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>http://example.invalid/</link>\n${body}\n</channel></rss>`;
}

/** A news page: the story wrapped in navigation, a cookie banner, related links and a footer. */
export function articlePage(story: { title: string; text: string; site: string; date: string }): string {
  const paragraphs = story.text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeXml(p.trim())}</p>`)
    .join('\n');
  return `<!doctype html><html><head><title>${escapeXml(story.title)} | ${escapeXml(story.site)}</title>
<meta property="og:site_name" content="${escapeXml(story.site)}">
<meta property="article:published_time" content="${story.date}T07:30:00Z"></head>
<body>
<div class="cookie-consent">We use cookies to improve your experience. Accept all cookies or manage your settings.</div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${escapeXml(story.title)}</h1>
${paragraphs}
</article></main>
<aside class="related"><h2>Most read</h2><ul><li><a href="/x">Harbour traffic rises for third month</a></li><li><a href="/y">Local team wins cup final</a></li></ul></aside>
<footer><p>Subscribe to our newsletter for the morning headlines.</p><p>Copyright ${escapeXml(story.site)}.</p></footer>
</body></html>`;
}
