import { describe, expect, it } from 'vitest';
import { normalizeInput, parseLine, tokenize } from '../../src/core/args.js';
import { UserError } from '../../src/core/errors.js';

describe('normalizeInput', () => {
  it('strips the slash command and control characters', () => {
    expect(normalizeInput('/brief meetings', 'brief')).toBe('meetings');
    expect(normalizeInput('  /BRIEF   meetings  ', 'brief')).toBe('meetings');
    expect(normalizeInput('meetings\u0007 topic:sahel\u0000', 'brief')).toBe('meetings  topic:sahel');
    expect(normalizeInput('/brief', 'brief')).toBe('');
    expect(normalizeInput('/briefing', 'brief')).toBe('/briefing');
  });
});

describe('tokenize', () => {
  it('reads words, key:value options and quoted values', () => {
    const tokens = tokenize('meetings body:"Africa Focus Group" topic:sahel since:2023-03-01 niamey');
    expect(tokens.map((t) => [t.key, t.value])).toEqual([
      [null, 'meetings'],
      ['body', 'Africa Focus Group'],
      ['topic', 'sahel'],
      ['since', '2023-03-01'],
      [null, 'niamey'],
    ]);
  });

  it('treats curly quotes like straight ones and keeps quoted operators as words', () => {
    const tokens = tokenize('subscribe “foreign fighters” AND sahel');
    expect(tokens[1]).toMatchObject({ key: null, value: 'foreign fighters', quoted: true });
    expect(tokens[2]).toMatchObject({ value: 'AND', quoted: false });
  });

  it('does not take a URL scheme for an option name', () => {
    const [, , url] = tokenize('sources add https://example.org/feed.xml every:30m');
    expect(url).toMatchObject({ key: null, value: 'https://example.org/feed.xml' });
  });

  it('refuses an unbalanced quote with a coded user error', () => {
    expect(() => tokenize('meetings body:"Africa Focus')).toThrow(UserError);
    try {
      tokenize('search "open');
    } catch (error) {
      expect((error as UserError).code).toBe('unbalanced-quote');
      expect((error as UserError).hint).toMatch(/Close it/);
    }
  });

  it('keeps emoji and non-Latin words intact', () => {
    expect(tokenize('search 🇳🇪 Niamey نيامي').map((t) => t.value)).toEqual(['search', '🇳🇪', 'Niamey', 'نيامي']);
  });
});

describe('parseLine', () => {
  it('splits subcommand, positional words, options and the raw argument text', () => {
    const parsed = parseLine('Meetings topic:sahel page:2 extra');
    expect(parsed.subcommand).toBe('meetings');
    expect(parsed.positional).toEqual(['extra']);
    expect(parsed.options).toEqual({ topic: 'sahel', page: '2' });
    expect(parsed.argText).toBe('topic:sahel page:2 extra');
  });

  it('refuses a line longer than the limit', () => {
    expect(() => parseLine(`search ${'x'.repeat(10_000)}`)).toThrow(/limit is 2,000/);
  });
});
