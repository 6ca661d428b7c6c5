import { describe, expect, it } from 'vitest';
import { tidyText } from '../../../src/ingest/parse/html-text.js';

// What tidyText means, spelled out line by line (its fast path for tidy text must agree).
const reference = (text: string): string =>
  text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

describe('tidyText', () => {
  it('trims lines, folds runs of spaces and keeps at most one blank line', () => {
    expect(tidyText('  One\u00a0 two \t three \r\n\n\n\n Four.  ')).toBe('One two three\n\nFour.');
    expect(tidyText('Already tidy.\n\nSecond paragraph.\n')).toBe('Already tidy.\n\nSecond paragraph.');
  });

  it('agrees with its line-by-line definition on 3,000 random texts', () => {
    // Half from text that is mostly tidy already (the fast path), half from white space of every kind.
    const tidyish = ['a', 'b', 'c', 'd', '.', ' ', '\n', '\u2003'];
    const messy = ['a', 'b', ' ', ' ', '\n', '\n', '\t', '\u00a0', '\r', '\u2003', '\f', '\v', '\ufeff', '.'];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const alphabet = i % 2 ? tidyish : messy;
      const text = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(tidyText(text)).toBe(reference(text));
    }
  });
});
