import { describe, expect, it } from 'vitest';
import type { MeetingFacts } from '../../../src/core/index.js';
import { argumentCounter, jaccard, meetingSummary, selectByMmr, splitSentences, wordSet } from '../../../src/ingest/summarize/index.js';

const TEXT =
  'ACCRA, June 2 - Ministers of the Accra Initiative met in Tamale on Tuesday. ' +
  'Ghana chaired the talks, which Gen. Mensah of the U.S. liaison office also attended.\n\n' +
  'The group agreed to pool intelligence on cross-border attacks! Would the plan work? Officials said yes.';

const FACTS: MeetingFacts = {
  body: 'Accra Initiative', parent: null, kind: 'ministerial', city: 'Tamale', country: 'Ghana',
  start: '2032-06-01', end: null, chairs: ['Ghana'], outcomes: [], primary: true, status: 'held',
};

describe('splitSentences', () => {
  it('returns verbatim spans and does not break at abbreviations or initials', () => {
    const spans = splitSentences(TEXT);
    for (const s of spans) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    expect(spans.map((s) => s.text)).toEqual([
      'ACCRA, June 2 - Ministers of the Accra Initiative met in Tamale on Tuesday.',
      'Ghana chaired the talks, which Gen. Mensah of the U.S. liaison office also attended.',
      'The group agreed to pool intelligence on cross-border attacks!',
      'Would the plan work?',
      'Officials said yes.',
    ]);
  });
});

describe('argumentCounter', () => {
  it('counts place, chairs and a shortened body name', () => {
    const count = argumentCounter(FACTS);
    expect(count('Ministers of the Accra Initiative met in Tamale.')).toBe(2);
    expect(count('Ghana chaired the talks in Tamale.')).toBe(2);
    expect(count('Officials said yes.')).toBe(0);
  });

  it('counts the body by whole words, accents and case aside, as the word sets compare them', () => {
    const count = argumentCounter({ ...FACTS, body: 'Sahel Coalition Réunion Group', city: null, country: null, chairs: [] });
    // Three of its four words are needed: 0.6 of them, rounded up.
    expect(count('The REUNION group of the sahel met.')).toBe(1);
    expect(count('The Sahel-Coalition met.')).toBe(0);
    // Words inside other words do not count: "groups", "Sahelian".
    expect(count('Sahelian coalition groups at the reunion.')).toBe(0);
    expect(count('sahel, coalition; group!')).toBe(1);
  });
});

describe('selectByMmr', () => {
  it('skips a sentence that says the same as one already taken, even when it scores higher', () => {
    const mk = (text: string, score: number) => ({ text, score, words: wordSet(text) });
    const pool = [
      mk('Ministers met in Tamale on Tuesday to discuss border attacks.', 5),
      mk('On Tuesday ministers met in Tamale to discuss attacks at the border.', 4),
      mk('Ghana offered to host a training centre.', 1),
    ];
    const chosen = selectByMmr(pool, 3);
    expect(chosen.map((c) => c.score)).toEqual([5, 1]);
    for (let i = 0; i < chosen.length; i++) for (let j = i + 1; j < chosen.length; j++) expect(jaccard(chosen[i]!.words, chosen[j]!.words)).toBeLessThan(0.5);
  });

  it('chooses as greedy MMR by its definition does, on many random pools', () => {
    type C = { id: number; score: number; words: ReadonlySet<string> };
    // The definition: at each step, every candidate's closeness to all the sentences taken so far.
    const reference = (pool: C[], max: number, threshold: number): number[] => {
      const top = Math.max(1, ...pool.map((c) => c.score));
      const chosen: C[] = [];
      const left = [...pool];
      while (chosen.length < max) {
        let best = -1;
        let bestValue = -Infinity;
        left.forEach((c, i) => {
          const overlap = Math.max(0, ...chosen.map((t) => jaccard(c.words, t.words)));
          const value = 0.7 * (c.score / top) - 0.3 * overlap;
          if (overlap < threshold && value > bestValue) [best, bestValue] = [i, value];
        });
        if (best < 0) break;
        chosen.push(left.splice(best, 1)[0]!);
      }
      return chosen.map((c) => c.id);
    };
    let seed = 99;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = 'coalition group met niamey rome sahel financing plan agreed morocco italy niger partners border fighters'.split(' ');
    for (let round = 0; round < 2000; round++) {
      const pool = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, id) => ({
        id,
        score: Math.floor(random() * 5),
        words: wordSet(Array.from({ length: 2 + Math.floor(random() * 7) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ')),
      }));
      const max = 1 + Math.floor(random() * 5);
      const threshold = [0.3, 0.5, 0.8][round % 3]!;
      expect(selectByMmr(pool, max, threshold).map((c) => c.id)).toEqual(reference(pool, max, threshold));
    }
  });
});

describe('meetingSummary', () => {
  it('drops extractor sentences that are not in the document and cites every sentence it keeps', () => {
    const doc = {
      id: 7,
      url: 'https://example.test/a',
      text: TEXT,
      extraction: {
        summary: [
          { text: 'Ministers of the Accra Initiative met in Tamale on Tuesday.', start: 15, end: 74 },
          { text: 'A sentence the document never said.', start: 0, end: 10 },
        ],
      },
    };
    const summary = meetingSummary([], FACTS, doc);
    expect(summary.length).toBeGreaterThan(0);
    for (const s of summary) {
      expect(TEXT).toContain(s.text);
      expect(s).toMatchObject({ documentId: 7, url: 'https://example.test/a' });
    }
    expect(summary.map((s) => s.text)).not.toContain('A sentence the document never said.');
    // The extractor's lead names body and city, so it ranks first.
    expect(summary[0]!.text).toBe('Ministers of the Accra Initiative met in Tamale on Tuesday.');
  });

  it('for a meeting mentioned in passing, uses only sentences that name it, quoted from after the dateline', () => {
    const doc = { id: 8, url: null, text: TEXT, extraction: { summary: [{ text: 'Officials said yes.', start: 0, end: 0 }] } };
    const summary = meetingSummary([], { ...FACTS, primary: false }, doc);
    expect(summary.map((s) => s.text)).toEqual(['Ministers of the Accra Initiative met in Tamale on Tuesday.']);
    for (const s of summary) expect(TEXT).toContain(s.text);
  });
});
