import type { IsoDate, MeetingFacts, MeetingStatus } from '../../core/facts.js';
import { bodyByName, type BodyDef } from './bodies.js';
import { shiftDays, type DateMention } from './dates.js';
import { countryOfCity, type Place } from './gazetteer.js';
import type { Frame } from './frame.js';
import { kindOf } from './kind.js';

interface Draft {
  body: BodyDef;
  place: Place | null;
  date: DateMention | null;
  chairs: string[];
  texts: string[];
  frames: Frame[];
  virtual: boolean;
  unplacedChair: boolean;
}

export interface Assembly {
  primary: MeetingFacts | null;
  primaryFrames: Frame[];
  secondary: MeetingFacts[];
}

const TRAVEL = /\btravel(?:s|led|ling)?\b|\bvisits?\b|\btrip\b|\btour\b/i;
const LEAD_SENTENCES = 6;
const ANNOUNCING_LEAD = 2;

function placeConflict(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return false;
  if (a.country && b.country && a.country !== b.country) return true;
  return Boolean(a.city && b.city && a.city !== b.city);
}

function dateConflict(a: DateMention | null, b: DateMention | null): boolean {
  if (!a || !b) return false;
  if (a.start && b.start) return a.start !== b.start;
  const known = a.start ? a : b.start ? b : null;
  const vague = known === a ? b : a;
  if (known?.start && vague.year && vague.month) {
    return known.start.slice(0, 7) !== `${vague.year}-${String(vague.month).padStart(2, '0')}`;
  }
  return false;
}

const CLOSING_DAYS = 7;
const DESCRIBING_WINDOW = 2;

/** A frame right after `f` that refers back to a meeting and says who chaired it, where or when. */
function describes(g: Frame, f: Frame): boolean {
  const gap = g.sentence.index - f.sentence.index;
  return gap > 0 && gap <= DESCRIBING_WINDOW && !g.body && g.anaphoric && !g.other && !g.introducing
    && (g.chairs.length > 0 || g.place !== null || Boolean(g.date?.start));
}

/** "The talks closed on Tuesday" after "opened on Monday": the same meeting's last day. */
function closes(d: Draft, f: Frame): boolean {
  const a = d.date?.start, b = f.date?.start;
  if (!f.closing || !a || !b || b < a) return false;
  return b <= shiftDays(a, CLOSING_DAYS);
}

function compatible(d: Draft, f: Frame): boolean {
  return !placeConflict(d.place, f.place) && (closes(d, f) || !dateConflict(d.date, f.date));
}

function absorb(d: Draft, f: Frame): void {
  if (f.place && (!d.place || (!d.place.city && f.place.city))) d.place = f.place;
  if (d.date && closes(d, f) && (f.date?.end ?? '') > (d.date.end ?? '')) d.date = { ...d.date, end: f.date?.end ?? null };
  if (!d.date?.start && f.date && (f.date.start || !d.date)) d.date = f.date;
  for (const c of f.chairs) if (!d.chairs.includes(c)) d.chairs.push(c);
  if (f.body || f.isTitle) d.texts.push(f.sentence.text);
  d.virtual ||= f.virtual;
  d.unplacedChair ||= f.unplacedChair;
  d.frames.push(f);
}

const draft = (body: BodyDef, f: Frame): Draft => {
  const d: Draft = { body, place: null, date: null, chairs: [], texts: [], frames: [], virtual: false, unplacedChair: false };
  absorb(d, f);
  return d;
};

function statusOf(d: Draft, published: IsoDate | null): MeetingStatus {
  const first = d.frames.find((f) => f.date?.start) ?? d.frames[0];
  const day = d.date?.start ?? null;
  if (published && day && day > published) return 'announced';
  if (first && /\b(?:is|are) (?:being held|taking place|meeting|participating|under way|underway)\b/i.test(first.sentence.text)) return 'ongoing';
  if (first?.tense === 'future') return published && day && day < published ? 'held' : 'announced';
  return 'held';
}

function facts(d: Draft, primary: boolean, published: IsoDate | null): MeetingFacts {
  const country = d.place?.country ?? (d.place?.city ? countryOfCity(d.place.city) : null);
  return {
    body: d.body.name,
    parent: d.body.parent,
    kind: kindOf(d.body, d.texts),
    city: d.place?.city ?? null,
    country: country ?? null,
    start: d.date?.start ?? null,
    end: d.date?.start ? d.date.end ?? d.date.start : null,
    chairs: d.chairs,
    outcomes: [],
    primary,
    status: statusOf(d, published),
  };
}

/** Where the story proper starts, and the bodies its title names. */
export interface Story {
  leadIndex: number;
  titleBodies: ReadonlySet<string>;
}

