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
