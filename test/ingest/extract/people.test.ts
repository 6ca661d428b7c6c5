import { describe, expect, it } from 'vitest';
import { findPeople } from '../../../src/ingest/extract/people.js';

describe('people', () => {
  it('finds names after an office, however long the office', () => {
    const ps = findPeople('Acting Special Envoy for the Global Coalition to Defeat ISIS John T. Doe opened the session.');
    expect(ps).toEqual([{ name: 'John T. Doe', role: 'Acting Special Envoy for the Global Coalition to Defeat ISIS' }]);
  });

  it('finds names followed by their office, with particles inside the name', () => {
    const ps = findPeople('The talks were led by Maria di Lauro, Minister of Defence of Italy, and others.');
    expect(ps.map((p) => p.name)).toEqual(['Maria di Lauro']);
    expect(ps[0]?.role).toMatch(/^Minister of Defence/);
  });

  it('lists a person once, by the fullest form of the name', () => {
    const ps = findPeople('Foreign Minister Anna Berg spoke first. Later, Minister Anna Berg met reporters.');
    expect(ps.map((p) => p.name)).toEqual(['Anna Berg']);
  });

  it('ignores capitalised names of places and institutions without a role', () => {
    expect(findPeople('Ships crossed the South China Sea. The Strategic Dialogue resumed.')).toEqual([]);
  });

  it('reads past the full stop of a courtesy title or an initial before the name', () => {
    expect(findPeople('Trade Mission Spokesperson Capt. Lena Marsh issued a note.')).toEqual([{ name: 'Lena Marsh', role: 'Trade Mission Spokesperson' }]);
    expect(findPeople('Special Envoy for the Lakes Region Dr. K. Oskar Lind will visit Tromso.')).toEqual([
      { name: 'K. Oskar Lind', role: 'Special Envoy for the Lakes Region' },
    ]);
  });

  it('keeps an office whose abbreviation in brackets comes right before the name', () => {
    expect(findPeople('Special Coordinator for Fisheries (SCF) Paula Brenner will open the forum.')).toEqual([
      { name: 'Paula Brenner', role: 'Special Coordinator for Fisheries (SCF)' },
    ]);
  });

  it('finds a counterpart named in apposition, but not a counterpart left unnamed', () => {
    expect(findPeople('The minister will meet her Estonian counterpart, Tarmo Kivi, to review the accord.')).toEqual([
      { name: 'Tarmo Kivi', role: 'Estonian counterpart' },
    ]);
    expect(findPeople('He later called his counterpart Dr. Ruth Almeida about the harbour.')).toEqual([{ name: 'Ruth Almeida', role: 'counterpart' }]);
    expect(findPeople('She thanked her counterparts for the visit. Harbour Street was closed.')).toEqual([]);
  });

  it('finds a name that follows a long office with no comma, from the office\'s last institution word on', () => {
    expect(findPeople('Assistant Secretary for Maritime Security Jane Q. Doe chaired the review.')).toEqual([
      { name: 'Jane Q. Doe', role: 'Assistant Secretary for Maritime Security' },
    ]);
    expect(findPeople('Director Anna Berg toured the Nordic Shipping Agency Harbour Office.').map((p) => p.name)).toEqual(['Anna Berg']);
  });

  it('takes an office only from the words right before the name, not from a title earlier in the sentence', () => {
    const ps = findPeople('Next, the Minister for Fisheries, Dr. Ana Silva, said that the Northern Joint Task Force would grow.');
    expect(ps.map((p) => p.name)).toEqual(['Ana Silva']);
  });
});
