import { describe, expect, it } from 'vitest';
import { findBodies } from '../../../src/ingest/extract/bodies.js';

const names = (text: string) => findBodies(text).map((m) => m.body.name);

describe('body aliases', () => {
  it.each([
    'the Global Coalition against Daesh',
    'the Global Coalition to Defeat ISIL',
    'the Global Coalition to Counter ISIS',
    'the Global Coalition to Defeat ISIL-DEASH',
    'the international coalition',
    'the Defeat-ISIS Coalition',
    'the Coalition to Defeat IS',
    'the coalition against Islamic State',
    'the coalition against the Islamic State of Iraq and the Levant',
    'the U.S.-led coalition',
    'the anti-ISIS coalition',
    'the D-ISIS ministerial',
    'Coalition political directors',
  ])('reads "%s" as the Global Coalition', (text) => {
    expect(names(`Partners of ${text} met.`)).toEqual(['Global Coalition to Defeat ISIS']);
  });

  it.each([
    ['the Counter ISIL Finance Group', 'Counter ISIS Finance Group'],
    ['the Counter-Daesh Financing Group', 'Counter ISIS Finance Group'],
    ['the CIFG', 'Counter ISIS Finance Group'],
    ['the working group for Stabilisation', 'Stabilization Working Group'],
    ['the Foreign Terrorist Fighters Working Group', 'Foreign Terrorist Fighters Working Group'],
    ['the Communications Working Group', 'Communications Working Group'],
    ['the Africa Focus Group', 'Africa Focus Group'],
    ['the ‘small group’', 'Small Group'],
    ['the G5 Sahel', 'G5 Sahel'],
    ['the Accra Initiative', 'Accra Initiative'],
  ])('reads "%s" as %s', (text, body) => {
    expect(names(`Members of ${text} met.`)).toEqual([body]);
  });

  it('prefers the longest match, so a group inside the Coalition is not read as the Coalition', () => {
    const ms = findBodies('The Counter ISIS Finance Group met.');
    expect(ms).toHaveLength(1);
    expect(ms[0]?.body.name).toBe('Counter ISIS Finance Group');
  });

  it('does not read a small group of people, or the G5 Sahel joint force, as a body', () => {
    expect(names('A small group of fighters attacked the G5 Sahel joint force.')).toEqual([]);
  });

  it('knows each group’s parent and default kind', () => {
    const [afg] = findBodies('the Africa Focus Group');
    expect(afg?.body.parent).toBe('Global Coalition to Defeat ISIS');
    expect(afg?.body.kind).toBe('focus-group');
  });

  it('reads an abbreviation defined in parentheses after a group as that group, and not a wire credit', () => {
    const text = 'The Foreign Terrorist Fighters Working Group (FTFWG) met. Later the FTFWG agreed. The Global Coalition (AFP) said AFP was wrong.';
    expect(findBodies(text).map((m) => [m.body.name, text.slice(m.start, m.end)])).toEqual([
      ['Foreign Terrorist Fighters Working Group', 'Foreign Terrorist Fighters Working Group'],
      ['Foreign Terrorist Fighters Working Group', 'FTFWG'],
      ['Foreign Terrorist Fighters Working Group', 'FTFWG'],
      ['Global Coalition to Defeat ISIS', 'The Global Coalition'],
    ]);
  });

  it('leaves a known abbreviation where the table says it counts ("the ECOWAS Commission" is no meeting body)', () => {
    const text = 'The Economic Community of West African States (ECOWAS) met. The ECOWAS Commission said so.';
    expect(findBodies(text).map((m) => text.slice(m.start, m.end))).toEqual(['Economic Community of West African States', 'ECOWAS']);
  });

  it('reads a body at the start of a text after another text defined an abbreviation the tables know', () => {
    findBodies('The Economic Community of West African States (ECOWAS) met.');
    expect(names('Coalition officials met.')).toEqual(['Global Coalition to Defeat ISIS']);
  });
});
