// Media types we can turn into text. Anything else named explicitly is refused
// before the body is read, so a feed URL that now serves a PDF costs no bandwidth.
const TEXTUAL = /^(text\/[\w.+-]+|application\/([\w.-]+\+)?(xml|json)|application\/(rss|atom|rdf)\+xml|application\/xhtml\+xml|application\/javascript)$/;

/** The bare media type of a Content-Type header, lowercased, or null. */
export function mediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

/** True when the declared media type is one we will not read as text. */
export function isBinaryMediaType(contentType: string | null): boolean {
  const type = mediaType(contentType);
  if (!type) return false; // undeclared: decide by sniffing the bytes
  return !TEXTUAL.test(type);
}

/** True when the first bytes look binary: a NUL byte, or a well-known binary signature. */
export function looksBinary(bytes: Uint8Array): boolean {
  const utf16Bom = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe);
  if (utf16Bom) return false; // UTF-16 text is full of NULs
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  const sig = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  return /^(%PDF-|\x89PNG|GIF8|\xff\xd8\xff|PK\x03\x04|\x1f\x8b)/.test(sig);
}
