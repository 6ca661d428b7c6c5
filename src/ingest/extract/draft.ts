import type { BodyDef } from './bodies.js';
import { shiftDays, type DateMention } from './dates.js';
import { countryOfCity, type Place } from './gazetteer.js';
import type { Frame } from './frame.js';

/** A meeting being put together from the frames that tell it. */
export interface Draft {
  body: BodyDef;
  place: Place | null;
  date: DateMention | null;
  chairs: string[];
  texts: string[];
  /** Words naming another meeting itself ("the next Ministerial"): they say its level before its sentences do. */
  ownWords: string[];
  frames: Frame[];
  virtual: boolean;
  unplacedChair: boolean;
}

export function placeConflict(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return false;
  if (a.country && b.country && a.country !== b.country) return true;
  return Boolean(a.city && b.city && a.city !== b.city);
}

/** A day inside the other's span ("the meeting, which began on Tuesday" of a meeting held Tuesday to Wednesday). */
const within = (a: DateMention, b: DateMention) => Boolean(a.start && b.start && a.start >= b.start && a.start <= (b.end ?? b.start));

function dateConflict(a: DateMention | null, b: DateMention | null): boolean {
  if (!a || !b) return false;
  if (a.start && b.start) return a.start !== b.start && !within(a, b) && !within(b, a);
  const known = a.start ? a : b.start ? b : null;
  const vague = known === a ? b : a;
  if (known?.start && vague.year && vague.month) {
    return known.start.slice(0, 7) !== `${vague.year}-${String(vague.month).padStart(2, '0')}`;
  }
  return false;
}

const CLOSING_DAYS = 7;
export const DESCRIBING_WINDOW = 2;

/** A frame right after `f` that refers back to a meeting and says who chaired it, where or when. */
export function describes(g: Frame, f: Frame): boolean {
  const gap = g.sentence.index - f.sentence.index;
  return gap > 0 && gap <= DESCRIBING_WINDOW && !g.body && g.anaphoric && !g.other && !g.introducing
    && (g.chairs.length > 0 || g.place !== null || Boolean(g.date?.start));
}

/** "The talks closed on Tuesday" after "opened on Monday": the same meeting's last day. */
export function closes(d: Draft, f: Frame): boolean {
  const a = d.date?.start, b = f.date?.start;
  if (!f.closing || !a || !b || b < a) return false;
  return b <= shiftDays(a, CLOSING_DAYS);
}

/** "The meeting, which opened on Monday" of a meeting known by its last day: the same meeting's first day. */
export function opens(d: Draft, f: Frame): boolean {
  const a = d.date?.start, b = f.date?.start;
  if (!f.opening || !a || !b || b > a) return false;
  return b >= shiftDays(a, -CLOSING_DAYS);
}

export function compatible(d: Draft, f: Frame): boolean {
  return !placeConflict(d.place, f.place) && (closes(d, f) || opens(d, f) || !dateConflict(d.date, f.date));
}

export function absorb(d: Draft, f: Frame): void {
  if (f.place && (!d.place || (!d.place.city && f.place.city))) d.place = f.place;
  // "closing the two-day meeting" on its second day: the same first day, a later last one.
  const later = (f.date?.end ?? '') > (d.date?.end ?? d.date?.start ?? '');
  if (d.date && later && (closes(d, f) || f.date?.start === d.date.start)) d.date = { ...d.date, end: f.date?.end ?? null };
  if (d.date?.start && opens(d, f) && f.date?.start) d.date = { ...d.date, start: f.date.start, end: d.date.end ?? d.date.start };
  if (!d.date?.start && f.date && (f.date.start || !d.date)) d.date = f.date;
  for (const c of f.chairs) if (!d.chairs.includes(c)) d.chairs.push(c);
  if (f.body || f.isTitle) d.texts.push(f.sentence.text);
  if (f.kindWords) d.ownWords.push(f.kindWords);
  d.virtual ||= f.virtual;
  d.unplacedChair ||= f.unplacedChair;
  d.frames.push(f);
}

export const draft = (body: BodyDef, f: Frame): Draft => {
  const d: Draft = { body, place: null, date: null, chairs: [], texts: [], ownWords: [], frames: [], virtual: false, unplacedChair: false };
  absorb(d, f);
  return d;
};

export function hostChairs(d: Draft): void {
  const host = d.place?.country ?? (d.place?.city ? countryOfCity(d.place.city) : null);
  if (d.unplacedChair && host && !d.chairs.includes(host)) d.chairs.unshift(host);
}
