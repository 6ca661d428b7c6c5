// How a document lays out its meetings: two groups' meetings told one after the other, a calendar of
// coming events, an abbreviation the text defines for a group.
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/ingest/extract/index.js';

// 2025-11-13 is a Thursday.
const PUBLISHED = '2025-11-13';
const primaries = (text: string, published: string | null = PUBLISHED, title: string | null = null) =>
  extract({ text, title, published }).meetings.filter((m) => m.primary);

describe('several meetings on a par', () => {
  const story = [
    'DAKAR, Nov 13 - Officials of the Global Coalition to Defeat ISIS ended two days of talks in the region on Wednesday.',
    'On Tuesday the Africa Focus Group met in Niamey, hosted by Niger.',
    'The following day, experts of the Counter ISIS Finance Group gathered in Dakar at the invitation of Senegal.',
    'That meeting was co-chaired by Italy and Saudi Arabia.',
  ].join(' ');

  it('reports each group the Coalition story tells meeting, with its own place, day and chairs', () => {
    const ms = primaries(story);
    expect(ms.map((m) => [m.body, m.city, m.start, m.chairs])).toEqual([
      ['Africa Focus Group', 'Niamey', '2025-11-11', ['Niger']],
      ['Counter ISIS Finance Group', 'Dakar', '2025-11-12', ['Senegal', 'Italy', 'Saudi Arabia']],
    ]);
  });

  it('keeps one meeting when the groups met beside a Coalition meeting that has its own place', () => {
    const text = [
      'Foreign ministers of the Global Coalition to Defeat ISIS met in Rome on Wednesday.',
      'On Tuesday the Africa Focus Group met in Rome, and the Counter ISIS Finance Group met there on Monday.',
    ].join(' ');
    const ms = primaries(text);
    expect(ms.map((m) => m.body)).toEqual(['Global Coalition to Defeat ISIS']);
  });

  const roundup = [
    'A short look back at the week.',
    'The Stabilization Working Group of the Global Coalition met in Baghdad on Monday, hosted by Iraq.',
    'Two days later the G5 Sahel defence ministers gathered in Nouakchott at the invitation of Mauritania.',
    'On Thursday it was the turn of the Accra Initiative, whose ministers met in Accra to discuss border patrols.',
    'Next week the Africa Focus Group is expected to meet in Abuja.',
  ].join(' ');

  it('reports each body a roundup tells meeting, whoever its parent, each past with its own place and day', () => {
    expect(primaries(roundup).map((m) => [m.body, m.city, m.start, m.chairs])).toEqual([
      ['Stabilization Working Group', 'Baghdad', '2025-11-10', ['Iraq']],
      ['G5 Sahel', 'Nouakchott', '2025-11-12', ['Mauritania']],
      ['Accra Initiative', 'Accra', '2025-11-13', []],
    ]);
    // The coming meeting stays one mentioned in passing.
    const x = extract({ text: roundup, title: null, published: PUBLISHED });
    expect(x.meetings.filter((m) => m.body === 'Africa Focus Group').map((m) => m.primary)).toEqual([false]);
  });

  it('keeps one main meeting when the other body\'s meeting has no day of its own, or the same place and day', () => {
    const aside = 'The Stabilization Working Group met in Baghdad on Monday, hosted by Iraq. The G5 Sahel held a summit in Nouakchott in October.';
    expect(primaries(aside).map((m) => m.body)).toEqual(['Stabilization Working Group']);
    const beside = 'The Stabilization Working Group met in Baghdad on Monday, hosted by Iraq. The Counter ISIS Finance Group also met in Baghdad on Monday.';
    expect(primaries(beside).map((m) => m.body)).toEqual(['Stabilization Working Group']);
  });

  it('does not add a chair from a later wish to host the same group', () => {
    const text = `${story} Ghanaian officials said they hoped to host a session of the Africa Focus Group in the coming years.`;
    expect(primaries(text)[0]?.chairs).toEqual(['Niger']);
  });
});

describe('a day counted from the meeting told before', () => {
  it('dates "the following day" and "two days later" from the last day given', () => {
    const text = 'The Small Group met in Rome on Monday. Two days later, the Counter ISIS Finance Group met in Naples.';
    const x = extract({ text, title: null, published: PUBLISHED });
    expect(x.meetings.find((m) => m.body === 'Counter ISIS Finance Group')?.start).toBe('2025-11-12');
  });

  it('does not take "the following day" for another meeting than the one told', () => {
    const text = 'Delegations arrived in Rome on Monday for two days of talks. The following day the Small Group met at the foreign ministry.';
    const [m] = primaries(text);
    expect([m?.body, m?.start]).toEqual(['Small Group', '2025-11-11']);
  });
});

