import { describe, expect, it } from 'vitest';
import { extractArticle, htmlToText } from '../../../src/ingest/parse/index.js';
import { expectParseError } from './expect-parse-error.js';
import { fixture } from './fixtures.js';

const URL_ = 'https://teaser.example.com/articles/x?ref=home';

describe('extractArticle', () => {
  it('keeps the five story paragraphs, separated by blank lines, and no chrome', () => {
    const a = extractArticle(fixture('article-abuja.html'), URL_);
    const paras = a.text.split('\n\n');
    expect(paras).toHaveLength(5);
    expect(paras[1]).toMatch(/^The delegations compared notes .* security effort\.$/);
    expect(a.text).not.toMatch(/Home|World|cookies|Share on|Related stories|newsletter|©/);
    expect(a.siteName).toBe('Teaser Times');
  });

  it('prefers article:published_time, resolves a relative canonical link', () => {
    const a = extractArticle(fixture('article-abuja.html'), URL_);
    expect(a.published).toBe('2025-06-04T06:45:00.000Z');
    expect(a.canonicalUrl).toBe('https://teaser.example.com/articles/abuja-meeting');
  });

  it('reads JSON-LD @graph dates and publisher, og:url canonical, and drops div-based chrome', () => {
    const a = extractArticle(fixture('article-divs.html'), URL_);
    expect(a.title).toBe('Plenary moved to Rome');
    expect(a.published).toBe('2025-06-05T09:20:00.000Z');
    expect(a.siteName).toBe('Teaser Times Group');
    expect(a.canonicalUrl).toBe('https://teaser.example.com/articles/plenary-note');
    expect(a.text).toMatch(/^The coalition's plenary meeting/);
    expect(a.text).not.toMatch(/Log in|OK, got it|WhatsApp|Most read|Careers|store and read information|weekly digest/);
    expect(a.text.split('\n\n')).toHaveLength(3);
  });

  it('falls back to <time datetime> and to the fetched URL', () => {
    const a = extractArticle(fixture('article-time-only.html'), URL_);
    expect(a.published).toBe('2025-06-02T18:00:00.000Z');
    expect(a.canonicalUrl).toBe(URL_);
    expect(a.siteName).toBeNull();
    expect(a.text).toContain('No statement was issued after the earlier meeting.');
  });

  it('handles a tiny page that Readability rejects by using the body text', () => {
    const a = extractArticle('<html><head><title>Note</title></head><body><p>Meeting postponed.</p></body></html>', URL_);
    expect(a.text).toBe('Meeting postponed.');
    expect(a.title).toBe('Note');
    expect(a.published).toBeNull();
  });

  it('ignores broken JSON-LD rather than failing', () => {
    const html = '<html><head><script type="application/ld+json">{not json</script><meta name="date" content="2025-01-15"></head><body><article><p>Words of the story.</p></article></body></html>';
    const a = extractArticle(html, URL_);
    expect(a.published).toBe('2025-01-15T00:00:00.000Z');
  });

  it("drops a live blog's entry stamps (a line that is only a clock time) and keeps times inside sentences", () => {
    const a = extractArticle(fixture('live-blog-times.html'), URL_);
    const paras = a.text.split('\n\n');
    // Three entries, each a paragraph that starts with its own words, not "16:40 GMT+3", "10:05 GMT" or "9.20am".
    expect(paras.map((p) => p.slice(0, 20))).toEqual(['The session has ende', 'Delegates broke for ', 'Good morning. Expert']);
    expect(a.text).not.toMatch(/16:40|10:05|9\.20/);
    expect(a.text).toContain('The afternoon panel, due to start at 13:30 GMT, turns to fundraising online.');
    // A line with words besides the time is an entry of its own, and stays.
    expect(htmlToText('<p>18:02</p><p>09:15 GMT Ministers arrive.</p><p>Talks open at 10:00.</p>')).toBe('09:15 GMT Ministers arrive.\n\nTalks open at 10:00.');
  });

  it('refuses a page with no readable text', async () => {
    await expectParseError(() => extractArticle('<html><body><script>app()</script></body></html>', URL_), 'no-content', URL_);
  });
});
