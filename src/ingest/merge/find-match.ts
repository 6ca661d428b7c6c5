import type { IsoDate, Meeting, MeetingFacts } from '../../core/index.js';
import { jaccard, knownWordSet } from '../summarize/similarity.js';
import { dayNumber, intervalGap, meetingInterval } from './dates.js';
import { fold, sameName } from './names.js';

/** Days two reported meeting dates may differ by and still be one meeting (sources misread a day). */
export const DATE_SLACK_DAYS = 2;
/** Publication dates this close let an undated report join a meeting at the same place. */
export const PUBLICATION_WINDOW_DAYS = 10;

export interface MatchDoc {
  title: string;
  published: IsoDate | null;
}

type Place = Pick<MeetingFacts, 'city' | 'country'>;

/** false: the places clearly differ; true: one of them agrees; null: nothing to compare. */
function placeAgreement(a: Place, b: Place): boolean | null {
  const city = sameName(a.city, b.city);
  const country = sameName(a.country, b.country);
  if (city === false || country === false) return false;
  if (city === true || country === true) return true;
  return null;
}

function nearestPublicationGap(days: readonly number[], candidate: Meeting): number | null {
  let best: number | null = null;
  const anchors: Array<[number, number]> = [];
  for (const s of candidate.sources) {
    const d = dayNumber(s.published);
    if (d !== null) anchors.push([d, d]);
  }
  const span = meetingInterval(candidate.start, candidate.end);
  if (span) anchors.push(span);
  for (const d of days) {
    for (const a of anchors) {
      const gap = intervalGap([d, d], a);
      if (best === null || gap < best) best = gap;
    }
  }
  return best;
}

/**
 * How well a stored meeting fits the facts of a new report, or null when they are
 * clearly different meetings. Both dated: the dates must overlap (within a small
 * slack). Otherwise the place must agree and the publication dates be close.
 */
export function matchScore(candidate: Meeting, facts: MeetingFacts, doc: MatchDoc): number | null {
  if (fold(candidate.body) !== fold(facts.body)) return null;
  const place = placeAgreement(candidate, facts);
  if (place === false) return null;
  const a = meetingInterval(candidate.start, candidate.end);
  const b = meetingInterval(facts.start, facts.end);
  if (a && b) {
    const gap = intervalGap(a, b);
    if (gap > DATE_SLACK_DAYS) return null;
    return 10 - 2 * gap + (place ? 3 : 0);
  }
  if (place !== true) return null;
  const own: number[] = [];
  const pub = dayNumber(doc.published);
  if (pub !== null) own.push(pub);
  if (b) own.push(b[0], b[1]);
  const gap = nearestPublicationGap(own, candidate);
  if (gap === null || gap > PUBLICATION_WINDOW_DAYS) return null;
  return 5 - gap / PUBLICATION_WINDOW_DAYS;
}

function titleSimilarity(candidate: Meeting, doc: MatchDoc): number {
  const words = knownWordSet(doc.title);
  let best = 0;
  for (const s of candidate.sources) best = Math.max(best, jaccard(words, knownWordSet(s.title)));
  return best;
}

/** The stored meeting this report is about, if any: best score, text similarity of titles breaking ties. */
export function findMatch(candidates: readonly Meeting[], facts: MeetingFacts, doc: MatchDoc): Meeting | null {
  let best: { meeting: Meeting; score: number } | null = null;
  for (const meeting of candidates) {
    const base = matchScore(meeting, facts, doc);
    if (base === null) continue;
    // Title similarity stays below 1, so it only ever breaks ties between equal place/date fits.
    const score = base + 0.99 * titleSimilarity(meeting, doc);
    if (!best || score > best.score || (score === best.score && meeting.id < best.meeting.id)) best = { meeting, score };
  }
  return best?.meeting ?? null;
}
