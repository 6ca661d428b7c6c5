import type { Person } from '../../core/facts.js';
import { countryByDemonym, countryByName, lookupPlace } from './gazetteer.js';
import { matchesOf } from './matches.js';

/** Words that make the capitalised words near them a person's name and office. */
const ROLE = /\b(?:Minister|Secretary|Envoy|Ambassador|Director|General|Spokesperson|President|Representative|Coordinator|Senator|Commander|Chancellor|King|Prince|Governor|Advis[eo]r|Chief|Head|Deputy|Counselor|Cmdr|Mr|Mrs|Ms|Dr|H\.E|Sheikh|USG)\b\.?/;
const PARTICLE = String.raw`(?:de|del|da|di|Di|van|von|bin|ben|Ould|Le|La|al|Al|Abu|el|El)`;
const PART = String.raw`(?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)*|\p{Lu}\.)`;
/** Two to five name parts, particles allowed inside ("Staffan de Mistura", "Ismail Ould Cheikh Ahmed"). */
const NAME = new RegExp(String.raw`(?<![\p{L}.-])${PART}(?:[ -](?:${PARTICLE}[ -])?${PART}){1,9}(?![\p{L}])`, 'gu');
const NOT_NAME = new Set([
  'Affairs', 'Foreign', 'State', 'Defense', 'Defence', 'Office', 'Coalition', 'Global', 'Group', 'Department', 'Ministry',
  'Council', 'Government', 'Special', 'Presidential', 'Deputy', 'Senior', 'Political', 'Security', 'United', 'Nations',
  'Union', 'General', 'Secretary', 'Minister', 'Envoy', 'Director', 'Counterterrorism', 'Acting', 'Assistant', 'Under',
  'Sahel', 'Region', 'Africa', 'Europe', 'International', 'Cooperation', 'Policy', 'Issues', 'Prime', 'Head', 'Delegation',
  'Ambassador', 'Representative', 'High', 'The', 'Permanent', 'Chief', 'Staff', 'Operations', 'Conflict', 'Intensity',
  'President', 'Spokesperson', 'Senator', 'Hon', 'Mr', 'Mrs', 'Ms', 'Dr', 'Cmdr', 'Travel', 'Travels', 'Visit', 'Visits',
  'Media', 'Note', 'Press', 'Release', 'Statement', 'Meeting', 'Ministerial', 'Minister’s', 'Defeat', 'Counter', 'Daesh',
  'ISIS', 'ISIL', 'Special', 'Advisor', 'Adviser', 'Communications', 'Secretariat', 'Assembly', 'Parliament', 'Force',
  'Forces', 'Army', 'Navy', 'Commander', 'Governor', 'Coordinator', 'Prince', 'King', 'Sheikh', 'USG', 'Republic', 'Kingdom',
  'Federal', 'Expatriates', 'Abroad', 'Mauritanians', 'Agency', 'Bureau', 'Programme', 'Program', 'Initiative', 'Focus',
  'Working', 'Small', 'Executive', 'Public', 'Domain', 'Photo', 'Read', 'Our', 'We', 'They', 'This', 'That', 'His', 'Her',
  'Following', 'On', 'In', 'At', 'For', 'And', 'Today', 'Finally', 'Then', 'Later', 'Minister-', 'Regional', 'Strategic',
  'Dialogue', 'Sea', 'Ocean', 'Gulf', 'Summit', 'Conference', 'Task', 'Operation', 'Mission', 'Affairs’', 'Delegation’s',
]);
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const ROLE_WINDOW = 90;
/** A full stop after a title or an initial ("Dr. ", "Cmdr. ", "J. ", "U.S. ") ends no sentence. */
const ABBREVIATION = /(?:^|[^\p{L}])(?:\p{Lu}|Dr|Mr|Mrs|Ms|Cmdr|Gen|Col|Lt|Capt|Amb|Sen|Rep|Hon|Prof|Jr|Sr)$/u;
/** "his Moroccan counterpart, Jane Doe": the apposition names the other side's holder of the same office. */
const COUNTERPART = /((?:\p{Lu}\p{Ll}+\s+)?counterparts?)\s*,?\s*(?:(?:Mr|Mrs|Ms|Dr|H\.E)\.?\s*)?$/u;
/** A courtesy title is no office: "Special Envoy Dr. Jane Doe" holds the office "Special Envoy". */
const COURTESY_END = /(?:^|\s+)(?:Mr|Mrs|Ms|Dr|H\.E|Cmdr|Capt|Gen|Col|Lt|Amb|Prof|Hon)\.?$/;

