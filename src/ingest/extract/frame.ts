import type { Sentence } from './nlp.js';
import type { BodyDef, BodyMention } from './bodies.js';
import { tenseOf, type DateMention, type Tense } from './dates.js';
import type { Place } from './gazetteer.js';
import { findChairs } from './chairs.js';
import { findDate, findPlace, range, tokIndexAt } from './frame-args.js';
import { namedSummits, summitHeldIn } from './place-summits.js';
import {
  BILATERAL, GENERIC, MEETING_VERBS, OTHER_MEETING_MARKERS, TRIGGERS, VIRTUAL,
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
  /**
   * The words naming the other meeting itself ("the next full Ministerial meeting", "at the Political
   * Director level"): its level, whoever else the sentence names ("Political Directors look forward to ...").
   */
  kindWords: string | null;
  /** The date is the day the meeting closed ("the talks closed on Tuesday"). */
  closing: boolean;
  /** The date is the day the meeting opened ("the meeting, which began on Tuesday"). */
  opening: boolean;
  /** The sentence refers back to a meeting already named ("this meeting", "the Ministerial"). */
  anaphoric: boolean;
  /** The lead's meeting, not yet named ("wrapped up a two-day meeting"): it fills in what the named frames leave open. */
  introducing: boolean;
  virtual: boolean;
  tense: Tense;
  /** Days after the meeting told before, for an undated "the following day" or "two days later". */
  dayAfter: number;
  /** The sentence says the meeting was put off ("was postponed", "pushed back") or called off ("cancelled"). */
  calledOff: CalledOff | null;
}

export type CalledOff = 'postponed' | 'cancelled';

