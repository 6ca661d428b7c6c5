import type { IsoDate, MeetingFacts, MeetingStatus } from '../../core/facts.js';
import { bodyByName, type BodyDef } from './bodies.js';
import { shiftDays } from './dates.js';
import { countryOfCity, type Place } from './gazetteer.js';
import type { Frame } from './frame.js';
import { kindOf } from './kind.js';
import { DESCRIBING_WINDOW, absorb, compatible, describes, draft, hostChairs, placeConflict, type Draft } from './draft.js';

export interface Assembly {
  primary: MeetingFacts | null;
  /** Meetings the story reports beside the first, on a par with it (see splitGroups). */
  alsoPrimary: MeetingFacts[];
  primaryFrames: Frame[];
  secondary: MeetingFacts[];
}

const HELD = /\b(?:was held|were held|took place|opened|met|convened|gathered)\b/i;
const TRAVEL = /\btravel(?:s|led|ling)?\b|\bvisits?\b|\btrip\b|\btour\b/i;
const LEAD_SENTENCES = 6;
const ANNOUNCING_LEAD = 2;

function statusOf(d: Draft, published: IsoDate | null): MeetingStatus {
  // "was postponed", "has been called off": what the text last says of it, unless a later sentence has it held after all.
  const off = d.frames.findLastIndex((f) => f.calledOff);
  if (off >= 0 && !d.frames.slice(off + 1).some((f) => HELD.test(f.sentence.text))) return d.frames[off]!.calledOff!;
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
    kind: kindOf(d.body, d.texts, primary ? [] : d.ownWords),
    city: d.place?.city ?? null,
    country: country ?? null,
    start: d.date?.start ?? null,
    end: d.date?.start ? d.date.end ?? d.date.start : null,
    // "convened by the chairman of the ECOWAS Authority, Nigerian President ...": a body does not chair its own meeting.
    chairs: d.chairs.includes(d.body.name) ? d.chairs.filter((c) => c !== d.body.name) : d.chairs,
    outcomes: [],
    primary,
    status: statusOf(d, published),
  };
}

/** "The following day, the Finance Group gathered in Dakar": a day counted from the last one a frame gave. */
function datedAfter(frames: Frame[]): Frame[] {
  if (!frames.some((f) => f.dayAfter)) return frames;
  let last: IsoDate | null = null;
  return frames.map((f) => {
    if (f.dayAfter && !f.date?.start && last) {
      const day = shiftDays(last, f.dayAfter);
      const year = Number(day.slice(0, 4)), month = Number(day.slice(5, 7));
      f = { ...f, date: { index: 0, length: 0, start: day, end: day, year, month } };
    }
    last = f.date?.end ?? f.date?.start ?? last;
    return f;
  });
}

/** Where the story proper starts, and the bodies its title names. */
export interface Story {
  leadIndex: number;
  titleBodies: ReadonlySet<string>;
  /** The text lists coming events under date-and-place headings: none of them is its own. */
  diary?: boolean;
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
  const bodyFrames = datedAfter(frames.filter((f) => !f.isTitle));
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
  // A frame that is not the primary meeting's: another meeting, kept if it says where or when.
  const addOther = (f: Frame) => {
    // "the next meeting of the group": without a name, another meeting is most likely the same body's.
    const body = f.body ?? (f.other ? main ?? top : null);
    if (!body || (!f.place && !f.date && !f.other)) return;
    const same = others.find((o) => o.body.name === body.name && compatible(o, f));
    if (same) absorb(same, f);
    else others.push(draft(body, f));
  };
  const groups = main && !story.diary ? splitGroups(bodyFrames, main, aside) : null;
  if (groups && main) {
    const drafts = tellEach(bodyFrames, main, groups, addOther);
    return {
      primary: facts(drafts[0]!, true, published),
      alsoPrimary: drafts.slice(1).map((d) => facts(d, true, published)),
      primaryFrames: drafts.flatMap((d) => d.frames),
      secondary: others.map((o) => facts(o, false, published)),
    };
  }
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
    const belongs = main && !story.diary && (!f.other || announcing) && (related || (!f.body && f.anaphoric));
    if (belongs && main && (!primary || compatible(primary, f))) {
      if (primary) absorb(primary, f);
      else primary = draft(main, f);
      continue;
    }
    addOther(f);
  }
  if (primary && !primary.place && !primary.virtual && datelinePlace) primary.place = datelinePlace;
  // "meet in Burkina Faso" under an "OUAGADOUGOU -" dateline: the dateline names the city.
  if (primary?.place && !primary.place.city && datelinePlace?.city && datelinePlace.country === primary.place.country) primary.place = datelinePlace;
  if (primary) hostChairs(primary);
  return {
    primary: primary ? facts(primary, true, published) : null,
    alsoPrimary: [],
    primaryFrames: primary?.frames ?? [],
    secondary: others.map((o) => facts(o, false, published)),
  };
}

