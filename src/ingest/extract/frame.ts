import type { Sentence, Tok } from './nlp.js';
import type { BodyDef, BodyMention } from './bodies.js';
import { findDatesNear, shiftDays, tenseOf, type DateMention, type Tense } from './dates.js';
import { capitalOf, countryByDemonym, venue, type Place } from './gazetteer.js';
import { placeAt } from './names.js';
import { findChairs } from './chairs.js';
import {
  BILATERAL, DATE_BARRIERS, GENERIC, MEETING_VERBS, OTHER_MEETING_MARKERS, PLACE_BLOCKERS, TRIGGERS, VIRTUAL,
} from './triggers.js';
import type { IsoDate } from '../../core/facts.js';

/** What one sentence says about one meeting. */
export interface Frame {
  sentence: Sentence;
  isTitle: boolean;
  body: BodyDef | null;
  place: Place | null;
  date: DateMention | null;
  chairs: string[];
  /** A chair is named only by an office that gives no country. */
  unplacedChair: boolean;
  /** The sentence points at another meeting than the document's own ("the last Ministerial"). */
  other: boolean;
  /** The other meeting is a coming one ("its next plenary"), which an announcement may be about. */
  forward: boolean;
  /** The other meeting is told as the background of something else ("... when ministers met in Rome"). */
  backdrop: boolean;
  /** The date is the day the meeting closed ("the talks closed on Tuesday"). */
  closing: boolean;
  /** The sentence refers back to a meeting already named ("this meeting", "the Ministerial"). */
  anaphoric: boolean;
  /** The lead's meeting, not yet named ("wrapped up a two-day meeting"): it fills in what the named frames leave open. */
  introducing: boolean;
  virtual: boolean;
  tense: Tense;
}

