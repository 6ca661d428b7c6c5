import { matchesOf } from './matches.js';

/**
 * The common written forms of a calendar day and of day ranges, read with one
 * regular expression before chrono: "1 and 2 March 2023", "March 1–2",
 * "the 1st and 2nd of March", "30 November and 1 December", "March 5, 2023".
 * chrono reads "1 and 2 March" as the 2nd alone, and is the costly parser, so
 * the forms it would get wrong or that are simply frequent never reach it.
 * Month names must be capitalised, so "all 3 may attend" is no date.
 */

/** A day as written: the year only when the text gives it. */
export interface WrittenDay {
  year: number | null;
  month: number;
  day: number;
}

export interface DayForm {
  index: number;
  length: number;
  start: WrittenDay;
  /** The last day of a range; null for a single day. */
  end: WrittenDay | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:,?\s+((?:19|20)\d\d)(?!\d))?`;
const JOIN = String.raw`\s*(?:-|–|—|\band\b|\bto\b|\bthrough\b|\buntil\b|\btill\b|&)\s*`;
const THE = String.raw`(?:the\s+)?`;
// A weekday before the day ("Thursday, March 5") names the same day; it is read along and ignored.
const WEEKDAY = String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+${THE})?`;

// Day first: "1 and 2 March 2023", "the 1st and 2nd of March", "30 November and 1 December 2023".
const DAY_FIRST = String.raw`${WEEKDAY}${THE}${DAY}(?:${JOIN}${WEEKDAY}${THE}${DAY})?(?:\s+of)?\s+${MONTH}(?![a-z])${YEAR}(?:${JOIN}${WEEKDAY}${THE}${DAY}(?:\s+of)?\s+${MONTH}(?![a-z])${YEAR})?`;
// Month first: "March 1 and 2, 2023", "March 1–2", "November 30 and December 1, 2023".
const MONTH_FIRST = String.raw`${WEEKDAY}${MONTH}\s+${DAY}(?:${JOIN}${DAY})?(?![\d:])${YEAR}(?:${JOIN}${WEEKDAY}${MONTH}\s+${DAY}(?![\d:])${YEAR})?`;
const FORMS = new RegExp(String.raw`(?<![\w./-])(?:${DAY_FIRST}|${MONTH_FIRST})(?![\w-]|\.\d)`, 'g');

/** The longest a written range may run; "March 1 and 25" is two dates, not a meeting's span. */
const MAX_RANGE_DAYS = 14;

const monthOf = (s: string) => MONTHS.indexOf(s.slice(0, 3).toLowerCase()) + 1;
const num = (s: string | undefined) => (s === undefined ? null : Number(s));

function valid(d: WrittenDay): boolean {
  if (d.day < 1 || d.month < 1) return false;
  // Day 29 of February is checked against a leap year; the year is often unknown here.
  const y = d.year ?? 2000;
  return d.day <= new Date(Date.UTC(y, d.month, 0)).getUTCDate();
}

/** Days from a to b, in a common (or the given) year; a range that turns the year counts on. */
function span(a: WrittenDay, b: WrittenDay): number {
  const y = a.year ?? 2001;
  const yb = b.year ?? (b.month < a.month ? y + 1 : y);
  return (Date.UTC(yb, b.month - 1, b.day) - Date.UTC(y, a.month - 1, a.day)) / 86_400_000;
}

/** Fills a missing year on either end from the other, turning the year between December and January. */
function shareYear(a: WrittenDay, b: WrittenDay): void {
  if (a.year === null && b.year !== null) a.year = a.month > b.month ? b.year - 1 : b.year;
  else if (b.year === null && a.year !== null) b.year = b.month < a.month ? a.year + 1 : a.year;
}

function build(g: Array<string | undefined>): { start: WrittenDay; end: WrittenDay | null } | null {
  // Groups: day-first 1-7, month-first 8-14.
  let start: WrittenDay, end: WrittenDay | null;
  if (g[3] !== undefined) {
    const m = monthOf(g[3]), y = num(g[4]);
    start = { year: y, month: m, day: Number(g[1]) };
    end = g[2] !== undefined ? { year: y, month: m, day: Number(g[2]) } : null;
    if (g[5] !== undefined) end = { year: num(g[7]), month: monthOf(g[6] ?? ''), day: Number(g[5]) };
  } else {
    const m = monthOf(g[8] ?? ''), y = num(g[11]);
    start = { year: y, month: m, day: Number(g[9]) };
    end = g[10] !== undefined ? { year: y, month: m, day: Number(g[10]) } : null;
    if (g[12] !== undefined) end = { year: num(g[14]), month: monthOf(g[12]), day: Number(g[13]) };
  }
  if (!valid(start)) return null;
  if (end) {
    shareYear(start, end);
    const days = span(start, end);
    if (!valid(end) || days <= 0 || days > MAX_RANGE_DAYS) end = null;
  }
  return { start, end };
}

