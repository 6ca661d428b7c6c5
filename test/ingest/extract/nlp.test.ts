import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyse, getNlp, headline } from '../../../src/ingest/extract/nlp.js';

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

describe('the lighter wink pipe', () => {
  it('gives the same sentences and parts of speech as the default pipe', () => {
    const text = 'RABAT, May 3 - Ministers of the Global Coalition met on Thursday, 2 May 2024, in Rabat. They did not agree on a date for the next meeting, but said they would meet again in the autumn of 2025.';
    const full = winkNLP(model);
    const its = full.its;
    const read = (n: ReturnType<typeof winkNLP>) => {
      const d = n.readDoc(text);
      return [d.sentences().out(its.span), d.tokens().out(its.pos)];
    };
    expect(read(getNlp())).toEqual(read(full));
  });

  it('marks date-like tokens in place of date entities', () => {
    const s = analyse('Delegates may meet on Thursday, 2 May 2024, or on 06/27/2024, and met yesterday in March.').sentences[0];
    expect(s?.dates.map((d) => d.text)).toEqual(['Thursday', 'May', '2024', '06/27/2024', 'yesterday', 'March']);
  });
});