/**
 * Merges sentence frames into the document's meetings. The main meeting is the
 * one the title and lead are about; frames that agree with it (same body or its
 * parent, compatible place and date) add to it; the rest are meetings
 * mentioned in passing.
 */
export function assemble(
  frames: Frame[], title: string | null, datelinePlace: Place | null, published: IsoDate | null,
  story: Story = { leadIndex: title ? 1 : 0, titleBodies: new Set() },
): Assembly {
  const titleFrame = frames.find((f) => f.isTitle) ?? null;
  const bodyFrames = frames.filter((f) => !f.isTitle);
  const travel = Boolean(title && TRAVEL.test(title) && !titleFrame);
  // A coming meeting first told past the opening ("ECOWAS defence chiefs are due to meet next month",
  // closing a story on an attack) is what the story looks ahead to, not what it reports.
  const aside = (f: Frame) => f.tense === 'future' && f.sentence.index - story.leadIndex >= ANNOUNCING_LEAD
    && !(f.body && story.titleBodies.has(f.body.name));
  // A meeting first told as the background of something else ("... when political directors met in
  // N'Djamena") that the story goes on to describe ("The meeting was hosted by Chad") is what it reports,
  // when it reports no other.
  if (!titleFrame?.body && !bodyFrames.some((f) => f.body && !f.other && !aside(f))) {
    const i = bodyFrames.findIndex((f) => f.backdrop && bodyFrames.some((g) => describes(g, f)));
    const f = bodyFrames[i];
    if (f) bodyFrames[i] = { ...f, other: false, backdrop: false };
  }
  const lead = bodyFrames.find((f) => f.body && !f.other && f.sentence.index < LEAD_SENTENCES && !aside(f))
    ?? bodyFrames.find((f) => f.body && !f.other && !aside(f))
    // A text that opens on a coming meeting, saying where or when ("will hold its next plenary in
    // Riyadh on 30 May"), is about that meeting; one that mentions it later in passing is not.
    ?? bodyFrames.find((f) => f.body && f.forward && f.tense === 'future' && f.sentence.index - (title ? 1 : 0) < ANNOUNCING_LEAD && (f.place || f.date?.start)) ?? null;
  let main: BodyDef | null = null;
  if (!travel) {
    const tb = titleFrame && !titleFrame.other ? titleFrame.body : null;
    main = tb && lead?.body && lead.body.parent === tb.name ? lead.body : tb ?? lead?.body ?? null;
  }
  const top = (main?.parent ? bodyByName(main.parent) : main) ?? bodyByName('Global Coalition to Defeat ISIS') ?? null;
  let primary: Draft | null = null;
  const others: Draft[] = [];
  // The lead's unnamed meeting comes last: it only fills in what the frames naming the body leave open,
  // and one that does not agree with them ("ministers met in Brussels ... separately, the Small Group
  // met in Rome") is some other event.
  const introducing = bodyFrames.filter((f) => f.introducing && !f.other);
  const ordered = bodyFrames.filter((f) => !introducing.includes(f)).concat(introducing);
  for (const f of titleFrame ? [titleFrame, ...ordered] : ordered) {
    const related = main && f.body && (f.body.name === main.name || main.parent === f.body.name);
    // "will hold its next plenary" in a text announcing that very meeting is the same meeting.
    const announcing = f.forward && f.tense === 'future'
      && (primary ? primary.frames.every((p) => p.tense === 'future') : lead?.forward === true);
    const belongs = main && (!f.other || announcing) && (related || (!f.body && f.anaphoric));
    if (belongs && main && (!primary || compatible(primary, f))) {
      if (primary) absorb(primary, f);
      else primary = draft(main, f);
      continue;
    }
    // "the next meeting of the group": without a name, another meeting is most likely the same body's.
    const body = f.body ?? (f.other ? main ?? top : null);
    if (!body || (!f.place && !f.date && !f.other)) continue;
    const same = others.find((o) => o.body.name === body.name && compatible(o, f));
    if (same) absorb(same, f);
    else others.push(draft(body, f));
  }
  if (primary && !primary.place && !primary.virtual && datelinePlace) primary.place = datelinePlace;
  // "meet in Burkina Faso" under an "OUAGADOUGOU -" dateline: the dateline names the city.
  if (primary?.place && !primary.place.city && datelinePlace?.city && datelinePlace.country === primary.place.country) primary.place = datelinePlace;
  // A minister or envoy named without a country, chairing at a venue: the host country is the one chairing.
  const host = primary?.place?.country ?? (primary?.place?.city ? countryOfCity(primary.place.city) : null);
  if (primary?.unplacedChair && host && !primary.chairs.includes(host)) primary.chairs.unshift(host);
  return {
    primary: primary ? facts(primary, true, published) : null,
    primaryFrames: primary?.frames ?? [],
    secondary: others.map((o) => facts(o, false, published)),
  };
}
