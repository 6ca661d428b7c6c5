import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths, ingestUrls, type IngestProgress } from '../../../src/ingest/pipeline/index.js';
import { articlePage, redirect, send, serve, teaserFeed, type TestServer } from './http-server.js';
import { RIYADH_LATER, ROME_OWN_REPORT, ROME_WIRE } from './stories.js';
import { allMeetings, tempStore, type TempStore } from './temp-store.js';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.close();
});

function briefing(s: { title: string; outlet: string; published: string; text: string }): string {
  return `Title: ${s.title}\nSource: ${s.outlet}\nPublished: ${s.published}\n\n${s.text}\n`;
}

describe('ingestPaths', () => {
  it('ingests good files from a folder, reports each bad one by path, and stores nothing for them', async () => {
    const dir = join(t.dir, 'inbox');
    mkdirSync(join(dir, 'more'), { recursive: true });
    writeFileSync(join(dir, 'rome.txt'), briefing(ROME_WIRE));
    writeFileSync(join(dir, 'more', 'riyadh.md'), `# ${RIYADH_LATER.title}\n\n${RIYADH_LATER.text}\n`);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 0, 0]));
    const missing = join(t.dir, 'no-such-folder');
    const progress: IngestProgress[] = [];

    const summary = await ingestPaths(t.store, [dir, missing], { onProgress: (p) => progress.push({ ...p }) });

    expect(summary).toMatchObject({ read: 5, new: 2, duplicates: 0 });
    expect(summary.meetingsCreated).toBeGreaterThanOrEqual(2);
    expect(summary.failures.map((f) => f.source).sort()).toEqual([join(dir, 'empty.txt'), join(dir, 'photo.txt'), missing].sort());
    for (const f of summary.failures) expect(f.message).toContain(f.source);
    expect(await t.store.documents.count()).toBe(2);
    const titles = (await t.store.documents.since(0, 100, 10)).map((d) => d.title).sort();
    expect(titles).toEqual([RIYADH_LATER.title, ROME_WIRE.title].sort());
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.at(-1)?.total).toBe(5);

    // Running the same folder again finds only duplicates.
    const again = await ingestPaths(t.store, [dir]);
    expect(again).toMatchObject({ new: 0, duplicates: 2, meetingsCreated: 0, meetingsMerged: 0 });
  });

  it('leaves no trace of a document whose meetings failed to store, and keeps the others of its batch', async () => {
    const dir = join(t.dir, 'inbox');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-rome.txt'), briefing(ROME_WIRE));
    writeFileSync(join(dir, 'b-riyadh.txt'), briefing(RIYADH_LATER));
    writeFileSync(join(dir, 'c-rome-own.txt'), briefing(ROME_OWN_REPORT));
    // The store fails while recording the Riyadh meeting, after its document was added.
    const meetings = t.store.meetings;
    const create = meetings.create.bind(meetings);
    meetings.create = async (record, documentId) => {
      if (record.city === 'Riyadh') throw new Error('disk full');
      return create(record, documentId);
    };

    const summary = await ingestPaths(t.store, [dir]);

    expect(summary).toMatchObject({ read: 3, new: 2 });
    expect(summary.failures.map((f) => f.source)).toEqual([join(dir, 'b-riyadh.txt')]);
    const titles = (await t.store.documents.since(0, 100, 10)).map((d) => d.title).sort();
    expect(titles).toEqual([ROME_OWN_REPORT.title, ROME_WIRE.title].sort());
    expect((await allMeetings(t.store)).map((m) => m.city)).not.toContain('Riyadh');
    expect(await t.store.documents.search(['Riyadh'], {}, 10, 0)).toMatchObject({ total: 0 });
  });
});

