/**
 * Reading ahead skips extracting a document that repeats one read just before: the store will
 * call it a copy at its turn. If it does not, the document is extracted then.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentInput, Extraction } from '../../../src/core/index.js';
import { fingerprintText, RecentTexts } from '../../../src/ingest/dedupe/index.js';
import { ReadAhead } from '../../../src/ingest/pipeline/read-ahead.js';
import { RIYADH_LATER, ROME_OWN_REPORT, ROME_SYNDICATED, ROME_WIRE } from './stories.js';

const keys = (s: { text: string }) => fingerprintText(s.text);

describe('RecentTexts', () => {
  it('finds the same text, a shared URL and a syndicated copy; not another report of the same meeting', () => {
    const recent = new RecentTexts(4);
    recent.add([ROME_WIRE.url], keys(ROME_WIRE));
    expect(recent.repeats([], keys(ROME_WIRE))).toBe(true);
    expect(recent.repeats([ROME_WIRE.url], keys({ text: 'A different text at the same address.' }))).toBe(true);
    expect(recent.repeats([ROME_SYNDICATED.url], keys(ROME_SYNDICATED))).toBe(true);
    expect(recent.repeats([ROME_OWN_REPORT.url], keys(ROME_OWN_REPORT))).toBe(false);
    expect(recent.repeats([RIYADH_LATER.url], keys(RIYADH_LATER))).toBe(false);
  });

  it('holds only the last documents added', () => {
    const recent = new RecentTexts(2);
    recent.add([], keys(ROME_WIRE));
    recent.add([], keys(ROME_OWN_REPORT));
    expect(recent.repeats([], keys(ROME_WIRE))).toBe(true);
    recent.add([], keys(RIYADH_LATER));
    expect(recent.repeats([], keys(ROME_WIRE))).toBe(false);
    expect(recent.repeats([], keys(ROME_OWN_REPORT))).toBe(true);
  });
});

describe('ReadAhead and copies', () => {
  it('does not extract a copy ahead, and extracts it at its turn if asked', async () => {
    const asked: string[] = [];
    const extract = async (input: DocumentInput): Promise<Extraction> => {
      asked.push(input.title ?? '');
      return { title: input.title } as unknown as Extraction;
    };
    const docs = [ROME_WIRE, ROME_SYNDICATED, ROME_OWN_REPORT, { ...ROME_WIRE, title: 'Same text again', url: null }];
    const ahead = new ReadAhead(
      docs.map((d) => async () => ({ text: d.text, title: d.title, url: d.url })),
      { extract, readAhead: 4 },
    );
    const first = await ahead.take(0);
    for (let i = 1; i < docs.length; i++) await ahead.take(i);
    await new Promise((settle) => setImmediate(settle));
    // The originals were requested ahead; the syndicated copy and the exact copy were not.
    expect(asked).toEqual([ROME_WIRE.title, ROME_OWN_REPORT.title]);
    expect(await first.extraction()).toEqual({ title: ROME_WIRE.title });
    // Found new at its turn after all (say its original failed): extracted then.
    const again = new ReadAhead(
      docs.map((d) => async () => ({ text: d.text, title: d.title, url: d.url })),
      { extract, readAhead: 4 },
    );
    asked.length = 0;
    await again.take(0);
    const copy = await again.take(1);
    await new Promise((settle) => setImmediate(settle));
    expect(asked).not.toContain(ROME_SYNDICATED.title);
    expect(await copy.extraction()).toEqual({ title: ROME_SYNDICATED.title });
    expect(asked).toContain(ROME_SYNDICATED.title);
    expect((await copy.keys()).contentHash).toBe(fingerprintText(ROME_SYNDICATED.text).contentHash);
  });
});
