import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/ingest/extract/index.js';
import { main } from './main-meeting.js';

describe('places', () => {
  it('gives place and day to the group when its parent is named with it in the sentence', () => {
    const abbreviated = main('Kuwait hosted the meeting of the Counter ISIS Finance Group (CIFG) of the Global Coalition to Defeat ISIS in Kuwait City on 14 May.');
    expect([abbreviated.body, abbreviated.city, abbreviated.start]).toEqual(['Counter ISIS Finance Group', 'Kuwait City', '2024-05-14']);
    const topic = main('The Global Coalition to Defeat ISIS held a meeting of its Communications Working Group in Nairobi on Tuesday, with online propaganda at the top of its agenda.');
    expect([topic.body, topic.city, topic.start]).toEqual(['Communications Working Group', 'Nairobi', '2024-05-14']);
  });

  it('still gives no place to a meeting held online', () => {
    const m = main('The Communications Working Group held an online meeting on Tuesday, hosted by Kenya in Nairobi.');
    expect([m.city, m.start]).toEqual([null, '2024-05-14']);
  });

  it('takes the place from the dateline when the text names none', () => {
    const m = main('BRUSSELS, May 17 (Wire) - The Small Group of the Global Coalition met on Thursday to review progress.');
    expect([m.city, m.country]).toEqual(['Brussels', 'Belgium']);
  });

  it('ignores "banned in X" and places of what was discussed', () => {
    const m = main('The Global Coalition met on Monday to discuss a movement banned in Russia and its cells in Iraq.');
    expect([m.city, m.country]).toEqual([null, null]);
  });

  it('prefers the venue over the dateline', () => {
    const m = main('WASHINGTON - The Global Coalition to Defeat ISIS held a political directors meeting in Rabat, Morocco on Tuesday.');
    expect([m.city, m.country, m.kind]).toEqual(['Rabat', 'Morocco', 'political-directors']);
  });

  it('reads accented place names in the text and in the dateline', () => {
    const m = main('Ministers of the Accra Initiative ended a meeting in Lomé on Thursday.');
    expect([m.city, m.country]).toEqual(['Lomé', 'Togo']);
    const d = main('LOMÉ, May 17 (Wire) - Ministers of the Accra Initiative met on Thursday.');
    expect([d.city, d.country]).toEqual(['Lomé', 'Togo']);
  });

  it('reads the city written after a building ("at the Kempinski Hotel Gold Coast City, Accra")', () => {
    const m = main('Ministers of the Accra Initiative met on Thursday at the Kempinski Hotel Gold Coast City, Accra.');
    expect([m.city, m.country]).toEqual(['Accra', 'Ghana']);
  });

  it('dates a meeting whose long name runs from its meeting word to the body ("Session of the Committee of Ministers of ...")', () => {
    const m = main('He spoke as he opened the 9th Ordinary Session of the Committee of Ministers of the Accra Initiative at the Kempinski Hotel Gold Coast City, Accra, on Thursday, 14th November, 2024.');
    expect([m.start, m.city]).toEqual(['2024-11-14', 'Accra']);
  });

  it('reads a day-first dateline and a New York dateline', () => {
    const x = extract({ text: 'Rome, 12 October 2023 – The Small Group of the Global Coalition met today.', published: null });
    expect(x.published).toBe('2023-10-12');
    expect(x.meetings[0]).toMatchObject({ city: 'Rome', start: '2023-10-12' });
    const ny = main('NEW YORK — Ministers of the Global Coalition to Defeat ISIS will meet on Friday.');
    expect([ny.city, ny.country, ny.start]).toEqual(['New York', 'United States', '2024-05-17']);
  });

  it('does not read a building named after a place as that place', () => {
    const m = main('LONDON — Experts of the Global Coalition met at Lancaster House on Wednesday.');
    expect([m.city, m.country]).toEqual(['London', 'United Kingdom']);
    const other = main('PARIS - Experts of the Global Coalition met at Lancaster Hall on Wednesday.');
    expect([other.city, other.country]).toEqual(['Paris', 'France']);
  });

  it('reads "the Iraqi capital" as Baghdad', () => {
    const m = main('Political directors of the Global Coalition met on Tuesday in the Iraqi capital.');
    expect([m.city, m.country]).toEqual(['Baghdad', 'Iraq']);
  });

  it('takes the city from the dateline when the text names only its country', () => {
    const m = main('OUAGADOUGOU, Burkina Faso — Ministers of the Accra Initiative met in Burkina Faso on Thursday.');
    expect([m.city, m.country]).toEqual(['Ouagadougou', 'Burkina Faso']);
    const other = main('ACCRA — Ministers of the Accra Initiative met in Burkina Faso on Thursday.');
    expect([other.city, other.country]).toEqual([null, 'Burkina Faso']);
  });

  it('does not read a place made into an adjective ("in the Saudi-led coalition") as the venue', () => {
    const m = main('Envoys of countries in the US-led coalition against ISIS held a meeting in the Kuwaiti capital on Tuesday.');
    expect([m.city, m.country, m.start]).toEqual(['Kuwait City', 'Kuwait', '2024-05-14']);
  });

  it('reads an agency-slashed dateline ("MOSCOW, May 17. /TASS/.") and keeps it out of the lead', () => {
    const x = extract({ text: 'MOSCOW, May 17. /TASS/. Ministers of the Global Coalition against Daesh met on Thursday.', published: null });
    expect(x.published).toBe(null);
    const m = main('MOSCOW, May 17. /TASS/. Ministers of the Global Coalition against Daesh met on Thursday.');
    expect([m.city, m.country, m.start]).toEqual(['Moscow', 'Russia', '2024-05-16']);
  });

  it('gives no place for a virtual meeting, even with a dateline', () => {
    const m = main('WASHINGTON - The Small Group of the Global Coalition met virtually on Tuesday.');
    expect([m.city, m.country]).toEqual([null, null]);
  });

  it('does not take "virtual currencies" or "virtually all" for a meeting held online', () => {
    const m = main('DOHA, May 17 - Qatar hosted the Counter ISIS Finance Group on Tuesday. The meeting looked at the use of virtual currencies by ISIS.');
    expect([m.city, m.country]).toEqual(['Doha', 'Qatar']);
    const n = main('PARIS - The Small Group of the Global Coalition met on Tuesday; virtually all its members attended the meeting.');
    expect([n.city, n.country]).toEqual(['Paris', 'France']);
  });

  it('reads the place a named building belongs to ("at the Palais des Congrès of the Mauritanian capital")', () => {
    const m = main('The meeting of the Africa Focus Group took place on Tuesday at the Palais des Congrès of the Mauritanian capital.');
    expect([m.city, m.country]).toEqual(['Nouakchott', 'Mauritania']);
    const n = main('The Accra Initiative met on Tuesday at the International Conference Centre of Accra.');
    expect([n.city, n.country]).toEqual(['Accra', 'Ghana']);
  });

  it('takes the city a headline names for a meeting whose text gives only its country', () => {
    const m = main('DAKAR, May 17 (Wire) - The Africa Focus Group of the coalition met on Tuesday and Wednesday in Ivory Coast\'s commercial capital.', '2024-05-17', 'Coalition officials meet in Abidjan');
    expect([m.body, m.city, m.country]).toEqual(['Africa Focus Group', 'Abidjan', "Côte d'Ivoire"]);
  });
});

