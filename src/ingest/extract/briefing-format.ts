/**
 * The plain-text briefing format: `Key: value` header lines (Title, Source,
 * Published), a blank line, then the body. Published may be `unknown`.
 */
export interface BriefingText {
  title: string | null;
  source: string | null;
  published: string | null;
  body: string;
}

const HEADER = /^([A-Za-z][A-Za-z -]*):[ \t]*(.*)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseBriefingText(raw: string): BriefingText {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const headers = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break;
    const m = HEADER.exec(line);
    // A first line that is not a header means the text has no header block at all.
    if (!m) return { title: null, source: null, published: null, body: text };
    headers.set((m[1] ?? '').trim().toLowerCase(), (m[2] ?? '').trim());
  }
  const body = lines.slice(i + 1).join('\n');
  const published = headers.get('published') ?? '';
  return {
    title: headers.get('title') || null,
    source: headers.get('source') || null,
    published: ISO_DATE.test(published) ? published : null,
    body,
  };
}
