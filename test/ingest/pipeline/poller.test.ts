import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollDue, startPoller } from '../../../src/ingest/pipeline/index.js';
import { serve, teaserFeed, type TestServer } from './http-server.js';
import { RIYADH_LATER, ROME_WIRE } from './stories.js';
import { tempStore, type TempStore } from './temp-store.js';

let t: TempStore;
let server: TestServer;
const conditional: Array<string | undefined> = [];
let brokenStatus = 500;

beforeEach(async () => {
  t = await tempStore();
  conditional.length = 0;
  brokenStatus = 500;
  server = await serve({
    '/feed.xml': (req, res) => {
      conditional.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      // Full text in the feed: long items are not teasers, so no article fetch.
      const feed = teaserFeed('Wire Feed', [
        { title: ROME_WIRE.title, link: `${server.origin}/a/rome`, date: ROME_WIRE.published, teaser: ROME_WIRE.text },
        { title: RIYADH_LATER.title, link: `${server.origin}/a/riyadh`, date: RIYADH_LATER.published, teaser: RIYADH_LATER.text },
      ]);
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 14 Jun 2033 08:00:00 GMT' }).end(feed);
    },
    '/broken.xml': (_req, res) => {
      res.writeHead(brokenStatus, { 'content-type': 'text/plain' }).end('server trouble');
    },
  });
});
afterEach(async () => {
  await server.close();
  await t.close();
});

describe('poller', () => {
  it('ingests a due feed, then honours 304 on the next poll', async () => {
    const source = await t.store.sources.add({ kind: 'feed', url: `${server.origin}/feed.xml`, pollIntervalSec: 600 });
    const now = new Date(Date.now() + 1000);
    expect(await pollDue({ store: t.store, owner: 'test', allowPrivate: true, jitter: 0, now: () => now })).toBe(1);
    let s = (await t.store.sources.get(source.id))!;
    expect(await t.store.documents.count()).toBe(2);
    expect(s).toMatchObject({ etag: '"v1"', title: 'Wire Feed', consecutiveFailures: 0, lastError: null, lastModified: 'Tue, 14 Jun 2033 08:00:00 GMT' });
    expect(s.lastNewItemAt).not.toBeNull();
    expect(Date.parse(s.nextPollAt) - now.getTime()).toBe(600_000);
    // Not due again before its interval.
    expect(await pollDue({ store: t.store, owner: 'test', allowPrivate: true, now: () => new Date(now.getTime() + 60_000) })).toBe(0);

    const next = new Date(now.getTime() + 601_000);
    expect(await pollDue({ store: t.store, owner: 'test', allowPrivate: true, jitter: 0, now: () => next })).toBe(1);
    expect(conditional).toEqual([undefined, '"v1"']);
    s = (await t.store.sources.get(source.id))!;
    expect(Date.parse(s.lastFetchedAt!)).toBe(next.getTime());
    expect(Date.parse(s.lastNewItemAt!)).toBe(now.getTime());
    expect(await t.store.documents.count()).toBe(2);
    const docs = await t.store.documents.since(0, 10, 10);
    expect(docs.every((d) => d.sourceId === source.id)).toBe(true);
  });

  it('backs off a failing source and disables it with the reason after repeated failures', async () => {
    const source = await t.store.sources.add({ kind: 'feed', url: `${server.origin}/broken.xml`, pollIntervalSec: 60 });
    let now = new Date(Date.now() + 1000);
    const delays: number[] = [];
    for (let i = 1; i <= 3; i++) {
      expect(await pollDue({ store: t.store, owner: 'test', allowPrivate: true, jitter: 0, disableAfter: 3, now: () => now })).toBe(1);
      const s = (await t.store.sources.get(source.id))!;
      expect(s.consecutiveFailures).toBe(i);
      expect(s.lastError).toContain('500');
      delays.push((Date.parse(s.nextPollAt) - now.getTime()) / 1000);
      now = new Date(Date.parse(s.nextPollAt) + 1000);
    }
    expect(delays).toEqual([120, 240, 480]);
    const s = (await t.store.sources.get(source.id))!;
    expect(s.disabledAt).not.toBeNull();
    expect(s.disabledReason).toMatch(/3 failures in a row/);
    expect(s.disabledReason).toContain(`${server.origin}/broken.xml`);
    // Disabled: never claimed again.
    expect(await pollDue({ store: t.store, owner: 'test', allowPrivate: true, now: () => new Date(now.getTime() + 86_400_000) })).toBe(0);
  });

  it('a body that is not a feed counts as a failure; a success resets the count', async () => {
    const source = await t.store.sources.add({ kind: 'feed', url: `${server.origin}/broken.xml`, pollIntervalSec: 60 });
    let now = new Date(Date.now() + 1000);
    await pollDue({ store: t.store, owner: 'test', allowPrivate: true, jitter: 0, now: () => now });
    brokenStatus = 200;
    now = new Date(now.getTime() + 3_600_000);
    await pollDue({ store: t.store, owner: 'test', allowPrivate: true, jitter: 0, now: () => now });
    const s = (await t.store.sources.get(source.id))!;
    // A 200 of plain text is still not a feed.
    expect(s.consecutiveFailures).toBe(2);
    expect(s.lastError).toMatch(/broken\.xml/);

    const good = await t.store.sources.add({ kind: 'feed', url: `${server.origin}/feed.xml`, pollIntervalSec: 60 });
    await t.store.sources.updateHealth(good.id, { consecutiveFailures: 3, lastError: 'earlier trouble' });
    await pollDue({ store: t.store, owner: 'test', allowPrivate: true, now: () => new Date(now.getTime() + 1000) });
    expect(await t.store.sources.get(good.id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('startPoller polls at once and stops cleanly', async () => {
    await t.store.sources.add({ kind: 'feed', url: `${server.origin}/feed.xml`, pollIntervalSec: 600 });
    const polled: number[] = [];
    const poller = startPoller({ store: t.store, owner: 'loop', allowPrivate: true, intervalMs: 50, onPolled: (id) => polled.push(id) });
    await poller.tick();
    await poller.stop();
    expect(polled).toHaveLength(1);
    expect(await t.store.documents.count()).toBe(2);
  });
});
