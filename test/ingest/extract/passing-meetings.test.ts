import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/ingest/extract/index.js';

const passing = (text: string, published: string | null = '2024-05-17') =>
  extract({ text, title: null, published }).meetings.filter((m) => !m.primary);

describe('meetings mentioned in passing', () => {
  it('takes the level of a past meeting from the words naming it, not from the rest of the sentence', () => {
    const text = 'Envoys of the Global Coalition to Defeat ISIS met in Oslo on Tuesday to review the campaign. '
      + 'The previous meeting of the Coalition took place in Lisbon on 4 March, at the ministerial level. '
      + 'The last gathering at the political director level was held in Athens on 9 January.';
    expect(passing(text).map((m) => [m.body, m.city, m.kind])).toEqual([
      ['Global Coalition to Defeat ISIS', 'Lisbon', 'ministerial'],
      ['Global Coalition to Defeat ISIS', 'Athens', 'political-directors'],
    ]);
  });

  it('gives a coming meeting the level its own words name, though the sentence opens on other officials', () => {
    const text = 'The Small Group of the Global Coalition met in Oslo on Tuesday to review the campaign. '
      + 'Political directors said they looked forward to the next full Ministerial meeting of the Global Coalition in Portugal later this year.';
    expect(passing(text).map((m) => [m.body, m.country, m.kind])).toEqual([['Global Coalition to Defeat ISIS', 'Portugal', 'ministerial']]);
  });
});

describe('bilateral meetings beside the main one', () => {
  const release = (text: string, url: string | null) =>
    extract({ text, title: null, published: '2024-05-17', url }).meetings.filter((m) => !m.primary)
      .map((m) => [m.body, m.kind, m.city, m.start]);

  it("gives the publishing government's minister a meeting with each country met, dated by what ties it to the main meeting", () => {
    const text = 'The Minister of Foreign Affairs took part today in the ministerial meeting of the Global Coalition to Defeat ISIS in Lisbon. '
      + 'The Minister stressed the need to support partners in West Africa. '
      + 'On the sidelines of this meeting, the Minister met with his Chilean counterpart to discuss trade. '
      + 'On the same day, he held a meeting with Foreign Minister Ana Silva of Peru. '
      + 'Later, the Minister met with his Ghanaian counterpart. '
      + 'The Minister also held bilateral meetings with his counterparts from Kenya and the United Arab Emirates.';
    expect(release(text, 'https://www.exteriores.gob.es/news/lisbon')).toEqual([
      ['Spain-Chile bilateral meeting', 'bilateral', 'Lisbon', '2024-05-17'],
      ['Spain-Peru bilateral meeting', 'bilateral', null, '2024-05-17'],
      ['Spain-Ghana bilateral meeting', 'bilateral', null, '2024-05-17'],
      ['Spain-Kenya bilateral meeting', 'bilateral', null, null],
      ['Spain-United Arab Emirates bilateral meeting', 'bilateral', null, null],
    ]);
  });

  it('finds none without a government domain to say whose minister it is, nor for officials of no named country', () => {
    const text = 'The Minister of Foreign Affairs took part today in the ministerial meeting of the Global Coalition to Defeat ISIS in Lisbon. '
      + 'On the sidelines of this meeting, the Minister met with his Chilean counterpart to discuss trade.';
    expect(release(text, null)).toEqual([]);
    expect(release(text, 'https://news.example.org/lisbon')).toEqual([]);
    const vague = 'The Secretary took part today in the ministerial meeting of the Global Coalition to Defeat ISIS in Lisbon. '
      + 'He also met with defence ministers from 20 nations, and will meet separately with counterparts from several partner countries.';
    expect(release(vague, 'https://www.state.gov/lisbon')).toEqual([]);
  });
});

describe('summits known by their city', () => {
  it('names a summit told in passing by the city that held it, and places it there', () => {
    const named = 'Ministers of the Accra Initiative met in Lomé on Thursday. '
      + 'They welcomed the Bamako Summit of 12 March 2024, which called for a regional "Sahel Compact" led by the African Union.';
    expect(passing(named).map((m) => [m.body, m.kind, m.city, m.country, m.start])).toEqual([
      ['Bamako Summit', 'summit', 'Bamako', 'Mali', '2024-03-12'],
    ]);
    const told = 'The Africa Focus Group met in Accra on Tuesday. '
      + 'Border patrols have grown steadily since the summit in Dakar, members said.';
    expect(passing(told).map((m) => [m.body, m.kind, m.city])).toEqual([['Dakar Summit', 'summit', 'Dakar']]);
  });

  it('takes no meeting from a summit only recalled by its name, undated', () => {
    const text = 'Ministers of the Accra Initiative met in Lomé on Thursday. '
      + 'Their talks turned to carrying out the decisions of the Bamako Summit.';
    expect(passing(text)).toEqual([]);
  });

  it("keeps a body's own summit its own, wherever it met", () => {
    const x = extract({ text: 'The G5 Sahel summit in Nouakchott opened on Monday. Leaders look ahead to the next summit in Niamey.', title: null, published: '2024-05-17' });
    expect(x.meetings.map((m) => [m.body, m.city, m.primary])).toEqual([['G5 Sahel', 'Nouakchott', true], ['G5 Sahel', 'Niamey', false]]);
  });
});

describe('talks with people', () => {
  it('is no meeting of a body named only after whom the talks are with', () => {
    const trip = 'The Small Group of the Global Coalition met in Oslo on Tuesday to review the campaign. '
      + 'From Oslo, the envoy will travel to Vienna for meetings with a number of Coalition partners on border security. '
      + 'In Ghana, she will meet with officials to discuss their term at the head of the Accra Initiative.';
    expect(passing(trip)).toEqual([]);
  });

  it("still has the body meet when its own members or ministers are the ones met", () => {
    const x = extract({ text: 'On 3 May, Italy convened a meeting with Chile and other members of the Global Coalition to Defeat ISIS in Rome.', title: null, published: '2024-05-17' });
    expect(x.meetings.map((m) => [m.body, m.city, m.start, m.primary])).toEqual([['Global Coalition to Defeat ISIS', 'Rome', '2024-05-03', true]]);
  });
});
