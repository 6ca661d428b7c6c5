import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentInput } from '../../../src/core/index.js';
import { parseBriefingText } from '../../../src/ingest/extract/briefing-format.js';
import { extract } from '../../../src/ingest/extract/extract.js';
import { startExtractorThread, type ExtractorThread } from '../../../src/ingest/extract/extract-thread.js';
import { createTaxonomy } from '../../../src/ingest/taxonomy.js';
import { CRASH, REFUSE } from './stand-in-extractor.js';
import { RIYADH_LATER, ROME_OWN_REPORT, ROME_SYNDICATED, ROME_WIRE } from './stories.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const STAND_IN = new URL('./stand-in-extractor.ts', import.meta.url);

// Our sample briefings and the pipeline's stories: reports with datelines, chairs, several meetings.
const SAMPLES = join(ROOT, 'src/samples');
const DOCS: DocumentInput[] = [
  ...readdirSync(SAMPLES).map((f) => {
    const b = parseBriefingText(readFileSync(join(SAMPLES, f), 'utf8'));
    return { text: b.body.trim(), title: b.title, published: b.published };
  }),
  ...[ROME_WIRE, ROME_SYNDICATED, ROME_OWN_REPORT, RIYADH_LATER].map((s) => ({ text: s.text, title: s.title, published: s.published, url: s.url })),
  // No title and no date: the extractor reads both from the text.
  { text: 'ACCRA, 20 June 2033 - Experts of the Global Coalition met in Accra to discuss maritime security, piracy and naval patrols in the Gulf of Guinea.' },
];

const MARITIME = {
  id: 'maritime-security',
  label: 'Maritime security',
  phrases: ['maritime security', 'piracy', 'naval (?:patrols?|escorts?)'],
  exclude: ['software piracy'],
};

let threads: ExtractorThread[] = [];
const started = (t: ExtractorThread): ExtractorThread => (threads.push(t), t);
afterEach(async () => {
  await Promise.all(threads.map((t) => t.close()));
  threads = [];
});

describe('the extractor thread', () => {
  it('gives the Extraction the extractor gives on this thread, to the byte', async () => {
    const thread = started(startExtractorThread());
    const answers = await Promise.all(DOCS.map((d) => thread.extract(d)));
    for (const [i, doc] of DOCS.entries()) expect(JSON.stringify(answers[i])).toBe(JSON.stringify(extract(doc)));
    expect(answers.some((a) => a.meetings.length > 1)).toBe(true);
    expect(thread.stats().documents).toBe(DOCS.length);
  });

  it('tags with the taxonomy it was started with, user topics included', async () => {
    const taxonomy = createTaxonomy([MARITIME]);
    const thread = started(taxonomy.startThread());
    const accra = DOCS.at(-1)!;
    const onThread = await thread.extract(accra);
    expect(onThread.topics).toContain('maritime-security');
    expect(onThread).toEqual(await taxonomy.extract(accra));
    for (const doc of DOCS) expect(JSON.stringify(await thread.extract(doc))).toBe(JSON.stringify(await taxonomy.extract(doc)));
  });

  it("rejects one document the extractor throws on with the extractor's message, and goes on with the others", async () => {
    const thread = started(startExtractorThread({ module: STAND_IN }));
    const refused = { text: `${REFUSE} this one.`, title: 'Bad one' };
    const [before, failed, after] = await Promise.allSettled([thread.extract(DOCS[0]!), thread.extract(refused), thread.extract(DOCS[1]!)]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'the stand-in refused "Bad one"' } });
    expect(before).toMatchObject({ status: 'fulfilled', value: extract(DOCS[0]!) });
    expect(after).toMatchObject({ status: 'fulfilled', value: extract(DOCS[1]!) });
  });

  it('rejects the requests a crashed thread held, and starts a fresh thread for the next', async () => {
    const thread = started(startExtractorThread({ module: STAND_IN }));
    const crash = thread.extract({ text: `${CRASH} now.` });
    const queued = thread.extract(DOCS[0]!);
    await expect(crash).rejects.toThrow('the extractor thread stopped (exit code 3)');
    await expect(queued).rejects.toThrow('the extractor thread stopped (exit code 3)');
    expect(await thread.extract(DOCS[2]!)).toEqual(extract(DOCS[2]!));
  });

  it('rejects what is pending when closed, and starts again if asked after', async () => {
    const thread = started(startExtractorThread());
    const pending = expect(thread.extract(DOCS[0]!)).rejects.toThrow('the extractor thread was closed');
    await thread.close();
    await pending;
    expect(await thread.extract(DOCS[1]!)).toEqual(extract(DOCS[1]!));
  });

  it('does not keep a process alive once its requests are answered, even left open', async () => {
    const script = join(import.meta.dirname, 'idle-thread.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx/esm', script], { cwd: ROOT, timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual(extract(DOCS[0]!));
  });
});
