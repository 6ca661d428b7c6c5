import type { Sentence } from './nlp.js';
import type { BodyMention } from './bodies.js';
import { partiesIn } from './names.js';
import { countryByDemonym, countryByName } from './gazetteer.js';
import { MEETING_VERBS, TRIGGERS } from './triggers.js';

/** Cheap first check before the regular expression: the first letters of every chair verb. */
const CHAIR_STEMS = new Set(['ch', 'co', 'ho', 'le', 'pr', 'au', 'un']);
const CHAIR_VERB = /^(?:co-?)?(?:chair(?:ed|s|ing)?|host(?:ed|s|ing)?|convene[ds]?|convening|lead|leads|led|preside[ds]?|presiding)$/i;
/** Where a "by ..." list of chairs ends; "for" is missing on purpose ("Minister for Foreign Affairs"). */
const SPAN_STOP = new Set(['in', 'on', 'at', 'to', 'ahead', 'during', 'from', 'since', 'which', 'who', 'that', 'where', 'when', 'while', 'as', ';', '(', ':']);
const NOT_A_CHAIR_BEFORE = new Set(['delegation', 'team', 'troops', 'forces', 'mission', 'operation', 'operations', '-']);
/** "the coalition led by X" says who leads the coalition; "the Envoy for the Coalition co-chaired" still chairs. */
const NOT_A_LEADER_BEFORE = new Set(['coalition']);
const LEAD_VERB = /^(?:co-?)?(?:lead|leads|led)$/i;
const NOT_A_CHAIR_AFTER = new Set(['delegation', 'team', 'troops', 'forces', 'mission', 'efforts', 'campaign', 'fight', 'way', 'role']);
const PARTNER_WINDOW = 12;
/** Words that may stand between a meeting and a partner chair's "with": its venue and day ("held in Rome on 3 May"). */
const VENUE_OR_DAY = new Set(['in', 'at', 'on', 'held', ',']);
const HOSTING_NOUNS = new Set(['chairmanship', 'co-chairmanship', 'presidency', 'co-presidency', 'auspices', 'invitation']);
const HOLDERS = 8;
const BE = new Set(['are', 'were', 'is', 'was']);
const PRONOUN = new Set(['he', 'she', 'they']);
const RECEIVE_VERBS = new Set(['received', 'receives', 'welcomed', 'welcomes']);
const GUESTS = new Set(['delegations', 'delegates', 'participants', 'representatives', 'ministers', 'officials', 'experts', 'specialists', 'envoys', 'partners']);
const CLAUSE_START = new Set([',', ';', ':', '—', '–', '-', 'where', 'which', 'who', 'and', 'when', 'while']);
const ROLE = /\b(?:Minister|Secretary|Envoy|Ambassador|President|Director|Representative|Chancellor)\b/;

