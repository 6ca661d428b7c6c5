import type { IsoDate } from '../../core/facts.js';
import { findDatesNear, shiftDays, type DateMention } from './dates.js';
import { capitalOf, countryByDemonym, venue, type Place } from './gazetteer.js';
import { placeAt } from './names.js';
import type { Sentence, Tok } from './nlp.js';
import { DATE_BARRIERS, MEETING_VERBS, PLACE_BLOCKERS, TRIGGERS } from './triggers.js';

// Where and when a sentence puts its meeting: the place and the date nearest the meeting's
// own words, with no other verb's clause between them.

/** Index of the token holding (or first after) a character offset; binary search over sorted tokens. */
export function tokIndexAt(toks: Tok[], offset: number): number {
  let lo = 0, hi = toks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((toks[mid]?.end ?? 0) > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

/** True when a verb other than a meeting verb (or a word like "ahead") stands between two tokens. */
function barrier(toks: Tok[], a: number, b: number, masked: Set<number>, extra?: Set<string>, allowed?: Set<string>): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  for (let i = lo + 1; i < hi; i++) {
    if (masked.has(i)) continue;
    const t = toks[i];
    if (!t) continue;
    if (t.value === ';' || t.value === '(' || t.value === ')') return true;
    if (extra?.has(t.lower)) return true;
    // "took place" belongs to the meeting; "take part" is someone else's act.
    if (/^(?:take|takes|took|taking)$/.test(t.lower) && toks[i + 1]?.lower === 'place') continue;
    if (t.pos === 'VERB' && !MEETING_VERBS.has(t.lower) && !allowed?.has(t.lower)) return true;
  }
  return false;
}

function nearest(anchors: number[], i: number): number {
  return Math.min(...anchors.map((a) => Math.abs(a - i)));
}

function insideParens(toks: Tok[], i: number): boolean {
  let depth = 0;
  for (let k = 0; k < i; k++) {
    if (toks[k]?.value === '(') depth++;
    else if (toks[k]?.value === ')') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

const MAX_ARG_DISTANCE = 14;
const BUILDING = /^(?:House|Hall|Palace|Palais|Centre|Center|Hotel|Building|Tower|Towers|Castle|Gardens|Park|Square|Conference|Convention|Forum)$/;
/** Going somewhere to attend a meeting puts the meeting there; the same words say nothing of its date. */
const ATTENDING = new Set(['take', 'taking', 'attend', 'attends', 'attending', 'participate', 'participates', 'participating', 'represent', 'visit', 'travel', 'travels', 'join', 'joins']);
const VISIT = new Set(['visit', 'visits', 'visiting', 'visited']);

// "a two-day meeting", "wrapped up two days of talks".
const MULTI_DAY = /\b(two|three|four|five|2|3|4|5)(?:[- ]day\b|\s+days\s+of\s+(?:talks|meetings?|discussions?|consultations?|deliberations|negotiations)\b)/i;
const END_CUE = /\b(?:end|ending|ended|conclu\w+|closing|closed|wrapped up|final day)\b/i;
const OPEN_CUE = /\b(?:began|begins|opened|opens|started|starts|held)\b/i;
const DAY_COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, '2': 2, '3': 3, '4': 4, '5': 5 };
/** "the Burkinabe capital" at token k: the capital of the country the demonym names. */
function demonymCapital(toks: Tok[], k: number): Place | null {
  if (toks[k]?.lower !== 'the' || toks[k + 2]?.lower !== 'capital') return null;
  const c = countryByDemonym(toks[k + 1]?.value ?? '');
  const cap = c ? capitalOf(c) : null;
  return c && cap ? { city: cap, country: c } : null;
}

export function findPlace(s: Sentence, text: string, anchors: number[], masked: Set<number>, from: number): Place | null {
  let best: Place | null = null, bestDist = Infinity;
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.lower !== 'in' && t.lower !== 'at' && t.lower !== 'to' && !VISIT.has(t.lower)) continue;
    if (toks[i]!.start < from) continue;
    if ((PLACE_BLOCKERS.has(toks[i - 1]?.lower ?? '') && !masked.has(i - 1)) || insideParens(toks, i)) continue;
    const found = placeAt(text, toks, i + 1);
    // "at Lancaster House", "in Kuwait Towers": a building named after a place is not that place;
    // "in the US-led coalition", "in the Saudi-backed force": nor is a place made into an adjective.
    const compound = found && text[toks[found.next - 1]!.end] === '-';
    let place = found && !compound && !BUILDING.test(toks[found.next]?.value ?? '') ? found.value : null;
    // "in the Burkinabe capital": the capital of the country the demonym names.
    if (!place) place = demonymCapital(toks, i + 1);
    if (!place && t.lower === 'at') {
      for (let j = Math.min(toks.length - 1, i + 6); j > i && !place; j--) place = venue(text.slice(toks[i + 1]!.start, toks[j]!.end));
      // "at the Palais des Congrès of Nouakchott (of the Mauritanian capital)": a building of a place.
      for (let j = i + 1, seen = false; j < Math.min(toks.length - 1, i + 8) && !place; j++) {
        if (toks[j]!.lower === 'of' && seen) { place = placeAt(text, toks, j + 1)?.value ?? demonymCapital(toks, j + 1); break; }
        // "at the Kempinski Hotel Gold Coast City, Accra": the building, then the city it stands in.
        if (toks[j]!.value === ',' && seen) { place = placeAt(text, toks, j + 1)?.value ?? null; break; }
        seen ||= BUILDING.test(toks[j]!.value);
      }
    }
    if (!place) continue;
    const d = nearest(anchors, i);
    if (d > MAX_ARG_DISTANCE) continue;
    const anchor = anchors.reduce((x, y) => (Math.abs(y - i) < Math.abs(x - i) ? y : x));
    if (barrier(toks, anchor, i, masked, undefined, ATTENDING)) continue;
    if (d < bestDist) { bestDist = d; best = place; }
  }
  return best;
}

