import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/core/index.js';
import { toCommandText } from '../../../src/platforms/discord/command-text.js';
import { PageButtons } from '../../../src/platforms/discord/page-button.js';

describe('toCommandText', () => {
  it('puts the argument first, as typed, and quotes option values', () => {
    const text = toCommandText('meetings', [{ name: 'topic', value: 'west africa' }, { name: 'query', value: 'body:"Small Group" AND sahel' }, { name: 'page', value: 2 }], 'query');
    expect(text).toBe('meetings body:"Small Group" AND sahel topic:"west africa" page:"2"');
    const parsed = parseLine(text);
    expect(parsed.options).toEqual({ body: 'Small Group', topic: 'west africa', page: '2' });
    expect(parsed.positional).toEqual(['AND', 'sahel']);
  });

  it('neutralises quotes inside option values so the line still parses', () => {
    const text = toCommandText('meetings', [{ name: 'topic', value: 'the “so-called" group' }]);
    expect(parseLine(text).options.topic).toBe("the 'so-called' group");
  });
});

describe('PageButtons', () => {
  it('round-trips short commands inline and long ones through the store', async () => {
    const meta = new Map<string, string>();
    const store = { getMeta: async (k: string) => meta.get(k) ?? null, setMeta: async (k: string, v: string) => void meta.set(k, v) };
    const short = 'meetings topic:"sahel" page:"2"';
    const long = `meetings ${'body:"Global Coalition Small Group" '.repeat(5)}page:"3"`;
    const buttons = new PageButtons(store);
    const shortId = await buttons.customId(short);
    const longId = await buttons.customId(long);
    expect(shortId.startsWith('brief:page:')).toBe(true);
    expect(longId.startsWith('brief:pageh:')).toBe(true);
    for (const id of [shortId, longId]) expect(id.length).toBeLessThanOrEqual(100);
    expect(meta.size).toBe(1);
    // A fresh instance (a restart) reads both back.
    const again = new PageButtons(store);
    expect(await again.textOf(shortId)).toBe(short);
    expect(await again.textOf(longId)).toBe(long);
    expect(await again.textOf('brief:pageh:unknown')).toBeNull();
    expect(await again.textOf('other:thing')).toBeNull();
  });
});

describe('apiBase', () => {
  it('drops a trailing version and slash, since discord.js appends /v10', async () => {
    const { apiBase } = await import('../../../src/platforms/discord/platform.js');
    expect(apiBase('https://proxy.example/api/v10/')).toBe('https://proxy.example/api');
    expect(apiBase('https://proxy.example/api/v9')).toBe('https://proxy.example/api');
    expect(apiBase('http://127.0.0.1:4000/api')).toBe('http://127.0.0.1:4000/api');
  });
});