const ANAPHOR = /\b(?:the|this|that|these|today['’]s|its|their)\s+(?:[\w-]+\s+){0,3}(?:meetings?|ministerial|sessions?|gathering|conference|consultations?|summit|plenary|talks|briefing)\b/i;
/** "Kenya hosted, alongside the co-chairs ...", "Italy co-chaired.": the meeting is the one being told. */
const ELLIPTIC_HOST = /\b(?:co-)?(?:hosted|chaired|hosts|chairs)(?=\s*[.;]|\s*,?\s+(?:alongside|together with|jointly with)\b)/i;
/** "The group's co-chairs, Italy, ...", "Italy and the United States, as co-chairs, say": the chairs of the meeting being told. */
const CHAIRS_NAMED = /\b(?:the\s+(?:group|coalition|meeting|initiative|forum)['’]s|its|their)\s+co-chairs\b|,\s+as\s+(?:co-)?(?:chairs?|hosts?),/i;
const DISCUSSED = /\b(?:establishment|launch|creation|inauguration|formation|establish|launched|created|set up)\s+(?:of\s+)?(?:the\s+)?$/i;
const PARTICIPANTS = /^\s+(?:partners?|members?|member states|countries|governments|delegations|states)\b/i;
// "the Counter ISIS Finance Group (CIFG) of the Global Coalition": an abbreviation in parentheses between them too.
const ADJACENT = /^(?:\)?\s*(?:of|under|from|within|in)\s+(?:the\s+)?|\s*['’]s\s+|\s+|\s*\(\s*)$/i;

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

const REFERRED = /\bas\s+(?:[\w-]+\s+){0,4}(?:at|during)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$/i;
const NONE: ReadonlySet<string> = new Set();
const BACKDROP = /\S\s+when\s+(?:[\w'’.-]+\s+){1,12}$/i;
const RELATIVE = /,\s+(?:which|that)\s+(?:[\w'’-]+\s+){0,2}$/i;
const HAPPENED = new Set(['held', 'place', 'opened', 'closed', 'concluded', 'ended', 'began', 'convened']);
const FORWARD = new Set(['next', 'upcoming', 'forthcoming']);
const TITLE_FUTURE = /\bto (?:meet|hold|host|co-host|convene|gather)\b/i;
const CLOSING = /\b(?:closed|ended|concluded|wrapped up|closes|ends|concludes)\s+(?:[\w-]+\s+){0,2}?(?:on\s+)?$/i;
const OPENING = /\b(?:opened|began|started|opens|begins|starts)\s+(?:[\w-]+\s+){0,2}?(?:on\s+)?$/i;
const MARKER_WINDOW = 8;
const EARLIER_WHEN = new Set(['this', 'today', 'tonight', 'on', 'in']);
const CALLED_OFF = /\b(?:postpone[ds]?|postponing|postponement|cancel(?:s|ed|led|ling|lation)?|called off|put off|pushed back|deferred)\b/i;
const NEW_DAY_AFTER = /^\s+(?:to|until|till)\s/i;
const CANCELLED = /^(?:cancel|called)/i;
const HELD_AFTER = /\b(?:held|opened|met|convened|took place|began|started)\b/i;
const NEW_DAY = /\b(?:to|until|till|rescheduled for|new date(?: of| is)?)\s+(?:on\s+)?$/i;
// "took place at the Ministerial level": the level a meeting was held at, wherever the sentence says it.
const LEVEL = /\bat\s+(?:the\s+)?(?:[\w-]+\s+){1,2}level\b/i;
const WITH_SOMEONE = /\b(?:met|meets?)\s+(?:separately\s+)?with\b|(?<!\bco-(?:chaired|hosted|chairs|hosts|chairing|hosting)\s+(?:the|a|this)\s+)\bmeetings?\s+with\b/i;
const MEMBERS_OF = /\b(?:members|ministers|partners|representatives|delegations|delegates|states|countries|envoys)\s+of\s+(?:the\s+)?$/i;
const DAY_AFTER = /\b(?:the (?:following|next) day(?! of\b)|(a|one|two|three|2|3) days? later)\b/i;
const LATER_DAYS: Record<string, number> = { two: 2, three: 3, '2': 2, '3': 3 };


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
  let mine = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
  if (s.text.includes('Summit')) mine = [...mine, ...namedSummits(s, mine)].sort((a, b) => a.start - b.start);
  const chosen = chooseBody(s, text, mine, triggers);
  const masked = new Set<number>();
  for (const m of mine) for (let i = tokIndexAt(s.toks, m.start); i <= tokIndexAt(s.toks, m.end - 1); i++) masked.add(i);
  const introducing = lead && !chosen && !ANAPHOR.test(s.text);
  const anaphoric = introducing || ANAPHOR.test(s.text) || ELLIPTIC_HOST.test(s.text) || CHAIRS_NAMED.test(s.text);
  if (!chosen && BILATERAL.test(s.text)) return null;
  if (chosen && talksWith(s, text, mine)) return null;
  if (GENERIC.test(s.text)) return null;
  const anchors = [...triggers, ...(chosen?.toks ?? [])];
  // The meeting word that goes with the body decides whether this is another meeting ("the next Ministerial").
  // The marker's word, and where it stands when it is a word before the trigger ("the next Ministerial").
  const marker = (ti: number): { word: string; at?: number } | null => {
    for (let k = Math.max(0, ti - MARKER_WINDOW); k < ti; k++) {
      const w = s.toks[k]?.lower ?? '';
      // "co-chaired earlier this week a meeting": when this meeting was, not another one.
      if (w === 'earlier' && EARLIER_WHEN.has(s.toks[k + 1]?.lower ?? '')) continue;
      // "The following day, the group met": when this meeting was, counted from the one before.
      if ((w === 'following' || w === 'next') && s.toks[k + 1]?.lower === 'day') continue;
      if (OTHER_MEETING_MARKERS.has(w)) return { word: w, at: k };
    }
    // "As ministers affirmed at the ministerial in May": what a past meeting said, quoted in passing.
    const before = s.toks[ti] ? text.slice(s.start, s.toks[ti]!.start) : '';
    if (REFERRED.test(before)) return { word: 'as' };
    // "The timetable was discussed when political directors met in Baghdad": a meeting told as the
    // time of something else, past the lead, is a backdrop to the story, unless the title names its body.
    const backdrop = !lead && !isTitle && !(chosen && inTitle.has(chosen.body.name));
    if (!backdrop) return null;
    if (/\bwhen\b/i.test(before) && BACKDROP.test(before)) return { word: 'when' };
    // "The action builds on talks among members of the Finance Group, which met in Nairobi last month":
    // a meeting told in a relative clause, after a verb of the sentence's own, is its background too.
    const rel = RELATIVE.exec(before);
    if (rel && chosen) {
      const at = tokIndexAt(s.toks, s.start + rel.index);
      for (let k = 0; k < Math.min(at, chosen.toks[0] ?? at); k++) {
        const t = s.toks[k]!;
        if (t.pos === 'VERB' && !masked.has(k) && !MEETING_VERBS.has(t.lower) && t.start >= from) return { word: 'which' };
      }
    }
    return null;
  };
  // The trigger nearest the body decides; with no body, the first trigger that has a marker.
  const bodyAt = chosen?.toks[0];
  let markedTrigger: number | undefined;
  let marked: ReturnType<typeof marker> = null;
  if (bodyAt === undefined) {
    for (const t of triggers) {
      marked = marker(t);
      if (marked) {
        markedTrigger = t;
        break;
      }
    }
  } else {
    markedTrigger = triggers.reduce((x, y) => (Math.abs(y - bodyAt) < Math.abs(x - bodyAt) ? y : x));
    marked = marker(markedTrigger);
  }
  const mark = marked?.word ?? null;
  const other = mark !== null;
  // "since the summit in Pau": a summit told in passing by its city, in a sentence naming no body, is that city's.
  const heldIn = !chosen && other && s.text.includes('summit') ? summitHeldIn(s) : null;
  // A frame with no body, no reference back and no other meeting is never used: skip the costly parts.
  if (!chosen && !anaphoric && !other) return null;
  // A headline's "Group to meet in Riyadh" points forward without a "will".
  const tense = isTitle && TITLE_FUTURE.test(s.text) ? 'future' : tenseOf(s.text);
  const chairs = findChairs(s, text, masked, mine);
  const virtual = VIRTUAL.test(s.text);
  // Only sentences with a date-like token, a weekday or a number can date a meeting.
  // "The meeting ... took place in Rabat on 3 March": the verb that says it happened dates it as well as the meeting word.
  // "opened the 9th Session of the Committee of Ministers of the Accra Initiative at ..., on Thursday": the body's name ends the meeting's.
  const dateAnchors = chosen ? [...triggers, chosen.toks[chosen.toks.length - 1]!] : [...triggers];
  s.toks.forEach((t, i) => { if (HAPPENED.has(t.lower) && (t.lower !== 'place' || /^(?:take|takes|took|taking)$/.test(s.toks[i - 1]?.lower ?? ''))) dateAnchors.push(i); });
  const off = CALLED_OFF.exec(s.text);
  // "postponed to 12 May": the new day is the meeting's.
  if (off && NEW_DAY_AFTER.test(s.text.slice(off.index + off[0].length, off.index + off[0].length + 12))) dateAnchors.push(tokIndexAt(s.toks, s.start + off.index + off[0].length + 1));
  let date = s.dates.length > 0 || /\d|day\b|tomorrow/.test(s.text) ? findDate(s, text, dateAnchors, masked, ref, from) : null;
  if (date && off && calledOff(s.text, off, date.index)) date = null;
  return {
    sentence: s,
    isTitle,
    body: chosen?.body ?? heldIn,
    place: virtual ? null : chosen?.body.seat ?? findPlace(s, text, anchors, masked, from),
    date,
    closing: date !== null && CLOSING.test(text.slice(Math.max(s.start, s.start + date.index - 40), s.start + date.index)),
    opening: date !== null && OPENING.test(text.slice(Math.max(s.start, s.start + date.index - 40), s.start + date.index)),
    forward: mark !== null && FORWARD.has(mark),
    backdrop: mark === 'when' || mark === 'which',
    kindWords: other ? kindWords(s, marked?.at, markedTrigger) : null,
    chairs: chairs.parties,
    unplacedChair: chairs.unplacedOffice,
    other,
    anaphoric,
    introducing,
    virtual,
    tense,
    dayAfter: date?.start ? 0 : dayAfter(s.text),
    calledOff: off && !HELD_AFTER.test(s.text.slice(off.index)) ? (CANCELLED.test(off[0]) ? 'cancelled' : 'postponed') : null,
  };
}

/** The other meeting's own words: from its marker to its meeting word, and the level it was held at. */
function kindWords(s: Sentence, from: number | undefined, to: number | undefined): string | null {
  const words: string[] = [];
  const a = from === undefined ? undefined : s.toks[from], b = to === undefined ? undefined : s.toks[to];
  if (a && b) words.push(s.text.slice(a.start - s.start, b.end - s.start));
  const level = s.text.includes(' level') ? LEVEL.exec(s.text) : null;
  if (level) words.push(level[0]);
  return words.length ? words.join(' ') : null;
}

/**
 * "will travel to Berlin for meetings with a number of Coalition partners", "will meet with officials to
 * discuss their presidency of ECOWAS": talks with people, every body named only after them, are no
 * meeting of a body.
 */
function talksWith(s: Sentence, text: string, mine: BodyMention[]): boolean {
  if (!s.text.includes(' with ')) return false;
  const w = WITH_SOMEONE.exec(s.text);
  // "a meeting with Chad and other members of the Coalition": the body's own members meet, so the body does.
  return w !== null && mine.every((m) => m.start > s.start + w.index && !MEMBERS_OF.test(text.slice(Math.max(s.start, m.start - 40), m.start)));
}

function dayAfter(sentence: string): number {
  // Both forms hold " day"; most sentences hold none, and the test is a plain search.
  const m = sentence.includes(' day') ? DAY_AFTER.exec(sentence) : null;
  // "The talks due the following day were postponed": no day at all.
  if (!m || CALLED_OFF.test(sentence)) return 0;
  return LATER_DAYS[(m[1] ?? '').toLowerCase()] ?? 1;
}

/**
 * "postponed a summit that was due to open on Saturday", "scheduled for Saturday, was cancelled": the
 * day a meeting no longer takes place. Not a new day ("postponed to 3 March"), nor the day it met after
 * all ("postponed last month, was held on Saturday").
 */
function calledOff(sentence: string, m: RegExpExecArray, at: number): boolean {
  if (NEW_DAY.test(sentence.slice(Math.max(0, at - 24), at))) return false;
  return at < m.index || !HELD_AFTER.test(sentence.slice(m.index, at));
}