describe('ingestUrls', () => {
  let server: TestServer;
  beforeEach(async () => {
    const routes: Parameters<typeof serve>[0] = {};
    server = await serve(routes);
    const o = server.origin;
    Object.assign(routes, {
      '/feed.xml': send(
        'application/rss+xml',
        teaserFeed('Tiber Wire', [
          { title: ROME_WIRE.title, link: `${o}/articles/rome?utm_medium=rss`, date: ROME_WIRE.published, teaser: 'Foreign ministers met in Rome to talk money for stabilisation\u2026' },
          { title: RIYADH_LATER.title, link: `${o}/articles/riyadh`, date: RIYADH_LATER.published, teaser: 'Officials met in the Saudi capital. Read more' },
          { title: 'A story that was taken down', link: `${o}/articles/gone`, date: '2033-07-17', teaser: 'This page no longer exists\u2026' },
        ]),
      ),
      '/articles/rome': send('text/html; charset=utf-8', articlePage({ ...ROME_WIRE, site: 'Tiber Wire', date: ROME_WIRE.published })),
      '/articles/riyadh': send('text/html; charset=utf-8', articlePage({ ...RIYADH_LATER, site: 'Gulf Ledger', date: RIYADH_LATER.published })),
      '/own-report': send('text/html', articlePage({ ...ROME_OWN_REPORT, site: 'Capital Observer', date: ROME_OWN_REPORT.published })),
      '/malformed.xml': send('application/rss+xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed</channel></rss>'),
      '/loop-a': redirect('/loop-b'),
      '/loop-b': redirect('/loop-a'),
      '/logo': send('application/octet-stream', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 9, 0, 0, 0, 1, 2])),
    });
  });
  afterEach(async () => {
    await server.close();
  });

  it('ingests a teaser feed end to end and reports every bad input without stopping', async () => {
    const o = server.origin;
    const summary = await ingestUrls(
      t.store,
      [
        `${o}/feed.xml`,
        `${o}/malformed.xml`,
        { url: `${o}/own-report`, kind: 'feed' },
        `${o}/loop-a`,
        `${o}/logo`,
        'file:///etc/hostname',
        'ftp://127.0.0.1/briefing.txt',
        `${o}/own-report`,
      ],
      { allowPrivate: true },
    );

    expect(summary.new).toBe(3);
    const failed = summary.failures.map((f) => f.source);
    expect(failed.sort()).toEqual(
      [`${o}/articles/gone`, `${o}/malformed.xml`, `${o}/own-report`, `${o}/loop-a`, `${o}/logo`, 'file:///etc/hostname', 'ftp://127.0.0.1/briefing.txt'].sort(),
    );
    expect(summary.failures.find((f) => f.source === `${o}/loop-a`)?.message).toMatch(/loop/);
    expect(summary.failures.find((f) => f.source === 'ftp://127.0.0.1/briefing.txt')?.message).toMatch(/http/);
    expect(summary.read).toBe(10);

    expect(await t.store.documents.count()).toBe(3);
    const docs = await t.store.documents.since(0, 100, 10);
    const rome = docs.find((d) => d.title === ROME_WIRE.title)!;
    expect(rome.url).toBe(`${o}/articles/rome`);
    expect(rome.outlet).toBe('Tiber Wire');
    expect(rome.published).toBe(ROME_WIRE.published);
    expect(rome.text).toContain('Ministers pledged new money for clearing explosives');
    for (const d of docs) expect(d.text).not.toMatch(/cookies|newsletter|Most read|Harbour traffic/);

    // The page URL reported the same Rome meeting as the feed's article.
    const romeMeetings = (await allMeetings(t.store)).filter((m) => m.city === 'Rome' && m.primary);
    expect(romeMeetings).toHaveLength(1);
    expect(romeMeetings[0]!.sources).toHaveLength(2);
    // Every stored meeting cites only stored documents.
    const ids = new Set(docs.map((d) => d.id));
    for (const m of await allMeetings(t.store)) for (const s of m.sources) expect(ids.has(s.documentId)).toBe(true);
  });

  it('does not fetch an article again when its link is already stored', async () => {
    const o = server.origin;
    await ingestUrls(t.store, [`${o}/feed.xml`], { allowPrivate: true });
    const before = server.hits.filter((p) => p.startsWith('/articles/rome')).length;
    const again = await ingestUrls(t.store, [`${o}/feed.xml`], { allowPrivate: true });
    expect(server.hits.filter((p) => p.startsWith('/articles/rome')).length).toBe(before);
    expect(again).toMatchObject({ new: 0, duplicates: 2 });
  });

  it('refuses loopback addresses unless private fetching is allowed', async () => {
    const summary = await ingestUrls(t.store, [`${server.origin}/feed.xml`]);
    expect(summary.new).toBe(0);
    expect(summary.failures).toHaveLength(1);
    expect(server.hits).toEqual([]);
  });
});
