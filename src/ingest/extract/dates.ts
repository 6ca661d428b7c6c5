// English only: 'chrono-node' itself loads its fifteen other locales too (some 6 MB) and
// its `casual` is this very object, so the dates read are the same.
import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
// The function's own entry: 'date-fns' itself loads all of its ~250 functions (some 10 MB).
import { addDays } from 'date-fns/addDays';
import type { IsoDate } from '../../core/facts.js';
import { needsChrono, readDayForms, readOrdinalDays, readRelativeDays, type WrittenDay } from './day-forms.js';

export type Tense = 'past' | 'future';

/** A date expression found in a sentence, resolved as far as the text allows. */
export interface DateMention {
  /** Offsets relative to the analysed string. */
  index: number;
  length: number;
  /** Day-pinned start/end, or null when the text does not fix the day (or the year is unknown). */
  start: IsoDate | null;
  end: IsoDate | null;
  /** Year and month when known even if the day is not ("last May", "May 2022"). */
  year: number | null;
  month: number | null;
}

// Calendar days are held at noon UTC, so adding days and reading the date back
// never crosses midnight whatever the machine's zone or daylight saving.
// (TZDate did the same but dominated the profile.)
const utc = (iso: IsoDate) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
};
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function shiftDays(day: IsoDate, n: number): IsoDate {
  return iso(addDays(utc(day), n));
}

const VAGUE = /\b(?:week|weekend|month|year|season|spring|summer|autumn|fall|winter)\b/i;
const RELATIVE_DAY = /\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b/i;

/** The nearest date with this weekday, backwards for past tense, forwards for future. */
export function weekdayFrom(ref: IsoDate, weekday: number, tense: Tense): IsoDate {
  const r = utc(ref);
  const day = r.getUTCDay();
  const delta = tense === 'past' ? -((day - weekday + 7) % 7) : (weekday - day + 7) % 7;
  return iso(addDays(r, delta));
}

/** "On the 3rd": that day in the reference date's month, or the month before (past) or after (future) it. */
function ordinalDay(ref: IsoDate, day: number, tense: Tense): IsoDate | null {
  const r = utc(ref);
  const shift = tense === 'past' ? (day > r.getUTCDate() ? -1 : 0) : day < r.getUTCDate() ? 1 : 0;
  const d = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + shift, day, 12));
  // The 31st of a 30-day month is no day at all.
  return d.getUTCDate() === day ? iso(d) : null;
}

