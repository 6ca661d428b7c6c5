import type { MeetingFacts } from '../../core/facts.js';
import type { Sentence } from './nlp.js';
import { tenseOf } from './dates.js';
import { countryByCode, countryByDemonym, countryByName } from './gazetteer.js';

const MEET_WITH = /\b(?:met|meet|meets|meeting|meetings)\s+(?:separately\s+)?with\s+/gi;
const BY_DEMONYM = /^(?:his|her|their)\s+([A-Z][\w'’-]+)\s+counterparts?\b/;
const FROM_LIST = /^(?:his|her|their)\s+counterparts?\s+from\s+([^.;:]+)/;
// "Foreign Minister Jane Doe of Norway": an office and a name, then the country.
const NAME_OF = /^(?:[A-Z][\w.'’-]*\s+){1,6}of\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})/;
const LIST_SEP = /\s*,\s*(?:and\s+)?|\s+and\s+/;
const SIDELINES = /\b(?:on|in|at)\s+the\s+(?:sidelines|margins)\s+of\s+(?:the|this|today['’]s)\s+(?:[\w-]+\s+){0,3}?(?:meeting|ministerial|summit|conference|session|plenary|gathering)\b/i;
const SAME_DAY = /^\W*(?:on\s+)?(?:the|that)\s+same\s+day\b/i;
const NEXT_IN_TURN = /^\W*(?:then|later|finally|afterwards|next|subsequently)\b/i;
// "www.mfa.gov.tr", "diplomatie.gouv.fr", "minister.defence.gov.au"; a plain ".gov" or ".mil" is the United States'.
const GOV_DOMAIN = /\.(?:gov|gouv|gob|govt|go|gv)\.([a-z]{2})$/;
const US_DOMAIN = /\.(?:gov|mil)$/;
const TURN_GAP = 2;

/** Where and when the last bilateral meeting told was. */
interface Told { index: number; start: string | null; city: string | null; country: string | null }

/** The government a release comes from, by its web domain; null for anything else. */
export function governmentOf(url: string | null | undefined): string | null {
  // A source that is a name ("Atlas Review"), not an address, is common; a parse that throws costs more than this test.
  if (!url || !/^https?:\/\//i.test(url)) return null;
  let host: string;
  try { host = new URL(url).hostname.toLowerCase(); } catch { return null; }
  const cc = GOV_DOMAIN.exec(host);
  if (cc) return countryByCode(cc[1]!);
  return US_DOMAIN.test(host) ? countryByCode('US') : null;
}

/** The countries a minister of the publishing government meets in one sentence. */
function partners(text: string, own: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MEET_WITH)) {
    const rest = text.slice(m.index + m[0].length);
    const one = BY_DEMONYM.exec(rest)?.[1];
    const list = FROM_LIST.exec(rest)?.[1];
    const named = NAME_OF.exec(rest)?.[1];
    const found = one ? [countryByDemonym(one)]
      : list ? list.split(LIST_SEP).map((x) => countryByName(x.trim()))
        : named ? [countryByName(named)] : [];
    for (const c of found) if (c && c !== own && !out.includes(c)) out.push(c);
  }
  return out;
}

/**
 * "On the sidelines of this meeting, the Minister will meet with his Moroccan counterpart", "also held
 * bilateral meetings with her counterparts from Chile and Peru", "Then, the Minister met with Foreign
 * Minister Jane Doe of Norway": in a government's release on a meeting it attended, its minister's
 * meetings with another country's, each a bilateral meeting in passing. Its day is the main meeting's
 * when the text ties it to that meeting (its sidelines, the same day), the one before's when it follows
 * on ("Then", "Later"); otherwise unknown.
 */
export function bilaterals(sentences: Sentence[], url: string | null | undefined, main: MeetingFacts | null): MeetingFacts[] {
  const own = main ? governmentOf(url) : null;
  if (!own || !main) return [];
  const out: MeetingFacts[] = [];
  // Only the meeting told last can be followed on ("Then", "Later").
  let last = null as Told | null;
  for (const s of sentences) {
    // Most sentences hold neither word; the patterns run only on those that do.
    if (!s.text.includes(' with ') || !/\bmeet|\bmet\b/i.test(s.text)) continue;
    const others = partners(s.text, own);
    if (others.length === 0) continue;
    const sidelines = SIDELINES.test(s.text);
    const inTurn = last && s.index - last.index <= TURN_GAP && NEXT_IN_TURN.test(s.text) ? last : null;
    const start = sidelines || SAME_DAY.test(s.text) ? main.start : inTurn?.start ?? null;
    const city = sidelines ? main.city : inTurn?.city ?? null;
    const country = sidelines ? main.country : inTurn?.country ?? null;
    for (const other of others) {
      const body = `${own}-${other} bilateral meeting`;
      if (out.some((m) => m.body === body)) continue;
      out.push({
        body, parent: null, kind: 'bilateral', city, country, start, end: start, chairs: [], outcomes: [], primary: false,
        status: tenseOf(s.text) === 'future' ? 'announced' : 'held',
      });
    }
    last = { index: s.index, start, city, country };
  }
  return out;
}
