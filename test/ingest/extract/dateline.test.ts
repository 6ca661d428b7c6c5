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

describe('a reposted release', () => {
  const body = [
    "Editor's note: The following statement was issued by the foreign ministry of Kuwait. We publish it as received.",
    'Kuwait City, 3 February 2025 – The State of Kuwait today hosted the meeting of the Counter ISIS Finance Group, with delegations from 45 states.',
    'The meeting was co-chaired by Kuwait, Italy, Saudi Arabia and the United States.',
  ].join('\n\n');

  it('reads the dateline that opens the release, past the editor\'s note', () => {
    const d = readDateline(body, '2025-02-04');
    expect([d.place?.city, d.date]).toEqual(['Kuwait City', '2025-02-03']);
    expect(body.slice(d.end).trim().startsWith('The State of Kuwait today')).toBe(true);
  });

  it('counts "today" from the dateline\'s own day, not the day the site published it', async () => {
    const { extract } = await import('../../../src/ingest/extract/extract.js');
    const m = extract({ text: body, title: null, published: '2025-02-04' }).meetings.find((x) => x.primary);
    expect([m?.city, m?.start, m?.end]).toEqual(['Kuwait City', '2025-02-03', '2025-02-03']);
  });

  it('does not skip a first paragraph that is no editor\'s note', () => {
    const plain = 'Ministers gathered on Monday.\n\nRome, 3 February 2025 – Italy hosted the talks.';
    expect(readDateline(plain, '2025-02-04').place).toBeNull();
  });
});