describe('meeting dates', () => {
  it('does not date a meeting by "Today\'s action", but by "Tuesday\'s talks"', () => {
    const x = extract({ text: "Today's designation builds on work by the Global Coalition, whose experts met in Nairobi.", published: '2024-05-17' });
    expect(x.meetings[0]).toMatchObject({ city: 'Nairobi', start: null });
    expect(main("Tuesday's talks of the Small Group in Rome ended without a statement.").start).toBe('2024-05-14');
  });


  it('dates the meeting, not the report ("said on Friday")', () => {
    const m = main('The Global Coalition met on Tuesday in Brussels, the Belgian ministry said on Friday.');
    expect([m.start, m.end]).toEqual(['2024-05-14', '2024-05-14']);
  });

  it('counts back from the last day of "a two-day meeting ending on Thursday"', () => {
    const m = main('The Africa Focus Group closed a two-day meeting in Niamey, ending on Thursday with an action plan.');
    expect([m.start, m.end]).toEqual(['2024-05-15', '2024-05-16']);
  });

  it('keeps a written range over the length a "two-day meeting" implies, and lets the length fill a missing end', () => {
    const ranged = main('The Africa Focus Group held a two-day meeting in Niamey, Niger, on 1 and 2 March 2024.');
    expect([ranged.start, ranged.end]).toEqual(['2024-03-01', '2024-03-02']);
    const single = main('The Africa Focus Group opened a three-day meeting in Niamey on 13 May.');
    expect([single.start, single.end]).toEqual(['2024-05-13', '2024-05-15']);
    const crossing = main('The Global Coalition met in Rome on 30 April and 1 May.');
    expect([crossing.start, crossing.end]).toEqual(['2024-04-30', '2024-05-01']);
  });

  it('reads weekdays the NLP pass does not tag ("from Monday to Wednesday")', () => {
    const m = main('The Africa Focus Group met in Abuja from Monday to Wednesday.');
    expect([m.start, m.end]).toEqual(['2024-05-13', '2024-05-15']);
  });

  it('takes "closed on Tuesday" in a later sentence as the last day of the meeting', () => {
    const m = main('The Africa Focus Group meeting in Rabat opened on Monday. The talks closed on Tuesday with recommendations.');
    expect([m.start, m.end]).toEqual(['2024-05-13', '2024-05-14']);
  });

  it('dates a meeting by the verb that says it happened ("took place in Rabat on 3 March")', () => {
    const m = main('The meeting of the Global Coalition was co-chaired by Morocco and the United States and took place in Rabat on 3 March 2024.');
    expect([m.start, m.city]).toEqual(['2024-03-03', 'Rabat']);
  });

  it('dates the meeting by the lead that names it only as "a meeting", before the group is named', () => {
    const m = main('Delegates from thirty countries ended a three-day meeting on Thursday on the threat in the Sahel. The talks were convened by the Africa Focus Group in Dakar.');
    expect([m.body, m.city, m.start, m.end]).toEqual(['Africa Focus Group', 'Dakar', '2024-05-14', '2024-05-16']);
  });

  it('does not let an unnamed meeting in the lead override the one the text names', () => {
    const m = main('Foreign ministers met in Brussels on Monday for talks on trade. Separately, the Small Group of the Global Coalition met in Rome on Tuesday.');
    expect([m.body, m.city, m.start]).toEqual(['Small Group', 'Rome', '2024-05-14']);
  });

  // 2024-05-17 is a Friday.
  it('counts back from the close of "two days of talks" and reads "which began on" as the same meeting', () => {
    const closed = main('Envoys wrapped up two days of talks in Dakar on Thursday, as the Africa Focus Group met in Senegal.');
    expect([closed.start, closed.end]).toEqual(['2024-05-15', '2024-05-16']);
    const began = main('The Africa Focus Group ended its talks in Dakar on Thursday. Senegal hosted the meeting, which began on Wednesday and was co-chaired by Italy and Morocco.');
    expect([began.start, began.end, began.chairs]).toEqual(['2024-05-15', '2024-05-16', ['Senegal', 'Italy', 'Morocco']]);
  });

  it('does not date "two days of talks" by a day that is neither their opening nor their close', () => {
    const m = main('Delegations arrived in Rome on Monday for two days of talks. The Small Group met at the foreign ministry.');
    expect(m.end).toBe(m.start);
  });

  it('takes the end from a later "closing the two-day meeting"', () => {
    const m = main('The ministerial meeting of the Accra Initiative opened in Accra on Monday 13 May. Ministers signed the communiqué on Tuesday 14 May, closing the two-day meeting.');
    expect([m.start, m.end]).toEqual(['2024-05-13', '2024-05-14']);
  });

  it('does not give a meeting the date of a visit before attending it', () => {
    const m = main('The minister will visit Washington on 22-23 May to take part in the meeting of the Global Coalition.');
    expect([m.start, m.city]).toEqual([null, 'Washington']);
  });
});