/** A minister or envoy named without a country, chairing at a venue: the host country is the one chairing. */
/**
 * "Officials of the Coalition ended two days of talks ... On Tuesday the Africa Focus Group met in
 * Nouakchott ... The following day the Finance Group gathered in Dakar": a story on the Coalition that
 * tells two or more of its groups meeting, each with a place or day of its own, reports each of them.
 * Not when the Coalition's own meeting has a place: then the groups met beside it.
 */
function splitGroups(frames: Frame[], main: BodyDef, aside: (f: Frame) => boolean): Set<string> | null {
  if (main.parent !== null) return roundup(frames, main, aside);
  const names = new Set<string>();
  for (const f of frames) {
    if (f.other || aside(f) || !f.body) continue;
    if (f.body.name === main.name && f.place) return null;
    if (f.body.parent === main.name && (f.place || f.date?.start)) names.add(f.body.name);
  }
  return names.size >= 2 ? names : roundup(frames, main, aside);
}

/**
 * "The Foreign Terrorist Fighters Working Group met in Tunis on Monday. ... Two days later the Finance
 * Group gathered in Rome ... On Thursday the Accra Initiative's ministers met in Lomé": a story telling
 * meetings of two or more bodies, the main one among them, each past, in a sentence of its own, with a
 * place and a day of its own, reports each of them, whoever their parents are. Not a group beside its
 * own parent's meeting (splitGroups), nor a meeting told as coming or as the last one.
 */
function roundup(frames: Frame[], main: BodyDef, aside: (f: Frame) => boolean): Set<string> | null {
  const told = new Map<string, Frame>();
  for (const f of frames) {
    if (f.other || aside(f) || !f.body || f.tense !== 'past' || !f.place || !f.date?.start || told.has(f.body.name)) continue;
    told.set(f.body.name, f);
  }
  if (told.size < 2 || !told.has(main.name)) return null;
  const each = [...told.values()];
  for (const [k, f] of each.entries()) {
    for (const g of each.slice(k + 1)) {
      const kin = f.body!.parent === g.body!.name || g.body!.parent === f.body!.name;
      if (kin || f.sentence.index === g.sentence.index || !placeConflict(f.place, g.place) || f.date!.start === g.date!.start) return null;
    }
  }
  return new Set(told.keys());
}

/**
 * Each group's meeting from its own frames; a sentence referring back ("That meeting was co-chaired by
 * ...") to the meeting told just before; the Coalition's own words only frame them. A group's frame in
 * another tense ("hoped to host a session of the group") is some other meeting.
 */
function tellEach(frames: Frame[], main: BodyDef, groups: Set<string>, addOther: (f: Frame) => void): Draft[] {
  const drafts: Draft[] = [];
  let last: Draft | null = null;
  for (const f of frames) {
    if (!f.other && f.body && groups.has(f.body.name)) {
      const d = drafts.find((x) => x.body.name === f.body?.name);
      if (!d) { drafts.push((last = draft(f.body, f))); continue; }
      if (compatible(d, f) && d.frames[0]?.tense === f.tense) { absorb(d, f); last = d; continue; }
    } else if (!f.other && !f.body && f.anaphoric && last) {
      const gap = f.sentence.index - (last.frames[last.frames.length - 1]?.sentence.index ?? 0);
      if (gap <= DESCRIBING_WINDOW && compatible(last, f)) { absorb(last, f); continue; }
    } else if (!f.other && f.body?.name === main.name) continue;
    addOther(f);
  }
  for (const d of drafts) hostChairs(d);
  return drafts;
}
