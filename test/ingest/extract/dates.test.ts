import { describe, expect, it } from 'vitest';
import { findDates, tenseOf, weekdayFrom, yearFor } from '../../../src/ingest/extract/dates.js';

const first = (s: string, ref: string | null) => {
  const d = findDates(s, ref)[0];
  return d ? [d.start, d.end] : null;
};

describe('dates', () => {
  // 2024-05-17 is a Friday.
  it('resolves a bare weekday backwards in past tense and forwards in future tense', () => {
    expect(first('The ministers met on Tuesday.', '2024-05-17')).toEqual(['2024-05-14', '2024-05-14']);
    expect(first('The ministers will meet on Tuesday.', '2024-05-17')).toEqual(['2024-05-21', '2024-05-21']);
  });

  it('reads the tense near the date, not from an unrelated "plan to" later on', () => {
    expect(tenseOf('They adopted on Thursday a plan to act.', 13, 8)).toBe('past');
    expect(tenseOf('They will meet on Thursday.', 17, 8)).toBe('future');
  });

  it('keeps both ends of "Wednesday and Thursday" and of a day range', () => {
    expect(first('Delegations met on Wednesday and Thursday in Riyadh.', '2024-05-17')).toEqual(['2024-05-15', '2024-05-16']);
    expect(first('They met in Rome on 19–20 March.', '2024-05-17')).toEqual(['2024-03-19', '2024-03-20']);
  });

  it('reads the written forms of a day range with both ends', () => {
    const ref = '2023-12-20';
    const cases: Array<[string, string, string]> = [
      ['They held a two-day meeting on 1 and 2 March 2023.', '2023-03-01', '2023-03-02'],
      ['They met on March 1 and 2, 2023.', '2023-03-01', '2023-03-02'],
      ['They met between 1 and 3 March.', '2023-03-01', '2023-03-03'],
      ['They met from 1 to 3 March.', '2023-03-01', '2023-03-03'],
      ['They met on 1-2 March.', '2023-03-01', '2023-03-02'],
      ['They met on March 1–2.', '2023-03-01', '2023-03-02'],
      ['They met on the 1st and 2nd of March.', '2023-03-01', '2023-03-02'],
      ['They met on Monday and Tuesday.', '2023-12-18', '2023-12-19'],
      ['They met on 30 November and 1 December.', '2023-11-30', '2023-12-01'],
      ['They met on November 30 and December 1, 2023.', '2023-11-30', '2023-12-01'],
      ['They met on 28 February–1 March 2024.', '2024-02-28', '2024-03-01'],
      ['They met on Thursday, 7 December.', '2023-12-07', '2023-12-07'],
    ];
    for (const [s, a, b] of cases) expect([s, first(s, ref)]).toEqual([s, [a, b]]);
    // A range that turns the year takes the later year for its end.
    expect(first('They met on 30 December and 1 January.', '2024-01-05')).toEqual(['2023-12-30', '2024-01-01']);
  });

  it('does not read a list of numbers or a modal "may" as a range', () => {
    expect(first('They met on March 1 and 25, 2023.', null)).toEqual(['2023-03-01', '2023-03-01']);
    expect(findDates('All 3 may attend the meeting.', '2023-12-20')).toEqual([]);
  });

  it('reads weekdays and casual days without chrono, as chrono did', () => {
    // 2024-05-17 is a Friday.
    expect(first('They met last Thursday.', '2024-05-17')).toEqual(['2024-05-16', '2024-05-16']);
    expect(first('They will meet next Tuesday.', '2024-05-17')).toEqual(['2024-05-21', '2024-05-21']);
    expect(first('They met from Monday to Wednesday.', '2024-05-17')).toEqual(['2024-05-13', '2024-05-15']);
    expect(first('Ministers met yesterday.', '2024-05-17')).toEqual(['2024-05-16', '2024-05-16']);
    expect(first("Today's meeting closed.", '2024-05-17')).toEqual(['2024-05-17', '2024-05-17']);
    expect(findDates('The Coalition now has 87 members.', '2024-05-17')).toEqual([]);
    expect(findDates('Delegates sat down with partners.', '2024-05-17')).toEqual([]);
  });

  it('still reads numeric dates and month names through chrono', () => {
    expect(first('They met on 06/27/2021.', null)).toEqual(['2021-06-27', '2021-06-27']);
    expect(first('They met on 2021-06-27.', null)).toEqual(['2021-06-27', '2021-06-27']);
    expect(findDates('They met in May 2022.', null).map((d) => [d.year, d.month])).toEqual([[2022, 5]]);
  });

  it('leaves a year-less date unknown when the document has no date', () => {
    expect(first('They met on 4 March in Berlin.', null)).toEqual([null, null]);
    expect(first('They met on Thursday.', null)).toEqual([null, null]);
    expect(first('They met today.', null)).toEqual([null, null]);
  });

  it('keeps a written year even without a document date', () => {
    expect(first('They met on 11 May 2022 in Marrakech.', null)).toEqual(['2022-05-11', '2022-05-11']);
  });

  it('does not pin a day for "next week" or a month alone', () => {
    expect(findDates('They will meet next week.', '2024-05-17').every((d) => d.start === null)).toBe(true);
    const may = findDates('The ministerial was held in May 2022.', null)[0];
    expect(may?.start).toBeNull();
    expect([may?.year, may?.month]).toEqual([2022, 5]);
  });

  it('picks the year of a year-less date by tense around the reference date', () => {
    expect(yearFor('2018-06-22', 2, 13, 'past')).toBe('2018-02-13');
    expect(yearFor('2018-01-05', 12, 15, 'past')).toBe('2017-12-15');
    expect(yearFor('2018-11-20', 1, 10, 'future')).toBe('2019-01-10');
  });

  it('counts weekdays from the reference day itself', () => {
    expect(weekdayFrom('2024-05-17', 5, 'past')).toBe('2024-05-17');
    expect(weekdayFrom('2024-05-17', 4, 'past')).toBe('2024-05-16');
    expect(weekdayFrom('2024-05-17', 4, 'future')).toBe('2024-05-23');
  });

  it('reads a bare ordinal day ("on the 3rd") in the month of the reference date, or the one before or after', () => {
    expect(first('On the 3rd, political directors met in Kuwait City.', '2024-12-20')).toEqual(['2024-12-03', '2024-12-03']);
    expect(first('The experts met on the 12th and 13th.', '2024-12-20')).toEqual(['2024-12-12', '2024-12-13']);
    expect(first('They met on the 28th.', '2024-12-20')).toEqual(['2024-11-28', '2024-11-28']);
    expect(first('They will meet on the 2nd.', '2024-12-20')).toEqual(['2025-01-02', '2025-01-02']);
    expect(first('They met on the 31st.', '2024-12-20')).toEqual([null, null]);
  });

  it('does not read an ordinal count ("the 9th Ordinary Session") as a day', () => {
    expect(first('He opened the 9th Ordinary Session on the 3rd floor.', '2024-12-20')).toBeNull();
  });

  it('reads "hoped to host" and "plans to hold" as pointing forward, "a plan to act" not', () => {
    expect(tenseOf('Senegal hoped to host the group.')).toBe('future');
    expect(tenseOf('Italy plans to hold talks.')).toBe('future');
    expect(tenseOf('They adopted a plan to act.')).toBe('past');
  });
});
