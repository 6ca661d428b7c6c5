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
  const unmarked = raw.replace(/^\uFEFF/, '');
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const headers = new Map<string, string>();
  // Header lines are read where they stand and the body is the rest of the text, sliced once:
  // splitting every line of the body only to join them again cost more than the headers.
  let body = '';
  for (let at = 0; ;) {
    const nl = text.indexOf('\n', at);
    const line = nl < 0 ? text.slice(at) : text.slice(at, nl);
    if (line.trim() === '') {
      body = nl < 0 ? '' : text.slice(nl + 1);
      break;
    }
    const m = HEADER.exec(line);
    // A first line that is not a header means the text has no header block at all.
    if (!m) return { title: null, source: null, published: null, body: text };
    headers.set((m[1] ?? '').trim().toLowerCase(), (m[2] ?? '').trim());
    // Headers to the end with no blank line: there is no body.
    if (nl < 0) break;
    at = nl + 1;
  }
  const published = headers.get('published') ?? '';
  return {
    title: headers.get('title') || null,
    source: headers.get('source') || null,
    published: ISO_DATE.test(published) ? published : null,
    body,
  };
}

/**
 * A briefing's `Source:` that is an http(s) address: the text is that page's, so it is stored,
 * deduplicated and cited by it, and its site stands as the outlet.
 */
export function sourceAddress(source: string | null): { url: string; site: string } | null {
  if (!source || !/^https?:\/\/\S+$/i.test(source.trim())) return null;
  try {
    const url = new URL(source.trim());
    return { url: url.href, site: url.hostname.replace(/^www\./, '') };
  } catch {
    return null;
  }
}