/** Picks the year for a month and day given without one, by tense, near the reference date. */
export function yearFor(ref: IsoDate, month: number, day: number, tense: Tense): IsoDate {
  const ry = Number(ref.slice(0, 4));
  const cands = [ry - 1, ry, ry + 1].map((y) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  const slack = 14;
  if (tense === 'past') {
    const limit = shiftDays(ref, slack);
    return cands.filter((c) => c <= limit).pop() ?? cands[1]!;
  }
  const limit = shiftDays(ref, -slack);
  return cands.find((c) => c >= limit) ?? cands[1]!;
}

type Comp = ParsedComponents;

function pinned(c: Comp, ref: IsoDate | null, tense: Tense, text: string): IsoDate | null {
  if (c.isCertain('day') && c.isCertain('month')) {
    const m = c.get('month') ?? 1, d = c.get('day') ?? 1;
    if (c.isCertain('year')) {
      // chrono fills "today" from the instant we pass; without a real reference it means nothing.
      if (RELATIVE_DAY.test(text) && ref === null) return null;
      return `${c.get('year')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
    return ref ? yearFor(ref, m, d, tense) : null;
  }
  if (c.isCertain('weekday') && !c.isCertain('day') && ref) {
    return weekdayFrom(ref, c.get('weekday') ?? 0, tense);
  }
  return null;
}

const ORDINAL_CUE = /\d(?:st|nd|rd|th)\b/;
const FALLBACK_REF = new Date(Date.UTC(2000, 0, 1, 12));

/** Meetings are dated by day: chrono without its time-of-day and time-zone machinery, which cost most of its time. */
const TIME_ONLY = /Time|Timezone|EndOfCurrentMonth/;
/** Parsers for calendar dates only; relative spans ("next week") never pin a day, so they are left out. */
const DAY_PARSERS = /MonthName|Weekday|CasualDate|Slash|ISOFormat|YearMonth/;
const dayParser = (() => {
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => DAY_PARSERS.test(p.constructor.name));
  c.refiners = c.refiners.filter((r) => !TIME_ONLY.test(r.constructor.name) && r.constructor.name !== 'ENMergeDateTimeRefiner');
  return c;
})();

/**
 * Finds and resolves the dates in one sentence. Only called for the few
 * sentences that carry a meeting trigger or a date entity, because chrono is
 * the costly part of the pipeline.
 */
export function findDates(
  sentence: string,
  ref: IsoDate | null,
  tense?: Tense,
  context?: { text: string; offset: number; map?: (i: number) => number },
): DateMention[] {
  // En and em dashes between numbers are ranges to chrono only when written as hyphens.
  let text = sentence.replace(/(\d)\s?[–—]\s?(\d)/g, (m, a: string, b: string) => `${a}-${b}`.padEnd(m.length, ' '));
  const tenseAt = (index: number, length: number) => tense ?? (context
    ? tenseOf(context.text, context.offset + (context.map ? context.map(index) : index), length)
    : tenseOf(text, index, length));
  const out: DateMention[] = [];
  const forms = readDayForms(text);
  for (const f of forms) {
    const t = tenseAt(f.index, f.length);
    const start = written(f.start, ref, t);
    let end = f.end && start ? written(f.end, ref, t) : start;
    // A year-less range keeps the start's year, turning it only between December and January.
    if (start && end && f.end && f.start.year === null && f.end.year === null) {
      end = `${Number(start.slice(0, 4)) + (f.end.month < f.start.month ? 1 : 0)}${end.slice(4)}`;
    }
    const year = start ? Number(start.slice(0, 4)) : f.start.year;
    out.push({ index: f.index, length: f.length, start, end, year, month: f.start.month });
  }
  // The forms read are blanked out (offsets kept) so chrono reads only what is left, if anything.
  const blank = (f: { index: number; length: number }) => { text = text.slice(0, f.index) + ' '.repeat(f.length) + text.slice(f.index + f.length); };
  forms.forEach(blank);
  const days = readRelativeDays(text);
  for (const d of days) {
    const t = tenseAt(d.index, d.length);
    const start = !ref ? null : d.weekday === null ? shiftDays(ref, d.offset) : weekdayFrom(ref, d.weekday, t);
    // As chrono did: a weekday gives no month of its own, a casual day does.
    const month = start && d.weekday === null ? Number(start.slice(5, 7)) : null;
    out.push({ index: d.index, length: d.length, start, end: start, year: start ? Number(start.slice(0, 4)) : null, month });
  }
  days.forEach(blank);
  if (ORDINAL_CUE.test(text)) {
    const ords = readOrdinalDays(text);
    for (const o of ords) {
      const start = ref ? ordinalDay(ref, o.day, tenseAt(o.index, o.length)) : null;
      const end = start && o.endDay ? `${start.slice(0, 8)}${String(o.endDay).padStart(2, '0')}` : start;
      out.push({ index: o.index, length: o.length, start, end, year: start ? Number(start.slice(0, 4)) : null, month: start ? Number(start.slice(5, 7)) : null });
    }
    ords.forEach(blank);
  }
  if (needsChrono(text)) {
    const instant = ref ? utc(ref) : FALLBACK_REF;
    for (const r of dayParser.parse(text, { instant, timezone: 0 })) {
      // "all 3 may attend", "troops march 5 km", "they sat": the verbs, not months or weekdays.
      if (/\b(?:may|march|sun|mon|tue|wed|thu|fri|sat)\b/.test(r.text)) continue;
      const t = tenseAt(r.index, r.text.length);
      // "next week" or "this month" does not pin a day, whatever chrono fills in.
      const vague = VAGUE.test(r.text) && !/\d/.test(r.text);
      const start = vague ? null : pinned(r.start, ref, t, r.text);
      let end = start;
      if (start && r.end) {
        const e = pinned(r.end, ref, t, r.text);
        // A year-less range keeps the start's year; chrono gives the end its own guess.
        end = e ? `${start.slice(0, 4)}${e.slice(4)}` : start;
        if (end < start) end = e;
      }
      const yearKnown = r.start.isCertain('year') || (ref !== null && r.start.isCertain('month'));
      out.push({
        index: r.index,
        length: r.text.length,
        start,
        end,
        year: start ? Number(start.slice(0, 4)) : yearKnown ? r.start.get('year') : null,
        month: r.start.isCertain('month') ? r.start.get('month') : null,
      });
    }
  }
  out.sort((a, b) => a.index - b.index);
  return mergeRanges(sentence, out);
}

/** A written day as a calendar date: its own year, else the year the reference date and tense point to. */
function written(d: WrittenDay, ref: IsoDate | null, tense: Tense): IsoDate | null {
  if (d.year !== null) return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return ref ? yearFor(ref, d.month, d.day, tense) : null;
}

const WINDOW_PAD = 16;

/**
 * Dates near the given spans only (date entities and numbers the NLP pass
 * found): chrono's cost grows with the text it reads, so it reads short
 * windows around the likely dates instead of whole sentences. Offsets are
 * relative to `sentence`.
 */
export function findDatesNear(sentence: string, spans: Array<[number, number]>, ref: IsoDate | null): DateMention[] {
  if (spans.length === 0) return [];
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const windows: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const lo = Math.max(0, a - WINDOW_PAD), hi = Math.min(sentence.length, b + WINDOW_PAD);
    const last = windows[windows.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else windows.push([lo, hi]);
  }
  // One chrono call per sentence: the windows joined by a separator no date runs across.
  const SEP = ' ¦ ';
  let joined = '';
  const at: Array<{ from: number; lo: number; len: number }> = [];
  for (const [lo0, hi0] of windows) {
    // Widen to word edges so no word is cut in half.
    let lo = lo0, hi = hi0;
    while (lo > 0 && /\S/.test(sentence[lo - 1] ?? '')) lo--;
    while (hi < sentence.length && /\S/.test(sentence[hi] ?? '')) hi++;
    if (joined) joined += SEP;
    at.push({ from: joined.length, lo, len: hi - lo });
    joined += sentence.slice(lo, hi);
  }
  const out: DateMention[] = [];
  const mapBack = (i: number) => {
    const w = [...at].reverse().find((x) => x.from <= i);
    return w ? w.lo + (i - w.from) : i;
  };
  for (const d of findDates(joined, ref, undefined, { text: sentence, offset: 0, map: mapBack })) out.push({ ...d, index: mapBack(d.index) });
  return out;
}

/** "Thursday and Friday", "March 1 to March 2": two mentions joined into one range. */
function mergeRanges(text: string, ds: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const d of ds) {
    const prev = out[out.length - 1];
    if (prev?.start && d.start && d.start > prev.start) {
      const gap = text.slice(prev.index + prev.length, d.index);
      const days = (utc(d.start).getTime() - utc(prev.start).getTime()) / 86_400_000;
      if (/^\s*(?:and|to|through|until|-|–|—)\s*$/i.test(gap) && days <= 7) {
        prev.end = d.end ?? d.start;
        prev.length = d.index + d.length - prev.index;
        continue;
      }
    }
    out.push({ ...d });
  }
  return out;
}

// "hoped to host", "plans to hold": an intention to meet points forward ("a plan to act" does not).
const FUTURE = /\b(?:will|shall|to be held|(?:hop|plann?|intend)(?:e|es|ed|ing|s)? to (?:host|hold|meet|convene|organi[sz]e)|is to|are to|scheduled|looks? forward|upcoming|next|is expected to|are expected to|(?:is|are) due to (?:be|meet|hold|host|convene|gather|open|begin|start|discuss|attend)|(?:postponed|deferred|put off|pushed back|moved|rescheduled) (?:to|until|till|for))\b|'ll\b/i;
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 25;

/**
 * The tense a bare weekday or year-less date points by, read from the words
 * around the date rather than the whole sentence ("adopted on Thursday its
 * plan to ..." is past).
 */
export function tenseOf(sentence: string, at = 0, length = sentence.length): Tense {
  const around = sentence.slice(Math.max(0, at - CONTEXT_BEFORE), at + length + CONTEXT_AFTER);
  return FUTURE.test(around) ? 'future' : 'past';
}
