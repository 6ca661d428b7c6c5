import type { DocumentInput, Extraction, MeetingFacts } from '../../core/facts.js';
import { analyse, headline, type Sentence } from './nlp.js';
import { findBodies } from './bodies.js';
import { readDateline } from './dateline.js';
import { withoutDateline } from './dateline-span.js';
import { buildFrame, type Frame } from './frame.js';
import { assemble } from './meetings.js';
import { bilaterals } from './bilaterals.js';
import { findTopics, type CompiledTopics, type Zone } from './topics.js';
import { findPeople } from './people.js';
import { summarise } from './summary.js';
import { developmentOf } from './development.js';
import { TRIGGERS } from './triggers.js';
import { findDatesNear } from './dates.js';
import { diaryHeadings, headingOf } from './diary.js';

const OUTCOME = /\b(?:adopted|agreed|welcomed|announced|endorsed|approved|launched|decided|pledged|committed to)\b/i;
const MAX_OUTCOMES = 4;
// "In his address" is a speech, not what was addressed; "attention was turned to Africa" is.
const AGENDA = /\b(?:discuss(?:ed|es|ing|ion|ions)?|focus(?:ed|es|ing)?(?!\s+group)|agenda|lines? of effort|priorities|review(?:ed|s)?|(?<!\b(?:his|her|their|an|the|opening|closing|keynote|welcome)\s)address(?:ed|es|ing)?|examined|explored|emphasi[sz]ed|stress(?:ed)?|underscored|aims? to|turned to)\b/i;
const LEAD = 2;
const LEAD_FOR_DATE = 3;
const LEAD_WORDS = 6;

/**
 * Without a publication date, a full date written in the title or lead (a
 * photo caption, "On April 22nd, 2021") is the best the document offers for
 * resolving its year-less dates; otherwise they stay unknown.
 */
function leadDate(sentences: Sentence[]): string | null {
  for (const s of sentences) {
    if (s.dates.length === 0 && !/\b(?:19|20)\d\d\b/.test(s.text)) continue;
    // Only around the date entities and years: chrono reads short windows, not whole sentences.
    const spans: Array<[number, number]> = s.dates.map((d) => [d.start - s.start, d.end - s.start]);
    for (const m of s.text.matchAll(/\b(?:19|20)\d\d\b/g)) spans.push([m.index, m.index + 4]);
    const d = findDatesNear(s.text, spans, null).find((x) => x.start);
    if (d?.start) return d.start;
  }
  return null;
}

function outcomesOf(sentences: Sentence[]): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    const m = OUTCOME.exec(s.text);
    if (!m) continue;
    const clause = s.text.slice(m.index).replace(/[.;:]\s*$/, '');
    out.push(clause.length > 200 ? `${clause.slice(0, 197)}...` : clause);
    if (out.length >= MAX_OUTCOMES) break;
  }
  return out;
}

export interface ExtractOptions {
  /** The taxonomy to tag with; the built-in one when absent. */
  topics?: CompiledTopics;
}

/** Extracts the meeting facts, topics, people and a quoted summary of one document. */
export function extract(input: DocumentInput, options: ExtractOptions = {}): Extraction {
  const title = input.title?.trim() || null;
  // The title sits ahead of the body in one string, so every offset shares one frame of reference.
  const prefix = title ? `${title.replace(/\s+/g, ' ')}\n\n` : '';
  const text = prefix + input.text;
  const titleSentences = title ? [headline(text, prefix.length)] : [];
  const body = analyse(text, prefix.length, titleSentences.length).sentences;
  const sentences = [...titleSentences, ...body];
  const lead = input.published ? null : leadDate([...titleSentences, ...body.slice(0, LEAD_FOR_DATE)]);
  // A year-less dateline ("RABAT, March 3 -") takes its year from a full date in the lead, if there is one.
  const dateline = readDateline(input.text, input.published ?? lead);
  const published = input.published ?? dateline.date;
  // "Kuwait City, 3 February 2025 - ... today hosted": the dateline's own day is the one the text counts from.
  const ref = dateline.date ?? published ?? lead;
  const mentions = findBodies(text);
  const from = prefix.length + dateline.end;

  // The lead: the body's first sentence of its own words, past the dateline (which may split off as one).
  const leadSentence = body.find((s) => s.end > from && s.toks.length >= LEAD_WORDS);
  const inTitle = new Set(mentions.filter((m) => m.end <= prefix.length).map((m) => m.body.name));
  const frames: Frame[] = [];
  for (const s of sentences) {
    if (!s.toks.some((t) => TRIGGERS.has(t.lower))) continue;
    const isTitle = s.start < prefix.length;
    const f = buildFrame(s, text, mentions, ref, { isTitle, from: isTitle ? 0 : from, lead: s === leadSentence, titleBodies: inTitle });
    if (f) frames.push(f);
  }
  // The title counts as one frame: keep the first of its pieces that found something.
  const titleFrames = frames.filter((f) => f.isTitle);
  for (const extra of titleFrames.slice(1)) frames.splice(frames.indexOf(extra), 1);

  // A calendar's items take the day and place of their headings; none of them is the text's own meeting.
  const headings = diaryHeadings(body, ref);
  for (const f of headings.length ? frames : []) {
    const h = headingOf(headings, f.sentence.index);
    f.place ??= h?.place ?? null;
    f.date ??= h?.date ?? null;
  }
  const { primary, alsoPrimary, primaryFrames, secondary } = assemble(frames, title, dateline.place, published, {
    leadIndex: leadSentence?.index ?? titleSentences.length,
    titleBodies: inTitle,
    diary: headings.length > 0,
  });
  const meetings: MeetingFacts[] = [];
  if (primary) {
    primary.outcomes = outcomesOf(body);
    meetings.push(primary, ...alsoPrimary);
  }
  meetings.push(...secondary, ...bilaterals(body, input.url, primary));

  const zones: Zone[] = [];
  // The name of a group the document only mentions ("briefings on the Counter ISIS Finance Group")
  // says nothing about finance; the first zone that holds a hit decides its weight.
  for (const m of mentions) {
    if (primary && (m.body.name === primary.body || m.body.name === primary.parent)) continue;
    if (!primary && m.body.parent === null) continue;
    zones.push({ start: m.start, end: m.end, weight: 0 });
  }
  for (const s of titleSentences) zones.push({ start: s.start, end: s.end, weight: 2 });
  for (const s of body.filter((x) => x.toks.length >= 6).slice(0, LEAD)) zones.push({ start: s.start, end: s.end, weight: 2 });
  for (const f of primaryFrames) zones.push({ start: f.sentence.start, end: f.sentence.end, weight: 2 });
  // A sentence that says what was discussed or stressed is about its subjects, not passing by them.
  for (const s of body) if (AGENDA.test(s.text)) zones.push({ start: s.start, end: s.end, weight: 2 });

  const weights = new Map<number, number>();
  for (const f of primaryFrames) {
    const n = (f.place ? 1 : 0) + (f.date?.start ? 1 : 0) + f.chairs.length + (f.body ? 1 : 0);
    weights.set(f.sentence.index, n);
  }
  // Offsets into the body; the first sentence is quoted from after its inline dateline.
  const summary = summarise(body, weights).map((s) =>
    withoutDateline({ ...s, start: s.start - prefix.length, end: s.end - prefix.length }, input.text, dateline.end),
  );

  return {
    published,
    is_meeting_report: primary !== null,
    meetings,
    topics: findTopics(null, text, zones, options.topics),
    people: findPeople(text),
    development: developmentOf(primary !== null, title, input.text),
    summary,
  };
}
