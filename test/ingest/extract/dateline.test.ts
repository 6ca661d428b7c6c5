import { describe, expect, it } from 'vitest';
import { readDateline, withoutDateline } from '../../../src/ingest/extract/dateline.js';

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