describe('calendars', () => {
  const calendar = [
    'Our bulletin lists the meetings scheduled in the coming weeks.',
    '14 January, Rome.',
    'The Counter ISIS Finance Group opens its year with a meeting co-chaired by Italy and Saudi Arabia.',
    '21-22 January, Abuja.',
    'Nigeria is to host the Africa Focus Group.',
    '4 February, Riyadh.',
    'Political directors of the Small Group are due to meet.',
  ].join('\n\n');

  it('reports none of the events a date-and-place headed calendar lists', () => {
    const x = extract({ text: calendar, title: 'The weeks ahead', published: '2025-01-10' });
    expect(x.is_meeting_report).toBe(false);
    expect(x.meetings.some((m) => m.primary)).toBe(false);
  });

  it('gives each listed event the day and place of its heading', () => {
    const x = extract({ text: calendar, title: 'The weeks ahead', published: '2025-01-10' });
    const afg = x.meetings.find((m) => m.body === 'Africa Focus Group');
    expect([afg?.city, afg?.start, afg?.end]).toEqual(['Abuja', '2025-01-21', '2025-01-22']);
  });

  it('is not made by a single place-and-date line heading a release', () => {
    const text = 'Rome, 24 October 2024\n\nThe Small Group of the Global Coalition met today at the foreign ministry.';
    expect(primaries(text, '2024-10-24')[0]?.body).toBe('Small Group');
  });
});

describe('an abbreviation the text defines', () => {
  it('names the group wherever the text uses it again', () => {
    const text = [
      'Belgium this week welcomed experts for the spring session of the Counter-Daesh Communications Working Group (CDCWG).',
      'The CDCWG met on Wednesday and Thursday in Brussels, hosted by Belgium.',
    ].join(' ');
    const [m] = primaries(text);
    expect([m?.body, m?.city, m?.start, m?.end, m?.chairs]).toEqual(['Communications Working Group', 'Brussels', '2025-11-12', '2025-11-13', ['Belgium']]);
  });
});

describe('a meeting called off', () => {
  // 2025-02-06 is a Thursday.
  const day = (text: string) => extract({ text, title: null, published: '2025-02-06' }).meetings[0]?.start;

  it('has no date from the schedule it no longer keeps', () => {
    expect(day('The ECOWAS summit in Abuja, scheduled for Saturday, was cancelled.')).toBeNull();
    expect(day('The ECOWAS summit scheduled for Saturday in Abuja has been postponed.')).toBeNull();
  });

  it('keeps the day it met after all', () => {
    expect(day('The ECOWAS summit, postponed last month, was held in Abuja on Saturday.')).toBe('2025-02-01');
  });

  it('keeps a new day it is put off to, read forward', () => {
    expect(day('The ECOWAS summit has been postponed to 12 May.')).toBe('2025-05-12');
    expect(day('The ECOWAS summit in Abuja has been put off until Saturday 12 April.')).toBe('2025-04-12');
  });
});

describe('the status of a meeting called off', () => {
  const status = (text: string, title: string | null = null) =>
    extract({ text, title, published: '2025-02-06' }).meetings.find((m) => m.primary)?.status;

  it('is postponed when the meeting is put off, with or without a new day', () => {
    expect(status('The ECOWAS summit scheduled for Saturday in Abuja has been postponed.')).toBe('postponed');
    expect(status('The ECOWAS summit in Abuja, due on Saturday, was pushed back by a month.')).toBe('postponed');
    expect(status('The ministerial meeting of the Accra Initiative has been deferred.')).toBe('postponed');
    expect(status('The ECOWAS summit has been postponed to 12 May.')).toBe('postponed');
  });

  it('is cancelled when it is called off', () => {
    expect(status('The ECOWAS summit in Abuja, scheduled for Saturday, was cancelled.')).toBe('cancelled');
    expect(status('The ECOWAS summit in Abuja was called off on Thursday.')).toBe('cancelled');
  });

  it('is told by the title as well', () => {
    expect(status('Heads of state were due in Abuja on Saturday. Several presidents could not attend.', 'ECOWAS postpones summit on terrorism')).toBe('postponed');
  });

  it('stays held for a meeting that met after all', () => {
    expect(status('The ECOWAS summit, postponed last month, was held in Abuja on Saturday.')).toBe('held');
    expect(status('The ECOWAS summit was put off in January. The summit finally opened in Abuja on Saturday.')).toBe('held');
  });

  it('stays held when only another meeting was called off', () => {
    expect(status('The ECOWAS summit met in Abuja on Saturday. The previous summit had been cancelled.')).toBe('held');
  });
});
