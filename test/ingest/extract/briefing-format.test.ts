import { describe, expect, it } from 'vitest';
import { parseBriefingText, sourceAddress } from '../../../src/ingest/extract/briefing-format.js';

describe('parseBriefingText', () => {
  it('reads the header lines and keeps the body after the blank line verbatim', () => {
    const raw = 'Title: A meeting\nSource: https://example.org/a\nPublished: 2024-03-01\n\nFirst line.\n\nSecond paragraph.\n';
    expect(parseBriefingText(raw)).toEqual({
      title: 'A meeting',
      source: 'https://example.org/a',
      published: '2024-03-01',
      body: 'First line.\n\nSecond paragraph.\n',
    });
  });

  it('treats an unknown or malformed publication date as null', () => {
    expect(parseBriefingText('Title: T\nPublished: unknown\n\nBody').published).toBeNull();
    expect(parseBriefingText('Title: T\nPublished: March 2024\n\nBody').published).toBeNull();
  });

  it('normalises CRLF line ends and a byte-order mark', () => {
    const b = parseBriefingText('\uFEFFTitle: T\r\nPublished: 2024-01-02\r\n\r\nBody text\r\n');
    expect(b.title).toBe('T');
    expect(b.body).toBe('Body text\n');
  });

  it('returns the whole text as body when there is no header block', () => {
    const raw = 'The Coalition met today.\nNothing else.';
    expect(parseBriefingText(raw)).toEqual({ title: null, source: null, published: null, body: raw });
  });

  it('reads a Source: address as the page the text is from; anything else is no address', () => {
    expect(sourceAddress(' https://www.defence.gov.example/releases/42 ')).toEqual({ url: 'https://www.defence.gov.example/releases/42', site: 'defence.gov.example' });
    expect(sourceAddress('http://wire.example/a?b=1')).toEqual({ url: 'http://wire.example/a?b=1', site: 'wire.example' });
    for (const source of [null, 'Wire desk', 'ftp://files.example/a', 'https://two words.example', 'seen at https://x.example']) expect(sourceAddress(source), String(source)).toBeNull();
  });
});
