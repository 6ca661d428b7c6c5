import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isTeaser } from '../../../src/ingest/parse/index.js';
import { expectParseError } from './expect-parse-error.js';

describe('canonicalizeUrl', () => {
  it.each([
    ['HTTPS://News.Example.ORG:443/Path/Story/?b=2&a=1#comments', 'https://news.example.org/Path/Story?a=1&b=2'],
    ['https://news.example.org/story?utm_source=rss&utm_medium=feed&id=7&fbclid=abc&gclid=x', 'https://news.example.org/story?id=7'],
    ['https://news.example.org/story?utm_campaign=a', 'https://news.example.org/story'],
    ['https://news.example.org/', 'https://news.example.org/'],
    ['https://news.example.org', 'https://news.example.org/'],
    ['http://news.example.org:80/a//', 'http://news.example.org/a'],
    ['https://news.example.org/s?q=a%20b&q=a', 'https://news.example.org/s?q=a&q=a+b'],
  ])('%s → %s', (input, out) => {
    expect(canonicalizeUrl(input)).toBe(out);
  });

  it('gives the same URL for the same article reached two ways', () => {
    expect(canonicalizeUrl('https://Example.com/a/?x=1&utm_source=tw#top')).toBe(canonicalizeUrl('https://example.com/a?x=1'));
  });

  it('refuses a relative or broken URL with bad-url', async () => {
    await expectParseError(() => canonicalizeUrl('/just/a/path'), 'bad-url', '/just/a/path');
  });
});

describe('isTeaser', () => {
  const long = 'Delegates reviewed the stabilisation programme in detail. '.repeat(10).trim();

  it('is true for short text', () => {
    expect(isTeaser({ summary: 'The plenary has been moved.', content: null })).toBe(true);
    expect(isTeaser({ summary: '', content: null })).toBe(true);
  });

  it('is false for a long full text', () => {
    expect(long.length).toBeGreaterThan(400);
    expect(isTeaser({ summary: long, content: null })).toBe(false);
    expect(isTeaser({ summary: 'short', content: long })).toBe(false);
  });

  it.each(['…', '...', ' […]', ' Read more', ' Continue reading →', ' Read the full story »'])('is true for long text ending in %j', (end) => {
    expect(isTeaser({ summary: long + end, content: null })).toBe(true);
  });

  it('honours a custom length', () => {
    expect(isTeaser({ summary: 'A complete forty-character announcement.', content: null }, { maxChars: 20 })).toBe(false);
  });
});
