import { describe, expect, it } from 'vitest';
import { readDateline } from '../../../src/ingest/extract/dateline.js';
import { withoutDateline } from '../../../src/ingest/extract/dateline-span.js';

const span = (body: string, text: string) => {
  const start = body.indexOf(text);
  return { text, start, end: start + text.length };
};

describe('withoutDateline', () => {
  it('quotes the first sentence from after an inline dateline, still verbatim', () => {
    const body = 'NIAMEY, March 2 (Sahel Desk) - Envoys of the focus group met for two days. They agreed a plan.';
    const { end } = readDateline(body, '2023-03-02');
    expect(end).toBeGreaterThan(0);
    const first = withoutDateline(span(body, 'NIAMEY, March 2 (Sahel Desk) - Envoys of the focus group met for two days.'), body, end);
    expect(first.text).toBe('Envoys of the focus group met for two days.');
    expect(body.slice(first.start, first.end)).toBe(first.text);
  });

  it('leaves sentences after the dateline, and bodies without one, as they are', () => {
    const body = 'NIAMEY, March 2 (Sahel Desk) - Envoys met. They agreed a plan.';
    const { end } = readDateline(body, '2023-03-02');
    const later = span(body, 'They agreed a plan.');
    expect(withoutDateline(later, body, end)).toBe(later);
    const plain = 'Envoys met in Niamey on 2 March. They agreed a plan.';
    const whole = span(plain, 'Envoys met in Niamey on 2 March.');
    expect(withoutDateline(whole, plain, readDateline(plain, null).end)).toBe(whole);
  });
});

describe('document summaries', () => {
  it('quote the lead sentence without its dateline, at its own offsets', async () => {
    const { extract } = await import('../../../src/ingest/extract/extract.js');
    const text =
      'RABAT, May 4 (Atlas Desk) - Envoys of the Africa Focus Group met in Rabat on Tuesday to review support for countries of the Sahel.\n\n' +
      'The meeting was co-chaired by Morocco and the United States, and delegates agreed to widen training for border police.\n\n' +
      'Officials said the group would meet again in the autumn to review progress on the training plan.';
    const { summary } = extract({ text, title: 'Focus group meets in Rabat', published: '2027-05-05' });
    expect(summary.length).toBeGreaterThan(0);
    for (const s of summary) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text.startsWith('RABAT')).toBe(false);
    }
    expect(summary.map((s) => s.text)).toContain('Envoys of the Africa Focus Group met in Rabat on Tuesday to review support for countries of the Sahel.');
  });
});