const ANAPHOR = /\b(?:the|this|that|these|today['’]s|its|their)\s+(?:[\w-]+\s+){0,3}(?:meetings?|ministerial|sessions?|gathering|conference|consultations?|summit|plenary|talks|briefing)\b/i;
/** "Kenya hosted, alongside the co-chairs ...", "Italy co-chaired.": the meeting is the one being told. */
const ELLIPTIC_HOST = /\b(?:co-)?(?:hosted|chaired|hosts|chairs)(?=\s*[.;]|\s*,?\s+(?:alongside|together with|jointly with)\b)/i;
const DISCUSSED = /\b(?:establishment|launch|creation|inauguration|formation|establish|launched|created|set up)\s+(?:of\s+)?(?:the\s+)?$/i;
const PARTICIPANTS = /^\s+(?:partners?|members?|member states|countries|governments|delegations|states)\b/i;
const ADJACENT = /^(?:\s*(?:of|under|from|within|in)\s+(?:the\s+)?|\s*['’]s\s+|\s+)$/i;
const MULTI_DAY = /\b(two|three|four|five|2|3|4|5)[- ]day\b/i;
const END_CUE = /\b(?:end|ending|ended|conclu\w+|closing|closed|wrapped up|final day)\b/i;
const DAY_COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, '2': 2, '3': 3, '4': 4, '5': 5 };

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

/**
 * The body that met: a group named next to its parent counts as the group
 * ("the Small Group of the Global Coalition"); a group only being set up is
 * not the one meeting; otherwise the mention closest to a meeting word.
 */
function chooseBody(s: Sentence, text: string, mentions: BodyMention[], triggers: number[]): { body: BodyDef; toks: number[] } | null {
  let ms = mentions.filter((m) => !DISCUSSED.test(text.slice(Math.max(s.start, m.start - 40), m.start)));
  // "Coalition partners met for the Communications Working Group": the Coalition only says who came.
  const named = ms.filter((m) => !PARTICIPANTS.test(text.slice(m.end, m.end + 24)));
  if (named.length > 0) ms = named;
  if (ms.length === 0) return null;
  const merged: Array<{ body: BodyDef; start: number; end: number }> = [];
  for (const m of ms) {
    const prev = merged[merged.length - 1];
    if (prev && ADJACENT.test(text.slice(prev.end, m.start))) {
      if (m.body.parent === prev.body.name) prev.body = m.body;
      if (m.body.parent === prev.body.name || prev.body.parent === m.body.name || prev.body === m.body) { prev.end = m.end; continue; }
    }
    merged.push({ ...m });
  }
  let best: { body: BodyDef; toks: number[] } | null = null;
  let bestDist = Infinity;
  // "The Coalition convened its Small Group": the group is what met.
  const own = merged.find((m) => m.body.parent && /\b(?:its|their)\s+$/i.test(text.slice(Math.max(s.start, m.start - 8), m.start))
    && merged.some((p) => p.body.name === m.body.parent));
  for (const m of own ? [own] : merged) {
    const a = tokIndexAt(s.toks, m.start), b = tokIndexAt(s.toks, m.end - 1);
    const d = triggers.length ? Math.min(...triggers.map((t) => (t < a ? a - t : t > b ? t - b : 0))) : 0;
    if (d < bestDist) { bestDist = d; best = { body: m.body, toks: range(a, b) }; }
  }
  return best;
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
const REFERRED = /\bas\s+(?:[\w-]+\s+){0,4}(?:at|during)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$/i;
const NONE: ReadonlySet<string> = new Set();
const BACKDROP = /\S\s+when\s+(?:[\w'’.-]+\s+){1,12}$/i;
const RELATIVE = /,\s+(?:which|that)\s+(?:[\w'’-]+\s+){0,2}$/i;
const HAPPENED = new Set(['held', 'place', 'opened', 'closed', 'concluded', 'ended', 'began', 'convened']);
const FORWARD = new Set(['next', 'upcoming', 'forthcoming']);
const TITLE_FUTURE = /\bto (?:meet|hold|host|co-host|convene|gather)\b/i;
const CLOSING = /\b(?:closed|ended|concluded|wrapped up|closes|ends|concludes)\s+(?:[\w-]+\s+){0,2}?(?:on\s+)?$/i;
const BUILDING = /^(?:House|Hall|Palace|Palais|Centre|Center|Hotel|Building|Tower|Towers|Castle|Gardens|Park|Square|Conference|Convention|Forum)$/;
const MARKER_WINDOW = 8;
const EARLIER_WHEN = new Set(['this', 'today', 'tonight', 'on', 'in']);

/** Going somewhere to attend a meeting puts the meeting there; the same words say nothing of its date. */
const ATTENDING = new Set(['take', 'taking', 'attend', 'attends', 'attending', 'participate', 'participates', 'participating', 'represent', 'visit', 'travel', 'travels', 'join', 'joins']);
const VISIT = new Set(['visit', 'visits', 'visiting', 'visited']);

/** "the Burkinabe capital" at token k: the capital of the country the demonym names. */
function demonymCapital(toks: Tok[], k: number): Place | null {
  if (toks[k]?.lower !== 'the' || toks[k + 2]?.lower !== 'capital') return null;
  const c = countryByDemonym(toks[k + 1]?.value ?? '');
  const cap = c ? capitalOf(c) : null;
  return c && cap ? { city: cap, country: c } : null;
}

function findPlace(s: Sentence, text: string, anchors: number[], masked: Set<number>, from: number): Place | null {
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

function findDate(s: Sentence, text: string, anchors: number[], masked: Set<number>, ref: IsoDate | null, from: number): DateMention | null {
  let best: DateMention | null = null, bestDist = Infinity;
  const spans: Array<[number, number]> = s.dates.map((d) => [d.start - s.start, d.end - s.start]);
  // Numbers only when they look like part of a date: next to a month name, or written as one (06/27/2021).
  s.toks.forEach((t, i) => {
    if (!/\d/.test(t.value)) return;
    const near = [i - 2, i - 1, i + 1, i + 2].some((k) => MONTH.test(s.toks[k]?.value ?? ''));
    if (near || /^\d{1,4}[./]\d{1,2}[./]\d{2,4}$/.test(t.value)) spans.push([t.start - s.start, t.end - s.start]);
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
    if (n > 1 && best.end === best.start) {
      if (END_CUE.test(s.text)) best = { ...best, start: shiftDays(best.start, -(n - 1)) };
      else best = { ...best, end: shiftDays(best.start, n - 1) };
    }
  }
  return best;
}

/** Where a sentence stands in its document. */
export interface SentenceRole {
  isTitle: boolean;
  /** Where the sentence's own words begin: a dateline before it is no meeting's place or date. */
  from?: number;
  /** The body's first sentence, whose unnamed meeting ("wrapped up a two-day meeting on Friday") is the one the story goes on to name. */
  lead?: boolean;
  /** Bodies the title names. */
  titleBodies?: ReadonlySet<string>;
}

export function buildFrame(s: Sentence, text: string, mentions: BodyMention[], ref: IsoDate | null, role: SentenceRole): Frame | null {
  const { isTitle, from = 0, lead = false, titleBodies: inTitle = NONE } = role;
  const triggers: number[] = [];
  s.toks.forEach((t, i) => { if (TRIGGERS.has(t.lower)) triggers.push(i); });
  if (triggers.length === 0) return null;
  const mine = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
  const chosen = chooseBody(s, text, mine, triggers);
  const masked = new Set<number>();
  for (const m of mine) for (let i = tokIndexAt(s.toks, m.start); i <= tokIndexAt(s.toks, m.end - 1); i++) masked.add(i);
  const introducing = lead && !chosen && !ANAPHOR.test(s.text);
  const anaphoric = introducing || ANAPHOR.test(s.text) || ELLIPTIC_HOST.test(s.text);
  if (!chosen && BILATERAL.test(s.text)) return null;
  if (GENERIC.test(s.text)) return null;
  const anchors = [...triggers, ...(chosen?.toks ?? [])];
  // The meeting word that goes with the body decides whether this is another meeting ("the next Ministerial").
  const marker = (ti: number): string | null => {
    for (let k = Math.max(0, ti - MARKER_WINDOW); k < ti; k++) {
      const w = s.toks[k]?.lower ?? '';
      // "co-chaired earlier this week a meeting": when this meeting was, not another one.
      if (w === 'earlier' && EARLIER_WHEN.has(s.toks[k + 1]?.lower ?? '')) continue;
      if (OTHER_MEETING_MARKERS.has(w)) return w;
    }
    // "As ministers affirmed at the ministerial in May": what a past meeting said, quoted in passing.
    const before = s.toks[ti] ? text.slice(s.start, s.toks[ti]!.start) : '';
    if (REFERRED.test(before)) return 'as';
    // "The timetable was discussed when political directors met in Baghdad": a meeting told as the
    // time of something else, past the lead, is a backdrop to the story, unless the title names its body.
    const backdrop = !lead && !isTitle && !(chosen && inTitle.has(chosen.body.name));
    if (!backdrop) return null;
    if (/\bwhen\b/i.test(before) && BACKDROP.test(before)) return 'when';
    // "The action builds on talks among members of the Finance Group, which met in Nairobi last month":
    // a meeting told in a relative clause, after a verb of the sentence's own, is its background too.
    const rel = RELATIVE.exec(before);
    if (rel && chosen) {
      const at = tokIndexAt(s.toks, s.start + rel.index);
      for (let k = 0; k < Math.min(at, chosen.toks[0] ?? at); k++) {
        const t = s.toks[k]!;
        if (t.pos === 'VERB' && !masked.has(k) && !MEETING_VERBS.has(t.lower) && t.start >= from) return 'which';
      }
    }
    return null;
  };
  const bodyAt = chosen?.toks[0];
  const mark = bodyAt === undefined
    ? triggers.map(marker).find((m) => m !== null) ?? null
    : marker(triggers.reduce((x, y) => (Math.abs(y - bodyAt) < Math.abs(x - bodyAt) ? y : x)));
  const other = mark !== null;
  // A frame with no body, no reference back and no other meeting is never used: skip the costly parts.
  if (!chosen && !anaphoric && !other) return null;
  // A headline's "Group to meet in Riyadh" points forward without a "will".
  const tense = isTitle && TITLE_FUTURE.test(s.text) ? 'future' : tenseOf(s.text);
  const chairs = findChairs(s, text, masked, mine);
  const virtual = VIRTUAL.test(s.text);
  // Only sentences with a date-like token, a weekday or a number can date a meeting.
  // "The meeting ... took place in Rabat on 3 March": the verb that says it happened dates it as well as the meeting word.
  const dateAnchors = [...triggers];
  s.toks.forEach((t, i) => { if (HAPPENED.has(t.lower) && (t.lower !== 'place' || /^(?:take|takes|took|taking)$/.test(s.toks[i - 1]?.lower ?? ''))) dateAnchors.push(i); });
  const date = s.dates.length > 0 || /\d|day\b|tomorrow/.test(s.text) ? findDate(s, text, dateAnchors, masked, ref, from) : null;
  return {
    sentence: s,
    isTitle,
    body: chosen?.body ?? null,
    place: virtual ? null : findPlace(s, text, anchors, masked, from),
    date,
    closing: date !== null && CLOSING.test(text.slice(Math.max(s.start, s.start + date.index - 40), s.start + date.index)),
    forward: mark !== null && FORWARD.has(mark),
    backdrop: mark === 'when' || mark === 'which',
    chairs: chairs.parties,
    unplacedChair: chairs.unplacedOffice,
    other,
    anaphoric,
    introducing,
    virtual,
    tense,
  };
}