const DAY_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Tt]oday|[Yy]esterday|[Tt]omorrow)$/;
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
const POSSESSIVE = /^['’]s\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?/;
const REPORTING = /\b(?:said|says|told|stated|announced|reported|added|noted|issued|released|published)\s+(?:\w+\s+)?$/i;

export function findDate(s: Sentence, text: string, anchors: number[], masked: Set<number>, ref: IsoDate | null, from: number): DateMention | null {
  let best: DateMention | null = null, bestDist = Infinity;
  const spans: Array<[number, number]> = s.dates.map((d) => [d.start - s.start, d.end - s.start]);
  // Numbers only when they look like part of a date: next to a month name, or written as one (06/27/2021).
  s.toks.forEach((t, i) => {
    if (!/\d/.test(t.value)) return;
    const near = [i - 2, i - 1, i + 1, i + 2].some((k) => MONTH.test(s.toks[k]?.value ?? ''));
    // "on the 3rd": a day of the month by its ordinal alone.
    const ordinal = s.toks[i - 1]?.lower === 'the' && /^\d{1,2}(?:st|nd|rd|th)$/.test(t.value);
    if (near || ordinal || /^\d{1,4}[./]\d{1,2}[./]\d{2,4}$/.test(t.value)) spans.push([t.start - s.start, t.end - s.start]);
  });
  // wink misses some weekdays ("from Monday to Wednesday"); they are dates wherever they stand.
  for (const t of s.toks) if (DAY_WORD.test(t.value)) spans.push([t.start - s.start, t.end - s.start]);
  for (const d of findDatesNear(s.text, spans, ref)) {
    const abs = s.start + d.index;
    if (REPORTING.test(text.slice(Math.max(s.start, abs - 30), abs))) continue;
    // "Today's action": the day of something else, unless it is a meeting ("Tuesday's talks").
    const next = s.text[d.index + d.length];
    const owner = next === "'" || next === '’' ? POSSESSIVE.exec(s.text.slice(d.index + d.length, d.index + d.length + 60)) : null;
    if (owner && !owner.slice(1).some((w) => w && TRIGGERS.has(w.toLowerCase()))) continue;
    if (abs < from) continue;
    const i = tokIndexAt(s.toks, abs);
    const anchor = anchors.reduce((x, y) => (Math.abs(y - i) < Math.abs(x - i) ? y : x));
    // A date opening the sentence ("On 10 May, ...", "Today ...") dates its main clause.
    const opening = tokIndexAt(s.toks, Math.max(from, s.start)) >= i - 1;
    if (!opening && Math.abs(anchor - i) > MAX_ARG_DISTANCE + 4) continue;
    if (!opening && barrier(s.toks, anchor, i, masked, DATE_BARRIERS)) continue;
    const dist = Math.abs(anchor - i) - (d.start ? 100 : 0);
    if (dist < bestDist) { bestDist = dist; best = d; }
  }
  if (best?.start) {
    const m = MULTI_DAY.exec(s.text);
    const n = m ? DAY_COUNT[(m[1] ?? '').toLowerCase()] ?? 1 : 1;
    const ends = END_CUE.test(s.text);
    // "arrived on Monday for two days of talks": the days of talks are dated only by their opening or close.
    const dated = !m?.[0].includes(' of ') || ends || OPEN_CUE.test(s.text);
    if (n > 1 && best.end === best.start && dated) {
      if (ends) best = { ...best, start: shiftDays(best.start, -(n - 1)) };
      else best = { ...best, end: shiftDays(best.start, n - 1) };
    }
  }
  return best;
}

