import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/ingest/fetch/charset.js';

// A small deterministic generator: the same bytes on every run.
function bytesFrom(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('decodeBody', () => {
  it('decodes UTF-8 as iconv-lite does: bad bytes become U+FFFD, a BOM is dropped', () => {
    const cases = [
      Buffer.from('\u00ef\u00bb\u00bfNiamey \u2014 caf\u00e9', 'latin1'),
      Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9]),
      Buffer.from([0x41, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xed, 0xa0, 0x80, 0xc0, 0xaf]),
      ...Array.from({ length: 200 }, (_, i) => bytesFrom(i + 1, 1 + (i % 64))),
    ];
    let compared = 0;
    for (const bytes of cases) {
      const decoded = decodeBody(bytes, null);
      if (decoded.charset !== 'utf-8') continue;
      compared++;
      expect(decoded.text).toBe(iconv.decode(Buffer.from(bytes), 'utf-8', { stripBOM: true }));
    }
    expect(compared).toBeGreaterThan(190);
    expect(decodeBody(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), null).text).toBe('A');
    expect(decodeBody(Buffer.from([0x41, 0xff, 0x42]), 'text/plain; charset=utf-8').text).toBe('A\ufffdB');
  });

  it('still decodes a declared single-byte charset with iconv-lite', () => {
    expect(decodeBody(Buffer.from([0x93, 0x41, 0x94, 0xe9]), 'text/html; charset=windows-1252')).toEqual({ text: '\u201cA\u201d\u00e9', charset: 'windows-1252' });
    expect(decodeBody(Buffer.from([0xe9]), 'text/html; charset=ISO-8859-1').text).toBe('\u00e9');
  });
});
