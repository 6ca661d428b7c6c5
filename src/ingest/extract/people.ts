import type { Person } from '../../core/facts.js';
import { countryByDemonym, countryByName, lookupPlace } from './gazetteer.js';

const ROLE_WORD = String.raw`(?:Minister|Secretary|Envoy|Ambassador|Director(?:[- ]General)?|General|Spokesperson|President|Representative|Coordinator|Senator|Commander|Chancellor|King|Prince|Governor|Advisor|Adviser|Chief|Head|Deputy|Counselor|High Representative|Cmdr\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|H\.E\.|Sheikh|Hon|Minister of [A-Z][a-z]+(?: [A-Z][a-z]+)*)`;
const NAME_PART = String.raw`(?:[A-Z][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*|[A-Z]\.|(?:al|Al|de|del|van|von|bin|Ould|Abu)(?=[- ][A-Z]))`;
const NAME = String.raw`${NAME_PART}(?:[ -]${NAME_PART}){0,4}`;
const PERSON = new RegExp(String.raw`\b(${ROLE_WORD})\.?,? (${NAME})`, 'g');
const NOT_NAME = new Set([
  'Affairs', 'Foreign', 'State', 'Defense', 'Defence', 'Office', 'Coalition', 'Global', 'Group', 'Department', 'Ministry',
  'Council', 'Government', 'Special', 'Presidential', 'Deputy', 'Senior', 'Political', 'Security', 'United', 'Nations',
  'Union', 'General', 'Secretary', 'Minister', 'Envoy', 'Director', 'Counterterrorism', 'Acting', 'Assistant', 'Under',
  'Sahel', 'Region', 'Africa', 'Europe', 'International', 'Cooperation', 'Policy', 'Issues', 'Prime', 'Head', 'Delegation',
  'Ambassador', 'Representative', 'High', 'The', 'Permanent', 'Chief', 'Staff', 'Operations', 'Conflict', 'Intensity',
]);

function cleanName(raw: string): string | null {
  const parts = raw.split(' ');
  // Drop leading words that are titles or institutions rather than the person's name.
  while (parts.length && NOT_NAME.has(parts[0] ?? '')) parts.shift();
  while (parts.length && NOT_NAME.has(parts[parts.length - 1] ?? '')) parts.pop();
  const name = parts.join(' ');
  if (parts.length < 1 || name.length < 4) return null;
  if (parts.some((p) => NOT_NAME.has(p))) return null;
  if (countryByName(name) || lookupPlace(name) || countryByDemonym(name)) return null;
  if (parts.length === 1 && !/^[A-Z][a-z]+[A-Z]?[a-z]+$/.test(name)) return null;
  return name;
}

/** People named with a title or office just before the name. */
export function findPeople(text: string): Person[] {
  const out: Person[] = [];
  for (const m of text.matchAll(PERSON)) {
    const name = cleanName(m[2] ?? '');
    if (!name) continue;
    const last = name.split(' ').pop() ?? name;
    const seen = out.find((p) => p.name === name || p.name.endsWith(` ${last}`) || name.endsWith(` ${p.name}`));
    if (seen) {
      if (name.length > seen.name.length) seen.name = name;
      continue;
    }
    // The role is the run of title words before the name, as the text gives it.
    const before = text.slice(Math.max(0, m.index - 80), m.index + (m[1]?.length ?? 0));
    const role = /((?:[A-Z][\w.’'-]*|of|for|the|and|to)(?:\s+(?:[A-Z][\w.’'-]*|of|for|the|and|to))*)$/.exec(before)?.[1]?.replace(/^(?:of|for|the|and|to)\s+/, '') ?? null;
    out.push({ name, role: role && !/^(?:Mr|Mrs|Ms|Dr|H\.E)\.?$/.test(role) ? role : null });
  }
  return out;
}