// "Katrin Vogel heads the division at Germany's Federal Foreign Office.": a person tied to one country's ministry.
const PERSON_LEAD = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3},?\s+(?:heads|leads|is|was|directs|runs|serves|works|head|director)\b/u;
const OFFICE_OF = /(?:\b(\p{Lu}[\p{L}-]+)['’]s|\bthe\s+(\p{Lu}[\p{L}-]+))\s+(?:(?:Federal|Foreign|Interior|Defence|Defense|State)\s+)*(?:Foreign Office|Ministry|Department|Chancellery|Embassy)\b/gu;
const PREVIOUS_CHARS = 300;

/**
 * "she co-chaired" right after a sentence about one person at one country's ministry: that country.
 * Nothing when the sentence before is not about a named person, or names no such office or several.
 */
function pronounCountry(text: string, s: Sentence): string | null {
  const before = text.slice(Math.max(0, s.start - PREVIOUS_CHARS), s.start).trimEnd();
  if (!before.endsWith('.')) return null;
  const from = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('. ', before.length - 2));
  if (from < 0 && s.start > PREVIOUS_CHARS) return null;
  const prev = before.slice(from + 1).trim();
  if (!PERSON_LEAD.test(prev)) return null;
  const found = new Set<string>();
  for (const m of prev.matchAll(OFFICE_OF)) {
    const c = m[1] ? countryByName(m[1]) : countryByDemonym(m[2] ?? '');
    if (c) found.add(c);
  }
  return found.size === 1 ? [...found][0]! : null;
}

export interface Chairs {
  parties: string[];
  /** A chair named only by an office that gives no country ("the Minister of Foreign Affairs"). */
  unplacedOffice: boolean;
}

/** Countries and organisations said to chair, host, lead or convene. */
export function findChairs(s: Sentence, text: string, masked: Set<number>, mentions: BodyMention[]): Chairs {
  const toks = s.toks;
  const out: string[] = [];
  let unplacedOffice = false;
  const add = (xs: string[]) => { for (const x of xs) if (!out.includes(x)) out.push(x); };
  const stopAt = (from: number, stops: Set<string>) => {
    let j = from;
    for (; j < toks.length; j++) {
      const t = toks[j]!;
      if (stops.has(t.lower) || TRIGGERS.has(t.lower)) break;
      if (t.pos === 'VERB' && !masked.has(j) && j > from) break;
    }
    return j;
  };
  const subject = (from: number, to: number) => {
    const parties = partiesIn(text, toks, from, to);
    const a = toks[from], b = toks[to - 1];
    const span = a && b ? text.slice(a.start, b.end) : '';
    // "the Secretariat of the Global Coalition hosted": an organisation of the body itself.
    const secretariat = /\bSecretariat\b/.test(span) && mentions.find((m) => m.start >= (a?.start ?? 0) && m.end <= (b?.end ?? 0));
    if (secretariat) parties.push(`Secretariat of the ${secretariat.body.name}`);
    if (parties.length === 0 && ROLE.test(span)) unplacedOffice = true;
    add(parties);
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (HOSTING_NOUNS.has(t.lower)) {
      // "under the Chadian presidency (of the group)", "under Danish and American chairmanship": the
      // holders named before the noun, back over a short list of capitalised words.
      let h = i - 1;
      while (h > i - HOLDERS && /^(?:\p{Lu}[\p{L}-]*|and|,)$/u.test(toks[h]?.value ?? '')) h--;
      const named = h < i - 1;
      if (toks[h]?.lower === 'the') h--;
      if (named && /^(?:under|with)$/.test(toks[h]?.lower ?? '')) { add(partiesIn(text, toks, h + 1, i)); continue; }
      // "under the chairmanship of", "at the invitation of": whoever invites hosts.
      if (toks[i + 1]?.lower !== 'of' || !/^(?:under|with|at|on|upon)$/.test(toks[i - 2]?.lower ?? '')) continue;
      add(partiesIn(text, toks, i + 2, stopAt(i + 2, SPAN_STOP)));
      continue;
    }
    // "where Mauritania received some fifty delegations": whoever receives the delegations hosts, named
    // in the verb's own clause.
    if (RECEIVE_VERBS.has(t.lower)) {
      if ([1, 2, 3, 4].some((k) => GUESTS.has(toks[i + k]?.lower ?? ''))) {
        let a = i - 1;
        while (a >= 0 && !CLAUSE_START.has(toks[a]!.lower)) a--;
        subject(a + 1, i);
      }
      continue;
    }
    if (!CHAIR_STEMS.has(t.lower.slice(0, 2)) || !CHAIR_VERB.test(t.value)) continue;
    if (NOT_A_CHAIR_BEFORE.has(toks[i - 1]?.lower ?? '') || NOT_A_CHAIR_BEFORE.has(toks[i - 2]?.lower ?? '')) continue;
    if (LEAD_VERB.test(t.value) && (NOT_A_LEADER_BEFORE.has(toks[i - 1]?.lower ?? '') || NOT_A_LEADER_BEFORE.has(toks[i - 2]?.lower ?? ''))) continue;
    if ([1, 2, 3].some((k) => NOT_A_CHAIR_AFTER.has(toks[i + k]?.lower ?? ''))) continue;
    if (toks[i + 1]?.lower === 'by') {
      add(partiesIn(text, toks, i + 2, stopAt(i + 2, SPAN_STOP)));
      continue;
    }
    // "co-host Nigeria": the noun, naming its holder right after it.
    if (/^(?:co-)?(?:host|chair)$/.test(t.lower) && !/^(?:to|will|would|can|shall)$/.test(toks[i - 1]?.lower ?? '')) {
      add(partiesIn(text, toks, i + 1, Math.min(toks.length, i + 4)));
      continue;
    }
    // "the group's co-chairs Italy, Morocco and the U.S." (or "co-chairs, Italy, ..."): the plural noun, its holders listed after it.
    // "The group's co-chairs are Italy, ...": the same list after the verb.
    const k = toks[i + 1]?.value === ',' || BE.has(toks[i + 1]?.lower ?? '') ? i + 2 : i + 1;
    if (/^(?:co-)?(?:host|chair)s$/.test(t.lower) && /^\p{Lu}/u.test(toks[k]?.value ?? '')) {
      const listed = partiesIn(text, toks, k, stopAt(k, SPAN_STOP));
      if (listed.length > 0) { add(listed); continue; }
    }
    // "Italy and the United States, as co-chairs, say": the holders are the list before, back to a clause break.
    if (/^(?:co-)?(?:host|chair)s?$/.test(t.lower) && toks[i - 1]?.lower === 'as' && toks[i - 2]?.value === ',') {
      let c = i - 3;
      while (c >= 0 && toks[c]!.value !== ',' && toks[c]!.value !== ';' && i - c < 14) c--;
      add(partiesIn(text, toks, c + 1, i - 2));
      continue;
    }
    // Active voice: the subject runs back to a clause break or a relative pronoun's antecedent.
    let a = i - 1;
    while (a >= 0 && toks[a]!.value !== ';' && toks[a]!.lower !== 'which' && toks[a]!.lower !== 'who') a--;
    const pronoun = a >= 0 && PRONOUN.has(toks[a + 1]?.lower ?? '') && a + 2 === i;
    if (pronoun && toks[a]?.lower === 'which') {
      // "the meeting, which he co-chaired": "he" is the sentence's subject, named before its first verb.
      let v = 0;
      while (v < a && toks[v]!.pos !== 'VERB' && toks[v]!.pos !== 'AUX') v++;
      subject(0, v);
    } else if (toks[a]?.lower === 'which' && a + 1 < i && partiesIn(text, toks, a + 1, i).length > 0) {
      // "the Finance Group, which Italy leads with ...": the relative clause has a subject of its own.
      subject(a + 1, i);
    } else if (toks[a]?.lower === 'which' || toks[a]?.lower === 'who') {
      let b = a - 1;
      while (b >= 0 && toks[b]!.value === ',') b--;
      let c = b;
      while (c > 0 && toks[c - 1]!.value !== ',' && b - c < 10) c--;
      subject(Math.max(0, c), b + 1);
    } else {
      const before = out.length;
      subject(a + 1, i);
      if (out.length === before && (toks[i - 1]?.lower === 'she' || toks[i - 1]?.lower === 'he')) {
        const c = pronounCountry(text, s);
        if (c) add([c]);
      }
    }
    // "hosted the meeting together with X": a partner named after the meeting, however long the
    // meeting's name and date ("co-chaired, on 4 and 5 May, a meeting of the ..., alongside X"),
    // as long as no other verb starts a clause of its own.
    // `told`: the meeting has been named, and since then only where or when it met ("in Rome", "on 3 May").
    for (let j = i + 1, words = 0, told = false; j < toks.length && words < PARTNER_WINDOW; j++) {
      const tok = toks[j]!;
      const w = tok.lower;
      if (w === ';' || w === '.') break;
      if (tok.pos === 'VERB' && !masked.has(j) && !MEETING_VERBS.has(w)) break;
      if (!masked.has(j) && tok.pos !== 'NUM' && tok.pos !== 'PUNCT') words++;
      // "co-chaired the meeting (of the group in Rome) with the United States": a bare "with" right after the
      // meeting a co-chair verb governs, or after its venue and day, names a partner chair.
      // "with the support of Nigeria" is help, not a partner: after "the", a name must follow.
      const named = toks[j + 1]?.lower === 'the' ? toks[j + 2] : toks[j + 1];
      const partner = w === 'with' && told && t.lower.startsWith('co-') && /^\p{Lu}/u.test(named?.value ?? '');
      const from = (w === 'together' || w === 'jointly') && toks[j + 1]?.lower === 'with' ? j + 2 : w === 'alongside' || partner ? j + 1 : -1;
      if (from > 0) { add(partiesIn(text, toks, from, stopAt(from, new Set([';', '(', ':'])))); break; }
      if (TRIGGERS.has(w) || masked.has(j)) told = true;
      else if (told && !VENUE_OR_DAY.has(w) && tok.pos !== 'NUM' && !/^\p{Lu}/u.test(tok.value)) told = false;
    }
    // "co-chaired, together with X, the meeting": partners, until the meeting itself is named.
    for (let j = i + 1; j < Math.min(toks.length, i + 6); j++) {
      const w = toks[j]!.lower;
      if (TRIGGERS.has(w) || (toks[j]!.pos === 'NOUN' && !masked.has(j) && !/^(?:today|tomorrow|tonight)$/.test(w))) break;
      if (w === 'with') { add(partiesIn(text, toks, j + 1, stopAt(j + 1, new Set([';', '(', ':'])))); break; }
    }
  }
  return { parties: out, unplacedOffice };
}

/** A meeting frame for a sentence with a meeting word, or null. */
