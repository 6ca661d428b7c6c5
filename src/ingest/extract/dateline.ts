import type { IsoDate } from '../../core/facts.js';
import { lookupPlace, type Place } from './gazetteer.js';
import { findDates } from './dates.js';
import { datelineLine, headLines, inlineDateline } from './dateline-span.js';

export interface Dateline {
  place: Place | null;
  /** The dateline's date, only when its year is written or can be inferred. */
  date: IsoDate | null;
  /** Offset in the body where the text proper begins, after an inline dateline. */
  end: number;
}

const DATE_LINE = /^\s*(?:\d{1,2}[./]\d{1,2}[./]\d{4}|(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4})\b/;

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

/**
 * The dateline at the head of a body: inline ("RABAT, March 3 (MAP) -") or as
 * separate place and date lines, as press offices print them.
 */
export function readDateline(body: string, published: IsoDate | null): Dateline {
  // Only the head of the body can hold a dateline.
  const lines = headLines(body);
  let place: Place | null = null;
  let date: IsoDate | null = null;
  const inline = inlineDateline(body, datelineLine(lines));
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

