import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, parseBriefingText } from '../../../src/ingest/extract/index.js';
import type { Extraction, MeetingFacts } from '../../../src/core/facts.js';

/** Briefings written for these tests, one per trap the extractor must avoid. */
function run(name: string): { x: Extraction; body: string } {
  const b = parseBriefingText(readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8'));
  return { x: extract({ text: b.body, title: b.title, published: b.published }), body: b.body };
}

const primary = (x: Extraction): MeetingFacts => {
  const m = x.meetings.find((y) => y.primary);
  if (!m) throw new Error('no primary meeting');
  return m;
};
const core = (m: MeetingFacts) => ({
  body: m.body, kind: m.kind, city: m.city, country: m.country, start: m.start, end: m.end, chairs: m.chairs, status: m.status,
});

describe('fixture briefings', () => {
  it('Counter ISIS Finance Group in Riyadh: alias, weekday range, chairs, dateline year', () => {
    const { x } = run('cifg-riyadh');
    expect(x.is_meeting_report).toBe(true);
    expect(core(primary(x))).toEqual({
      body: 'Counter ISIS Finance Group', kind: 'working-group', city: 'Riyadh', country: 'Saudi Arabia',
      start: '2024-05-15', end: '2024-05-16', chairs: ['Saudi Arabia', 'Italy', 'United States'], status: 'held',
    });
    const next = x.meetings.find((m) => !m.primary);
    expect(next).toMatchObject({ body: 'Counter ISIS Finance Group', city: 'Rome', start: null, status: 'announced' });
    expect(x.topics).toEqual(['terrorism-financing']);
    expect(primary(x).outcomes.some((o) => o.startsWith('agreed'))).toBe(true);
  });

  it('Small Group announced for next month: no day is guessed, status announced', () => {
    const { x } = run('small-group-announced');
    expect(core(primary(x))).toEqual({
      body: 'Small Group', kind: 'other', city: 'Rome', country: 'Italy', start: null, end: null, chairs: ['Italy'], status: 'announced',
    });
    expect(x.topics).toContain('detention-and-repatriation');
  });

  it('Africa Focus Group with the place only in the dateline and "two-day meeting" ending Thursday', () => {
    const { x } = run('dateline-only');
    expect(core(primary(x))).toEqual({
      body: 'Africa Focus Group', kind: 'focus-group', city: 'Niamey', country: 'Niger',
      start: '2025-02-19', end: '2025-02-20', chairs: [], status: 'held',
    });
    expect(x.topics).toEqual(expect.arrayContaining(['sahel', 'west-africa']));
  });

  it('"banned in Russia" is no venue, and "said on Friday" is not the meeting day', () => {
    const { x } = run('banned-aside');
    const m = primary(x);
    expect(core(m)).toMatchObject({ body: 'Global Coalition to Defeat ISIS', city: null, country: null, start: '2024-11-05' });
    expect(x.topics).toEqual(['counter-messaging']);
  });

  it('chairs named through an office and "his Saudi counterpart"', () => {
    const { x } = run('chairs-offices');
    expect(core(primary(x))).toEqual({
      body: 'Global Coalition to Defeat ISIS', kind: 'ministerial', city: 'Washington', country: 'United States',
      start: '2026-01-08', end: '2026-01-08', chairs: ['United States', 'Saudi Arabia'], status: 'held',
    });
    expect(x.topics).not.toContain('africa');
  });

  it('a year-less date in an undated document stays unknown', () => {
    const { x } = run('undated-yearless');
    expect(x.published).toBeNull();
    expect(core(primary(x))).toMatchObject({ body: 'Stabilization Working Group', city: 'Berlin', country: 'Germany', start: null, end: null, chairs: ['Germany'] });
  });

  it('the group a meeting set up is not the group that met', () => {
    const { x } = run('discussed-group');
    expect(core(primary(x))).toEqual({
      // "senior officials" names no level, so the kind stays other.
      body: 'Small Group', kind: 'other', city: 'Brussels', country: 'Belgium',
      start: '2024-12-04', end: '2024-12-04', chairs: ['Belgium', 'United States'], status: 'held',
    });
    expect(x.meetings.filter((m) => m.body === 'Africa Focus Group' && m.primary)).toEqual([]);
  });

  it('a designation is no meeting report, and a passing country is no topic', () => {
    const { x } = run('designation-statement');
    expect(x.is_meeting_report).toBe(false);
    expect(x.meetings).toEqual([]);
    expect(x.development).toBe('designation');
    expect(x.topics).toContain('terrorism-financing');
    expect(x.topics).not.toContain('afghanistan');
  });

  it('every summary quotes the body exactly', () => {
    for (const name of ['cifg-riyadh', 'small-group-announced', 'dateline-only', 'banned-aside', 'chairs-offices', 'undated-yearless', 'discussed-group', 'designation-statement']) {
      const { x, body } = run(name);
      expect(x.summary.length).toBeGreaterThanOrEqual(2);
      for (const s of x.summary) expect(body.slice(s.start, s.end)).toBe(s.text);
    }
  });
});
