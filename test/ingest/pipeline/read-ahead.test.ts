import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../../../bench/ingest-corpus.js';
import type { Store } from '../../../src/core/index.js';
import { startExtractorThread, type ExtractorThread } from '../../../src/ingest/extract/extract-thread.js';
import { ingestPaths, meetingsToJson, READ_AHEAD } from '../../../src/ingest/pipeline/index.js';
import { exportStore } from '../../../src/store/transfer/index.js';
import { runNode } from '../../e2e/run-bot.js';
import { createExtractor, REFUSE } from './stand-in-extractor.js';
import { RIYADH_LATER, ROME_OWN_REPORT, ROME_SYNDICATED, ROME_WIRE } from './stories.js';
import { tempStore, type TempStore } from './temp-store.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXED = new Date('2034-01-01T00:00:00Z');

const briefing = (s: { title: string; outlet: string; published: string; text: string }): string =>
  `Title: ${s.title}\nSource: ${s.outlet}\nPublished: ${s.published}\n\n${s.text}\n`;

/**
 * A folder with what a bulk ingest meets: more files than one commit takes, reports of the same
 * meetings to merge, exact and syndicated copies (some within the read-ahead window of their
 * original, some far from it), files that fail to load, our samples and the dedupe fixtures.
 */
function writeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  generateArticles(180, 11).forEach((a, i) => writeFileSync(join(dir, `gen-${String(i).padStart(3, '0')}.txt`), a.raw));
  for (const s of [ROME_WIRE, ROME_SYNDICATED, ROME_OWN_REPORT, RIYADH_LATER]) writeFileSync(join(dir, `story-${s.outlet}.txt`), briefing(s));
  const samples = join(ROOT, 'src/samples');
  for (const f of readdirSync(samples)) copyFileSync(join(samples, f), join(dir, `sample-${f}`));
  const dedupe = join(ROOT, 'test/fixtures/ingest/dedupe');
  for (const f of readdirSync(dedupe)) copyFileSync(join(dedupe, f), join(dir, `dedupe-${f}`));
  copyFileSync(join(dir, 'gen-005.txt'), join(dir, 'gen-005-copy.txt'));
  copyFileSync(join(samples, readdirSync(samples)[0]!), join(dir, 'zz-sample-again.txt'));
  writeFileSync(join(dir, 'gen-090-empty.txt'), '');
  writeFileSync(join(dir, 'gen-150-header-only.txt'), 'Title: Nothing here\n\n');
}

/**
 * Everything the store holds, as `briefbot export` writes it, less the clock: when each row was
 * written (`*_at`) and the checksum over them.
 */
async function exported(store: Store): Promise<unknown[]> {
  const lines: unknown[] = [];
  for await (const line of exportStore(store, () => FIXED)) {
    const entry = JSON.parse(line) as { row?: Record<string, unknown>; checksum?: string };
    for (const key of Object.keys(entry.row ?? {})) if (key.endsWith('_at')) delete entry.row![key];
    delete entry.checksum;
    lines.push(entry);
  }
  return lines;
}

async function meetingLines(store: Store): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of meetingsToJson(store)) lines.push(line);
  return lines;
}

let here: TempStore;
let ahead: TempStore;
let thread: ExtractorThread;
let folder: string;
beforeAll(async () => {
  here = await tempStore();
  folder = join(here.dir, 'briefings');
  writeFolder(folder);
});
afterAll(async () => {
  await here.close();
});
afterEach(async () => {
  await thread?.close();
  await ahead?.close();
});

describe('reading ahead with the extractor thread', () => {
  it('stores exactly what ingesting one file at a time on this thread stores', async () => {
    const inThread = await ingestPaths(here.store, [folder]);
    ahead = await tempStore();
    thread = startExtractorThread();
    const threaded = await ingestPaths(ahead.store, [folder], { extract: thread.extract, readAhead: READ_AHEAD });

    expect(threaded).toEqual(inThread);
    expect(inThread.duplicates).toBeGreaterThan(5);
    expect(inThread.meetingsMerged).toBeGreaterThan(20);
    expect(inThread.failures).toHaveLength(2);
    expect(await meetingLines(ahead.store)).toEqual(await meetingLines(here.store));
    expect(await exported(ahead.store)).toEqual(await exported(here.store));
    // Every new document was extracted once, and no copy: each sits within the last documents
    // read before it (the sample read again comes a dozen files after its original).
    expect(thread.stats().documents).toBe(inThread.new);
  });

  it('fails the same documents when the extractor throws on some, copies of them included', async () => {
    const refusing = join(here.dir, 'refusing');
    mkdirSync(refusing);
    const text = (n: number, refuse: boolean) => `ROME, 3 March - The Small Group met in Rome on ${n} March 2031.${refuse ? ` ${REFUSE}.` : ''}`;
    for (let n = 1; n <= 25; n++) writeFileSync(join(refusing, `${String(n).padStart(2, '0')}.txt`), `Title: Meeting ${n}\n\n${text(n, n % 7 === 0)}\n`);
    writeFileSync(join(refusing, '08-copy-of-07.txt'), `Title: Meeting 7\n\n${text(7, true)}\n`);
    const one = await tempStore();
    try {
      const inThread = await ingestPaths(one.store, [refusing], { extract: createExtractor([]) });
      ahead = await tempStore();
      thread = startExtractorThread({ module: new URL('./stand-in-extractor.ts', import.meta.url) });
      const threaded = await ingestPaths(ahead.store, [refusing], { extract: thread.extract, readAhead: READ_AHEAD });
      expect(threaded).toEqual(inThread);
      expect(inThread.failures.map((f) => f.message)).toContain(`${join(refusing, '07.txt')}: the stand-in refused "Meeting 7"`);
      expect(inThread.failures).toHaveLength(4);
      expect(await exported(ahead.store)).toEqual(await exported(one.store));
    } finally {
      await one.close();
    }
  });

  it('is what `briefbot ingest` does: same meetings, and the process exits when done', async () => {
    await ingestPaths(here.store, [folder]);
    const env = { DATA_DIR: join(here.dir, 'cli-data'), SEED_SAMPLES: 'false' };
    const ingested = await runNode(['src/bin/briefbot.mjs', 'ingest', folder], { env, timeoutMs: 60_000 });
    expect(ingested.stderr).toContain('failed: ');
    expect(ingested.code).toBe(1);
    const listed = await runNode(['src/bin/briefbot.mjs', 'meetings', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n')).toEqual(await meetingLines(here.store));
  });
});
