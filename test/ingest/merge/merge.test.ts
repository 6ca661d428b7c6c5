import { describe, expect, it } from 'vitest';
import { findMatch, mergeInto } from '../../../src/ingest/merge/index.js';
import type { MeetingFacts } from '../../../src/core/index.js';
import { doc, facts, stored } from './fixtures.js';

const OUTLET_A =
  'NOUAKCHOTT, April 14 - Officials from more than forty countries gathered in the Mauritanian capital on Monday for the Africa Focus Group of the coalition against Daesh. ' +
  'Morocco and Italy co-chaired the session, which reviewed support for local prosecutors in the Sahel. ' +
  'Delegates also heard from civil society groups working with returning families.';
const OUTLET_B =
  'The coalition\u2019s Africa Focus Group met in Nouakchott on April 14, with Moroccan and Italian diplomats sharing the chair. ' +
  'Participants agreed to expand training for border police in Mauritania and its neighbours. ' +
  'Officials from more than forty countries gathered in the Mauritanian capital on Monday for the Africa Focus Group of the coalition against Daesh.';

describe('findMatch', () => {
  const first = doc(1, { text: OUTLET_A, title: 'Coalition focus group meets in Nouakchott' });
  const meeting = stored(10, mergeInto(null, facts(), first), [first]);

  it('joins two outlets reporting one meeting', () => {
    const second = doc(2, { text: OUTLET_B, title: 'Africa Focus Group convenes in Mauritania', published: '2031-04-16' });
    expect(findMatch([meeting], facts({ chairs: ['Morocco', 'Italy'] }), second)?.id).toBe(10);
  });

  it('keeps two meetings of the same body a month apart apart', () => {
    const later = doc(3, { published: '2031-05-16' });
    expect(findMatch([meeting], facts({ start: '2031-05-15' }), later)).toBeNull();
  });

  it('keeps meetings of the same body in the same week but different cities apart', () => {
    const other = doc(4, { published: '2031-04-17' });
    expect(findMatch([meeting], facts({ city: 'Dakar', country: 'Senegal', start: '2031-04-16' }), other)).toBeNull();
    // Even with identical dates, a different city is a different meeting.
    expect(findMatch([meeting], facts({ city: 'Dakar', country: 'Senegal' }), other)).toBeNull();
  });

  it('never joins different bodies', () => {
    expect(findMatch([meeting], facts({ body: 'Counter ISIS Finance Group' }), doc(5))).toBeNull();
  });

  it('joins an undated report at the same place published within days, not one published months later', () => {
    const undated = facts({ start: null, city: null });
    expect(findMatch([meeting], undated, doc(6, { published: '2031-04-20' }))?.id).toBe(10);
    expect(findMatch([meeting], undated, doc(7, { published: '2031-07-20' }))).toBeNull();
    // Without any place in common there is nothing to go on.
    expect(findMatch([meeting], facts({ start: null, city: null, country: null }), doc(8))).toBeNull();
  });

  it('tolerates a one-day disagreement on the date but not a week', () => {
    expect(findMatch([meeting], facts({ start: '2031-04-15' }), doc(9))?.id).toBe(10);
    expect(findMatch([meeting], facts({ start: '2031-04-21' }), doc(9))).toBeNull();
  });

  it('prefers the candidate with overlapping dates over a near one', () => {
    const nearDoc = doc(11);
    const near = stored(11, mergeInto(null, facts({ start: '2031-04-12' }), nearDoc), [nearDoc]);
    expect(findMatch([near, meeting], facts({ start: '2031-04-14' }), doc(12))?.id).toBe(10);
  });
});

