import { describe, expect, it } from 'vitest';
import {
  compileFilter,
  describeFilter,
  matchesFilter,
  parseFilter,
  prepareFacets,
  UserError,
  type FilterFacets,
} from '../../src/core/index.js';

const TOPICS = [
  { id: 'sahel', label: 'Sahel' },
  { id: 'financing', label: 'Counter-financing' },
  { id: 'foreign-fighters', label: 'Foreign fighters' },
];

const sahelFinance: FilterFacets = {
  topics: ['sahel', 'financing'],
  bodies: ['Africa Focus Group'],
  places: ['Niamey', 'Niger'],
  text: 'Delegates met in Niamey to discuss how armed groups raise money, and agreed a plan.',
};
const syriaFighters: FilterFacets = {
  topics: ['foreign-fighters'],
  bodies: ['Global Coalition to Defeat ISIS'],
  places: ['Damascus', 'Syria'],
  text: 'Ministers discussed the return of foreign fighters held in camps in north-east Syria.',
};
const nigeria: FilterFacets = { topics: [], bodies: ['Lake Chad Basin Commission'], places: ['Abuja', 'Nigeria'], text: 'A meeting in Abuja.' };

const match = (filter: string, facets: FilterFacets) => matchesFilter(parseFilter(filter), facets);

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('parseFilter: structure and precedence', () => {
  it('joins adjacent terms with an implicit AND', () => {
    expect(parseFilter('sahel niger')).toEqual({
      op: 'and',
      children: [
        { op: 'term', field: 'any', value: 'sahel', quoted: false },
        { op: 'term', field: 'any', value: 'niger', quoted: false },
      ],
    });
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(describeFilter(parseFilter('a OR b c NOT d'))).toBe('a OR (b AND c AND NOT d)');
    const tree = parseFilter('a OR b AND NOT c');
    expect(tree.op).toBe('or');
    if (tree.op !== 'or') return;
    expect(tree.children[1]).toEqual({
      op: 'and',
      children: [
        { op: 'term', field: 'any', value: 'b', quoted: false },
        { op: 'not', child: { op: 'term', field: 'any', value: 'c', quoted: false } },
      ],
    });
  });

  it('groups with parentheses and reads quoted phrases and qualifiers', () => {
    const tree = parseFilter('sahel AND (financing OR "foreign fighters") NOT syria');
    expect(describeFilter(tree)).toBe('sahel AND (financing OR "foreign fighters") AND NOT syria');
    expect(parseFilter('body:"Africa Focus Group"')).toEqual({ op: 'term', field: 'body', value: 'Africa Focus Group', quoted: true });
    expect(parseFilter('Place:Niger')).toEqual({ op: 'term', field: 'place', value: 'Niger', quoted: false });
  });

  it('treats lowercase and/or/not and quoted "AND" as plain words', () => {
    expect(parseFilter('war and peace')).toMatchObject({ op: 'and', children: [{ value: 'war' }, { value: 'and' }, { value: 'peace' }] });
    expect(parseFilter('"AND"')).toEqual({ op: 'term', field: 'any', value: 'AND', quoted: true });
    expect(match('not', { ...nigeria, text: 'It is not over.' })).toBe(true);
  });

  it('describes filters in a form that parses back to the same tree', () => {
    for (const text of ['a OR (b OR c)', 'NOT (a OR b) c', 'topic:sahel OR body:"Africa Focus Group" NOT keyword:drone', '"AND" x', '(a b) OR (c NOT d)']) {
      const tree = parseFilter(text);
      expect(parseFilter(describeFilter(tree))).toEqual(tree);
    }
  });

  it('keeps URLs as words rather than reading `https:` as a field', () => {
    expect(parseFilter('https://example.org/x')).toEqual({ op: 'term', field: 'any', value: 'https://example.org/x', quoted: false });
  });
});