/** Where the sentence holding the end of `before` starts, past any abbreviation's full stop. */
function clauseOf(before: string): string {
  let stop = before.lastIndexOf('. ');
  while (stop > 0 && ABBREVIATION.test(before.slice(Math.max(0, stop - 5), stop))) stop = before.lastIndexOf('. ', stop - 1);
  return before.slice(Math.max(stop, before.lastIndexOf('\n')) + 1);
}

/** Words recur from document to document; the gazetteer lookups behind each answer are not cheap. */
const NAME_PART_CACHE = 20_000;
const namePart = new Map<string, boolean>();

function isNamePart(p: string): boolean {
  let v = namePart.get(p);
  if (v === undefined) {
    v = !NOT_NAME.has(p) && !MONTHS.test(p) && !countryByName(p) && !countryByDemonym(p) && !lookupPlace(p);
    if (namePart.size >= NAME_PART_CACHE) namePart.clear();
    namePart.set(p, v);
  }
  return v;
}

/** The same runs of capitalised words ("Foreign Minister", "Global Coalition") recur in every document. */
const CLEAN_NAME_CACHE = 20_000;
const cleaned = new Map<string, string | null>();

/** cleanName, remembered: its answer depends on the run alone and the gazetteer's fixed tables. */
function cleanNameOf(raw: string): string | null {
  let name = cleaned.get(raw);
  if (name === undefined) {
    name = cleanName(raw);
    if (cleaned.size >= CLEAN_NAME_CACHE) cleaned.clear();
    cleaned.set(raw, name);
  }
  return name;
}

/** An institution word, alone or in a compound ("Low-Intensity"). */
function isInstitutionWord(p: string): boolean {
  return NOT_NAME.has(p) || (p.includes('-') && p.split('-').some((q) => NOT_NAME.has(q)));
}

/**
 * Trims title and institution words off both ends; what remains must still look like a name.
 * A long office runs straight into the name ("... for Special Operations and Low-Intensity
 * Conflict Jane Q. Doe"): the name is what follows the office's last institution word.
 */
function cleanName(raw: string): string | null {
  let parts = raw.split(' ');
  while (parts.length && !isNamePart(parts[parts.length - 1] ?? '')) parts.pop();
  const lastInstitution = parts.findLastIndex(isInstitutionWord);
  if (lastInstitution >= 0) parts = parts.slice(lastInstitution + 1);
  while (parts.length && !isNamePart(parts[0] ?? '')) parts.shift();
  const name = parts.join(' ');
  if (parts.length < 2 || parts.length > 5) return null;
  if (countryByName(name) || lookupPlace(name)) return null;
  return name;
}

/**
 * People named next to an office or title: "Foreign Minister Jane Doe",
 * "Jane Doe, Minister of ...". The role is the run of title words before the
 * name, or the description after it.
 */
export function findPeople(text: string): Person[] {
  const out: Person[] = [];
  for (const m of matchesOf(NAME, text)) {
    const name = cleanNameOf(m[0]);
    if (!name) continue;
    const at = m.index + m[0].indexOf(name);
    const before = text.slice(Math.max(0, at - ROLE_WINDOW), at);
    const clause = clauseOf(before);
    const after = text.slice(at + name.length, at + name.length + ROLE_WINDOW);
    // An abbreviation in brackets ("Special Presidential Envoy (SPE) Jane Doe") belongs to the office.
    const tail = ROLE.test(clause) ? /((?:[\p{Lu}][\w.’'-]*|of|for|the|and|to|on)(?:[ ,]+(?:[\p{Lu}][\w.’'-]*|\(\p{Lu}{2,}\)|of|for|the|and|to|on))*)\s*,?\s*$/u.exec(clause)?.[1] ?? null : null;
    // The office is the words right before the name: a title earlier in the sentence names someone else.
    const roleBefore = tail && ROLE.test(tail) ? tail : null;
    const roleAfter = /^,\s*((?:the\s+)?(?:[\p{Lu}][\w.’'-]*\s+){0,6}?(?:Minister|Secretary|Envoy|Ambassador|Director|Representative|Coordinator|President|Advis[eo]r)\b[^,.;]*)/u.exec(after)?.[1] ?? null;
    const office = roleBefore?.replace(/^(?:of|for|the|and|to|on)\s+/, '').replace(COURTESY_END, '').trim() || roleAfter?.trim() || null;
    const counterpart = !office && clause.includes('counterpart') ? COUNTERPART.exec(clause)?.[1] ?? null : null;
    if (!roleBefore && !roleAfter && !counterpart) continue;
    const last = name.split(' ').pop() ?? name;
    const seen = out.find((p) => p.name === name || p.name.endsWith(` ${last}`));
    if (seen) continue;
    out.push({ name, role: office ?? counterpart });
  }
  return out;
}
