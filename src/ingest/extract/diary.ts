import type { IsoDate } from '../../core/facts.js';
import { findDates, type DateMention } from './dates.js';
import { readDayForms } from './day-forms.js';
import { lookupPlace, type Place } from './gazetteer.js';
import type { Sentence } from './nlp.js';

/** An item heading of a calendar: "14 January, Rome." alone on its line. */
export interface Heading {
  index: number;
  place: Place;
  date: DateMention | null;
}

const MAX_HEADING_TOKENS = 10;
/** How far below its heading an item's meeting may be told. */
const ITEM_SENTENCES = 2;

/**
 * "14 January, Rome." then "21-22 January, Abuja.": a text that heads its items with a day and a
 * place, each alone on a line, is a calendar of events (a week-ahead bulletin, a diary), and none of
 * them is what the text reports. Two headings with different days make one; a release's single
 * "Rome, 24 October 2024" line does not.
 */
export function diaryHeadings(sentences: Sentence[], ref: IsoDate | null): Heading[] {
  const out: Heading[] = [];
  for (const s of sentences) {
    if (s.toks.length > MAX_HEADING_TOKENS || s.dates.length === 0) continue;
    const forms = readDayForms(s.text);
    const f = forms[0];
    if (!f || forms.length > 1) continue;
    const rest = `${s.text.slice(0, f.index)} ${s.text.slice(f.index + f.length)}`.replace(/[,.:;–—-]/g, ' ').trim();
    const place = rest ? lookupPlace(rest) : null;
    if (place) out.push({ index: s.index, place, date: findDates(s.text, ref, 'future')[0] ?? null });
  }
  const days = new Set(out.map((h) => h.date?.start ?? h.index));
  return days.size >= 2 ? out : [];
}

/** The heading an item's sentence stands under, if it is near enough. */
export function headingOf(headings: Heading[], index: number): Heading | null {
  let best: Heading | null = null;
  for (const h of headings) if (h.index < index && index - h.index <= ITEM_SENTENCES) best = h;
  return best;
}
