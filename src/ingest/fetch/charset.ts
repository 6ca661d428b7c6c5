import iconv from 'iconv-lite';

// Browsers decode these labels as windows-1252 (WHATWG Encoding), and publishers who
// say "iso-8859-1" routinely send 0x80–0x9F curly quotes and dashes, so we do the same.
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'l1': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** A charset label normalized to a name iconv-lite knows, or null when unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const clean = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!clean) return null;
  const name = ALIASES[clean] ?? clean;
  return iconv.encodingExists(name) ? name : null;
}

/** The `charset=` parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

/** A charset declared inside the document: BOM, `<meta charset>`, `<meta http-equiv>`, or `<?xml encoding?>`. */
export function charsetFromDocument(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // Declarations must sit near the top; ASCII-decoding a prefix is enough to find them.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1];
  const metaCharset = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (metaCharset?.[1]) return metaCharset[1];
  return null;
}

/** Decode bytes to text: BOM, then header, then in-document declaration, else UTF-8; bad bytes become U+FFFD. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; charset: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const charset =
    (bom ? 'utf-8' : null) ??
    normalizeCharset(charsetFromContentType(contentType)) ??
    normalizeCharset(charsetFromDocument(bytes)) ??
    'utf-8';
  // UTF-8, nearly every page and file, decodes natively; iconv-lite's codec set-up for it costs
  // more than the decoding. Both drop the BOM and turn bad bytes into U+FFFD.
  const text = charset === 'utf-8' ? UTF8.decode(bytes) : iconv.decode(Buffer.from(bytes), charset, { stripBOM: true });
  return { text, charset };
}

const UTF8 = new TextDecoder('utf-8');
