import { describe, expect, it } from 'vitest';
import { analyse, headline } from '../../../src/ingest/extract/nlp.js';

describe('analyse', () => {
  const text = 'MEDIA NOTE\nWashington,  DC\n\nThe Coalition’s “Small Group” met\ton 4 May.   Ministers\u00a0agreed — again.\n\nLast line';

  it('gives every token and sentence offsets that quote the text exactly', () => {
    const { sentences } = analyse(text);
    for (const s of sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.toks) expect(text.slice(t.start, t.end)).toBe(t.value);
    }
  });

  it('ends sentences at line breaks as well as full stops', () => {
    const texts = analyse(text).sentences.map((s) => s.text);
    expect(texts).toEqual(['MEDIA NOTE', 'Washington,  DC', 'The Coalition’s “Small Group” met\ton 4 May.', 'Ministers\u00a0agreed — again.', 'Last line']);
  });

  it('reads only from an offset on, keeping offsets into the whole string', () => {
    const whole = 'Headline here\n\nThe group met on Friday.';
    const [s] = analyse(whole, 15, 1).sentences;
    expect(s?.text).toBe('The group met on Friday.');
    expect(s?.index).toBe(1);
    expect(whole.slice(s?.start, s?.end)).toBe(s?.text);
    expect(s?.dates.map((d) => d.text)).toEqual(['Friday']);
  });
});

describe('headline', () => {
  it('tokenises a title without the NLP pass, keeping abbreviations whole', () => {
    const h = headline('U.S. and Italy co-host the D.C. meeting.\n\nBody', 41);
    expect(h.text).toBe('U.S. and Italy co-host the D.C. meeting.');
    expect(h.toks.map((t) => t.value)).toEqual(['U.S.', 'and', 'Italy', 'co-host', 'the', 'D.C.', 'meeting', '.']);
  });
});