describe('parseFilter: errors', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['(sahel OR niger', /never closed/],
    ['sahel)', /never opened/],
    ['sahel AND', /`AND` at the end/],
    ['OR sahel', /starts with `OR`/],
    ['sahel AND OR niger', /`AND` is followed by `OR`/],
    ['NOT', /`NOT` at the end/],
    ['()', /Empty parentheses/],
    ['(sahel AND)', /`AND` has nothing after it before `\)`/],
    ['"foreign fighters', /never closed/],
    ['colour:red', /not a filter field/],
    ['topic:', /needs a value/],
  ])('rejects %j with a bad-filter error', (text, message) => {
    const error = errorOf(() => parseFilter(text));
    expect(error.code).toBe('bad-filter');
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it('rejects an unknown topic when the topic list is given, suggesting the closest', () => {
    const error = errorOf(() => parseFilter('topic:sahl', { topics: TOPICS }));
    expect(error.message).toBe('There is no topic `sahl`.');
    expect(error.hint).toContain('topic:sahel');
    // Without a list any topic is accepted (the store may know more than the caller).
    expect(parseFilter('topic:sahl')).toMatchObject({ field: 'topic', value: 'sahl' });
  });

  it('resolves a topic label to its id', () => {
    expect(parseFilter('topic:"Foreign fighters"', { topics: TOPICS })).toMatchObject({ value: 'foreign-fighters' });
  });
});

describe('matchesFilter', () => {
  it('evaluates the example from the issue', () => {
    const filter = 'sahel AND (financing OR "foreign fighters") NOT syria';
    expect(match(filter, sahelFinance)).toBe(true);
    expect(match(filter, syriaFighters)).toBe(false); // no sahel, and syria excluded
    expect(match(filter, { ...syriaFighters, topics: ['sahel', 'foreign-fighters'] })).toBe(false); // syria excluded
    expect(match(filter, { ...sahelFinance, topics: ['sahel'], text: 'Foreign  fighters crossing the border.' })).toBe(true);
    expect(match(filter, { ...sahelFinance, topics: ['sahel'], text: 'Nothing about money.' })).toBe(false);
  });

  it('matches bare words against topics, bodies, places and text', () => {
    expect(match('financing', { ...nigeria, topics: ['financing'] })).toBe(true); // topic id
    expect(match('focus', sahelFinance)).toBe(true); // body substring
    expect(match('niamey', { ...sahelFinance, text: '' })).toBe(true); // place
    expect(match('armed', sahelFinance)).toBe(true); // text word
    expect(match('"foreign fighters"', { ...nigeria, topics: ['foreign-fighters'] })).toBe(true); // topic id, spaced
  });

  it('matches text by whole words only, ignoring case and punctuation', () => {
    expect(match('money', sahelFinance)).toBe(true);
    expect(match('mone', sahelFinance)).toBe(false);
    expect(match('keyword:PLAN', sahelFinance)).toBe(true);
    expect(match('"money and agreed"', sahelFinance)).toBe(true); // comma between words
    expect(match('"money agreed"', sahelFinance)).toBe(false);
  });

  it('restricts qualified terms to their field', () => {
    expect(match('place:niger', sahelFinance)).toBe(true);
    expect(match('place:niger', nigeria)).toBe(false); // whole words: Nigeria is not Niger
    expect(match('body:"africa focus"', sahelFinance)).toBe(true);
    expect(match('body:niamey', sahelFinance)).toBe(false);
    expect(match('topic:sahel', { ...nigeria, text: 'sahel' })).toBe(false);
    expect(match('keyword:niger', sahelFinance)).toBe(false); // only a place, not in the text
  });

  it('matches a topic label through the compiled topic list', () => {
    const run = compileFilter(parseFilter('"counter-financing"', { topics: TOPICS }), TOPICS);
    expect(run(prepareFacets({ ...nigeria, topics: ['financing'] }))).toBe(true);
    expect(run(prepareFacets(nigeria))).toBe(false);
  });

  it('handles NOT, OR and nested groups', () => {
    expect(match('NOT syria', sahelFinance)).toBe(true);
    expect(match('NOT syria', syriaFighters)).toBe(false);
    expect(match('NOT NOT syria', syriaFighters)).toBe(true);
    expect(match('abuja OR damascus', syriaFighters)).toBe(true);
    expect(match('(abuja OR damascus) (sahel OR financing)', syriaFighters)).toBe(false);
    expect(match('(abuja OR damascus) NOT (sahel OR financing)', syriaFighters)).toBe(true);
  });

  it('compiles fast enough for 10,000 subscribers', () => {
    const run = compileFilter(parseFilter('sahel AND (financing OR "foreign fighters") NOT syria'));
    const prepared = [sahelFinance, syriaFighters, nigeria].map(prepareFacets);
    const start = performance.now();
    let hits = 0;
    for (let i = 0; i < 300_000; i++) if (run(prepared[i % 3]!)) hits++;
    expect(hits).toBe(100_000);
    expect(performance.now() - start).toBeLessThan(1500);
  });
});
