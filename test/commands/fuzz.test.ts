import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlainText, type Asker } from '../../src/core/index.js';
import { createTestBed, type TestBed } from '../helpers/command-context.js';

/** A small seeded generator, so a failure can be replayed from its case number. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['meetings', 'meeting', 'search', 'timeline', 'topics', 'subscribe', 'unsubscribe', 'subscriptions', 'digest', 'schedule', 'sources', 'why', 'help'];
const NASTY = [
  '"', '*', 'NEAR(', 'OR OR', 'AND', 'NOT', '(', ')', '-', '^', '"unclosed', '“curly”', "'; DROP TABLE meetings; --", '%', '_', '\\',
  '<!channel>', '<!here>', '@everyone', '@here', '<@U123>', '<#C123|general>', '[[x]]', '{cite:1}', '`code`', '*bold*', '```',
  'foo:bar', 'since:2023-02-30', 'until:2023-13-01', 'since:99999y', 'since:0d', 'page:0', 'page:999999', 'page:-1', 'page:1',
  'tz:Mars/Base', 'tz:UTC', 'tz:', 'for:channel', 'for:me', 'for:all', 'digest:nope', 'digest:weekly-roundup', 'empty:announce',
  'every:1m', 'every:1h', 'topic:sahel', 'topic:nope', 'body:"Africa Focus Group"', 'place:Niamey', 'keyword:x',
  '#0', '#1', '#26', '#99999999999999', '99999', '-5', '1e9', 'NaN', 'add', 'remove', 'off', 'daily', 'weekly', 'cron',
  '08:00', '24:00', 'mon', 'https://example.org/feed.xml', 'ftp://x', 'http://', 'https://user:pw@example.org',
  '0 8 * * *', '"* * * * *"', '"0 8 * * 1-5"', '\u0000', '\u202e', '\u200b', '👩🏽‍💻', '\ud800', 'Ω≈ç√∫', '\t', '\n',
];
const VALID = [
  'subscribe topic:sahel', 'subscribe place:Niamey for:channel', 'unsubscribe topic:sahel', 'schedule daily 08:00',
  'schedule weekly mon 09:00 for:channel', 'schedule off', 'sources add https://fuzz.example.org/feed.xml', 'meetings topic:sahel',
];

function randomUnicode(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const pick = r();
    const code = pick < 0.5 ? 32 + Math.floor(r() * 95) : pick < 0.8 ? Math.floor(r() * 0xd7ff) : pick < 0.9 ? 0x1f300 + Math.floor(r() * 0x400) : Math.floor(r() * 0x10ffff);
    s += code >= 0xd800 && code <= 0xdfff ? '?' : String.fromCodePoint(code);
  }
  return s;
}

function generate(r: () => number, n: number): string {
  if (n % 997 === 0) return `search ${'x'.repeat(100_000)}`;
  if (n % 499 === 0) return randomUnicode(r, 100_000);
  if (r() < 0.08) return VALID[Math.floor(r() * VALID.length)]!;
  const words: string[] = [];
  const head = r();
  words.push(head < 0.85 ? NAMES[Math.floor(r() * NAMES.length)]! : head < 0.93 ? randomUnicode(r, 1 + Math.floor(r() * 12)) : '/brief');
  const count = Math.floor(r() * 7);
  for (let i = 0; i < count; i++) {
    const kind = r();
    if (kind < 0.55) words.push(NASTY[Math.floor(r() * NASTY.length)]!);
    else if (kind < 0.8) words.push(randomUnicode(r, 1 + Math.floor(r() * 20)));
    else if (kind < 0.9) words.push(`${randomUnicode(r, 3).replace(/[^a-z]/gi, 'k') || 'k'}:${randomUnicode(r, 4)}`);
    else words.push(String(Math.floor(r() * 40)));
  }
  return words.join(r() < 0.9 ? ' ' : '');
}

let bed: TestBed;
beforeAll(async () => {
  bed = await createTestBed();
});
afterAll(async () => bed.close());

describe('fuzzing the dispatcher with every command', () => {
  it('answers 10,000 generated inputs without an internal error, renders them, and leaves the store alone on every rejection', async () => {
    const r = rng(20230301);
    let rejected = 0;
    let changed = 0;
    let snapshot = await bed.snapshot();
    for (let n = 1; n <= 10_000; n++) {
      const line = generate(r, n);
      const asker: Asker = bed.asker({ canManageChannel: r() < 0.5, canManageSources: r() < 0.5, isDirect: r() < 0.2 });
      const reply = await bed.dispatcher.handle(line, asker);
      const context = `case ${n}: ${JSON.stringify(line.slice(0, 200))}`;
      expect(reply.error?.code, context).not.toBe('internal');
      const text = renderPlainText(reply);
      expect(text, context).not.toContain('[object Object]');
      expect(text.length, context).toBeGreaterThan(0);
      expect(text.length, context).toBeLessThanOrEqual(3500);
      const after = await bed.snapshot();
      if (reply.error) {
        rejected++;
        expect(after, context).toBe(snapshot);
      } else if (after !== snapshot) changed++;
      snapshot = after;
    }
    // The run exercised both paths: most inputs are rejected, some valid ones change the store.
    expect(rejected).toBeGreaterThan(5_000);
    expect(changed).toBeGreaterThan(50);
  }, 60_000);
});
