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
});