describe('mergeInto', () => {
  it('keeps disagreeing start dates as variants and shows the best-supported one', () => {
    const d1 = doc(1, { published: '2031-04-15' });
    const d2 = doc(2, { published: '2031-04-14' });
    const d3 = doc(3, { published: '2031-04-16' });
    const r1 = mergeInto(null, facts({ start: '2031-04-14' }), d1);
    expect(r1.variants).toEqual([]);
    const m1 = stored(10, r1, [d1]);
    const r2 = mergeInto(m1, facts({ start: '2031-04-15' }), d2);
    // One document each: the earlier-published report wins the tie.
    expect(r2.start).toBe('2031-04-15');
    expect(r2.variants).toEqual([
      { field: 'start', value: '2031-04-14', documentIds: [1] },
      { field: 'start', value: '2031-04-15', documentIds: [2] },
    ]);
    const r3 = mergeInto(stored(10, r2, [d1, d2]), facts({ start: '2031-04-14' }), d3);
    expect(r3.start).toBe('2031-04-14');
    expect(r3.variants).toContainEqual({ field: 'start', value: '2031-04-14', documentIds: [1, 3] });
  });

  it('unions chairs and outcomes, fills unknown values, and lets a real kind beat "other"', () => {
    const d1 = doc(1);
    const m1 = stored(10, mergeInto(null, facts({ kind: 'other', city: null, chairs: ['Morocco'], outcomes: ['adopted a work plan'] }), d1), [d1]);
    const r2 = mergeInto(m1, facts({ chairs: ['morocco', 'Italy'], outcomes: ['Adopted a work plan', 'agreed a border training fund'] }), doc(2));
    expect(r2.kind).toBe('focus-group');
    expect(r2.city).toBe('Nouakchott');
    expect(r2.chairs).toEqual(['Morocco', 'Italy']);
    expect(r2.outcomes).toEqual(['adopted a work plan', 'agreed a border training fund']);
    expect(r2.variants).toEqual([]);
  });

  it('gives a document\u2019s topics only to its primary meeting and upgrades status to held', () => {
    const d1 = doc(1, { topics: ['sahel'] });
    const secondary = mergeInto(null, facts({ primary: false, status: 'announced' }), d1);
    expect(secondary.topics).toEqual([]);
    expect(secondary.primary).toBe(false);
    const r2 = mergeInto(stored(10, secondary, [d1]), facts({ status: 'held' }), doc(2, { topics: ['west-africa', 'sahel'] }));
    expect(r2.topics).toEqual(['west-africa', 'sahel']);
    expect(r2.primary).toBe(true);
    expect(r2.status).toBe('held');
  });

  it('takes the firmer status whatever the order: postponed over announced, held over postponed or cancelled', () => {
    const status = (...steps: Array<MeetingFacts['status']>): string => {
      let meeting = stored(10, mergeInto(null, facts({ status: steps[0] }), doc(1)), [doc(1)]);
      steps.slice(1).forEach((s, i) => (meeting = stored(10, mergeInto(meeting, facts({ status: s }), doc(i + 2)), [doc(1)])));
      return meeting.status;
    };
    expect(status('announced', 'postponed')).toBe('postponed');
    expect(status('postponed', 'announced')).toBe('postponed');
    expect(status('announced', 'cancelled')).toBe('cancelled');
    expect(status('postponed', 'held')).toBe('held');
    expect(status('cancelled', 'ongoing', 'announced')).toBe('ongoing');
  });

  it('builds a summary across sources that quotes each document verbatim and repeats nothing', () => {
    const a = doc(1, { text: OUTLET_A, summary: [OUTLET_A.split('. ')[0]! + '.', 'Morocco and Italy co-chaired the session, which reviewed support for local prosecutors in the Sahel.'] });
    const m1 = stored(10, mergeInto(null, facts(), a), [a]);
    // Outlet B repeats outlet A's lead word for word as its last sentence.
    const bSentences = OUTLET_B.split(/(?<=\.) /);
    const b = doc(2, { text: OUTLET_B, summary: bSentences });
    const r2 = mergeInto(m1, facts(), b);
    const texts = new Map([[1, OUTLET_A], [2, OUTLET_B]]);
    for (const s of r2.summary) expect(texts.get(s.documentId)).toContain(s.text);
    expect(r2.summary.map((s) => s.documentId)).toEqual(expect.arrayContaining([1, 2]));
    const lead = OUTLET_A.split('. ')[0]! + '.';
    expect(r2.summary.filter((s) => s.text === lead)).toHaveLength(1);
    expect(r2.summary.find((s) => s.documentId === 2)?.url).toBe('https://news2.example/story');
  });
});
