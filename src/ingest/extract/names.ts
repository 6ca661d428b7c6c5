import type { Tok } from './nlp.js';
import { countryByDemonym, countryByName, lookupPlace, organisation, startsAName, type Place } from './gazetteer.js';
import table from '../data/offices.json' with { type: 'json' };
import { matchesOf } from './matches.js';

const MAX_NAME_TOKENS = 6;

/** The longest run of tokens from `i` that `lookup` accepts, tried longest first. */
function longestAt<T>(text: string, toks: Tok[], i: number, lookup: (s: string) => T | null): { value: T; next: number } | null {
  const first = toks[i];
  if (!first || !/^\p{Lu}/u.test(first.value) || !startsAName(first.value)) return null;
  for (let j = Math.min(toks.length - 1, i + MAX_NAME_TOKENS - 1); j >= i; j--) {
    const last = toks[j];
    if (!last || !/[\p{L}.]$/u.test(last.value)) continue;
    const v = lookup(text.slice(first.start, last.end));
    if (v) return { value: v, next: j + 1 };
  }
  return null;
}

export function placeAt(text: string, toks: Tok[], i: number): { value: Place; next: number } | null {
  let k = i;
  if (toks[k]?.lower === 'the' && toks[k + 1]?.value !== 'Hague') k++;
  return longestAt(text, toks, k, lookupPlace);
}

const offices = table.offices.map((o) => ({ re: new RegExp(o.pattern, 'g'), country: o.country }));

/**
 * Countries and organisations named in a stretch of text that describes who
 * chairs or hosts: country names, demonyms ("his Saudi counterpart"),
 * abbreviations, organisations, and offices that imply a country.
 */
export function partiesIn(text: string, toks: Tok[], from: number, to: number): string[] {
  const out: string[] = [];
  const add = (c: string | null) => { if (c && !out.includes(c)) out.push(c); };
  // Offices first: "Minister for Foreign Affairs, European Union and Cooperation" is Spain's, not the EU.
  const inOffice: Array<[number, number]> = [];
  const byOffice: string[] = [];
  const a = toks[from], b = toks[to - 1];
  if (a && b && a.start < b.end) {
    const span = text.slice(a.start, b.end);
    for (const o of offices) {
      for (const m of matchesOf(o.re, span)) {
        inOffice.push([a.start + m.index, a.start + m.index + m[0].length]);
        const before = span.slice(Math.max(0, m.index - 30), m.index);
        // "UK Secretary of State" or "Italian Foreign Minister" already said whose office it is.
        const words = before.trim().split(/\s+/).slice(-2);
        if (words.some((w) => countryByDemonym(w) || countryByName(w))) continue;
        byOffice.push(o.country);
      }
    }
  }
  for (let i = from; i < to; i++) {
    const at = toks[i]?.start ?? -1;
    if (inOffice.some(([x, y]) => at >= x && at < y)) continue;
    const prev = toks[i - 1]?.lower;
    // "in Brussels" or "from Chad" is where someone is or comes from, not who chairs.
    if (prev === 'in' || prev === 'at' || prev === 'from') continue;
    const named = longestAt(text, toks, i, (s) => countryByName(s) ?? organisation(s));
    if (named) { add(named.value); i = named.next - 1; continue; }
    const tok = toks[i];
    if (tok && /^[A-Z]/.test(tok.value)) add(countryByDemonym(tok.value.replace(/s$/, '')) ?? countryByDemonym(tok.value));
  }
  byOffice.forEach(add);
  return out;
}
