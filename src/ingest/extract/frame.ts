import type { Sentence, Tok } from './nlp.js';
import type { BodyDef, BodyMention } from './bodies.js';
import { findDates, shiftDays, tenseOf, type DateMention, type Tense } from './dates.js';
import { venue, type Place } from './gazetteer.js';
import { partiesIn, placeAt } from './names.js';
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
  /** The sentence points at another meeting than the document's own ("the last Ministerial"). */
  other: boolean;
  /** The sentence refers back to a meeting already named ("this meeting", "the Ministerial"). */
  anaphoric: boolean;
  virtual: boolean;
  tense: Tense;
}

const ANAPHOR = /\b(?:the|this|that|today['’]s|its|their)\s+(?:[\w-]+\s+){0,3}(?:meeting|ministerial|session|gathering|conference|consultation|summit|plenary|talks|briefing)\b/i;
const DISCUSSED = /\b(?:establishment|launch|creation|inauguration|formation|establish|launched|created|set up)\s+(?:of\s+)?(?:the\s+)?$/i;
const ADJACENT = /^(?:\s*(?:of|under|from|within|in)\s+(?:the\s+)?|\s*['’]s\s+|\s+)$/i;
const MULTI_DAY = /\b(two|three|four|five|2|3|4|5)[- ]day\b/i;
const END_CUE = /\b(?:end|ending|ended|conclu\w+|closing|closed|wrapped up|final day)\b/i;
const DAY_COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, '2': 2, '3': 3, '4': 4, '5': 5 };

function tokIndexAt(toks: Tok[], offset: number): number {
  for (let i = 0; i < toks.length; i++) if ((toks[i]?.end ?? 0) > offset) return i;
  return toks.length - 1;
}

/**
 * The body that met: a group named next to its parent counts as the group
 * ("the Small Group of the Global Coalition"); a group only being set up is
 * not the one meeting; otherwise the mention closest to a meeting word.
 */
function chooseBody(s: Sentence, text: string, mentions: BodyMention[], triggers: number[]): { body: BodyDef; toks: number[] } | null {
  const ms = mentions.filter((m) => !DISCUSSED.test(text.slice(Math.max(s.start, m.start - 40), m.start)));
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
  for (const m of merged) {
    const a = tokIndexAt(s.toks, m.start), b = tokIndexAt(s.toks, m.end - 1);
    const d = triggers.length ? Math.min(...triggers.map((t) => (t < a ? a - t : t > b ? t - b : 0))) : 0;
    if (d < bestDist) { bestDist = d; best = { body: m.body, toks: range(a, b) }; }
  }
  return best;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

/** True when a verb other than a meeting verb (or a word like "ahead") stands between two tokens. */
function barrier(toks: Tok[], a: number, b: number, masked: Set<number>, extra?: Set<string>): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  for (let i = lo + 1; i < hi; i++) {
    if (masked.has(i)) continue;
    const t = toks[i];
    if (!t) continue;
    if (t.value === ';' || t.value === '(' || t.value === ')') return true;
    if (extra?.has(t.lower)) return true;
    if ((t.pos === 'VERB') && !MEETING_VERBS.has(t.lower)) return true;
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

function findPlace(s: Sentence, text: string, anchors: number[], masked: Set<number>): Place | null {
  let best: Place | null = null, bestDist = Infinity;
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.lower !== 'in' && t.lower !== 'at' && t.lower !== 'to') continue;
    if (PLACE_BLOCKERS.has(toks[i - 1]?.lower ?? '') || insideParens(toks, i)) continue;
    let place = placeAt(text, toks, i + 1)?.value ?? null;
    if (!place && t.lower === 'at') {
      for (let j = Math.min(toks.length - 1, i + 6); j > i && !place; j--) place = venue(text.slice(toks[i + 1]!.start, toks[j]!.end));
    }
    if (!place) continue;
    const d = nearest(anchors, i);
    if (d > MAX_ARG_DISTANCE) continue;
    const anchor = anchors.reduce((x, y) => (Math.abs(y - i) < Math.abs(x - i) ? y : x));
    if (barrier(toks, anchor, i, masked)) continue;
    if (d < bestDist) { bestDist = d; best = place; }
  }
  return best;
}

const REPORTING = /\b(?:said|says|told|stated|announced|reported|added|noted|issued|released|published)\s+(?:\w+\s+)?$/i;

function findDate(s: Sentence, text: string, anchors: number[], masked: Set<number>, ref: IsoDate | null, tense: Tense): DateMention | null {
  let best: DateMention | null = null, bestDist = Infinity;
  for (const d of findDates(s.text, ref, tense)) {
    const abs = s.start + d.index;
    if (REPORTING.test(text.slice(Math.max(s.start, abs - 30), abs))) continue;
    const i = tokIndexAt(s.toks, abs);
    if (insideParens(s.toks, i)) continue;
    const anchor = anchors.reduce((x, y) => (Math.abs(y - i) < Math.abs(x - i) ? y : x));
    if (Math.abs(anchor - i) > MAX_ARG_DISTANCE + 4) continue;
    if (barrier(s.toks, anchor, i, masked, DATE_BARRIERS)) continue;
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

const CHAIR_VERB = /^(?:co-?)?(?:chair(?:ed|s|ing)?|host(?:ed|s|ing)?|convene[ds]?|convening|lead|leads|led|preside[ds]?|presiding)$/i;
const PASSIVE_STOP = new Set(['in', 'on', 'at', 'to', 'for', 'ahead', 'during', 'from', 'since', 'which', 'who', 'that', 'where', 'when', 'while', 'as', ';', '(', ':']);
const NOT_A_CHAIR_BEFORE = new Set(['delegation', 'team', 'troops', 'forces', 'mission', 'operation', 'operations', '-', 'coalition']);

/** Countries and organisations said to chair, host, lead or convene. */
function findChairs(s: Sentence, text: string, masked: Set<number>): string[] {
  const toks = s.toks;
  const out: string[] = [];
  const add = (xs: string[]) => { for (const x of xs) if (!out.includes(x)) out.push(x); };
  const stopAt = (from: number) => {
    let j = from;
    for (; j < toks.length; j++) {
      const t = toks[j]!;
      if (PASSIVE_STOP.has(t.lower)) break;
      if (t.pos === 'VERB' && !masked.has(j) && j > from) break;
    }
    return j;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    let spanFrom = -1;
    if (t.lower === 'chairmanship' || t.lower === 'presidency' || t.lower === 'auspices' || t.lower === 'co-chairmanship') {
      if (toks[i + 1]?.lower === 'of' && /^(?:under|with)$/.test(toks[i - 2]?.lower ?? toks[i - 1]?.lower ?? '')) spanFrom = i + 2;
      if (spanFrom < 0) continue;
      add(partiesIn(text, toks, spanFrom, stopAt(spanFrom)));
      continue;
    }
    if (!CHAIR_VERB.test(t.value)) continue;
    if (NOT_A_CHAIR_BEFORE.has(toks[i - 1]?.lower ?? '') || NOT_A_CHAIR_BEFORE.has(toks[i - 2]?.lower ?? '')) continue;
    if (toks[i + 1]?.lower === 'by') {
      add(partiesIn(text, toks, i + 2, stopAt(i + 2)));
    } else {
      // Active voice: the subject is the stretch before the verb, back to a clause break.
      let a = i - 1;
      while (a >= 0 && toks[a]!.value !== ';' && !(toks[a]!.lower === 'which' || toks[a]!.lower === 'who')) a--;
      const subjectFrom = a + 1;
      if (toks[a]?.lower === 'which' || toks[a]?.lower === 'who') {
        // "Morocco, which hosted ...": the antecedent just before the relative pronoun.
        let b = a - 1;
        while (b >= 0 && toks[b]!.value === ',') b--;
        let c = b;
        while (c > 0 && toks[c - 1]!.value !== ',' && i - c < 12) c--;
        add(partiesIn(text, toks, Math.max(0, c), b + 1));
      } else {
        add(partiesIn(text, toks, subjectFrom, i));
      }
      // "co-chaired ... with X" / "together with X"
      for (let j = i + 1; j < Math.min(toks.length, i + 6); j++) {
        if (toks[j]!.lower === 'with') { add(partiesIn(text, toks, j + 1, stopAt(j + 1))); break; }
      }
    }
  }
  return out;
}

/** A meeting frame for a sentence with a meeting word, or null. */
export function buildFrame(s: Sentence, text: string, mentions: BodyMention[], ref: IsoDate | null, isTitle: boolean): Frame | null {
  const triggers: number[] = [];
  s.toks.forEach((t, i) => { if (TRIGGERS.has(t.lower)) triggers.push(i); });
  if (triggers.length === 0) return null;
  const mine = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
  const chosen = chooseBody(s, text, mine, triggers);
  const masked = new Set<number>();
  for (const m of mine) for (let i = tokIndexAt(s.toks, m.start); i <= tokIndexAt(s.toks, m.end - 1); i++) masked.add(i);
  const anaphoric = ANAPHOR.test(s.text);
  if (!chosen && BILATERAL.test(s.text)) return null;
  if (GENERIC.test(s.text)) return null;
  const anchors = [...triggers, ...(chosen?.toks ?? [])];
  const other = triggers.some((ti) => {
    for (let k = Math.max(0, ti - 6); k < ti; k++) if (OTHER_MEETING_MARKERS.has(s.toks[k]?.lower ?? '')) return true;
    return false;
  });
  const tense = tenseOf(s.text);
  const virtual = VIRTUAL.test(s.text);
  return {
    sentence: s,
    isTitle,
    body: chosen?.body ?? null,
    place: virtual ? null : findPlace(s, text, anchors, masked),
    date: findDate(s, text, anchors, masked, ref, tense),
    chairs: findChairs(s, text, masked),
    other,
    anaphoric,
    virtual,
    tense,
  };
}
