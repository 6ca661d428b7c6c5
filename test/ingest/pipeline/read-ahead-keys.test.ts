/**
 * Reading ahead with keys worked out elsewhere: what the store decides with must be the keys
 * this thread would compute, and a thread that failed must cost a document its extraction only.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintText, keyData, keysFrom } from '../../../src/ingest/dedupe/index.js';
import { ReadAhead } from '../../../src/ingest/pipeline/read-ahead.js';
import { ROME_SYNDICATED, ROME_WIRE } from './stories.js';

const sameKeys = async (keys: ReturnType<typeof fingerprintText> | Promise<ReturnType<typeof fingerprintText>>, text: string) => {
  const got = await keys;
  const own = fingerprintText(text);
  expect(got.contentHash).toBe(own.contentHash);
  expect(got.simhash()).toBe(own.simhash());
  expect([...got.shingles()].sort()).toEqual([...own.shingles()].sort());
  expect([...got.packed()]).toEqual([...own.packed()]);
};

describe('dedupe keys from elsewhere', () => {
  it('keysFrom(keyData(text)) answers as fingerprintText(text)', async () => {
    for (const text of [ROME_WIRE.text, ROME_SYNDICATED.text, 'One short line.']) await sameKeys(keysFrom(keyData(text)), text);
  });

  it("takes a document's keys from the analysis, and computes them here when the thread failed", async () => {
    const loads = [ROME_WIRE, ROME_SYNDICATED].map((s) => async () => ({ text: `  ${s.text}\n`, title: s.title }));
    const analysed = new ReadAhead(loads, { readAhead: 2, analyse: async (input) => ({ keys: keyData(input.text), error: 'refused' }) });
    const first = await analysed.take(0);
    await sameKeys(first.keys(), ROME_WIRE.text);
    await expect(first.extraction()).rejects.toThrow('refused');

    const failed = new ReadAhead(loads, { readAhead: 2, analyse: () => Promise.reject(new Error('the extractor thread stopped')) });
    const second = await failed.take(1);
    await sameKeys(second.keys(), ROME_SYNDICATED.text);
    await expect(second.extraction()).rejects.toThrow('the extractor thread stopped');
  });
});
