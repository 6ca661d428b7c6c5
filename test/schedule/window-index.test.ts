import { describe, expect, it } from 'vitest';
import { compileFilter, parseFilter, prepareFacets, type FilterFacets } from '../../src/core/index.js';
import { WindowIndex } from '../../src/schedule/window-index.js';

const TOPICS = ['sahel', 'financing', 'foreign-fighters', 'detention'];
const BODIES = ['Africa Focus Group', 'Global Coalition to Defeat ISIS', 'Communications Working Group'];
const PLACES = ['Niamey', 'Niger', 'Nigeria', 'Abuja', 'Saudi Arabia', 'Rome'];
const WORDS = ['money', 'camps', 'foreign', 'fighters', 'drones', 'and', 'not', 'Niger', 'group', 'focus', 'returnees'];

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(xs: readonly T[], max: number): T[] => Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(xs));

function item(): FilterFacets {
  return { topics: some(TOPICS, 2), bodies: some(BODIES, 2), places: some(PLACES, 2), text: some(WORDS, 12).join(rand() > 0.5 ? ' ' : ', ') };
}

function term(): string {
  const value = pick([...WORDS, 'sahel', 'saudi arabia', 'focus group', 'foreign fighters', 'africa', 'niger', 'Global Coalition', '-']);
  const quoted = value.includes(' ') || rand() > 0.8 ? `"${value}"` : value;
  return `${pick(['', '', 'topic:', 'body:', 'place:', 'keyword:'])}${quoted}`;
}

function filter(depth = 0): string {
  const r = rand();
  if (depth > 2 || r < 0.35) return term();
  if (r < 0.5) return `NOT ${filter(depth + 1)}`;
  if (r < 0.75) return `(${filter(depth + 1)} OR ${filter(depth + 1)})`;
  return `${filter(depth + 1)} ${pick(['AND ', ''])}${filter(depth + 1)}`;
}

describe('WindowIndex', () => {
  it('matches exactly what the compiled filter matches, over random filters and items', () => {
    const items = Array.from({ length: 300 }, item).map(prepareFacets);
    const labels = [{ id: 'financing', label: 'Money' }, { id: 'detention', label: 'Camps' }];
    const index = new WindowIndex(items, labels);
    let matched = 0;
    for (let n = 0; n < 400; n++) {
      const text = filter();
      const node = parseFilter(text);
      const closure = compileFilter(node, labels);
      const expected = items.map((f) => (closure(f) ? 1 : 0));
      expect(Array.from(index.evaluate(node)), text).toEqual(expected);
      matched += expected.reduce((a: number, b) => a + b, 0);
    }
    // The random filters are neither all-empty nor all-full.
    expect(matched).toBeGreaterThan(400 * 300 * 0.05);
    expect(matched).toBeLessThan(400 * 300 * 0.95);
  });
});