/** Every day or day range written in one of the common forms, in text order. */
export function readDayForms(text: string): DayForm[] {
  const out: DayForm[] = [];
  for (const m of matchesOf(FORMS, text)) {
    const r = build([...m]);
    if (r) out.push({ index: m.index, length: m[0].length, ...r });
  }
  return out;
}

export interface RelativeDay {
  index: number;
  length: number;
  /** 0 (Sunday) to 6 for a weekday, which tense resolves; null for a day counted from the reference. */
  weekday: number | null;
  /** Days from the reference date, for "today", "yesterday" and "tomorrow". */
  offset: number;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// "on Thursday", "last Thursday", "Thursday of next week" (the modifier is read through tense, as chrono's is not trusted either).
const RELATIVE = new RegExp(String.raw`(?<![\w-])(?:on\s+)?(?:(?:this|last|past|next)\s+)?(?:(${WEEKDAYS.join('|')})(?:\s+(?:of\s+)?(?:this|last|past|next)\s+week)?|([Tt]oday|[Tt]onight|[Tt]omorrow|[Yy]esterday|[Ll]ast night))(?![\w-])`, 'g');
const CASUAL_OFFSET: Record<string, number> = { today: 0, tonight: 0, tomorrow: 1, yesterday: -1, 'last night': -1 };

/** Weekdays and the casual day words, which need no calendar parser; "now" is no date. */
export function readRelativeDays(text: string): RelativeDay[] {
  const out: RelativeDay[] = [];
  for (const m of matchesOf(RELATIVE, text)) {
    const weekday = m[1] ? WEEKDAYS.indexOf(m[1]) : null;
    out.push({ index: m.index, length: m[0].length, weekday, offset: m[2] ? CASUAL_OFFSET[m[2].toLowerCase()] ?? 0 : 0 });
  }
  return out;
}

/** What chrono could still read once the common forms are out: month names, short weekdays, numeric dates. */
// Whole words only: "Marrakech" holds no month. Title case and capitals, as chrono's lowercase readings are dropped anyway.
const CUE_WORDS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun'];
const CHRONO_CUES = new RegExp(String.raw`\b(?:${[...CUE_WORDS, ...CUE_WORDS.map((w) => w.toUpperCase())].join('|')})\b|\d[/.-]\d`);

/** Whether a text (with the common forms blanked out) still needs chrono. */
export function needsChrono(text: string): boolean {
  return CHRONO_CUES.test(text);
}

export interface OrdinalDay {
  index: number;
  length: number;
  day: number;
  /** The last day of "on the 12th and 13th"; null for one day. */
  endDay: number | null;
}

const ORD = String.raw`(\d{1,2})(?:st|nd|rd|th)`;
// "on the 3rd," or "on the 12th and 13th.": a day of the month the reference date is in, or near it.
// It must end the phrase ("the 9th Ordinary Session" is a count, not a day).
const ORDINAL_DAY = new RegExp(String.raw`(?<![\w-])[Oo]n\s+the\s+${ORD}(?:\s*(?:-|–|\band\b|\bto\b)\s*(?:the\s+)?${ORD})?(?=\s*(?:[,.;:)]|$|of\s+(?:this|the|last|that)\s+month\b))`, 'g');

/** Days written as a bare ordinal ("on the 3rd"), with no month of their own. */
export function readOrdinalDays(text: string): OrdinalDay[] {
  const out: OrdinalDay[] = [];
  for (const m of matchesOf(ORDINAL_DAY, text)) {
    const day = Number(m[1]), end = m[2] === undefined ? null : Number(m[2]);
    if (day < 1 || day > 31 || (end !== null && (end <= day || end > 31))) continue;
    out.push({ index: m.index, length: m[0].length, day, endDay: end });
  }
  return out;
}
