/**
 * Where an inline dateline ends, by its pattern alone: meeting summaries need only that, and
 * this module keeps them from loading the gazetteer and the date parser that reading the
 * dateline's place and date takes (dateline.ts).
 */

// "RABAT, March 3 (MAP) -", "WASHINGTON —", "Washington, DC (STL.News) –", "Rome, 12 October 2023 –",
// and the agency-slashed form "MOSCOW, March 5. /TASS/."
const INLINE = /^\s*(\p{Lu}[\p{L}.'’ -]{1,40}?)(?:,\s*(\p{Lu}[\p{L}. ]{1,20}?))?(?:,?\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+\d{4})?))?(?:\s*(?:\([^)]{1,30}\))?\s*[-–—]{1,2}\s|\.\s*\/\p{Lu}[\p{L}-]{1,15}\/\.?\s)/u;
const HEAD_LINES = 8;
const HEAD_CHARS = 1200;
const INLINE_CHARS = 120;

export function headLines(body: string): string[] {
  return body.slice(0, HEAD_CHARS).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, HEAD_LINES);
}

// "Editor's note: The following statement was issued by ...", "Published as received.": a note set
// ahead of a reposted text, whose own dateline follows it.
const NOTE = /^(?:editor['’]s note\b|note to (?:editors|readers)\b|the following (?:[\w-]+ ){0,3}(?:was|is|has been) (?:issued|published|released)\b|(?:re)?published as received\b)/i;
const NOTE_LINES = 2;

/** The head line that may open with an inline dateline: the first, or the first past an editor's note or two. */
export function datelineLine(lines: string[]): string {
  let k = 0;
  while (k < NOTE_LINES && k < lines.length - 1 && NOTE.test(lines[k]!)) k++;
  return lines[k] ?? '';
}

export function inlineDateline(body: string, first: string): { match: RegExpExecArray; end: number } | null {
  const match = INLINE.exec(first.slice(0, INLINE_CHARS));
  return match ? { match, end: body.indexOf(first) + match[0].length } : null;
}

/** Where the text proper begins after an inline dateline (0 without one): no place or date lookups. */
export function datelineEnd(body: string): number {
  return inlineDateline(body, datelineLine(headLines(body)))?.end ?? 0;
}

/**
 * A sentence quoted from a body, with the inline dateline at its head left out
 * ("ROME, June 12 (Wire) - Ministers met..." becomes "Ministers met..."): the
 * trimmed text is still a verbatim slice of the body, at its own offsets.
 */
export function withoutDateline<T extends { text: string; start: number; end: number }>(span: T, body: string, datelineEnd: number): T {
  if (datelineEnd <= span.start || datelineEnd >= span.end) return span;
  let start = datelineEnd;
  while (start < span.end && /\s/.test(body[start]!)) start++;
  return start >= span.end ? span : { ...span, start, text: body.slice(start, span.end) };
}
