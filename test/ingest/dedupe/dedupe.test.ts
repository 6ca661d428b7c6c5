import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  fingerprintText,
  hammingDistance,
  isNearDuplicate,
  NEAR_DUPLICATE_BITS,
  packedOverlap,
  setOverlap,
  shingleOverlap,
  shingleSet,
  simhash,
} from '../../../src/ingest/dedupe/index.js';

const dir = fileURLToPath(new URL('../../fixtures/ingest/dedupe/', import.meta.url));
const text = (name: string): string => readFileSync(`${dir}${name}.txt`, 'utf8');
const original = text('wire-original');
const syndicated = text('wire-syndicated'); // new headline, byline, a paragraph dropped, a number as digits
const trimmed = text('wire-trimmed'); // last paragraph dropped, boilerplate added, US spellings
const sameMeeting = text('same-meeting-other-story'); // independent report of the same meeting
const unrelated = text('unrelated-story');

describe('contentHash', () => {
  it('is a sha256 hex digest, equal across case, whitespace, quotes and dashes', () => {
    const a = contentHash('Ministers met in “Rome” — briefly.\n\nThey left.');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('  MINISTERS met in "rome" - briefly. They   left. ')).toBe(a);
  });

  it('differs when a word changes', () => {
    expect(contentHash('Ministers met in Rome.')).not.toBe(contentHash('Ministers met in Paris.'));
  });
});

describe('simhash and hammingDistance', () => {
  it('is 16 hex digits, deterministic, and zero for empty text', () => {
    expect(simhash(original)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(original)).toBe(simhash(original));
    expect(simhash('')).toBe('0000000000000000');
  });

  it('keeps the fingerprints stored by earlier versions: the same texts give the same 64 bits', () => {
    // Values written by the per-bit counter this replaced; a store compares new fingerprints with
    // ones it holds, so any change to the hashing would silently stop near-duplicates matching.
    expect(simhash(original)).toBe('70e503c2b277810e');
    expect(simhash(syndicated)).toBe('30e101c2a223f44e');
    expect(simhash(unrelated)).toBe('142b41910a0dfeee');
    expect(simhash('Niamey hosts the Focus Group')).toBe('7bde25a202f67cb9');
    expect(simhash('two words')).toBe('19abc11ac64aeee0');
    expect(simhash('“Ça va” — très bien…')).toBe('1908e82418992160');
  });

  it('counts differing bits for hex strings and bigints alike', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f0', '0000000000000001')).toBe(5);
    expect(hammingDistance(0b1011n, 0b0001n)).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(/16 hex digits/);
  });

  it('ignores case and spacing: a re-typeset copy has distance 0', () => {
    expect(hammingDistance(simhash(original), simhash(original.toUpperCase().replace(/\n\n/g, '\n')))).toBe(0);
  });
});

describe('isNearDuplicate on syndicated wire copy', () => {
  const fp = { original: simhash(original), syndicated: simhash(syndicated), trimmed: simhash(trimmed), sameMeeting: simhash(sameMeeting), unrelated: simhash(unrelated) };

  it.each([
    ['original', 'syndicated'],
    ['original', 'trimmed'],
    ['syndicated', 'trimmed'],
  ] as const)('matches %s and %s', (a, b) => {
    expect(isNearDuplicate(fp[a], fp[b])).toBe(true);
  });

  it.each([
    ['original', 'sameMeeting'],
    ['syndicated', 'sameMeeting'],
    ['trimmed', 'sameMeeting'],
    ['original', 'unrelated'],
    ['sameMeeting', 'unrelated'],
  ] as const)('keeps %s and %s apart', (a, b) => {
    expect(isNearDuplicate(fp[a], fp[b])).toBe(false);
    expect(hammingDistance(fp[a], fp[b])).toBeGreaterThan(NEAR_DUPLICATE_BITS + 4); // a margin, not a coin toss
  });

  it('a single changed headline alone stays very close', () => {
    const retitled = original.replace(/^.*\n/, 'Lake Chad support grows after Niamey meeting\n');
    expect(hammingDistance(fp.original, simhash(retitled))).toBeLessThanOrEqual(6);
  });

  it('rarely matches unrelated text: under 0.1 % of 19 900 synthetic pairs', () => {
    // Deterministic pseudo-random documents from a shared 1500-word vocabulary.
    let seed = 42;
    const rand = (): number => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const vocab = Array.from({ length: 1500 }, (_, i) => `w${i.toString(36)}`);
    const docs = Array.from({ length: 200 }, () => Array.from({ length: 180 }, () => vocab[Math.floor(rand() * vocab.length)]!).join(' '));
    const fps = docs.map(simhash);
    let close = 0;
    let pairs = 0;
    for (let i = 0; i < fps.length; i++) for (let j = i + 1; j < fps.length; j++, pairs++) if (isNearDuplicate(fps[i]!, fps[j]!)) close++;
    expect(pairs).toBe(19_900);
    expect(close / pairs).toBeLessThan(0.001);
  });
});

describe('shingleOverlap', () => {
  it('is high for syndicated copies and low for a different story on the same meeting', () => {
    expect(shingleOverlap(original, syndicated)).toBeGreaterThan(0.85);
    expect(shingleOverlap(original, trimmed)).toBeGreaterThan(0.85);
    expect(shingleOverlap(original, sameMeeting)).toBeLessThan(0.2);
    expect(shingleOverlap(original, unrelated)).toBe(0);
    expect(shingleOverlap('', original)).toBe(0);
  });
});

describe('fingerprintText and shingle sets', () => {
  it('gives the same content hash, SimHash and overlap as the text functions, from one pass over the words', () => {
    const own = fingerprintText(syndicated);
    expect(own.contentHash).toBe(contentHash(syndicated));
    expect(own.simhash()).toBe(simhash(syndicated));
    expect(packedOverlap(fingerprintText(original).packed(), own.packed())).toBe(shingleOverlap(original, syndicated));
    expect(own.packed()).toBe(own.packed());
  });

  it('packedOverlap of two packed sets is setOverlap of the sets', () => {
    let seed = 3;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const pool = Math.floor(next() * 400) + 1;
      const draw = () => new Set(Array.from({ length: Math.floor(next() * 120) }, () => Math.floor(next() * pool) * 1.5 - 99));
      const [a, b] = [draw(), draw()];
      const pack = (s: Set<number>) => Float64Array.from([...s].sort((x, y) => x - y));
      expect(packedOverlap(pack(a), pack(b))).toBe(setOverlap(a, b));
      expect(packedOverlap(pack(b), pack(a))).toBe(setOverlap(a, b));
    }
  });

  it('packs the distinct shingles ascending, as many as the shingle set holds', () => {
    const own = fingerprintText(original);
    const packed = [...own.packed()];
    expect(packed).toEqual([...shingleSet(original)].sort((a, b) => a - b));
    expect(packed.length).toBe(264);
    expect(new Set(packed).size).toBe(packed.length);
    expect(own.simhash()).toBe('70e503c2b277810e');
  });

  it('counts distinct shingles in order: reordered words share none, a repeat adds none', () => {
    expect(shingleSet('one two three four').size).toBe(2);
    expect(shingleSet('one two three one two three').size).toBe(3);
    expect(shingleOverlap('one two three four', 'four three two one')).toBe(0);
    expect(shingleOverlap('alpha beta', 'Alpha  BETA')).toBe(1);
  });
});
