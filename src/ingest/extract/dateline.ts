import type { IsoDate } from '../../core/facts.js';
import { lookupPlace, type Place } from './gazetteer.js';
import { findDates } from './dates.js';

export interface Dateline {
  place: Place | null;
  /** The dateline's date, only when its year is written or can be inferred. */
  date: IsoDate | null;
  /** Offset in the body where the text proper begins, after an inline dateline. */
  end: number;
}

// "RABAT, March 3 (MAP) -", "WASHINGTON —", "Washington, DC (STL.News) –", "Rome, 12 October 2023 –",
// and the agency-slashed form "MOSCOW, March 5. /TASS/."
const INLINE = /^\s*(\p{Lu}[\p{L}.'’ -]{1,40}?)(?:,\s*(\p{Lu}[\p{L}. ]{1,20}?))?(?:,?\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+\d{4})?))?(?:\s*(?:\([^)]{1,30}\))?\s*[-–—]{1,2}\s|\.\s*\/\p{Lu}[\p{L}-]{1,15}\/\.?\s)/u;
const DATE_LINE = /^\s*(?:\d{1,2}[./]\d{1,2}[./]\d{4}|(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4})\b/;
const HEAD_LINES = 8;
const HEAD_CHARS = 1200;
const INLINE_CHARS = 120;

function placeOf(a: string | undefined, b: string | undefined): Place | null {
  if (!a) return null;
  const whole = b ? lookupPlace(`${a} ${b}`) : null;
  return whole ?? lookupPlace(a.trim()) ?? null;
}

function dateOf(s: string): IsoDate | null {
  const dotted = /^\s*(\d{1,2})([./])(\d{1,2})\2(\d{4})/.exec(s);
  if (dotted) {
    // 18.03.2015 is day-first; 06/27/2021 is month-first unless that is impossible.
    let [d, m] = [Number(dotted[1]), Number(dotted[3])];
    if (dotted[2] === '/' && d <= 12) [d, m] = [m, d];
    if (m > 12) [d, m] = [m, d];
    return `${dotted[4]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return findDates(s, null, 'past').find((x) => x.start)?.start ?? null;
}

function headLines(body: string): string[] {
  return body.slice(0, HEAD_CHARS).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, HEAD_LINES);
}

function inlineDateline(body: string, first: string): { match: RegExpExecArray; end: number } | null {
  const match = INLINE.exec(first.slice(0, INLINE_CHARS));
  return match ? { match, end: body.indexOf(first) + match[0].length } : null;
}

/** Where the text proper begins after an inline dateline (0 without one): no place or date lookups. */
export function datelineEnd(body: string): number {
  return inlineDateline(body, headLines(body)[0] ?? '')?.end ?? 0;
}

/**
 * The dateline at the head of a body: inline ("RABAT, March 3 (MAP) -") or as
 * separate place and date lines, as press offices print them.
 */
export function readDateline(body: string, published: IsoDate | null): Dateline {
  // Only the head of the body can hold a dateline.
  const lines = headLines(body);
  let place: Place | null = null;
  let date: IsoDate | null = null;
  const inline = inlineDateline(body, lines[0] ?? '');
  const end = inline?.end ?? 0;
  const m = inline?.match;
  if (m) {
    place = placeOf(m[1], m[2]);
    if (m[3]) date = findDates(m[3], published, 'past').find((x) => x.start)?.start ?? null;
  }
  for (const line of lines) {
    if (line.length > 40) break;
    if (!place && /^\p{Lu}[\p{L}.,' -]+$/u.test(line)) place = lookupPlace(line.replace(/,.*$/, '')) ?? null;
    if (!date && DATE_LINE.test(line)) date = dateOf(line);
  }
  return { place, date, end };
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
